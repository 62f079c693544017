"""The main window and what frames every feature: areas, settings, idle and session locking,
single instance.
"""
