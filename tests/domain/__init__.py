"""Tests of journal.domain."""
