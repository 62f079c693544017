"""An entry read by someone else: styled runs, markers off by the editor's rules, and no
other character ever lost (issue 9, break test finding 11)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from journal.domain.entries.markup import markers
from journal.domain.entries.plain import plain_line
from journal.domain.entries.reading import LineKind, reading_lines


def test_markers_go_and_what_they_mean_stays():
    quote, line, heading = reading_lines(
        "> I held her\nmy **little** _one_, \\*always\\*\n## Heading **I miss you**"
    )
    assert quote.kind is LineKind.QUOTE and quote.text == "I held her"
    assert [(r.text, set(r.styles)) for r in line.runs] == [
        ("my ", set()),
        ("little", {"bold"}),
        (" ", set()),
        ("one", {"italic"}),
        (", \\*always\\*", set()),  # a backslash is text (session 20, F1)
    ]
    assert (heading.kind, heading.level, heading.text) == (
        LineKind.HEADING,
        2,
        "Heading I miss you",
    )


def test_what_the_editor_shows_as_text_is_kept():
    for text in ("<little bean>", "5*3 = 15 and 2*4", "snake_case", "I don`t know", "  indented\t"):
        assert reading_lines(text)[0].text == text


def _subsequence(shown: str, written: str) -> bool:
    rest = iter(written)
    return all(char in rest for char in shown)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab *_~`\\<>#-\t😢é"), max_size=40))
def test_only_markers_are_ever_left_out(text):
    """Every character shown is the line's own, in order (a list's "-" shown as "•"):
    only markers (the editor's rule) and line-start markers are left out, never a
    backslash (session 20, finding 1); a line with none of them is shown exactly."""
    (line,) = reading_lines(text)
    shown = line.text
    if "\u2022" in shown:  # a list item's bullet, written as its first character
        shown = shown.replace("\u2022", text.lstrip(" \t>")[0], 1)
    assert _subsequence(shown, text)
    assert shown.count("\\") == text.count("\\")
    if not markers(text) and "`" not in text and text[:1] not in "#> -*+\t":
        assert line.text == text


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(" \t#>-+*_~`\\1.)ab😢"), max_size=30))
def test_together_shows_the_words_the_list_shows(text):
    """Together's reading view, the headline and the editor follow one set of line rules
    (`markup.line_start`, `markup.hidden`): the words read are the headline's, a list's
    bullet apart (break test 9 of session 12, finding 2: "~~~~~~~~~~" read as "~~")."""
    (line,) = reading_lines(text)
    assert " ".join(line.text.replace("\u2022", " ").split()) == plain_line(text)


def test_tildes_and_fences_are_read_as_written():
    for text in ("~~~~~~~~~~", "~~~ 12 weeks ~~~", "``` hi there", "# Day 1 #", "\t> she said"):
        expected = text.lstrip("# ") if text.startswith("#") else text
        assert reading_lines(text)[0].text == expected
