"""Tests of journal.storage.body."""
