"""Tests of journal.storage.lock."""
