"""Widgets, theme, workers and helpers that every feature's UI shares."""
