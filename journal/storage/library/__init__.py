"""The library's personal state (bookmarks, closeness marks) and the in-memory FTS5 index of
the articles.
"""
