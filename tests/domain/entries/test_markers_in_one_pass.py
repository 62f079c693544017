"""`markup.markers` finds exactly the markers the editor's inline patterns match, in
time that grows with the line, not its square (re-test 52, N1: a line of stars that
close nothing took a headline 113 ms, and a list makes one for every row it reads)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from journal.domain.entries.markup import INLINE, markers, mask_escapes

PIECES = ["*", "_", "~", "**", "__", "~~", "***", " ", "a", "b", "é", "1", "\n", "\t",
          "\u00a0", "\\*", "\\_", "`", "x*", "_y", "snake_case", "5*3"]


def _as_the_editor_matches(text: str) -> set[int]:
    """The markers by the inline patterns' own ``finditer`` (as `markers` read them
    before)."""
    masked = mask_escapes(text)
    found: set[int] = set()
    for pattern, _style in INLINE:
        for match in pattern.finditer(masked):
            width = len(match.group(1))
            found.update(range(match.start(), match.start() + width))
            found.update(range(match.end() - width, match.end()))
    return found


@settings(max_examples=2_000)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_the_markers_are_those_the_editor_s_patterns_match(text: str) -> None:
    assert markers(text) == _as_the_editor_matches(text)


def test_markers_that_close_nothing_are_text() -> None:
    line = "*a _a " * 700
    assert markers(line) == set()
    closed = line + "*b*"  # the first star now closes at the last one, as the editor reads it
    assert markers(closed) == _as_the_editor_matches(closed) == {0, len(closed) - 1}
