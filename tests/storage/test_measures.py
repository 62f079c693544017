"""The one reading of a measurement (``journal.storage.measures``)."""

from __future__ import annotations

import pytest

from journal.storage.measures import read_measures


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("39C", "39°c"),
        ("102F", "102°f"),
        ("38.5C", "38.5°c"),
        ("38,5 °C", "38.5°c"),
        ("39 degrees", "39°"),
        ("39 deg F", "39°f"),
        ("39 degrees Celsius", "39°c"),
        ("39°С", "39°c"),
        ("38ºC", "38°c"),
        ("39\u2009°C", "39°c"),
        ("39℃", "39°c"),
        ("٣٩°C", "39°c"),
        ("۳۸.۵C", "38.5°c"),
        ("fever 39", "fever 39"),
        ("39cm", "39cm"),
        ("abc39C", "abc39C"),
        ("12.11.2026", "12.11.2026"),
    ],
)
def test_a_measurement_reads_as_one_spelling(typed: str, read: str) -> None:
    assert read_measures(typed) == read
