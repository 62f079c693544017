"""The writing feature's rules and data: entries, moods and feelings, tags, prompts,
remembrance dates.
"""
