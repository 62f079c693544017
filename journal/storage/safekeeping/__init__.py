"""Safekeeping on disk: verified encrypted backups, restore, damage checks, export, import."""
