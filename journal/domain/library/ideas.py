"""The closeness ideas (``resources/ideas/closeness.toml``): ways to be near each other without sex.

Each idea links to the library article that describes it; the intimacy menu in
the app lets each partner answer every idea privately (yes / not yet / maybe).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from journal.domain.library.articles import SLUG_PATTERN, resources_dir

__all__ = ["ClosenessIdea", "IdeaError", "closeness_ideas_path", "load_closeness_ideas"]

_KEYS = ("id", "title", "description", "article")


class IdeaError(ValueError):
    """The ideas file is missing or badly formed. The message names the file."""


@dataclass(frozen=True, slots=True)
class ClosenessIdea:
    """An idea for closeness that is not sex, from resources/ideas/closeness.toml."""

    id: str
    title: str
    description: str
    article: str
    """Slug of the article that describes this idea."""


def closeness_ideas_path() -> Path:
    """The path of the file that lists the library's closeness ideas (a TOML file)."""
    return resources_dir() / "ideas" / "closeness.toml"


def load_closeness_ideas(path: Path | None = None) -> tuple[ClosenessIdea, ...]:
    """Load the ideas in file order, checking every field and that ids are unique."""
    path = path or closeness_ideas_path()
    where = path.name
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise IdeaError(f"{where}: cannot be read: {exc}") from exc
    if set(data) != {"idea"} or not isinstance(data["idea"], list) or not data["idea"]:
        raise IdeaError(f"{where}: expected one or more [[idea]] tables and nothing else")
    ideas: list[ClosenessIdea] = []
    for number, raw in enumerate(data["idea"], start=1):
        if not isinstance(raw, dict) or sorted(raw) != sorted(_KEYS):
            raise IdeaError(f"{where}: idea {number} must have exactly {', '.join(_KEYS)}")
        values = [raw[key] for key in _KEYS]
        if not all(isinstance(v, str) and v.strip() for v in values):
            raise IdeaError(f"{where}: idea {number} has an empty or non-text field")
        idea = ClosenessIdea(*(v.strip() for v in values))
        if not SLUG_PATTERN.fullmatch(idea.id) or not SLUG_PATTERN.fullmatch(idea.article):
            raise IdeaError(f"{where}: idea {number} needs slug-shaped 'id' and 'article'")
        if any(other.id == idea.id for other in ideas):
            raise IdeaError(f"{where}: the id {idea.id!r} is used twice")
        ideas.append(idea)
    return tuple(ideas)
