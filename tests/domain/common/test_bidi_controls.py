"""Text a person typed, set into one of Solace's sentences, never turns the sentence
around it (break test 44: a tag holding RIGHT-TO-LEFT OVERRIDE, U+202E, turned the
refusal "Not kept as a tag: …" backwards after it)."""

from __future__ import annotations

import pytest

from journal.domain.common.bidi import isolated, quoted
from journal.domain.entries.tags import not_kept_note

_OPENERS = {"\u202a", "\u202b", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068"}
_ISOLATES = {"\u2066", "\u2067", "\u2068"}


def open_after(text: str) -> list[str]:
    """The direction controls still in force at the end of ``text`` (UAX #9 X1-X8, in
    short: PDF closes the last embedding or override within the current isolate, PDI
    closes the last isolate and everything opened inside it)."""
    stack: list[str] = []
    for char in text:
        if char in _OPENERS:
            stack.append(char)
        elif char == "\u202c" and stack and stack[-1] not in _ISOLATES:
            stack.pop()
        elif char == "\u2069" and any(c in _ISOLATES for c in stack):
            while stack.pop() not in _ISOLATES:
                pass
    return stack


@pytest.mark.parametrize(
    "typed",
    [
        "evil\u202eliveD",  # an override left open
        "a\u202bb",  # an embedding left open
        "x\u2069\u202ey",  # a stray PDI that would close the isolate set around it
        "\u2066\u2066deep",  # isolates left open
        "\u202e\u2069\u2069\u202eboth",
    ],
)
def test_nothing_typed_stays_in_force_after_it(typed: str) -> None:
    sentence = f"Not kept: {quoted(typed)}. Solace's own words"
    cut = sentence.index("”")
    assert open_after(sentence[:cut]) == []  # the closing quote is outside it all
    assert open_after(typed) != []  # each of them does turn what follows, bare
    assert isolated(isolated(typed)) == isolated(typed)  # set apart once


def test_a_refused_tag_with_an_override_keeps_the_note_in_order() -> None:
    note = not_kept_note(["tag\u202eeno"])
    assert note.startswith("Not kept as a tag: \u201c\u2068tag\u202eeno\u2069\u201d.")
    assert open_after(note) == []


def test_plain_text_is_left_as_it_is() -> None:
    assert quoted("Ours") == "\u201cOurs\u201d"
