"""solace://article links: parsing, building, and that every shipped link resolves."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.domain.library.articles import Article, parse_article
from journal.domain.library.links import (
    ArticleLink,
    article_url,
    broken_links,
    markdown_links,
    parse_link,
)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("solace://article/warning-signs", ArticleLink("warning-signs")),
        ("solace://article/warning-signs/", ArticleLink("warning-signs")),
        (
            "solace://article/warning-signs#heavy-bleeding",
            ArticleLink("warning-signs", "heavy-bleeding"),
        ),
        ("SOLACE://Article/warning-signs", ArticleLink("warning-signs")),
        ("solace://article/warning-signs#", ArticleLink("warning-signs")),
        ("https://example.org/warning-signs", None),
        ("solace://journal/warning-signs", None),
        ("solace://article/", None),
        ("solace://article/Warning Signs", None),
        ("solace://article/warning-signs?x=1", None),
        ("solace://article/warning-signs#Heavy Bleeding", None),
        ("solace://article/a/b", None),
        ("solace://[article/x", None),
        ("", None),
    ],
)
def test_parse_link(url: str, expected: ArticleLink | None) -> None:
    assert parse_link(url) == expected


@pytest.mark.parametrize("section", [None, "fever-and-chills"])
def test_article_url_round_trips(section: str | None) -> None:
    url = article_url("warning-signs", section)
    assert parse_link(url) == ArticleLink("warning-signs", section)
    assert ArticleLink("warning-signs", section).url == url


@settings(database=None)
@given(st.text())
def test_parse_link_never_raises(url: str) -> None:
    parse_link(url)
    parse_link("solace://article/" + url)


def test_every_shipped_link_and_related_entry_resolves(articles: dict[str, Article]) -> None:
    assert broken_links(articles) == []


def test_articles_link_to_each_other(articles: dict[str, Article]) -> None:
    for article in articles.values():
        links = markdown_links(article)
        assert links, f"{article.slug} links nowhere"
        assert all(link.target is not None for link in links)
        assert all(link.target.slug != article.slug for link in links if link.target)


def test_section_links_are_checked(articles: dict[str, Article]) -> None:
    section_links = [
        link.target
        for article in articles.values()
        for link in markdown_links(article)
        if link.target and link.target.section
    ]
    assert section_links, "at least one article links into a section"
    for target in section_links:
        assert articles[target.slug].section(target.section or "") is not None


def _article(slug: str, body: str, related: str = "[]") -> Article:
    text = (
        f'+++\ntitle = "T"\nsummary = "S"\ntopics = ["t"]\nsources = ["Source A"]\n'
        f"reviewed = 2026-11-21\nrelated = {related}\n+++\n{body}"
    )
    return parse_article(slug, text)


def test_broken_links_are_reported() -> None:
    articles = {
        "a": _article(
            "a",
            "## Here\n[ok](solace://article/b) [ok](solace://article/a#here) "
            "[gone](solace://article/nowhere) [no section](solace://article/b#missing) "
            "[web](https://example.org) ![img](pic.png)",
            related='["b", "lost"]',
        ),
        "b": _article("b", "Nothing.\n"),
    }
    found = {(b.source, b.url): b.reason for b in broken_links(articles)}
    assert found == {
        ("a", "solace://article/nowhere"): "there is no article 'nowhere'",
        ("a", "solace://article/b#missing"): "'b' has no section 'missing'",
        ("a", "https://example.org"): "not a solace://article/ link",
        ("a", "pic.png"): "not a solace://article/ link",
        ("a", "solace://article/lost"): "related: there is no article 'lost'",
    }


def test_the_library_package_does_not_import_qt() -> None:
    """The UI is built on this package; the package itself stays free of Qt."""
    import ast
    from pathlib import Path

    import journal.domain.library

    package = Path(journal.domain.library.__file__).parent
    for path in package.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            for name in names:
                assert not name.startswith(("PySide6", "journal.ui")), f"{path.name}: {name}"
