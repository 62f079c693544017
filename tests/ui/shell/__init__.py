"""Tests of journal.ui.shell."""
