"""The symbol tokens (emoji, "C++", "F#") cost a fixed number of passes over the text,
whatever it holds (break test 9 of session 12, finding 6: a Python step with two
regular-expression matches per symbol made an entry full of emoji cost 60 to 80
times a plain one at every autosave). The benchmark (tests/benchmarks/
test_editor_bench.py) measures the time; here the work is counted, not timed, and the
tokens are checked against the rule read one run at a time."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from journal.storage.measures import measure_tokens
from journal.storage.symbols import symbol_query, symbol_tokens
from journal.storage.word_forms import search_fold

_SYMBOL = regex.compile(r"\p{S}|\w#")
_ENDS = regex.compile(r"^\p{P}+|(?:(?<!\w)#|[^\P{P}#])+$")
_JOINS = r"[\p{S}\u200d\u20e3\U000e0020-\U000e007f]"
_SYMBOL_RUN = regex.compile(rf"{_JOINS}*\p{{S}}{_JOINS}*")
_UNIT = regex.compile(r"\d(?:[\d.,]*\d)?(\p{S}.*)")  # "38.5°c" is also its unit "°c"


def _one_run_at_a_time(text: str) -> list[str]:
    """The rule, read slowly: each run of non-spaces holding a symbol (or a word's "#"),
    folded as search folds it, without emoji variation selectors, case folded, its end
    punctuation off; kept if it still holds one."""
    found = []
    for run in text.split():
        run = regex.sub(r"(?<=\d)º", "°", run)  # "38ºC" is a degree (finding 8, session 14)
        if not _SYMBOL.search(run):
            continue
        folded = search_fold(run).translate({0xFE0E: None, 0xFE0F: None}).casefold()
        trimmed = _ENDS.sub("", folded)
        if trimmed and _SYMBOL.search(trimmed):
            found.append(trimmed)
    return list(dict.fromkeys(found))


_PIECES = [*"ab F#C+<>$^|~`-_.,;:!?()[]'\"\n\t", "💔", "🕯", "\ufe0f", "\u200d", "❤", "°"]
_PIECES += ["™", "½", "º", "1", "℃", "أ", "ى", "é", "\u00a0", "👩🏽", "\u20e3", "\x1c"]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
@example("I love you ❤️ see you soon 🙏 +44 7700")
@example("(C++), F#, ™, 💔💔 0💔 1💔")
@example("38.5°C, 101°F) 38ºC 12€")
def test_the_tokens_are_the_rule_read_one_run_at_a_time(text: str) -> None:
    runs = _one_run_at_a_time(text)
    # A query searches only those that hold no word of two letters or more ("+44"
    # is the number 44): its symbols are ignored as punctuation (session 19, finding 5).
    assert set(symbol_query(text)) <= set(runs)
    expected = set(runs) | {sub for run in runs for sub in _SYMBOL_RUN.findall(run)}
    expected |= {unit[1] for run in runs if (unit := _UNIT.fullmatch(run))}
    # and the measurements however written (session 15, finding 9)
    expected |= set(measure_tokens(text))
    tokens = set(symbol_tokens(text).split(" ")) - {""}
    assert tokens == {token for part in expected for token in part.split(" ")} - {""}


def _calls(work: Callable[[], Any]) -> int:
    """How many functions (Python and C) ``work`` calls: work counted, not timed."""
    count = 0

    def tally(_frame: Any, event: str, _arg: Any) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(tally)
    try:
        work()
    finally:
        sys.setprofile(None)
    return count


def test_the_work_does_not_grow_with_the_number_of_symbols() -> None:
    few = " ".join(f"{n}\U0001f494 c{n}+" for n in range(10))
    many = " ".join(f"{n}\U0001f494 c{n}+" for n in range(10_000))
    symbol_tokens(few)  # the patterns are made on first use
    assert len(symbol_tokens(many).split()) > 20_000
    assert _calls(lambda: symbol_tokens(many)) <= _calls(lambda: symbol_tokens(few)) + 5
