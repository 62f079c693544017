"""Control characters in the text of another app's entries: shown, never kept hidden.

A control character (C0 but tab, line feed and carriage return; DEL; C1) is no
letter anyone wrote: a file carries it by accident (a NUL from a broken export, an
escape code pasted from a terminal). Kept as it is, it showed as an empty box in the
list and went out raw in every export, where many editors and ``grep`` then took the
Markdown file for binary (break test 16 of session 12, finding 9). At the import
boundary (`fitting.fitted`) each one in an entry's title or text from another app
comes in as a visible mark, never dropped, and the preview says so: a C0 control or
DEL as its Unicode control picture (U+2400..U+2421: NUL is "␀"), a C1 control as
U+FFFD ("�"), which has no picture. Solace's own export comes back exactly as it was
written (nothing altered: it is the person's own text, whatever it holds).
"""

from __future__ import annotations

import re

#: Every control character but tab, line feed and carriage return (the text's own).
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
PICTURES_START = 0x2400  # U+2400 SYMBOL FOR NULL; U+2421 is SYMBOL FOR DELETE
REPLACEMENT = "\ufffd"


def _mark(found: re.Match[str]) -> str:
    code = ord(found.group())
    if code < 0x20:
        return chr(PICTURES_START + code)
    if code == 0x7F:
        return chr(PICTURES_START + 0x21)
    return REPLACEMENT


def shown(text: str) -> str:
    """``text`` with each control character (`CONTROLS`) as its visible mark (see the
    module); tab, line feed and carriage return stay as they are."""
    return CONTROLS.sub(_mark, text)


def has_controls(text: str) -> bool:
    """Whether ``text`` holds a control character `shown` would change."""
    return CONTROLS.search(text) is not None


def controls_note(entries: int) -> str:
    """The preview's sentence on ``entries`` (> 0) entries whose text held control
    characters."""
    which = "entry holds" if entries == 1 else "entries hold"
    them = "It comes" if entries == 1 else "They come"
    return (
        f"{entries:,} {which} invisible control characters (such as NUL) that other "
        f"programs cannot show. {them} in with each one as a visible mark (\u2400 for "
        "NUL); the other words are as written."
    )
