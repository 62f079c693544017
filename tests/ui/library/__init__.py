"""Tests of journal.ui.library."""
