"""The writing feature in the encrypted database: models, repository, FTS5 search, mood
statistics.
"""
