"""Writing prompts: loaded from ``resources/prompts/<audience>.toml``.

Each file holds ``[[prompt]]`` tables with ``id`` (a lowercase slug, unique
across all files), ``text`` and an optional ``hint``. Prompts the user writes
themselves are stored in the journal database and added with
:meth:`PromptLibrary.with_prompts`; they carry ``custom=True``.

A prompt is only ever offered. Skipping one is always fine.
"""

from __future__ import annotations

import enum
import random
import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_PROMPT_KEYS = frozenset({"id", "text", "hint"})


class Audience(enum.Enum):
    """Who a prompt is written for. The value is the file name stem."""

    GRIEF = "grief"
    PARTNER = "partner"
    COUPLE = "couple"

    @property
    def file_name(self) -> str:
        return f"{self.value}.toml"


class PromptError(ValueError):
    """A prompt file is missing, unreadable or malformed."""

    def __init__(self, file: str, message: str, prompt_id: str | None = None) -> None:
        where = f"{file}, prompt {prompt_id!r}" if prompt_id else file
        super().__init__(f"{where}: {message}")
        self.file = file
        self.prompt_id = prompt_id


@dataclass(frozen=True, slots=True)
class Prompt:
    """A writing prompt: its id, the question, an optional hint shown below it, who it is
    for (one writer or a couple), and whether the person wrote it themselves.
    """

    id: str
    text: str
    hint: str | None
    audience: Audience
    custom: bool = False


@dataclass(frozen=True, slots=True)
class PromptLibrary:
    """All prompts, in file order, looked up by id or audience."""

    prompts: tuple[Prompt, ...]
    _by_id: dict[str, Prompt] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_id: dict[str, Prompt] = {}
        for prompt in self.prompts:
            if prompt.id in by_id:
                raise ValueError(f"two prompts share the id {prompt.id!r}")
            by_id[prompt.id] = prompt
        object.__setattr__(self, "_by_id", by_id)

    def __len__(self) -> int:
        return len(self.prompts)

    def __iter__(self) -> Iterator[Prompt]:
        return iter(self.prompts)

    def get(self, prompt_id: str) -> Prompt | None:
        return self._by_id.get(prompt_id)

    def for_audience(self, audience: Audience) -> tuple[Prompt, ...]:
        return tuple(prompt for prompt in self.prompts if prompt.audience is audience)

    def offer(
        self, audience: Audience, exclude: set[str] | frozenset[str], rng: random.Random
    ) -> Prompt | None:
        """One prompt for ``audience`` whose id is not in ``exclude``; ``None`` if none are left."""
        choices = [prompt for prompt in self.for_audience(audience) if prompt.id not in exclude]
        if not choices:
            return None
        return rng.choice(choices)

    def with_prompts(self, extra: Iterable[Prompt]) -> PromptLibrary:
        """A library with ``extra`` (for example the user's own prompts) added at the end."""
        return PromptLibrary(self.prompts + tuple(extra))


def prompts_dir() -> Path:
    """The shipped prompts, ``resources/prompts`` (found as `resources_dir` finds it)."""
    from journal.domain.library.articles import resources_dir

    return resources_dir() / "prompts"


def _optional_text(value: object, file: str, prompt_id: str, key: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise PromptError(file, f"{key!r} must be non-empty text when present", prompt_id)
    return " ".join(value.split())


def _parse_file(path: Path, audience: Audience) -> list[Prompt]:
    file = path.name
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise PromptError(file, "the file is missing") from None
    except (OSError, UnicodeDecodeError) as error:
        raise PromptError(file, f"could not be read ({error})") from None
    except tomllib.TOMLDecodeError as error:
        raise PromptError(file, f"is not valid TOML ({error})") from None

    unknown = set(data) - {"prompt"}
    if unknown:
        raise PromptError(file, f"unexpected top-level keys: {', '.join(sorted(unknown))}")
    tables = data.get("prompt")
    if not isinstance(tables, list) or not tables:
        raise PromptError(file, "needs at least one [[prompt]] table")

    prompts: list[Prompt] = []
    for position, table in enumerate(tables, start=1):
        if not isinstance(table, dict):
            raise PromptError(file, f"prompt number {position} is not a table")
        prompt_id = table.get("id")
        if not isinstance(prompt_id, str) or not _SLUG.match(prompt_id):
            raise PromptError(
                file,
                f"prompt number {position} needs an 'id' made of lowercase letters, "
                f"digits and single hyphens (got {prompt_id!r})",
            )
        extra = set(table) - _PROMPT_KEYS
        if extra:
            raise PromptError(file, f"unexpected keys: {', '.join(sorted(extra))}", prompt_id)
        text = _optional_text(table.get("text"), file, prompt_id, "text")
        if text is None:
            raise PromptError(file, "'text' is missing", prompt_id)
        hint = _optional_text(table.get("hint"), file, prompt_id, "hint")
        prompts.append(Prompt(id=prompt_id, text=text, hint=hint, audience=audience))
    return prompts


def load_prompts(folder: Path) -> PromptLibrary:
    """Read ``grief.toml``, ``partner.toml`` and ``couple.toml`` from ``folder``.

    Raises :class:`PromptError`, naming the file (and the prompt id when there
    is one), when a file is missing or malformed or when an id is used twice.
    """
    seen: dict[str, str] = {}
    prompts: list[Prompt] = []
    for audience in Audience:
        file = audience.file_name
        for prompt in _parse_file(folder / file, audience):
            if prompt.id in seen:
                raise PromptError(file, f"the id is already used in {seen[prompt.id]}", prompt.id)
            seen[prompt.id] = file
            prompts.append(prompt)
    return PromptLibrary(tuple(prompts))
