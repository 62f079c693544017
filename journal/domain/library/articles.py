"""The guidance articles: loading them from ``resources/articles`` and checking their shape.

Each article is one Markdown file named ``<slug>.md`` that starts with TOML front
matter between two ``+++`` lines::

    +++
    title = "Closeness without sex"
    summary = "One line."
    topics = ["intimacy", "partners"]
    sources = ["A consumer health web article on sex after a miscarriage (...)"]
    reviewed = 2026-11-21
    related = ["warning-signs"]
    keywords = ["husband", "wife"]
    +++

``keywords`` (optional) are everyday words a reader may search for that the article
answers in other words: "hospital" for the warning signs, "crying" for grief. The
search finds the article by them; they are never shown.

Front matter is checked strictly (no missing, unknown or wrongly typed keys) so
that a typo in an article fails loudly in the tests, not quietly in the app. Each
source tells the reader what it is (guidance-facts.md, "The sources, for readers");
tests/domain/library/test_articles.py holds every article to that.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = [
    "FRONT_MATTER_FENCE",
    "SLUG_PATTERN",
    "Article",
    "ArticleError",
    "Section",
    "articles_dir",
    "iter_headings",
    "load_article",
    "load_articles",
    "parse_article",
    "resources_dir",
    "slugify",
]

FRONT_MATTER_FENCE = "+++"
SLUG_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

_REQUIRED_KEYS = frozenset({"title", "summary", "topics", "sources", "reviewed"})
_OPTIONAL_KEYS = frozenset({"related", "keywords"})
_HEADING = re.compile(r"^(#{2,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")
_FENCE = re.compile(r"^[ \t]*(```|~~~)")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


class ArticleError(ValueError):
    """An article file is missing, unreadable or badly formed. The message names the file."""


@dataclass(frozen=True, slots=True)
class Section:
    """A heading inside an article; ``id`` is what ``solace://article/<slug>#<id>`` points at."""

    id: str
    title: str


@dataclass(frozen=True, slots=True)
class Article:
    """One guidance article of the offline library, parsed from its Markdown file.

    ``reviewed`` is the date its facts were last checked against ``sources``; ``related``
    holds the slugs of articles to read next; ``keywords`` the everyday words it is
    also found by (see the module's doc).
    """

    slug: str
    title: str
    summary: str
    topics: tuple[str, ...]
    sources: tuple[str, ...]
    reviewed: dt.date
    related: tuple[str, ...]
    keywords: tuple[str, ...]
    body: str
    """The Markdown after the front matter."""
    sections: tuple[Section, ...]

    def section(self, section_id: str) -> Section | None:
        """The section with this id, or None."""
        return next((s for s in self.sections if s.id == section_id), None)


def resources_dir() -> Path:
    """Solace's ``resources/`` folder (articles, prompts, ideas, icons).

    In a checkout (and an editable install) it sits beside the ``journal`` package; a
    PyInstaller bundle carries it inside (``sys._MEIPASS``); an installed wheel (pip,
    pipx) puts it in ``<prefix>/share/solace`` (pyproject's data-files). The first of
    these that holds the articles is used.
    """
    beside = Path(__file__).resolve().parents[3] / "resources"
    candidates = [beside, Path(sys.prefix) / "share" / "solace"]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.insert(0, Path(bundle) / "resources")
    return next((path for path in candidates if (path / "articles").is_dir()), beside)


def articles_dir() -> Path:
    """The folder holding the shipped articles, ``resources/articles``."""
    return resources_dir() / "articles"


def slugify(text: str) -> str:
    """Make a stable ASCII id from heading text.

    Accents are dropped ("Café" -> "cafe"), letters are lowercased, and every run
    of other characters becomes a single "-", with none at either end. So
    "Fever and chills" -> "fever-and-chills" and "Bleeding: what's typical?" ->
    "bleeding-what-s-typical". Text with no ASCII letters or digits gives "".
    """
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_ALNUM.sub("-", ascii_only.lower()).strip("-")


def iter_headings(markdown: str) -> Iterator[tuple[int, str]]:
    """Yield (level, text) for each ATX heading of level 2 to 6, skipping code blocks.

    Level 1 is left out on purpose: the article's title comes from front matter.
    """
    in_code = False
    for line in markdown.splitlines():
        if _FENCE.match(line):
            in_code = not in_code
            continue
        if in_code:
            continue
        match = _HEADING.match(line)
        if match:
            yield len(match.group(1)), match.group(2).strip()


def _sections(markdown: str, where: str) -> tuple[Section, ...]:
    sections: list[Section] = []
    seen: set[str] = set()
    for _level, text in iter_headings(markdown):
        section_id = slugify(text)
        if not section_id:
            raise ArticleError(f"{where}: heading {text!r} gives an empty section id")
        if section_id in seen:
            raise ArticleError(f"{where}: two headings share the section id {section_id!r}")
        seen.add(section_id)
        sections.append(Section(section_id, text))
    return tuple(sections)


def _split_front_matter(text: str, where: str) -> tuple[str, str]:
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != FRONT_MATTER_FENCE:
        raise ArticleError(f"{where}: must start with a '{FRONT_MATTER_FENCE}' line")
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() == FRONT_MATTER_FENCE:
            return "".join(lines[1:index]), "".join(lines[index + 1 :])
    raise ArticleError(f"{where}: front matter has no closing '{FRONT_MATTER_FENCE}' line")


def _text(data: dict[str, Any], key: str, where: str) -> str:
    value = data[key]
    if not isinstance(value, str) or not value.strip():
        raise ArticleError(f"{where}: '{key}' must be a non-empty string")
    if "\n" in value:
        raise ArticleError(f"{where}: '{key}' must be a single line")
    return value.strip()


def _strings(data: dict[str, Any], key: str, where: str, *, allow_empty: bool) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ArticleError(f"{where}: '{key}' must be a list of non-empty strings")
    if not value and not allow_empty:
        raise ArticleError(f"{where}: '{key}' must not be empty")
    items = tuple(v.strip() for v in value)
    if len(set(items)) != len(items):
        raise ArticleError(f"{where}: '{key}' lists the same value twice")
    return items


def parse_article(slug: str, text: str, *, where: str | None = None) -> Article:
    """Parse one article's file content. ``where`` names the file in error messages."""
    where = where or slug
    if not SLUG_PATTERN.fullmatch(slug):
        raise ArticleError(f"{where}: {slug!r} is not a valid slug (lowercase words and '-')")
    front, body = _split_front_matter(text, where)
    # Here, not at the top: the lock screen reads `resources_dir` from this module
    # before its first paint, and TOML parsing is no part of that (issue 12).
    import tomllib

    try:
        data = tomllib.loads(front)
    except tomllib.TOMLDecodeError as exc:
        raise ArticleError(f"{where}: front matter is not valid TOML: {exc}") from exc

    missing = sorted(_REQUIRED_KEYS - data.keys())
    if missing:
        raise ArticleError(f"{where}: front matter is missing {', '.join(missing)}")
    unknown = sorted(data.keys() - _REQUIRED_KEYS - _OPTIONAL_KEYS)
    if unknown:
        raise ArticleError(f"{where}: front matter has unknown keys {', '.join(unknown)}")

    reviewed = data["reviewed"]
    # datetime is a subclass of date; a review stamp is a plain date.
    if not isinstance(reviewed, dt.date) or isinstance(reviewed, dt.datetime):
        raise ArticleError(f"{where}: 'reviewed' must be a date such as 2026-11-21")

    related = _strings(data, "related", where, allow_empty=True)
    for other in related:
        if not SLUG_PATTERN.fullmatch(other):
            raise ArticleError(f"{where}: related entry {other!r} is not a valid slug")
    if slug in related:
        raise ArticleError(f"{where}: an article cannot be related to itself")

    body = body.lstrip("\n")
    if not body.strip():
        raise ArticleError(f"{where}: the article has no body")

    return Article(
        slug=slug,
        title=_text(data, "title", where),
        summary=_text(data, "summary", where),
        topics=_strings(data, "topics", where, allow_empty=False),
        sources=_strings(data, "sources", where, allow_empty=False),
        reviewed=reviewed,
        related=related,
        keywords=_strings(data, "keywords", where, allow_empty=True),
        body=body,
        sections=_sections(body, where),
    )


def load_article(path: Path) -> Article:
    """Load one ``<slug>.md`` file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ArticleError(f"{path.name}: cannot be read: {exc}") from exc
    return parse_article(path.stem, text, where=path.name)


def load_articles(folder: Path) -> dict[str, Article]:
    """Load every ``*.md`` article in ``folder``, keyed by slug and sorted by slug."""
    if not folder.is_dir():
        raise ArticleError(f"{folder}: the articles folder does not exist")
    paths = sorted(folder.glob("*.md"), key=lambda path: path.stem)
    return {path.stem: load_article(path) for path in paths}
