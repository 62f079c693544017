"""The closeness ideas shipped in resources/ideas/closeness.toml."""

from __future__ import annotations

from pathlib import Path

import pytest

from journal.domain.library.articles import Article
from journal.domain.library.ideas import IdeaError, load_closeness_ideas
from journal.domain.library.plaintext import markdown_to_text

EXPECTED = ["hugging", "cuddling", "holding-hands", "outercourse", "massage", "dates", "long-talks"]


def test_the_seven_ideas(articles: dict[str, Article]) -> None:
    ideas = load_closeness_ideas()
    assert [idea.id for idea in ideas] == EXPECTED
    for idea in ideas:
        assert idea.article in articles
        assert idea.title
        sentences = [s for s in idea.description.split(". ") if s]
        assert 2 <= len(sentences) <= 3, idea.id
        assert "!" not in idea.description


def test_each_idea_has_a_section_in_its_article(articles: dict[str, Article]) -> None:
    for idea in load_closeness_ideas():
        assert articles[idea.article].section(idea.id) is not None, idea.id


def test_outercourse_is_explained_plainly() -> None:
    outercourse = {i.id: i for i in load_closeness_ideas()}["outercourse"]
    assert "body fluids" in outercourse.description


def test_ideas_do_not_copy_the_article(articles: dict[str, Article]) -> None:
    article = markdown_to_text(articles["closeness-without-sex"].body)
    for idea in load_closeness_ideas():
        assert idea.description not in article


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "one or more"),
        ("[[idea]]\nid = 'x'\n", "must have exactly"),
        (
            "[[idea]]\nid = 'x'\ntitle = 'X'\ndescription = 'D.'\narticle = 'a'\n" * 2,
            "used twice",
        ),
        ("[[idea]]\nid = 'X Y'\ntitle = 'X'\ndescription = 'D.'\narticle = 'a'\n", "slug"),
        ("[[idea]]\nid = 'x'\ntitle = ''\ndescription = 'D.'\narticle = 'a'\n", "empty"),
        ("not toml [", "cannot be read"),
    ],
)
def test_bad_ideas_file(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "closeness.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(IdeaError, match=message):
        load_closeness_ideas(path)
