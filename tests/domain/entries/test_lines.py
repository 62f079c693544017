"""An entry's lines end at every line break the editor shows as one: ``\\n``, ``\\r\\n``,
a lone ``\\r`` and U+2029 (the editor keeps each as itself, issue 9)."""

from __future__ import annotations

from journal.domain.entries.entry import make_headline
from journal.domain.entries.lines import iter_lines, split_lines
from journal.domain.entries.plain import plain_fragment
from journal.domain.entries.reading import reading_lines
from journal.domain.entries.tags import extract_hashtags


def test_lines_split_at_each_break_and_crlf_is_one():
    text = "a\rb\r\nc\u2029d\ne\u2028f\r\r\n"
    assert split_lines(text) == ["a", "b", "c", "d", "e\u2028f", "", ""]
    assert list(iter_lines(text)) == split_lines(text)
    assert split_lines("") == [""]


def test_the_headline_is_the_first_line_whatever_its_break():
    assert make_headline("", "**First**\rsecond") == "First"
    assert make_headline("", "\u2029\r\n# Day one\u2029more") == "Day one"


def test_a_tag_at_the_start_of_a_line_after_any_break_counts_and_code_spans_stay_in_a_line():
    body = "Today\r#grief\u2029`a\r#loss` later"
    assert extract_hashtags(body) == {"grief", "loss"}


def test_reading_and_snippets_read_each_line_by_itself():
    lines = reading_lines("> quoted\r- listed\u2029plain")
    assert [line.text for line in lines] == ["quoted", "• listed", "plain"]
    assert plain_fragment("I don`t know\rcan`t stop") == "I don`t know\ncan`t stop"
