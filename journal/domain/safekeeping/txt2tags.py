"""RedNotebook's txt2tags markup turned into the journal's Markdown, no word dropped.

RedNotebook keeps each day's text in txt2tags markup; imported as written, a person
saw "= Test note =", "//Objekt//", "``Objekt``" and "[Sample link ""http://kicker.de""]"
as literal text (issue 16 break test of session 24, F6). The rules below are
txt2tags' own (its "Markup rules" page, txt2tags.org/markrules.html, and the regular
expressions of txt2tags 2.6/3.x), each turned into what a Markdown reader and Solace's
editor show for it:

- Title ``= x =`` to ``===== x =====`` (balanced, text not starting or ending with
  "=", an optional ``[label]`` after): ``#`` to ``#####``; the numbered title
  ``+ x +`` likewise (Markdown numbers no heading, so no number is invented). A label
  is kept as ``{#label}``, the heading identifier many Markdown readers know.
- Beautifiers, glued to their text (no space just inside the marks): ``**bold**``
  stays; ``//italic//`` becomes ``*italic*``; ``--strike--`` becomes ``~~strike~~``;
  ``__underline__`` keeps its words with the marks taken off (Markdown has no
  underline, and ``__x__`` is bold there), only where the marks stand at a word's
  edges, so no two words are ever glued; ``""raw""`` and ``''tagged''`` keep their
  text as written, their marks taken off at words' edges only too.
- Monospace, two backticks on each side, becomes a Markdown code span; a line
  starting with three backticks and a space (a verbatim line) a code span too; the
  lines between two lines of three backticks (a verbatim area) are kept as written,
  fences included (Markdown's own). A raw area or line (three double quotes) and a
  tagged one (three single quotes) keep their text as written, without the marks.
  Nothing inside any of these is converted.
- Links: ``[label url]`` and RedNotebook's ``[label ""url""]`` become
  ``[label](url)``; an image ``[path.png]`` or RedNotebook's ``[""path"".png]`` keeps
  its path as text (Solace shows no pictures; at words' edges only, as raw text); a
  bare URL or e-mail address is left as it is, and no mark inside one (the ``//`` of
  ``http://``) is read as markup.
- Lists: ``- item`` stays, ``+ item`` (numbered) becomes ``1. item``, ``2. item``…
  counted at each indent; a line starting with a tab (a quote) becomes ``> ``.
- Everything else is kept as written: a comment line (``%``), a table row (``|``,
  its cells' beautifiers converted), a separator (20 or more ``-``, ``=`` or ``_``).
  txt2tags hides comment lines; here they stay, since they are the person's words.

`to_markdown` never raises and never drops a letter or digit of what it is given
(a Hypothesis test holds it to that); its time grows with the text's length, never
with its square (`_paired`).

Why not txt2tags itself (on PyPI as ``txt2tags``, 3.9): it is a GPL command-line
converter that keeps its settings in module globals, and it leaves comment lines out
by design. The rules were written from txt2tags' documentation as known, without
network access while this was written; check them against the page above when in
doubt.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["to_markdown"]

_LABEL = r"(?:\[(?P<label>[\w-]*)\])?\s*$"
_TITLES = (
    re.compile(r"^\s*(?P<id>=+)(?P<txt>[^=](?:|.*[^=]))(?P=id)" + _LABEL),
    re.compile(r"^\s*(?P<id>\++)(?P<txt>[^+](?:|.*[^+]))(?P=id)" + _LABEL),
)
_BAR = re.compile(r"^\s*[-=_]{20,}\s*$")
_LIST = re.compile(r"^(?P<indent> *)(?P<mark>[-+]) (?=\S)(?P<rest>.*)$")
_QUOTE = re.compile(r"^(?P<tabs>\t+)(?P<rest>.*)$")
_VERBATIM_AREA = re.compile(r"^```\s*$")
_RAW_AREA = re.compile(r'^"""\s*$')
_TAGGED_AREA = re.compile(r"^'''\s*$")
_VERBATIM_LINE = re.compile(r"^``` (?P<rest>.*)$")
_RAW_LINE = re.compile(r'^""" (?P<rest>.*)$')
_TAGGED_LINE = re.compile(r"^''' (?P<rest>.*)$")

_IMAGE_SUFFIX = r"\.(?:png|jpe?g|gif|bmp|svg|webp|tiff?)"
# Each starts only where no character of its own kind stands before it, so a long run
# of letters is scanned once, never once from each of its letters.
_URL = r'(?:(?<![a-zA-Z0-9+.-])[a-zA-Z][a-zA-Z0-9+.-]*://|www\.|mailto:)[^\s\[\]"]+'
_EMAIL = r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
# Links, images and addresses, taken whole before any beautifier is looked for; the
# first alternative matching where the leftmost match starts wins.
_LINKS = re.compile(
    "|".join(
        (
            rf'\[""(?P<image_quoted>[^"\]]+?)""(?P<image_suffix>{_IMAGE_SUFFIX})?\]',
            r'\[(?P<label_quoted>[^\[\]]*?)\s+""(?P<target_quoted>[^"\]]+?)""\]',
            rf"\[(?P<image>[^\s\[\]]+{_IMAGE_SUFFIX})\]",
            rf"\[(?P<label>[^\[\]]*?[^\s\[\]])\s+(?P<target>{_URL}|{_EMAIL})\]",
            rf"(?P<url>{_URL})",
            rf"(?P<email>{_EMAIL})",
        )
    ),
    re.IGNORECASE,
)
# A letter, a digit, or a private-use character (which may stand for a kept link or
# address: `_inline`): taking marks off beside one could glue two words.
_WORDY = re.compile(r"[^\W_]|[\ue000-\uf8ff]")


def to_markdown(text: str) -> str:
    """``text`` (a RedNotebook day, in txt2tags markup) as Markdown, by the rules in
    the module's words; line ends and every word kept. Never raises."""
    out: list[str] = []
    area: re.Pattern[str] | None = None  # the closing line of the area we are in
    numbers: dict[int, int] = {}  # the next number of a numbered list, by indent
    blank = 0
    for line in text.split("\n"):
        if area is not None:
            if area.match(line):
                if area is _VERBATIM_AREA:
                    out.append(line)
                area = None
            else:
                out.append(line)
            continue
        if _VERBATIM_AREA.match(line):
            area = _VERBATIM_AREA
            out.append(line)
            continue
        if _RAW_AREA.match(line) or _TAGGED_AREA.match(line):
            area = _RAW_AREA if _RAW_AREA.match(line) else _TAGGED_AREA
            continue
        blank = blank + 1 if not line.strip() else 0
        if blank >= 2 or (line.strip() and not _LIST.match(line)):
            numbers.clear()  # two blank lines, or a line of text, end a list
        out.append(_line(line, numbers))
    return "\n".join(out)


def _line(line: str, numbers: dict[int, int]) -> str:
    """One line outside any area, converted."""
    if line.startswith("%") or _BAR.match(line):
        return line
    if match := _VERBATIM_LINE.match(line):
        return _code(match["rest"])
    if match := _RAW_LINE.match(line) or _TAGGED_LINE.match(line):
        return match["rest"]
    for title in _TITLES:
        if (match := title.match(line)) and len(match["id"]) <= 5:
            label = f" {{#{match['label']}}}" if match["label"] else ""
            return f"{'#' * len(match['id'])} {_inline(match['txt'].strip())}{label}"
    if match := _LIST.match(line):
        indent = len(match["indent"])
        for deeper in [level for level in numbers if level > indent]:
            del numbers[deeper]
        if match["mark"] == "-":
            numbers.pop(indent, None)
            return f"{match['indent']}- {_inline(match['rest'])}"
        numbers[indent] = numbers.get(indent, 0) + 1
        return f"{match['indent']}{numbers[indent]}. {_inline(match['rest'])}"
    if match := _QUOTE.match(line):
        return "> " * len(match["tabs"]) + _inline(match["rest"])
    return _inline(line)


def _inline(text: str) -> str:
    """A line's text with its code, links and beautifiers converted: code spans first,
    then links and addresses, then raw and tagged text, each kept from the rules after
    it; then italics, strikes and underlines."""
    mark = _unused(text)
    kept: list[str] = []

    def keep(shown: str) -> str:
        kept.append(shown)
        return f"{mark}{len(kept) - 1}{mark}"

    masked = _paired(text, "``", lambda inside, _at: keep(_code(inside)))
    masked = _LINKS.sub(lambda match: keep(_linked(match)), masked)
    for quotes in ('""', "''"):
        masked = _paired(masked, quotes, lambda inside, at: keep(inside) if at else None)
    masked = _paired(masked, "//", lambda inside, _at: f"*{inside}*")
    masked = _paired(masked, "--", lambda inside, _at: f"~~{inside}~~")
    masked = _paired(masked, "__", lambda inside, at: inside if at else None)
    held = re.compile(f"{mark}(\\d+){mark}")
    while mark in masked:  # raw text may hold an address kept before it
        masked = held.sub(lambda m: kept[int(m[1])], masked)
    return masked


def _paired(text: str, mark: str, convert: Callable[[str, bool], str | None]) -> str:
    """``text`` with each span ``mark``…``mark`` txt2tags reads (a character that is
    not a space just inside each mark; a run of the mark's character at the end closes
    with its last two) replaced by ``convert(what it wraps, whether it stands at
    words' edges)``; where that gives None, the span stays as written. In one pass: a
    mark with no closing mark after it has none after any later one either, so the
    search ends there (txt2tags' own regular expressions took minutes on a long line
    of marks that never close)."""
    out: list[str] = []
    copied = search = 0
    size = len(mark)
    while (opening := text.find(mark, search)) >= 0:
        start = opening + size
        if start >= len(text) or text[start].isspace():
            search = opening + 1
            continue
        closing = text.find(mark, start + 1)
        while closing >= 0 and text[closing - 1].isspace():
            closing = text.find(mark, closing + 1)
        if closing < 0:
            break
        while text.startswith(mark[0], closing + size):
            closing += 1
        end = closing + size
        before, after = text[opening - 1 : opening], text[end : end + 1]
        edges = not (_WORDY.match(before) or _WORDY.match(after))
        shown = convert(text[start:closing], edges)
        if shown is not None:
            out += [text[copied:opening], shown]
            copied = end
        search = end
    out.append(text[copied:])
    return "".join(out)


def _linked(match: re.Match[str]) -> str:
    """What one link, image or address (`_LINKS`) becomes: a link ``[label](url)``,
    an image's path as text (at words' edges only: its marks taken off, it would glue
    two words), an address as written."""
    found: Callable[[str], str | None] = match.group
    if (target := found("target_quoted") or found("target")) is not None:
        label = found("label_quoted") or found("label") or ""
        return f"[{_inline(label.strip()) or target}]({target})"
    before = match.string[match.start() - 1 : match.start()]
    after = match.string[match.end() : match.end() + 1]
    if _WORDY.match(before) or _WORDY.match(after):
        return match.group(0)
    if (image := found("image_quoted")) is not None:
        return image + (found("image_suffix") or "")
    return found("image") or match.group(0)


def _code(text: str) -> str:
    """``text`` as a Markdown code span, its fence longer than any run of backticks
    inside, and a space inside each fence where the text begins or ends with one."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _unused(text: str) -> str:
    """A private-use character ``text`` does not hold, to stand for protected spans."""
    code = 0xE000
    while chr(code) in text:
        code += 1
    return chr(code)
