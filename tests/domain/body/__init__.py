"""Tests of journal.domain.body."""
