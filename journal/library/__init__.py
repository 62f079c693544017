"""The offline guidance library: articles from ``resources/articles``, their links, and search.

Pure Python (no Qt): the UI builds on these plain dataclasses.
"""

from journal.library.articles import (
    Article,
    ArticleError,
    Section,
    articles_dir,
    load_article,
    load_articles,
    parse_article,
    resources_dir,
    slugify,
)
from journal.library.ideas import ClosenessIdea, IdeaError, load_closeness_ideas
from journal.library.index import LibraryIndex, SearchHit
from journal.library.links import (
    ArticleLink,
    BrokenLink,
    MarkdownLink,
    article_url,
    broken_links,
    markdown_links,
    parse_link,
)

__all__ = [
    "Article",
    "ArticleError",
    "ArticleLink",
    "BrokenLink",
    "ClosenessIdea",
    "IdeaError",
    "LibraryIndex",
    "MarkdownLink",
    "SearchHit",
    "Section",
    "article_url",
    "articles_dir",
    "broken_links",
    "load_article",
    "load_articles",
    "load_closeness_ideas",
    "markdown_links",
    "parse_article",
    "parse_link",
    "resources_dir",
    "slugify",
]
