"""What the guidance tests share: the facts sheet and the two source articles beside the
repository, every guidance text Solace ships *as a reader sees it*, and the checks run
on all of them: 7-word runs, claims the sources do not make, urgency, figures.

The facts sheet and the sources live in ``<repo>/../shared/`` (``guidance-facts.md``
and ``sources/article-a.txt``, ``sources/article-b.txt``). Tests that need them skip,
saying so, when that folder is absent; when the environment variable ``CI`` is set
they FAIL instead, so a broken path can never hide behind a skip.
"""

from __future__ import annotations

import dataclasses
import os
import re
import tomllib
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import NoReturn

import pytest

from journal.domain.body.log import LossKind, RecoveryDetails, Treatment
from journal.domain.body.recovery import timeline
from journal.domain.body.warning_signs import (
    ACETAMINOPHEN_WINDOW,
    INCREASE_WINDOW,
    NOT_STOPPED_AFTER_DAYS,
    OWN_READING,
    RULES,
    SAFETY_NOTE,
    SignId,
    Urgency,
)
from journal.domain.library.articles import parse_article, resources_dir
from journal.domain.library.plaintext import markdown_to_text
from tests.shared_files import SHARED

REPO = Path(__file__).resolve().parents[1]
FACTS_FILE = SHARED / "guidance-facts.md"
SOURCES_DIR = SHARED / "sources"
SOURCE_FILES = ("article-a.txt", "article-b.txt")

#: Runs of this many words in a row, shared with the facts or a source, count as copied.
RUN = 7

#: Threshold wording that may keep the source's words: none. The heavy-bleeding
#: threshold was quoted exactly from source B in the article (break test 45b, F5: a
#: near-copy of a source's sentence); it keeps B's figures in Solace's own words.
THRESHOLD_PHRASES: tuple[str, ...] = ()
#: A source's own title, which a citation must give exactly; allowed only in the
#: ``sources`` line of an article's front matter.
CITED_TITLES = ("How Long After A Miscarriage Can You Have Sex?",)

#: The urgency the facts give each sign (guidance-facts.md §4, and §3 for bleeding
#: that has not stopped), the words of the facts line it follows, and the words that
#: show the line is about that sign.
EXPECTED_URGENCY: dict[SignId, tuple[Urgency, str]] = {
    SignId.FEVER: (Urgency.IMMEDIATELY, "chills, fever, or vaginal discharge"),
    SignId.FEVER_AFTER_ACETAMINOPHEN: (
        Urgency.IMMEDIATELY,
        "acetaminophen (Tylenol) (B); by A, fever is a reason to call immediately",
    ),
    SignId.CHILLS: (Urgency.IMMEDIATELY, "chills, fever, or vaginal discharge"),
    SignId.DISCHARGE: (Urgency.IMMEDIATELY, "A names any discharge"),
    SignId.HEAVY_BLEEDING: (Urgency.APPOINTMENT, "heavy bleeding: soaking through a thick pad"),
    SignId.CLOTS_OR_TISSUE: (Urgency.APPOINTMENT, "large blood clots, or tissue passing"),
    SignId.PAIN_WITH_SEX: (Urgency.APPOINTMENT, "pain during or after sex (B)"),
    SignId.BLEEDING_INCREASES: (Urgency.APPOINTMENT, "increased bleeding (B)"),
    SignId.BLEEDING_NOT_STOPPED: (
        Urgency.APPOINTMENT,
        "If bleeding has not stopped after the miscarriage or D&C, check with the doctor",
    ),
}

#: How a sign is named in running text (matched on :func:`normalise`d text).
SIGN_NAMES: dict[SignId, str] = {
    SignId.FEVER: r"\bfevers?\b|\btemperature\b",
    SignId.FEVER_AFTER_ACETAMINOPHEN: r"\bacetaminophen\b|\btylenol\b|\bparacetamol\b",
    SignId.CHILLS: r"\bchills\b",
    SignId.DISCHARGE: r"\bdischarge\b",
    SignId.HEAVY_BLEEDING: r"\bheavy bleeding\b|\bbleeding is heavy\b|\bsoak\w*\b",
    SignId.CLOTS_OR_TISSUE: r"\bclots?\b|\btissue\b",
    SignId.PAIN_WITH_SEX: r"\bpain (?:during|with|after)\b|\bsex hurts\b",
    SignId.BLEEDING_INCREASES: r"\bbleeding (?:that )?(?:increases|rises)\b|\bincreased bleeding\b",
    SignId.BLEEDING_NOT_STOPPED: r"\bnot stopped\b|\bnot stop\b|\bstill bleed\w*\b",
}
#: The words of each level, as an instruction to the reader (not an attribution such as
#: "lists it among its reasons for a visit", which the fever line of the facts needs).
LEVEL_WORDS: dict[Urgency, str] = {
    Urgency.IMMEDIATELY: (
        r"\bimmediately\b|\bstraight away\b|\bright away\b|\burgent(?:ly)?\b|"
        r"\bwithout delay\b|\bat once\b"
    ),
    Urgency.APPOINTMENT: (
        r"\b(?:make|book|arrange|schedule|get) (?:an |a |one )?(?:appointment|visit|one)\b|"
        r"\bsee (?:your|a|the) doctor\b|\bvisit (?:your|a|the) doctor\b"
    ),
}


def missing_shared(what: str) -> NoReturn:
    """Skip because ``what`` is not beside the repository; under CI, fail instead."""
    message = f"{what} is not beside the repository (expected in {SHARED})"
    if os.environ.get("CI"):
        pytest.fail(f"{message}; CI is set, so this fails instead of skipping", pytrace=False)
    pytest.skip(message)


# -- words, runs and reader text ------------------------------------------------------------

_CONTRACTIONS = (
    ("can't", "can not"),
    ("cannot", "can not"),
    ("won't", "will not"),
    ("n't", " not"),
    ("'re", " are"),
    ("'ve", " have"),
    ("'ll", " will"),
    ("'d", " would"),
)


def normalise(text: str) -> str:
    """Text as a reader sees it, for loose matching: lowercase, straight quotes,
    contractions spelled out, Markdown links reduced to their words, no emphasis marks,
    one space between words."""
    text = markdown_to_text(text).lower()
    for curly, straight in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("–", "-")):
        text = text.replace(curly, straight)
    text = text.replace("—", " - ")
    for short, long in _CONTRACTIONS:
        text = text.replace(short, long)
    return " ".join(text.split())


def words(text: str) -> list[str]:
    """Lowercase words and numbers ("38.3" stays one); punctuation and markup drop out."""
    return re.findall(r"[a-z0-9]+(?:\.[0-9]+)*", text.lower().replace("’", "'"))


def runs(text: str, n: int = RUN) -> set[tuple[str, ...]]:
    found = words(text)
    return {tuple(found[i : i + n]) for i in range(len(found) - n + 1)}


def copied_runs(
    ours: str,
    theirs: set[tuple[str, ...]] | frozenset[tuple[str, ...]],
    allowed: Iterable[str] = (),
    n: int = RUN,
) -> list[str]:
    """Each run of ``n`` words in ``ours`` that is also in ``theirs``, after taking out
    the ``allowed`` phrases (matched case-insensitively; a taken-out phrase breaks a run)."""
    text = ours.lower()
    for phrase in allowed:
        text = text.replace(phrase.lower(), " | ")
    found: list[str] = []
    for part in text.split("|"):
        mine = words(part)
        found += [
            " ".join(mine[i : i + n])
            for i in range(len(mine) - n + 1)
            if tuple(mine[i : i + n]) in theirs
        ]
    return found


def facts_text() -> str:
    """guidance-facts.md, or a skip (a failure under CI) that says why."""
    if not FACTS_FILE.is_file():
        missing_shared(str(FACTS_FILE))
    return FACTS_FILE.read_text(encoding="utf-8")


@cache
def _source_runs(folder: Path) -> dict[str, frozenset[tuple[str, ...]]] | None:
    if not all((folder / name).is_file() for name in SOURCE_FILES):
        return None
    return {
        name: frozenset(runs((folder / name).read_text(encoding="utf-8"))) for name in SOURCE_FILES
    }


def source_runs() -> dict[str, frozenset[tuple[str, ...]]]:
    """The 7-word runs of each source article, by file name, or a skip (a failure under
    CI) that says why."""
    found = _source_runs(SOURCES_DIR)
    if found is None:
        missing_shared(f"the source articles {', '.join(SOURCE_FILES)}")
    return found


def assert_nothing_copied(
    where: str, text: str, allowed: Iterable[str] = THRESHOLD_PHRASES
) -> None:
    """Fail, naming the place and the runs, if ``text`` shares 7 words in a row with a
    source, as a reader sees it (Markdown links reduced to their words)."""
    plain = markdown_to_text(text)
    for name, theirs in source_runs().items():
        copied = copied_runs(plain, theirs, allowed)
        assert not copied, f"{where} repeats {name}: {copied}"


# -- every guidance text Solace ships --------------------------------------------------------


def resource_files() -> list[Path]:
    """Every file under resources/ (articles, prompts, ideas, anything added later)."""
    return sorted(p for p in resources_dir().rglob("*") if p.is_file() and p.name[0] != ".")


#: TOML keys that are identifiers, not words a reader sees.
_TOML_KEYS_NOT_SHOWN = frozenset({"id", "article"})


def resource_texts(path: Path) -> dict[str, str]:
    """What a reader sees of one file under resources/, by place: an article's title,
    summary, each paragraph of its body (Markdown reduced to its words) and its sources
    (``"<file> sources"``); every string of a TOML file but its ids and article slugs."""
    name = path.relative_to(resources_dir()).as_posix()
    raw = path.read_text(encoding="utf-8")
    texts: dict[str, str] = {}
    if path.suffix == ".md":
        article = parse_article(path.stem, raw, where=name)
        texts[f"{name} title"] = article.title
        texts[f"{name} summary"] = article.summary
        texts[f"{name} sources"] = "\n".join(article.sources)
        for number, paragraph in enumerate(re.split(r"\n\s*\n", article.body), 1):
            if paragraph.strip():
                texts[f"{name} paragraph {number}"] = markdown_to_text(paragraph)
    elif path.suffix == ".toml":
        for table, items in tomllib.loads(raw).items():
            for index, item in enumerate(items):
                for key, value in item.items():
                    if isinstance(value, str) and key not in _TOML_KEYS_NOT_SHOWN:
                        texts[f"{name} {table}[{item.get('id', index)}].{key}"] = value
    else:
        texts[name] = raw
    return texts


def _milestone_texts() -> Iterator[tuple[str, str]]:
    seen: set[str] = set()
    for kind in LossKind:
        for treatment in Treatment:
            details = RecoveryDetails(loss_kind=kind, treatment=treatment)
            for milestone in timeline(details, [], date(2024, 3, 1)).milestones:
                where = f"milestone {milestone.id} ({kind.name}, {treatment.name})"
                for field, value in (("title", milestone.title), ("text", milestone.text)):
                    if value not in seen:
                        seen.add(value)
                        yield f"{where} {field}", value


#: Rule fields that are the rule's record of what the sources say, with their letters;
#: never shown to a reader.
RECORD_FIELDS = frozenset({"source_says"})


def domain_texts() -> dict[str, str]:
    """The strings of the domain tables: every text field of every warning rule (its
    record included), the urgency labels, the own-reading and safety-note wording, and
    every distinct milestone text for every kind of loss and treatment."""
    texts: dict[str, str] = {}
    for rule in RULES:
        for field in dataclasses.fields(rule):
            value = getattr(rule, field.name)
            if isinstance(value, str) and field.name not in {"article", "article_section"}:
                texts[f"rule {rule.id.value}.{field.name}"] = value
    for urgency in Urgency:
        texts[f"urgency {urgency.value}"] = urgency.label
    texts["OWN_READING"] = OWN_READING
    texts["SAFETY_NOTE"] = SAFETY_NOTE
    texts.update(_milestone_texts())
    return texts


@cache
def shipped_texts() -> dict[str, str]:
    """Every guidance text Solace ships, as a reader sees it, by place: all of
    resources/ (articles by paragraph, prompts, ideas) and the domain tables."""
    texts: dict[str, str] = {}
    for path in resource_files():
        texts.update(resource_texts(path))
    texts.update(domain_texts())
    return texts


def is_sources_line(where: str) -> bool:
    return where.endswith(" sources")


def is_record(where: str) -> bool:
    return where.startswith("rule ") and where.rsplit(".", 1)[1] in RECORD_FIELDS


def reader_texts() -> dict[str, str]:
    """shipped_texts() without the sources lines and the rules' records."""
    return {w: t for w, t in shipped_texts().items() if not (is_sources_line(w) or is_record(w))}


def is_own_reading(text: str) -> bool:
    """True when the text says it is Solace's own reading (an own_reading field, or a
    paragraph that says so)."""
    return OWN_READING.casefold() in text.casefold()


def sentences(text: str) -> list[str]:
    """Normalised sentences and list items of ``text`` (split at . ; ? and new lines,
    never inside a figure such as 38.3)."""
    return [s for s in re.split(r"(?<=[.;?!])\s+|\n+", normalise_lines(text)) if s.strip()]


def normalise_lines(text: str) -> str:
    """:func:`normalise`, keeping line breaks (list items stay apart)."""
    return "\n".join(normalise(line) for line in markdown_to_text(text).splitlines())


# -- urgency ----------------------------------------------------------------------------------


def levels_in(sentence: str) -> set[Urgency]:
    return {level for level, pattern in LEVEL_WORDS.items() if re.search(pattern, sentence)}


def signs_in(sentence: str) -> set[SignId]:
    return {sign for sign, pattern in SIGN_NAMES.items() if re.search(pattern, sentence)}


def urgency_mismatches(text: str) -> list[str]:
    """Each sentence that names a sign together with a level the facts do not give it."""
    wrong: list[str] = []
    for sentence in sentences(text):
        levels = levels_in(sentence)
        for sign in signs_in(sentence) if levels else ():
            expected = EXPECTED_URGENCY[sign][0]
            if levels - {expected}:
                wrong.append(f"{sign.value} at {sorted(levels - {expected})}: {sentence}")
    return wrong


# -- figures ----------------------------------------------------------------------------------

_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "a hundred": 100,
    "a dozen": 12,
    "half a": 0.5,
}
_NUMBER_WORD = re.compile(
    r"\b(?:(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](one|two|three|four|"
    r"five|six|seven|eight|nine)|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")\b"
)
_QUANTITY = re.compile(
    r"\b(\d+(?:\.\d+)?)(?:\s*(?:to|-|or|and)\s*(\d+(?:\.\d+)?))?(?:\s+or more)?\s+"
    r"(hour|day|week|month)s?\b"
)


def _digits(text: str) -> str:
    def number(match: re.Match[str]) -> str:
        if match.group(1):
            return str(_NUMBER_WORDS[match.group(1)] + _NUMBER_WORDS[match.group(2)])
        value = _NUMBER_WORDS[match.group(0)]
        return str(value)

    return _NUMBER_WORD.sub(number, text)


def quantities(text: str) -> set[tuple[str, str]]:
    """Every (number, unit) of time in ``text``, number words read as digits:
    "1 to 2 weeks" gives ("1", "week") and ("2", "week"); "within three days" ("3", "day")."""
    found: set[tuple[str, str]] = set()
    for match in _QUANTITY.finditer(_digits(normalise(text))):
        found.add((match.group(1), match.group(3)))
        if match.group(2):
            found.add((match.group(2), match.group(3)))
    return found


def facts_quantities() -> set[tuple[str, str]]:
    """Every (number, unit) of time the facts give (the sources' figures)."""
    return quantities(facts_text())


def _hours(window: timedelta) -> str:
    return str(int(window.total_seconds() // 3600))


def own_reading_quantities() -> set[tuple[str, str]]:
    """The rules' own thresholds as (number, unit), from the constants the checks use."""
    return {
        (_hours(ACETAMINOPHEN_WINDOW), "hour"),
        (_hours(INCREASE_WINDOW), "hour"),
        (str(NOT_STOPPED_AFTER_DAYS), "day"),
    }


# -- claims the sources do not make ------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Claim:
    """A kind of claim the sources do not make, the facts wording it comes from (a quote
    of guidance-facts.md, whitespace aside), the loose patterns that find it in
    :func:`normalise`d text, and phrasings each pattern set must catch."""

    name: str
    facts: str
    patterns: tuple[str, ...]
    examples: tuple[str, ...]

    def found_in(self, text: str) -> list[str]:
        hits = []
        for sentence in sentences(text):
            hits += [sentence for p in self.patterns if re.search(p, sentence)]
        return hits


_SYMPTOM = r"(?:clots?|bleeding|blood|chills|fevers?|discharge|pain|cramp\w*|spotting|tissue)"
_HEDGE = r"(?:usually|often|probably|likely|may|might|can|could|would|will|generally|mostly)"
_MEDICINE = r"(?:acetaminophen|paracetamol|tylenol|ibuprofen|medicines?|medication|doses?|pills?)"
_WINDOW = (
    r"(?:(?:within|after|for|up to|at least|in|over|under)\s+)?(?:about |around |roughly )?"
    r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty\S*|"
    r"thirty\S*|forty\S*|seventy\S*)\s+(?:hours?|hrs?|minutes?|days?)"
)

#: From the facts' "Claims the sources do not make": the three kinds it names.
UNMADE_CLAIMS: tuple[Claim, ...] = (
    Claim(
        "that a loss could not have been prevented",
        "most miscarriages could not have been prevented",
        (
            r"\b(?:could|can|might)(?: not)? have (?:been )?(?:known about or )?prevented\b",
            r"\b(?:un|not )preventable\b",
            r"\bnothing (?:you|anyone|one|anybody) (?:could|can|might) (?:have )?(?:done|do)\b",
            r"\bno one could have\b",
            r"\bnot (?:your|anyone's|anybody's|their) fault\b",
        ),
        (
            "Most miscarriages could not have been prevented.",
            "Most miscarriages happen for reasons no one could have prevented.",
            "There was nothing you could have done.",
            "It wasn't your fault.",
            "A loss like this is not preventable.",
        ),
    ),
    Claim(
        "what a symptom means medically",
        'what a symptom "means" medically',
        (
            rf"\b{_SYMPTOM}\b[^.;:]{{0,60}}?\b{_HEDGE}\s+(?:mean|indicate|signify)s?\b",
            rf"\b{_SYMPTOM}\b[^.;:]{{0,60}}?\b(?:means|indicates|signifies|suggests) that\b",
            rf"\bwhat (?:the |your |these )?{_SYMPTOM}\b[^.;:]{{0,20}}\bmeans?\b",
        ),
        (
            "Large clots usually mean that some tissue is still there.",
            "Heavy bleeding can mean that tissue was left behind.",
            "Chills often indicate an infection.",
            "Spotting means that the uterus is healing.",
        ),
    ),
    Claim(
        "a time window for a medicine",
        "time windows for medicines",
        (
            rf"\b{_MEDICINE}\b[^.;]{{0,80}}?\b{_WINDOW}\b",
            rf"\b{_WINDOW}\b[^.;]{{0,80}}?\b{_MEDICINE}\b",
        ),
        (
            "Call if the fever is still there 6 hours after acetaminophen.",
            "A fever within six hours of a dose of paracetamol counts.",
            "Ibuprofen works for about four hours.",
        ),
    ),
)

#: Drift and claims the editor's review and the independent review found, each tied to
#: the facts line it departs from. Matched the same way.
DRIFT: tuple[Claim, ...] = (
    Claim(
        "a level of urgency the sources do not give",
        "The sources set two levels of urgency; keep them apart",
        (
            r"\b(?:doctor|gp|clinic|call|contact)\b[^.;]{0,30}\b(?:today|promptly|within a day|"
            r"as soon as (?:you )?(?:can|are able))\b",
            r"\bpromptly\b",
        ),
        ("Contact your doctor today.", "Call your doctor promptly about heavy bleeding."),
    ),
    Claim(
        "chills before a fever, or with a normal reading",
        "chills, fever, or vaginal discharge",
        (
            r"\bbefore (?:a |the |any )?(?:fever|temperature|high reading)\b",
            r"\beven (?:without|if|when|though|before)\b[^.;]{0,40}\b(?:temperature|fever|reading)",
            r"\b(?:temperature|reading)\b[^.;]{0,30}\b(?:seem|seems|seemed|is|was|looks?|"
            r"looked) (?:normal|fine)\b",
        ),
        (
            "Chills sometimes come before a fever shows.",
            "Tell your doctor even if your temperature reading seemed normal.",
            "Call about chills, even without a high temperature reading.",
        ),
    ),
    Claim(
        "odds of a loss put as less likely than not",
        "Up to 20 percent of known pregnancies end in miscarriage",
        (r"\b(?:less|more) likely than not\b",),
        ("A loss is still less likely than not.",),
    ),
    Claim(
        "the first period usually returns at a set time",
        "The first period may come within 4 to 6 weeks",
        (
            r"\bperiods?\b[^.;]{0,40}\b(?:usually|normally|typically|generally|will)\s+"
            r"(?:returns?|comes?|arrives?|be back|come back)\b",
            r"\b(?:usually|normally|typically|generally) (?:returns?|comes? back|arrives?)\b",
        ),
        ("The first period usually returns after 4 to 6 weeks.",),
    ),
    Claim(
        "the common advice on one normal period weighed as a minority view, or the other way round",
        "**Most** health care professionals also recommend waiting until one normal",
        (
            r"\b(?:some|a few|certain) (?:clinicians|doctors|health (?:care )?professionals)\b"
            r"[^.;:]{0,80}\b(?:period|cycle)\b",
            r"\bmost\b[^.;:]{0,80}\bnot (?:always |strictly )?(?:needed|necessary)\b",
            r"\b(?:one|a single) (?:source|consumer article|article|consumer health article)\b"
            r"[^.;:]{0,40}\b(?:advises?|recommends?|suggests?) waiting\b[^.;:]{0,40}\bperiod\b",
        ),
        (
            "Some clinicians suggest waiting for one normal period.",
            "Most health professionals hold that the period is not always needed.",
            "One consumer article advises waiting for one normal period.",
        ),
    ),
    Claim(
        "the pain credited to most health professionals",
        "A says until the bleeding **and the pain**",
        (r"\bmost (?:health (?:care )?professionals|clinicians|doctors)\b[^.;:]{0,80}\bpain\b",),
        ("Most health professionals advise waiting until the bleeding and the pain have stopped.",),
    ),
    Claim(
        "hormones that settle, or that explain moods",
        "work on rebalancing hormone levels",
        (
            r"\bhormon\w*\b[^.;]{0,40}\bsettle",
            r"\bsettle back\b",
            r"\b(?:moods?|feelings?|emotions?)\b[^.]{0,60}\b(?:part of the reason|because of "
            r"(?:your )?hormon)",
            r"\bhormon\w*\b[^.]{0,80}\b(?:explains?|causes?|is why)\b",
        ),
        (
            "Your hormone levels settle over a few weeks.",
            "If your moods feel unfamiliar, this may be part of the reason.",
        ),
    ),
    Claim(
        "grief stated as a fixed rule about the length of the pregnancy",
        "how deep it is need not match how long the pregnancy lasted",
        (
            r"\bgrie\w*\b[^.;]{0,40}\b(?:does not|do not|never) (?:depend on|follow|track|"
            r"reflect)\b[^.;]{0,30}\b(?:length|long|weeks|early|late)\b",
            r"\b(?:depth|how deep)\b[^.;]{0,40}\b(?:does not|never) depend",
        ),
        (
            "How deep the grief goes does not depend on how long the pregnancy lasted.",
            "Grief does not depend on how long the pregnancy lasted.",
            "Grief does not follow the length of a pregnancy.",
        ),
    ),
    Claim(
        "the chance after one loss put as the same as for any pregnancy",
        "stays at the usual 20 percent",
        (r"\bsame as (?:for |in )?(?:any|every|all|other)\b[^.;]{0,20}\bpregnanc",),
        ("The chance remains the usual 20 percent, the same as for any known pregnancy.",),
    ),
    Claim(
        "the term recurrent pregnancy loss defined",
        "recurrent pregnancy loss (the medical term)",
        (
            r"\b(?:several|repeated|two or more|three or more|multiple|more than one) "
            r"(?:losses|miscarriages)\b[^.;]{0,40}\b(?:called|known as|doctors call)\b",
            r"\brecurrent pregnancy loss\b[^.;]{0,20}\b(?:is|means) (?:having|two|three|several|"
            r"when|more)\b",
        ),
        ("Having several losses, which doctors call recurrent pregnancy loss, is rare.",),
    ),
    Claim(
        "a reason for waiting to try again other than the open cervix and uterus",
        "because the risk of infection is higher while the uterus and",
        (r"\b4 to 6 weeks\b[^.]{0,80}\bbecause\b(?![^.]*\b(?:dilated|open)\b)",),
        (
            "Wait 4 to 6 weeks before trying again, because an infection is more likely while "
            "the body is still healing.",
        ),
    ),
    Claim(
        "early losses implied to need less support or time",
        "to take time, however early the loss was",
        (
            r"\b(?:early|earlier|short|shorter) (?:loss|losses|pregnanc\w*)\b[^.;]{0,60}\b"
            r"(?:less|shorter|fewer|not as much|not as long)\b",
            r"\b(?:less|shorter|fewer) (?:support|time to grieve|grief)\b[^.;]{0,60}\bearl",
        ),
        ("After an early loss, people usually need less support.",),
    ),
    Claim(
        "a nudge towards sex",
        "Anyone not wanting to conceive right away should discuss contraception",
        (r"\beven if sex (?:feels|seems)\b", r"\b(?:time|ready) to get back to sex\b"),
        ("Think about contraception early, even if sex feels a long way off.",),
    ),
)

CLAIMS = UNMADE_CLAIMS + DRIFT


def claims_in(text: str) -> list[str]:
    """Each claim the sources do not make found in ``text``, with the sentence. A time
    window for a medicine is allowed only in wording labelled as Solace's own reading."""
    found: list[str] = []
    for claim in CLAIMS:
        if claim.facts == "time windows for medicines" and is_own_reading(text):
            continue
        found += [f"{claim.name}: {hit}" for hit in claim.found_in(text)]
    return found
