"""Tests of journal.ui.lock."""
