"""Tests of journal.domain.library."""
