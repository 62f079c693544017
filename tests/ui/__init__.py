"""Tests of journal.ui."""
