"""Tests of journal.ui.common."""
