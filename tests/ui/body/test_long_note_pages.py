"""A note longer than a page goes on from page to page under its day and the column
headers, "01 Dec 2026 (continued)", and each note says its log's time (break test 10
of session 15, finding 13: an 8,890-character note started at the foot of page 1 and
ran over all of page 2 and the top of page 3 under an empty Day cell; with three logs
a day the doctor could not tell which log a note belonged to)."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

from pypdf import PdfReader

from journal.domain.body.log import BleedingLevel, BodyLog
from journal.domain.body.temperature import Temperature, TemperatureUnit
from journal.storage.body.repository import BodyRepository
from journal.ui.body.export_dialog import export_pdf
from journal.ui.body.export_pdf import note_pieces
from journal.ui.common.local_time import local_tz, say_time
from tests.ui.body.support import midday, store

HEADER = "Day Logs Bleeding Cramping Temp. Pads Also noted"
SENTENCES = [
    f"Sentence {n}: the cramps came back after lunch and I took paracetamol 1 g again, "
    "then lay down with the hot water bottle for an hour."
    for n in range(1, 90)
]


def test_a_note_longer_than_a_page_repeats_its_day_and_headers_on_every_page(
    qapp, journal, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    at = midday(2)
    long_note = " ".join(SENTENCES)
    assert len(long_note) > 8_000
    morning = at - timedelta(hours=3)
    store(
        journal,
        [
            BodyLog(
                "long",
                at,
                BleedingLevel.MEDIUM,
                cramping=6,
                temperature=Temperature(37.4, TemperatureUnit.CELSIUS),
                note=long_note,
            ),
            BodyLog("short", morning, BleedingLevel.LIGHT, note="slept badly"),
        ],
    )
    day = at.astimezone(local_tz()).date()
    target = tmp_path / "summary.pdf"
    export_pdf(
        BodyRepository(journal.db),
        target,
        day - timedelta(days=1),
        day,
        TemperatureUnit.CELSIUS,
        include_notes=True,
    )

    pages = [" ".join(p.extract_text().split()) for p in PdfReader(target).pages]
    with_note = [n for n, words in enumerate(pages) if re.search(r"Sentence \d+:", words)]
    assert len(with_note) >= 2  # the note is longer than a page
    label = f"{day:%d %b %Y}"
    for number in with_note:
        words = pages[number]
        assert label in words and HEADER in words, number
        if number != with_note[0]:
            # The page goes on with the note: its first row names the day, continued.
            first_row = words.split(HEADER, 1)[1].lstrip()
            assert first_row.startswith(f"{label} (continued)"), (number, first_row[:80])
    # Every sentence is there, once, in order: nothing lost to a page's end.
    found = [int(n) for n in re.findall(r"Sentence (\d+):", " ".join(pages))]
    assert found == list(range(1, 90))
    # Each note says its log's time.
    everything = " ".join(pages)
    assert f"Note, {say_time(at)}: Sentence 1:" in everything
    assert f"Note, {say_time(morning)}: slept badly" in everything


def test_a_note_is_cut_only_into_pieces_that_join_back_to_it() -> None:
    for text in (
        " ".join(SENTENCES),
        "\n".join(f"line {n}" for n in range(100)),
        "x" * 5000,
        "short",
    ):
        pieces = note_pieces(text)
        assert "".join(pieces) == text
        assert all(len(p) <= 1200 and p.count("\n") <= 12 for p in pieces)
