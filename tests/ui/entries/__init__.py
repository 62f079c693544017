"""Tests of journal.ui.entries."""
