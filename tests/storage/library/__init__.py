"""Tests of journal.storage.library."""
