"""Links between articles, written in Markdown as ``[text](solace://article/<slug>#<section>)``.

The app has its own URL scheme so that a link can never point outside the
computer: ``solace://article/<slug>`` opens an article and an optional
``#<section-id>`` scrolls to a heading, whose id is ``slugify(heading text)``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from journal.domain.library.articles import SLUG_PATTERN, Article

__all__ = [
    "ARTICLE_HOST",
    "SCHEME",
    "ArticleLink",
    "BrokenLink",
    "MarkdownLink",
    "article_url",
    "broken_links",
    "markdown_links",
    "parse_link",
]

SCHEME = "solace"
ARTICLE_HOST = "article"

# [text](target) where text has no nested brackets; images (![...]) are matched too
# so that they are reported instead of silently ignored.
_MARKDOWN_LINK = re.compile(r"!?\[(?P<text>[^\]]*)\]\((?P<url>[^)\s]*)(?:\s+\"[^\"]*\")?\)")


@dataclass(frozen=True, slots=True)
class ArticleLink:
    """Where a ``solace://article/...`` link points: an article, and maybe a section in it."""

    slug: str
    section: str | None = None

    @property
    def url(self) -> str:
        return article_url(self.slug, self.section)


@dataclass(frozen=True, slots=True)
class MarkdownLink:
    """One ``[text](url)`` found in an article; ``target`` is None when it is not ours."""

    text: str
    url: str
    target: ArticleLink | None


@dataclass(frozen=True, slots=True)
class BrokenLink:
    """A link or Related entry in ``source`` (a slug) that leads nowhere, and why."""

    source: str
    url: str
    reason: str


def article_url(slug: str, section: str | None = None) -> str:
    """Build ``solace://article/<slug>`` or ``solace://article/<slug>#<section>``."""
    base = f"{SCHEME}://{ARTICLE_HOST}/{slug}"
    return f"{base}#{section}" if section else base


def parse_link(url: str) -> ArticleLink | None:
    """Read a ``solace://article/<slug>[#<section>]`` URL; None for anything else.

    Never raises, whatever the input.
    """
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() != SCHEME or parts.netloc.lower() != ARTICLE_HOST or parts.query:
        return None
    slug = parts.path.removeprefix("/").removesuffix("/")
    if not SLUG_PATTERN.fullmatch(slug):
        return None
    section = parts.fragment or None
    if section is not None and not SLUG_PATTERN.fullmatch(section):
        return None
    return ArticleLink(slug, section)


def markdown_links(article: Article) -> list[MarkdownLink]:
    """Every Markdown link and image in the article's body, in order."""
    return [
        MarkdownLink(m.group("text"), m.group("url"), parse_link(m.group("url")))
        for m in _MARKDOWN_LINK.finditer(article.body)
    ]


def _check_target(
    source: str, url: str, target: ArticleLink, articles: Mapping[str, Article]
) -> BrokenLink | None:
    linked = articles.get(target.slug)
    if linked is None:
        return BrokenLink(source, url, f"there is no article {target.slug!r}")
    if target.section is not None and linked.section(target.section) is None:
        return BrokenLink(source, url, f"{target.slug!r} has no section {target.section!r}")
    return None


def broken_links(articles: Mapping[str, Article]) -> list[BrokenLink]:
    """Every body link and Related entry that does not resolve to an article (and section).

    Links that are not ``solace://article/`` links count as broken too: the app
    is offline, so there is nowhere else for a link to go.
    """
    broken: list[BrokenLink] = []
    for slug, article in articles.items():
        for link in markdown_links(article):
            if link.target is None:
                broken.append(BrokenLink(slug, link.url, "not a solace://article/ link"))
                continue
            problem = _check_target(slug, link.url, link.target, articles)
            if problem is not None:
                broken.append(problem)
        for other in article.related:
            problem = _check_target(slug, article_url(other), ArticleLink(other), articles)
            if problem is not None:
                broken.append(BrokenLink(slug, problem.url, "related: " + problem.reason))
    return broken
