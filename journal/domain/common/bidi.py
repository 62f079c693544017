"""A name set into a sentence keeps its own direction, and the sentence keeps its own.

Qt lays a line out as the Unicode bidirectional algorithm says (UAX #9): a line takes
the direction of its first strong letter, and neutral characters (spaces, commas, an
apostrophe) go with the letters around them. Together's lines begin with a writer's
name ("◆ מיל and Noa, Sunday 6 December 2026, 07:18"), so a Hebrew or Arabic name
turned the whole English line right to left, and name, day and time came out in the
wrong order (break test 39, finding 4). A name with a right-to-left letter in it is
set apart by First Strong Isolate … Pop Directional Isolate (U+2068 … U+2069, UAX #9
§2.4): inside, it reads in its own direction; outside, the sentence keeps its own.
Names of left-to-right letters only are left as they are.

Text a person typed can also hold the explicit direction controls (U+202A-U+202E,
U+2066-U+2069): a tag holding RIGHT-TO-LEFT OVERRIDE turned Solace's own refusal
around it backwards (break test 44). Such text is set apart too, with an isolate of
its own for every Pop Directional Isolate in it that would close the one around it
(UAX #9 X6a: the closing isolate ends every embedding and override opened inside).
"""

from __future__ import annotations

import unicodedata

__all__ = ["FIRST_STRONG_ISOLATE", "POP_DIRECTIONAL_ISOLATE", "isolated", "quoted"]

FIRST_STRONG_ISOLATE = "\u2068"
POP_DIRECTIONAL_ISOLATE = "\u2069"
_RIGHT_TO_LEFT = frozenset({"R", "AL"})  # Hebrew; Arabic, Syriac, Thaana and the like
# The explicit controls: embeddings, overrides and their pop (LRE RLE LRO RLO PDF), and
# the isolates (LRI RLI FSI PDI).
_CONTROLS = frozenset({"LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"})
_OPENS_ISOLATE = frozenset({"LRI", "RLI", "FSI"})


def isolated(name: str) -> str:
    """``name`` (a person's or a journal's name, or any text a person typed, to be set
    into a sentence) between First Strong Isolate and Pop Directional Isolate when it
    holds a right-to-left letter (bidirectional class R or AL) or a direction control,
    else ``name`` as it is. Invisible, and passed over by screen readers."""
    classes = [unicodedata.bidirectional(char) for char in name]
    if _set_apart(name, classes):
        return name
    if not _CONTROLS.intersection(classes) and not _RIGHT_TO_LEFT.intersection(classes):
        return name
    opened = unmatched = 0  # isolates the text opens and leaves open; PDIs it has spare
    for kind in classes:
        if kind in _OPENS_ISOLATE:
            opened += 1
        elif kind == "PDI":
            if opened:
                opened -= 1
            else:
                unmatched += 1
    return FIRST_STRONG_ISOLATE * (1 + unmatched) + name + POP_DIRECTIONAL_ISOLATE * (1 + opened)


def quoted(text: str) -> str:
    """``text`` a person typed (a tag, a title, a journal's or a file's name) in curly
    quotes for one of Solace's sentences, set apart (`isolated`): "“Ours”"."""
    return f"\u201c{isolated(text)}\u201d"


def _set_apart(name: str, classes: list[str]) -> bool:
    """Whether ``name`` is one isolate already: a First Strong Isolate first, closed
    by its last character and not before."""
    if not name.startswith(FIRST_STRONG_ISOLATE) or not name.endswith(POP_DIRECTIONAL_ISOLATE):
        return False
    depth = 0
    for index, kind in enumerate(classes):
        if kind in _OPENS_ISOLATE:
            depth += 1
        elif kind == "PDI" and depth:
            depth -= 1
        if depth == 0:
            return index == len(classes) - 1
    return False
