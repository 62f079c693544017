"""The Journal area: editor, timeline, search, calendar, prompts, remembrance, mood chart."""
