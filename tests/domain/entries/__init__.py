"""Tests of journal.domain.entries."""
