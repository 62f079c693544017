"""Passphrase strength: zxcvbn's estimate in Solace's calm words."""

from __future__ import annotations

import pytest

from journal.domain.lock.passphrase import Strength, assess


@pytest.mark.parametrize("passphrase", ["Rosalind2024", "Rosalind1987", "Thomas2019!"])
def test_a_name_and_a_year_is_never_called_strong_and_the_feedback_says_why(passphrase):
    report = assess(passphrase)
    assert report.strength <= Strength.FAIR
    assert "Names" in report.advice
    assert "unrelated words" in report.advice


@pytest.mark.parametrize(
    ("passphrase", "words"),
    [
        ("Summer2026!", "many people use"),
        ("password1", "many people use"),
        ("zxcvbnm,./", "neighbouring keys"),
        ("abcdefgh12345678", "abc or 1234"),
    ],
)
def test_common_patterns_are_named_calmly(passphrase, words):
    report = assess(passphrase)
    assert report.strength <= Strength.FAIR
    assert words in report.advice
    assert "!" not in report.advice


def test_the_journal_name_counts_as_a_first_guess():
    alone = assess("Hope garden 2025")
    named = assess("Hope garden 2025", ["Hope garden"])
    assert named.strength < alone.strength or named.strength <= Strength.FAIR
    assert "journal's name" in named.advice


def test_the_most_common_choices_are_refused_and_unrelated_words_pass():
    assert not assess("password1").acceptable
    assert not assess("short").acceptable
    strong = assess("quiet river stone lantern")
    assert strong.strength == Strength.STRONG and strong.acceptable
    assert assess("x" * 5000).strength >= Strength.TOO_SHORT  # long input stays quick
