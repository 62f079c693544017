"""A snippet cut anywhere shows what the whole entry shows there (issue 9, the
snippet-cut property): a search snippet is cut from an entry at arbitrary points, often
inside an emphasis span or a line, and must show exactly the words the editor shows
between them, no marker typed as text lost, no marker of formatting shown
(`plain_window`: each line it touches read whole, then cut)."""

from __future__ import annotations

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from journal.domain.entries.plain import (
    CLOSE_MARK,
    CUT,
    OPEN_MARK,
    plain_fragment,
    plain_window,
)

_PIECES = st.sampled_from(
    [
        "*", "**", "_", "__", "~~", "~~~", "`", "\\*", "\\_", "# ", "> ", "- ", "1. ",
        " ", "  ", "\t", "\n", "\r\n", "\u2029", "love", "you", "snake_case", "5*3",
        "رحمة", "e\u0301", "🌧️", "…", "—",
    ]
)
BODIES = st.lists(_PIECES, max_size=40).map("".join)


def _cut_points(body: str, data: st.DataObject) -> tuple[int, int]:
    start = data.draw(st.integers(0, len(body)))
    end = data.draw(st.integers(start, len(body)))
    for at in (start, end):  # a snippet is never cut between the CR and LF of a break
        assume(body[at - 1 : at + 1] != "\r\n")
    return start, end


@given(body=BODIES)
@example(body="I love *you and the rain")
def test_a_window_of_the_whole_entry_is_the_whole_entry_read_line_by_line(body: str) -> None:
    # (A fragment that starts or ends with "…" is read as cut there: the body's own is
    # not a cut, and `plain_window` knows it.)
    assume(not body.startswith(CUT) and not body.endswith(CUT))
    assert plain_window(body, 0, len(body)) == plain_fragment(body)


@settings(max_examples=300)
@given(body=BODIES, data=st.data())
@example(body="I love *you and the rain", data=None)  # type: ignore[arg-type]
def test_a_window_shows_what_the_whole_entry_shows_between_its_ends(
    body: str, data: st.DataObject | None
) -> None:
    if data is None:  # the example: "…love *you and…", the star kept
        start, end = body.find("love"), body.find(" the")
    else:
        start, end = _cut_points(body, data)
    cut = plain_window(body, start, end)
    assert cut.startswith(CUT) or start == 0  # "…" where it was cut inside the entry
    assert cut.endswith(CUT) or end == len(body)
    inside = cut.removeprefix(CUT) if start > 0 else cut
    inside = inside.removesuffix(CUT) if end < len(body) else inside
    ends = {start: OPEN_MARK} | {end: (OPEN_MARK if end == start else "") + CLOSE_MARK}
    whole = plain_window(body, 0, len(body), ends)
    assert inside == whole.split(OPEN_MARK, 1)[1].split(CLOSE_MARK, 1)[0]
