"""Safekeeping rules: which backups to keep, and imported journals as plain data."""
