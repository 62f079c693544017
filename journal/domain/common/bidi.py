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
"""

from __future__ import annotations

import unicodedata

__all__ = ["FIRST_STRONG_ISOLATE", "POP_DIRECTIONAL_ISOLATE", "isolated"]

FIRST_STRONG_ISOLATE = "\u2068"
POP_DIRECTIONAL_ISOLATE = "\u2069"
_RIGHT_TO_LEFT = frozenset({"R", "AL"})  # Hebrew; Arabic, Syriac, Thaana and the like


def isolated(name: str) -> str:
    """``name`` (a person's or a journal's name, to be set into a sentence) between
    First Strong Isolate and Pop Directional Isolate when it holds a right-to-left
    letter (bidirectional class R or AL), else ``name`` as it is. Invisible, and
    passed over by screen readers."""
    if name.startswith(FIRST_STRONG_ISOLATE) and name.endswith(POP_DIRECTIONAL_ISOLATE):
        return name  # set apart already
    if any(unicodedata.bidirectional(char) in _RIGHT_TO_LEFT for char in name):
        return f"{FIRST_STRONG_ISOLATE}{name}{POP_DIRECTIONAL_ISOLATE}"
    return name
