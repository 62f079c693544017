from __future__ import annotations

import pytest

from journal.domain.entries.feelings import FEELINGS, MAX_FEELING_CHARS, Mood, normalise_feeling


def test_moods_run_one_to_five_and_are_described_in_words() -> None:
    assert [mood.value for mood in Mood] == [1, 2, 3, 4, 5]
    assert Mood(1).label == "Very heavy"
    assert Mood(3).label == "Somewhere in between"
    for mood in Mood:
        assert mood.label and mood.description
        assert "!" not in mood.label + mood.description
        assert not any(char.isdigit() for char in mood.label)


def test_feeling_vocabulary_is_lowercase_unique_and_sized() -> None:
    assert 20 <= len(FEELINGS) <= 24
    assert len(set(FEELINGS)) == len(FEELINGS)
    for word in FEELINGS:
        assert normalise_feeling(word) == word
    for expected in ("sad", "numb", "guilty", "relieved", "heartbroken", "disconnected"):
        assert expected in FEELINGS


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Sad ", "sad"),
        ("WORN   out", "worn out"),
        ("a bit\tlost\n", "a bit lost"),
        ("Überwältigt", "überwältigt"),
        ("", None),
        ("   \n\t", None),
        ("x" * MAX_FEELING_CHARS, "x" * MAX_FEELING_CHARS),
        ("x" * (MAX_FEELING_CHARS + 1), None),
    ],
)
def test_normalise_feeling(raw: str, expected: str | None) -> None:
    assert normalise_feeling(raw) == expected


def test_length_is_measured_after_tidying() -> None:
    padded = "   " + "y" * MAX_FEELING_CHARS + "   "
    assert normalise_feeling(padded) == "y" * MAX_FEELING_CHARS
