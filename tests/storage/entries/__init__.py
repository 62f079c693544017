"""Tests of journal.storage.entries."""
