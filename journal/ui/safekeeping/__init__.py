"""Safekeeping dialogs: back up now, restore, export and import, each off the GUI thread."""
