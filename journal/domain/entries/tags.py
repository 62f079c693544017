"""Tags: typed into the tag field, or written as ``#words`` in an entry.

Rules for a ``#hashtag`` in the body (Markdown):

- ``#`` followed by Unicode letters, combining marks, digits, ``_`` or ``-``.
  It must contain at least one letter, so ``#1`` or ``#2024`` in a sentence
  ("my #1 worry") stays a number, not a tag.
- The ``#`` must start a word: ``C#``, ``issue#4``, ``&#39;``, ``\\#not-a-tag``
  and ``/path#anchor`` are not tags. Neither is ``#`` alone or ``##``.
- ATX heading markers (``# Title``, ``## Title``) are never tags, because a
  heading marker is followed by a space. ``#word`` at the start of a line is a
  tag: Markdown only makes a heading when there is a space after the ``#``.
  Hashtags written *inside* a heading's text still count.
- Nothing inside a code span counts, read as the editor reads it (backticks to the
  next run of the same length in the same line, `journal.domain.entries.markup`),
  nor inside URLs or Markdown link destinations (``[text](#section)``). The editor
  has no code blocks, so a line of backticks or tildes ("``` hi there",
  "~~~ 12 weeks ~~~") is text and the tags after it count (break test 9 of session
  14, finding 1); nor are indented lines code.
- Tags are lowercased, NFC-normalised, and trailing ``-``/``_`` are dropped
  (``#grief-`` at the end of a phrase is ``grief``).
- The zero-width non-joiner (ZWNJ, U+200C, the Persian half-space) is part of a tag:
  ``#غم‌ها`` ("sorrows") is the tag غم‌ها, not غم (break test 9 of session 15,
  finding 4).
- Tags that differ only by what search folds (`tag_key`: Persian and Arabic twin
  letters ی/ي and ک/ك, the half-space, Persian digits;
  ``journal.domain.common.letters``) are one tag, spelled as the first of them
  written: in an entry, the first in the tag field then in the text; in a journal,
  the one already there (``journal.storage.entries.repository``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from journal.domain.common.bidi import quoted
from journal.domain.common.letters import search_fold
from journal.domain.common.words import shorten
from journal.domain.entries.lines import split_lines
from journal.domain.entries.markup import CODE, MARKED_LIMIT, mask_escapes

MAX_TAG_CHARS = 40

_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://\S*|<[^<>\s]+>")
_LINK_DESTINATION = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
# A "#" and what follows it up to a space or ASCII punctuation other than "-" and "_"
# (a tag is the leading tag characters of that run; one regex pass finds them all).
_CANDIDATE = re.compile(r"#([^\s!\"#$%&'()*+,./:;<=>?@\[\\\]^`{|}~]+)")
# A "#" that follows one of these (or a word character) does not start a tag.
_NOT_BEFORE_TAG = frozenset("#&\\/-")


_ZWNJ = "\u200c"


def _is_tag_char(char: str) -> bool:
    return char in "_-\u200c" or unicodedata.category(char)[0] in "LMN"


def tag_key(tag: str) -> str:
    """What tells a tag (str) from another: the tag as search reads it
    (``journal.domain.common.letters.search_fold``: ی and ي, ک and ك, with and without
    the half-space are one), case folded. Returns a str, not shown to anyone."""
    return search_fold(tag).casefold()


def one_spelling(tags: Iterable[str], known: Iterable[str] = ()) -> tuple[str, ...]:
    """``tags`` (str, in the order written) each once, spelled as the first of its kind
    (`tag_key`): first as one of ``known`` (tags already in the journal, oldest first),
    else as the first of ``tags`` that has its key. Order kept."""
    spellings: dict[str, str] = {}
    for tag in known:
        spellings.setdefault(tag_key(tag), tag)
    return spelled_as(tags, spellings)


def spelled_as(tags: Iterable[str], spellings: dict[str, str]) -> tuple[str, ...]:
    """``tags`` (str, in the order written) each once, spelled as ``spellings`` (a
    `tag_key` -> the spelling kept) already spells its kind; a tag of a kind not in it
    is kept as written and added to it, so that a later one of its kind is spelled the
    same (an import spelling each entry in turn, oldest first: `one_spelling`'s rule
    at the cost of one look-up a tag). Order kept."""
    kept: dict[str, None] = {}
    for tag in tags:
        kept[spellings.setdefault(tag_key(tag), tag)] = None
    return tuple(kept)


def _blank_code_spans(markdown: str) -> str:
    """``markdown`` with each code span blanked out as the editor reads it: backticks up
    to the next run of the same length in the same line (`markup.CODE`, escapes masked),
    and none in a line longer than ``MARKED_LIMIT`` (the editor shows it as written).
    One pass over each line that holds a backtick."""
    if "`" not in markdown:
        return markdown
    lines = split_lines(markdown)
    for index, line in enumerate(lines):
        if "`" not in line or len(line) > MARKED_LIMIT:
            continue
        kept: list[str] = []
        position = 0
        for span in CODE.finditer(mask_escapes(line)):
            kept.append(line[position : span.start()])
            kept.append(" ")
            position = span.end()
        kept.append(line[position:])
        lines[index] = "".join(kept)
    return "\n".join(lines)


def _clean(text: str) -> str | None:
    """Lowercase and check a tag without its ``#``; ``None`` when it is not one."""
    tag = unicodedata.normalize("NFC", text).lower().strip("-_\u200c")
    if not tag or len(tag) > MAX_TAG_CHARS:
        return None
    if not all(_is_tag_char(char) for char in tag):
        return None
    if not any(char.isalnum() for char in tag):
        return None
    return tag


def extract_hashtags(markdown: str) -> set[str]:
    """The ``#tags`` written in an entry's Markdown body (str), lowercased, those that
    differ only by what search folds as one, spelled as the first written
    (`hashtags_in_order`, `one_spelling`)."""
    return set(one_spelling(hashtags_in_order(markdown)))


def hashtags_in_order(markdown: str) -> list[str]:
    """The ``#tags`` written in an entry's Markdown body (str), lowercased, each once,
    in the order they are written (see the module's rules)."""
    text = _blank_code_spans(unicodedata.normalize("NFC", markdown))
    # Each pass only when what it looks for can be there (a quick scan first).
    if "](" in text:
        text = _LINK_DESTINATION.sub("] ", text)
    if "://" in text or "<" in text:
        text = _URL.sub(" ", text)

    found: dict[str, None] = {}
    words: dict[str, str | None] = {}  # each distinct run is checked once
    for match in _CANDIDATE.finditer(text):
        index = match.start()
        before = text[index - 1] if index > 0 else " "
        if before in _NOT_BEFORE_TAG or _is_tag_char(before):
            continue
        run = match.group(1)
        if run not in words:
            words[run] = _tag_of_run(run)
        tag = words[run]
        if tag is not None:
            found[tag] = None
    return list(found)


def _tag_of_run(run: str) -> str | None:
    """The tag at the start of ``run`` (the text after a ``#``): its leading tag
    characters, when they hold a letter."""
    end = 0
    while end < len(run) and _is_tag_char(run[end]):
        end += 1
    word = run[:end]
    if not any(unicodedata.category(char)[0] == "L" for char in word):
        return None
    return _clean(word)


#: What separates the tags typed in the Tags field: a line break, or a comma as each
#: keyboard types it: every punctuation mark Unicode names a comma (",", the Arabic and
#: Persian "،", the ideographic "、", the full-width "，" of Chinese and Japanese input,
#: the Ethiopic "፣", the Armenian "՝", the Mongolian "᠂", their small, half-width and
#: vertical forms; a test keeps the list whole). "كتاب، ري" and "ሀዘን፣ ተስፋ" were
#: refused whole as one tag (break test 51, F2; re-test 51, N2). A hashtag in the body
#: ends at any of them already: a tag holds letters, marks, digits, "-" and "_"
#: (`_is_tag_char`).
TAG_FIELD_COMMAS = (
    ",\u055d\u060c\u07f8\u1363\u1802\u1808\u2e32\u2e34\u2e41\u2e49\u2e4c\u3001"
    "\ua4fe\ua60d\ua6f5\ufe10\ufe11\ufe50\ufe51\uff0c\uff64"
    "\U0001144d\U0001145a\U00016e97\U0001da87"
)
_TAG_FIELD_SEPARATOR = re.compile(f"[\n{TAG_FIELD_COMMAS}]")


def split_tag_field(text: str) -> list[str]:
    """The Tags field's ``text`` (str) cut at each separator (`_TAG_FIELD_SEPARATOR`):
    every part in order, empty ones and spaces kept, as ``str.split`` gives them."""
    return _TAG_FIELD_SEPARATOR.split(text)


def normalise_tag(text: str) -> str | None:
    """Tidy a tag typed in the tag field.

    Leading ``#`` marks and outer spaces are dropped, inner runs of spaces
    become a single ``-`` ("hard days" -> ``hard-days``), and the result is
    lowercased. Returns ``None`` when nothing is left, when it is longer than
    ``MAX_TAG_CHARS``, or when it holds characters a tag cannot have (tags use
    letters, digits, ``-`` and ``_``).
    """
    words = text.strip().lstrip("#").split()
    return _clean("-".join(words))


#: The most characters of a refused tag the note under the tag field shows.
SHOWN_CHARS = 24


def not_kept_note(refused: Sequence[str]) -> str:
    """The words said under the tag field for the tags typed there that `normalise_tag`
    cannot keep (``refused``, as typed, at least one): which, and what a tag holds.
    They were left out of the saved entry without a word (break test 38, finding 3).
    Each is shown at most ``SHOWN_CHARS`` long, so that the note wraps at any text
    size (a 60-letter word made the note wider than the panel: its re-test)."""
    shown = ", ".join(quoted(shorten(tag, SHOWN_CHARS, at_space=False)) for tag in refused)
    if len(refused) == 1:
        return (
            f"Not kept as a tag: {shown}. A tag holds letters, digits, - and _, up to "
            f"{MAX_TAG_CHARS} characters."
        )
    return (
        f"Not kept as tags: {shown}. Tags hold letters, digits, - and _, up to "
        f"{MAX_TAG_CHARS} characters each."
    )


#: Characters another app's tags may hold that Solace's cannot, spelled as words when a
#: tag is imported, so tags that differ only by them stay apart ("c#", "c++").
SPELLED = {"+": "plus", "#": "sharp", "&": "and"}
_DASHES = re.compile(r"-{2,}")


def imported_tag(text: str) -> str | None:
    """A tag brought in from another app (jrnl's ``@os/2``, a nested Bear tag
    ``#grief/letters``, a Day One tag), as a Solace tag.

    Solace's tags hold what a ``#tag`` written in an entry can hold (letters, digits,
    ``-`` and ``_``; see this module's rules), so every tag can also be typed in the
    text and found by the tag filter. A tag from elsewhere is kept by `normalise_tag`'s
    rule once every character it cannot hold is a ``-`` ("os/2" -> ``os-2``,
    "grief/letters" -> ``grief-letters``), with ``+``, ``#`` and ``&`` spelled
    ("c++" -> ``c-plus-plus``, "c#" -> ``c-sharp``, "r&d" -> ``r-and-d``). Returns
    ``None`` only when nothing of a tag is left (punctuation alone, or longer than
    ``MAX_TAG_CHARS``): the importer then names it in the preview."""
    words = text.strip().lstrip("#").split()
    kept: list[str] = []
    for char in "-".join(words):
        if _is_tag_char(char):
            kept.append(char)
        elif char in SPELLED:
            kept.append(f"-{SPELLED[char]}-")
        else:
            kept.append("-")
    return _clean(_DASHES.sub("-", "".join(kept)))


def merge_tags(field_tags: Iterable[str], body: str) -> tuple[str, ...]:
    """Tags from the tag field and ``#tags`` in the body, sorted and unique: those that
    differ only by what search folds are one, spelled as the first written, the tag
    field first (`one_spelling`).

    Field tags that cannot be tidied into a tag are left out.
    """
    typed = [tag for tag in (normalise_tag(raw) for raw in field_tags) if tag is not None]
    return tuple(sorted(one_spelling([*typed, *hashtags_in_order(body)])))
