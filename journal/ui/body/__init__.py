"""The Body log area: form, past logs, timeline, charts, warning-sign banner, doctor summary."""
