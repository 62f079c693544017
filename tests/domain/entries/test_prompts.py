from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from journal.domain.entries.prompts import (
    Audience,
    Prompt,
    PromptError,
    PromptLibrary,
    load_prompts,
    prompts_dir,
)


@pytest.fixture(scope="module")
def library() -> PromptLibrary:
    return load_prompts(prompts_dir())


def test_prompts_dir_is_the_shipped_folder() -> None:
    folder = prompts_dir()
    assert folder.parts[-2:] == ("resources", "prompts")
    assert sorted(path.name for path in folder.glob("*.toml")) == [
        "couple.toml",
        "grief.toml",
        "partner.toml",
    ]


def test_every_file_parses_with_expected_counts(library: PromptLibrary) -> None:
    counts = {audience: len(library.for_audience(audience)) for audience in Audience}
    assert 22 <= counts[Audience.GRIEF] <= 30
    assert 12 <= counts[Audience.PARTNER] <= 20
    assert 10 <= counts[Audience.COUPLE] <= 16
    assert sum(counts.values()) == len(library)


def test_ids_are_unique_and_prefixed_by_audience(library: PromptLibrary) -> None:
    ids = [prompt.id for prompt in library]
    assert len(ids) == len(set(ids))
    for prompt in library:
        assert prompt.id.startswith(prompt.audience.value + "-")
        assert prompt.custom is False
        assert library.get(prompt.id) is prompt


FORBIDDEN = re.compile(r"!|congratulat|\bbab(y|ies)\b|\bstreak|\bgoal\b|\bmust\b", re.IGNORECASE)


def test_tone(library: PromptLibrary) -> None:
    for prompt in library:
        for text in (prompt.text, prompt.hint or ""):
            assert not FORBIDDEN.search(text), (prompt.id, text)
        assert prompt.text[-1] in ".?", prompt.id
        assert prompt.hint is None or prompt.hint.endswith("."), prompt.id


def test_tone_files_raw() -> None:
    # Also read the raw files, so comments and anything the loader skips are checked.
    for path in prompts_dir().glob("*.toml"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith(("id", "text", "hint")):
                assert not FORBIDDEN.search(line), (path.name, line)


def test_partner_prompts_exist(library: PromptLibrary) -> None:
    partner = library.for_audience(Audience.PARTNER)
    assert partner
    assert all(prompt.audience is Audience.PARTNER for prompt in partner)


def test_couple_prompt_about_missing(library: PromptLibrary) -> None:
    prompt = library.get("couple-miss-most")
    assert prompt is not None
    assert prompt.text == "What do you miss most?"


def test_get_unknown_is_none(library: PromptLibrary) -> None:
    assert library.get("no-such-prompt") is None


def test_offer_skips_excluded_and_runs_out(library: PromptLibrary) -> None:
    rng = random.Random(7)
    couple_ids = {prompt.id for prompt in library.for_audience(Audience.COUPLE)}
    keep = "couple-miss-most"
    for _ in range(20):
        offered = library.offer(Audience.COUPLE, couple_ids - {keep}, rng)
        assert offered is not None and offered.id == keep
    assert library.offer(Audience.COUPLE, couple_ids, rng) is None


def test_offer_stays_in_audience_and_is_reproducible(library: PromptLibrary) -> None:
    first = [library.offer(Audience.PARTNER, set(), random.Random(3)) for _ in range(3)]
    assert len({prompt.id for prompt in first if prompt}) == 1
    seen = {library.offer(Audience.GRIEF, set(), random.Random(seed)) for seed in range(50)}
    assert all(prompt is not None and prompt.audience is Audience.GRIEF for prompt in seen)
    assert len(seen) > 5


def test_with_prompts_adds_custom_prompts(library: PromptLibrary) -> None:
    mine = Prompt(
        id="custom-1", text="What did today hold?", hint=None, audience=Audience.GRIEF, custom=True
    )
    bigger = library.with_prompts([mine])
    assert bigger.get("custom-1") is mine
    assert len(bigger) == len(library) + 1
    assert library.get("custom-1") is None
    with pytest.raises(ValueError, match="custom-1"):
        bigger.with_prompts([mine])


# --- validation, on small folders written by the tests ----------------------

GOOD = '[[prompt]]\nid = "{id}"\ntext = "A question?"\n'


def _folder(tmp_path: Path, **files: str) -> Path:
    contents = {
        "grief": GOOD.format(id="g-one"),
        "partner": GOOD.format(id="p-one"),
        "couple": GOOD.format(id="c-one"),
    }
    contents.update(files)
    for stem, text in contents.items():
        (tmp_path / f"{stem}.toml").write_text(text, encoding="utf-8")
    return tmp_path


def test_small_folder_loads(tmp_path: Path) -> None:
    library = load_prompts(
        _folder(tmp_path, grief=GOOD.format(id="g-one") + 'hint = " a  hint. "\n')
    )
    prompt = library.get("g-one")
    assert prompt == Prompt(id="g-one", text="A question?", hint="a hint.", audience=Audience.GRIEF)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[[prompt]\nid = ", r"grief\.toml: is not valid TOML"),
        ("", r"grief\.toml: needs at least one \[\[prompt\]\]"),
        (
            "title = 'x'\n" + GOOD.format(id="g-one"),
            r"grief\.toml: unexpected top-level keys: title",
        ),
        ('[[prompt]]\ntext = "A question?"\n', r"grief\.toml: prompt number 1 needs an 'id'"),
        ('[[prompt]]\nid = "Bad Id"\ntext = "x"\n', r"grief\.toml: prompt number 1 .*'Bad Id'"),
        ('[[prompt]]\nid = "g-x"\n', r"grief\.toml, prompt 'g-x': 'text' is missing"),
        ('[[prompt]]\nid = "g-x"\ntext = "  "\n', r"grief\.toml, prompt 'g-x': 'text' must be"),
        ('[[prompt]]\nid = "g-x"\ntext = "x"\nhint = 3\n', r"prompt 'g-x': 'hint' must be"),
        ('[[prompt]]\nid = "g-x"\ntext = "x"\nmood = 3\n', r"prompt 'g-x': unexpected keys: mood"),
        ('prompt = "x"\n', r"grief\.toml: needs at least one"),
    ],
)
def test_invalid_files_name_file_and_id(tmp_path: Path, content: str, message: str) -> None:
    with pytest.raises(PromptError, match=message):
        load_prompts(_folder(tmp_path, grief=content))


def test_duplicate_id_across_files(tmp_path: Path) -> None:
    folder = _folder(tmp_path, couple=GOOD.format(id="g-one"))
    with pytest.raises(PromptError, match=r"couple\.toml, prompt 'g-one': .*grief\.toml") as info:
        load_prompts(folder)
    assert info.value.file == "couple.toml"
    assert info.value.prompt_id == "g-one"


def test_missing_file(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "partner.toml").unlink()
    with pytest.raises(PromptError, match=r"partner\.toml: the file is missing"):
        load_prompts(folder)


def test_not_utf8(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "couple.toml").write_bytes(b'[[prompt]]\nid = "c-one"\ntext = "\xff"\n')
    with pytest.raises(PromptError, match=r"couple\.toml"):
        load_prompts(folder)
