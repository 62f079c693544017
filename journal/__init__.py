"""Solace: a private, encrypted journal for recovery after a miscarriage."""

__version__ = "0.1.0"
