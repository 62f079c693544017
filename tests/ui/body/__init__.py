"""Tests of journal.ui.body."""
