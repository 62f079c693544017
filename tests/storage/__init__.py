"""Tests of journal.storage."""
