from __future__ import annotations

import uuid
from dataclasses import FrozenInstanceError, replace
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal.domain.common.words import shorten
from journal.domain.entries.entry import (
    HEADLINE_REACH,
    MAX_BODY_CHARS,
    MAX_HEADLINE_CHARS,
    UNTITLED,
    Entry,
    EntrySummary,
    check_entry_size,
    make_headline,
    new_entry,
)
from journal.domain.entries.feelings import Mood
from journal.domain.entries.lines import iter_lines
from journal.domain.entries.markup import MARKED_LIMIT
from journal.domain.entries.plain import plain_line
from journal.domain.entries.visible import has_visible
from journal.domain.safekeeping.controls import shown

NOW = datetime(2024, 5, 1, 9, 30, tzinfo=UTC)


def test_new_entry_is_empty_private_and_has_a_uuid4() -> None:
    entry = new_entry(NOW)
    assert uuid.UUID(entry.id).version == 4
    assert entry.title == "" and entry.body == ""
    assert entry.mood is None and entry.feelings == () and entry.tags == ()
    assert entry.shared is False
    assert entry.prompt_id is None
    assert entry.created_at == entry.updated_at == NOW


def test_new_entry_keeps_the_prompt_and_gets_a_fresh_id() -> None:
    first = new_entry(NOW, prompt_id="grief-right-now")
    second = new_entry(NOW)
    assert first.prompt_id == "grief-right-now"
    assert first.id != second.id


def test_times_are_kept_in_utc() -> None:
    local = datetime(2024, 5, 1, 11, 30, tzinfo=timezone(timedelta(hours=2)))
    entry = new_entry(local)
    assert entry.created_at.tzinfo is UTC
    assert entry.created_at == NOW


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        new_entry(datetime(2024, 5, 1, 9, 30))
    with pytest.raises(ValueError, match="updated_at"):
        Entry(id=str(uuid.uuid4()), created_at=NOW, updated_at=datetime(2024, 5, 1))


def test_id_must_be_a_uuid() -> None:
    with pytest.raises(ValueError):
        Entry(id="not-a-uuid", created_at=NOW, updated_at=NOW)


def test_entry_is_frozen_and_lists_become_tuples() -> None:
    entry = Entry(
        id=str(uuid.uuid4()),
        created_at=NOW,
        updated_at=NOW,
        feelings=["sad"],  # type: ignore[arg-type]
        tags=["grief"],  # type: ignore[arg-type]
    )
    assert entry.feelings == ("sad",) and entry.tags == ("grief",)
    with pytest.raises(FrozenInstanceError):
        entry.title = "changed"  # type: ignore[misc]
    assert hash(entry)


def _with(title: str = "", body: str = "") -> Entry:
    return replace(new_entry(NOW), title=title, body=body)


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        ("A quiet day", "# Ignored", "A quiet day"),
        ("  spaced \n title ", "", "spaced title"),
        ("", "", "Untitled entry"),
        ("   ", " \n\n  \t\n", "Untitled entry"),
        # Closing hashes, a task box, a "fence" and a rule are words in the editor, so in
        # the list too (break test 9 of session 12, finding 2).
        ("", "\n\n# Walking by the sea ##\nmore", "Walking by the sea ##"),
        ("", "> - [ ] **Call** the _clinic_", "[ ] Call the clinic"),
        ("", "1. `first` thing", "1. first thing"),  # a numbered list shows its number
        ("", "I don`t know what to do", "I don`t know what to do"),  # a lone ` is text
        # What the editor shows as text stays text (break test 9, session 7, F2).
        ("", "5*3 = 15 and 2*4 = 8, snake_case_name", "5*3 = 15 and 2*4 = 8, snake_case_name"),
        ("", "2. second attempt at IVF", "2. second attempt at IVF"),
        ("", "snake__case__name and __both__", "snake__case__name and both"),
        ("", "\\*literal\\* and *soft*", "\\*literal\\* and soft"),  # backslashes kept (s20 F1)
        ("", "\n\nSome words ~~here~~\n---", "Some words here"),
        ("", "---\n```\n\nSome words ~~here~~", "---"),
        ("", "#\n\n***\nsnake_case_word stays", "***"),
        ("", "#\n\n> \nsnake_case_word stays", "snake_case_word stays"),
        # Angle brackets and links are text in the editor, so in the list too (break
        # test 9 of session 10, finding 3: a baby's nickname "<little bean>" was gone).
        (
            "",
            "we called her <little bean> from the first scan",
            "we called her <little bean> from the first scan",
        ),
        ("", "I love you <3 and <tiny one>", "I love you <3 and <tiny one>"),
        (
            "",
            "<b>bold</b> and [a link](https://example.org)",
            "<b>bold</b> and [a link](https://example.org)",
        ),
    ],
)
def test_headline(title: str, body: str, expected: str) -> None:
    assert _with(title, body).headline == expected


def test_long_headline_is_cut_at_a_word_with_an_ellipsis() -> None:
    body = "word " * 40
    headline = _with(body=body).headline
    assert len(headline) <= MAX_HEADLINE_CHARS
    assert headline.endswith("word…")


def test_long_unbroken_headline_is_cut_hard() -> None:
    headline = _with(title="x" * 200).headline
    assert headline == "x" * (MAX_HEADLINE_CHARS - 1) + "…"


def test_summary_carries_what_lists_need() -> None:
    entry = replace(
        new_entry(NOW),
        title="Tuesday",
        body="private words",
        mood=Mood.HEAVY,
        feelings=("tired",),
        tags=("sleep",),
        shared=True,
    )
    assert entry.summary() == EntrySummary(
        id=entry.id,
        created_at=NOW,
        headline="Tuesday",
        mood=Mood.HEAVY,
        feelings=("tired",),
        tags=("sleep",),
        shared=True,
        zone=entry.zone,  # where it was written: the computer's zone (local_zone_name)
    )
    assert not hasattr(entry.summary(), "body")


def test_entry_size_fits() -> None:
    assert check_entry_size("") is None
    assert check_entry_size("a" * MAX_BODY_CHARS) is None


def test_ten_megabyte_paste_gets_a_kind_message() -> None:
    message = check_entry_size("a" * 10_000_000)
    assert message is not None
    assert message.startswith("Nothing was changed: this is too long for one entry.")
    assert "Nothing was changed" in message
    assert "Split it" in message
    assert "10,000,000" in message
    assert "!" not in message


INVISIBLE_LINES = [
    "\u200b", "\u200e", "\u200f", "\ufeff", "\u00ad", "\u2060", "\u180e", "\u034f",
    "\u3164", "\u115f", "\uffa0", "\u2800", "\U000e0020", "\x00", "\x1b", "\x7f",
    "\u0301", "\u200f \u200b\t\u00ad", "**\u200b**", "> \u200e",
]  # fmt: skip


@pytest.mark.parametrize("line", INVISIBLE_LINES)
def test_a_line_with_nothing_visible_gives_no_headline(line: str) -> None:
    """Break test 9 of session 14, finding 10: only lines blank by ``str.isspace`` were
    skipped, so a direction mark alone on the first line made a blank row."""
    assert make_headline("", f"{line}\nI miss you") == "I miss you"
    if "*" not in line and ">" not in line:  # a title is no Markdown: "**" shows there
        assert make_headline(line, "I miss you") == "I miss you"
    assert make_headline("", line) == UNTITLED


def test_a_headline_shows_control_characters_as_their_marks() -> None:
    assert make_headline("", "a\x00b\x1bc\x7f") == "a\u2400b\u241bc\u2421"
    assert make_headline("", "x\x80y") == "x\ufffdy"
    assert make_headline("", "\u200fשלום") == "\u200fשלום"  # a mark beside words stays


def _line_by_line(body: str) -> str:
    """The headline rule read every line in turn (as before break test 52, F1)."""
    for line in iter_lines(body):
        plain = plain_line(line)
        if plain and has_visible(plain):
            return shorten(shown(plain), MAX_HEADLINE_CHARS)
    return UNTITLED


@given(
    st.lists(
        st.sampled_from(
            ["\n", "\r\n", "\r", "\u2029", "\u2028", " ", "\u200b", "**", "# ", "> ", "- ",
             "`", "\\*", "word", "é", "🌧️", "\u0301", "x" * 1_500, "**bold** "]
        ),
        max_size=12,
    ),
    st.integers(0, 4_000),
)
def test_a_headline_within_its_reach_is_the_line_by_line_rule(parts: list[str], blank: int) -> None:
    body = "\n" * blank + "".join(parts)
    assert make_headline("", body) == _line_by_line(body)


def test_words_first_seen_past_the_reach_make_no_headline() -> None:
    """A list reads at most `HEADLINE_READ` characters of a body (break test 52, F1)."""
    assert make_headline("", "\n" * (HEADLINE_REACH - 1) + "late") == "late"
    assert make_headline("", "\n" * HEADLINE_REACH + "late") == UNTITLED
    long_line = "**" + "y" * MARKED_LIMIT  # longer than MARKED_LIMIT: no markers
    assert make_headline("", "\n" * 100 + long_line + "\nmore").startswith("**yyy")


@pytest.mark.parametrize("blank", [" " * 4_050, "\t" * 1_500 + " " * 2_500, "\u200b" * 4_000])
def test_a_long_first_line_is_read_from_its_first_character_that_shows(blank: str) -> None:
    """Re-test 52, N2: 4,050 spaces before a first line's words listed the second line:
    a line longer than MARKED_LIMIT was read only in its first 1,000 characters."""
    assert make_headline("", blank + "First line words\nSecond line words") == "First line words"


@pytest.mark.parametrize("blank", ["\u200b" * 100, "\u2800" * 100, "\u0301" * 200])
def test_a_headline_is_never_only_characters_that_show_nothing(blank: str) -> None:
    """Re-test 52, N3: a hundred zero-width spaces before the words listed as "…"."""
    assert make_headline("", blank + "Hello after them\nsecond line") == "Hello after them"
    assert make_headline(blank + "A title", "") == "A title"
    assert make_headline("", "\u200fשלום") == "\u200fשלום"  # a direction mark stays
