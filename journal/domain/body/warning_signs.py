"""Warning signs after a miscarriage, as one data table computed from the body log.

Each :class:`WarningRule` carries its words (title, advice, reason), the
guidance fact it rests on (with the source letter from guidance-facts.md), the
article section that explains it, and a pure ``check`` function. ``evaluate``
runs every rule over the whole log; it depends only on the data and the clock,
so an edited or deleted log simply changes the answer.

A rule reports *occurrences*. Each occurrence becomes one :class:`RaisedSign`
whose ``key`` names the evidence (``"<sign>:<id of the log or pad change that
completed it>"``), so the app can remember which ones the person has already
seen and keep a history. Occurrences per rule:

- HEAVY_BLEEDING: one per run of consecutive soaked-through pads, keyed by the
  pad change that completed the second hour (later pads in the same run do not
  raise it again).
- CLOTS_OR_TISSUE, FEVER, FEVER_AFTER_ACETAMINOPHEN, CHILLS, FOUL_DISCHARGE,
  PAIN_WITH_SEX: one per log that shows it.
- BLEEDING_INCREASES: one per log where the bleeding rose again.
- BLEEDING_NOT_STOPPED: one, keyed by the first log that showed it.

A bleeding level alone raises nothing, not even VERY_HEAVY: the guidance's
threshold is about pads (soaking through a thick pad in 1 hour for 2 hours in a
row), and "very heavy" means different things to different people. Instead the
log form, when VERY_HEAVY is chosen, asks the person to note each pad with
"Changed a pad", which is what HEAVY_BLEEDING checks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from enum import StrEnum
from itertools import pairwise

from journal.domain.body.log import (
    BleedingLevel,
    BodyLog,
    ClotSize,
    Discharge,
    PadChange,
    PadKind,
    RecoveryDetails,
    Soaking,
    require_utc,
)
from journal.domain.body.temperature import Temperature, TemperatureUnit

__all__ = [
    "ACETAMINOPHEN_NAMES",
    "ARTICLE",
    "RULES",
    "Evidence",
    "RaisedSign",
    "SignId",
    "SignInput",
    "WarningRule",
    "evaluate",
    "rules_by_id",
]

ARTICLE = "warning-signs"

#: A pad soaked through within this long counts as "soaked through in 1 hour".
SOAK_WINDOW = timedelta(minutes=60)
SOAKING_PAD_KINDS = frozenset({PadKind.THICK, PadKind.OVERNIGHT})
#: Consecutive soaked-through pads that make "2 or more hours in a row".
HEAVY_RUN = 2

#: Fever means strictly above this, compared in the unit the reading was entered in.
FEVER_OVER: dict[TemperatureUnit, float] = {
    TemperatureUnit.CELSIUS: 38.3,
    TemperatureUnit.FAHRENHEIT: 101.0,
}
#: Names that mean acetaminophen in the pain-relief text (matched case-insensitively).
ACETAMINOPHEN_NAMES = ("acetaminophen", "paracetamol", "tylenol")
ACETAMINOPHEN_WINDOW = timedelta(hours=6)

INCREASE_WINDOW = timedelta(hours=72)
INCREASE_LEVELS = 2
NOT_STOPPED_AFTER_DAYS = 30


class SignId(StrEnum):
    HEAVY_BLEEDING = "heavy_bleeding"
    CLOTS_OR_TISSUE = "clots_or_tissue"
    FEVER = "fever"
    FEVER_AFTER_ACETAMINOPHEN = "fever_after_acetaminophen"
    CHILLS = "chills"
    FOUL_DISCHARGE = "foul_discharge"
    PAIN_WITH_SEX = "pain_with_sex"
    BLEEDING_INCREASES = "bleeding_increases"
    BLEEDING_NOT_STOPPED = "bleeding_not_stopped"


@dataclass(frozen=True, slots=True)
class SignInput:
    """What a rule looks at: logs and pad changes up to now (see `evaluate`), sorted by time."""

    logs: tuple[BodyLog, ...]
    pad_changes: tuple[PadChange, ...]
    recovery: RecoveryDetails
    tz: tzinfo

    def day_of(self, log: BodyLog) -> date:
        """The person's calendar day for a log."""
        return log.logged_at.astimezone(self.tz).date()


@dataclass(frozen=True, slots=True)
class Evidence:
    """One occurrence of a sign: the time and id of the log or pad change that completed it."""

    at: datetime
    id: str


@dataclass(frozen=True, slots=True)
class WarningRule:
    id: SignId
    title: str
    advice: str
    reason: str
    fact: str
    article: str
    article_section: str
    article_phrases: tuple[str, ...]
    shows_emergency_number: bool
    check: Callable[[SignInput], list[Evidence]]


@dataclass(frozen=True, slots=True)
class RaisedSign:
    sign: SignId
    evidence_at: datetime
    key: str


# -- checks ---------------------------------------------------------------------------------


def _each_log(test: Callable[[BodyLog], bool]) -> Callable[[SignInput], list[Evidence]]:
    def check(data: SignInput) -> list[Evidence]:
        return [Evidence(log.logged_at, log.id) for log in data.logs if test(log)]

    return check


def heavy_bleeding(data: SignInput) -> list[Evidence]:
    """Soaking through a thick pad in 1 hour, for 2 or more hours in a row.

    A change at time t means the pad taken off at t was worn since the previous
    change (the first change has no known start, so it never counts). A pad
    counts when it is THICK or OVERNIGHT, FULLY soaked and worn at most 60
    minutes. Two such pads at consecutive changes raise the sign; anything else
    in between (a partly soaked pad, a thinner pad, a longer wear) breaks the run.
    """
    found: list[Evidence] = []
    run = 0
    for previous, change in pairwise(data.pad_changes):
        soaked = (
            change.kind in SOAKING_PAD_KINDS
            and change.soaking is Soaking.FULLY
            and change.changed_at - previous.changed_at <= SOAK_WINDOW
        )
        run = run + 1 if soaked else 0
        if run == HEAVY_RUN:
            found.append(Evidence(change.changed_at, change.id))
    return found


def _is_fever(temperature: Temperature | None) -> bool:
    return temperature is not None and temperature.value > FEVER_OVER[temperature.unit]


def _took_acetaminophen(log: BodyLog) -> bool:
    text = log.pain_relief.casefold()
    return log.pain_relief_at is not None and any(name in text for name in ACETAMINOPHEN_NAMES)


def fever_after_acetaminophen(data: SignInput) -> list[Evidence]:
    """A fever reading taken within 6 hours after acetaminophen is still over the threshold.

    The acetaminophen can be noted on the same log or on another one; what
    counts is its ``pain_relief_at``, strictly before the reading and at most
    6 hours before it.
    """
    doses = [log.pain_relief_at for log in data.logs if _took_acetaminophen(log)]
    found: list[Evidence] = []
    for log in data.logs:
        if not _is_fever(log.temperature):
            continue
        reading = log.logged_at
        if any(d is not None and timedelta(0) < reading - d <= ACETAMINOPHEN_WINDOW for d in doses):
            found.append(Evidence(reading, log.id))
    return found


def _before_first_period(data: SignInput, log: BodyLog) -> bool:
    first = data.recovery.first_period_on
    return first is None or data.day_of(log) < first


def bleeding_increases(data: SignInput) -> list[Evidence]:
    """Bleeding that increases again after it had eased.

    A log E has *eased* when some earlier log had a higher bleeding level. A
    later log L raises the sign when it is at most 72 hours after such an E,
    is higher than the log just before it (so a level that simply stays up is
    not counted twice), and either is at least 2 levels above E or reaches
    HEAVY or more while above E. Logs on or after the first period's day are
    left out: a period is expected bleeding.
    """
    logs = [log for log in data.logs if _before_first_period(data, log)]
    found: list[Evidence] = []
    highest_so_far = -1
    eased: list[BodyLog] = []
    for index, log in enumerate(logs):
        rose = index > 0 and log.bleeding > logs[index - 1].bleeding
        if rose:
            # Newest first: the eased logs are in time order, so stop at the window's edge
            # (this keeps a year of logs linear instead of quadratic).
            for low in reversed(eased):
                if log.logged_at - low.logged_at > INCREASE_WINDOW:
                    break
                level_up = log.bleeding >= low.bleeding + INCREASE_LEVELS or (
                    log.bleeding >= BleedingLevel.HEAVY and log.bleeding > low.bleeding
                )
                if level_up:
                    found.append(Evidence(log.logged_at, log.id))
                    break
        if log.bleeding < highest_so_far:
            eased.append(log)
        highest_so_far = max(highest_so_far, int(log.bleeding))
    return found


def bleeding_not_stopped(data: SignInput) -> list[Evidence]:
    """Bleeding 30 days or more after the loss, when it has not been noted as stopped.

    Needs a loss date. A log counts when its day is at least 30 days after the
    loss date, it shows any bleeding (SPOTTING or more), the bleeding has not
    been noted as stopped on or before that day, and it is before the first
    period. One occurrence, keyed by the first such log.
    """
    recovery = data.recovery
    if recovery.loss_date is None:
        return []
    earliest = recovery.loss_date + timedelta(days=NOT_STOPPED_AFTER_DAYS)
    stopped = recovery.bleeding_stopped_on
    for log in data.logs:
        day = data.day_of(log)
        if (
            log.bleeding >= BleedingLevel.SPOTTING
            and day >= earliest
            and (stopped is None or stopped > day)
            and _before_first_period(data, log)
        ):
            return [Evidence(log.logged_at, log.id)]
    return []


# -- the table ------------------------------------------------------------------------------

_CONTACT = "Contact your doctor today"
_EMERGENCY = (
    "If you cannot reach your doctor, or it feels like an emergency, call your emergency number."
)

RULES: tuple[WarningRule, ...] = (
    WarningRule(
        id=SignId.HEAVY_BLEEDING,
        title="Heavy bleeding",
        advice=(
            f"{_CONTACT}: you have soaked through a thick pad in an hour or less, two hours "
            f"in a row. {_EMERGENCY}"
        ),
        reason=(
            "Bleeding this heavy can mean that some tissue is still in the uterus and needs "
            "treatment. A doctor can check what is happening."
        ),
        fact=(
            "Heavy bleeding, meaning soaking through a thick pad in 1 hour for 2 or more "
            "hours in a row, is a reason to contact a doctor promptly. (B)"
        ),
        article=ARTICLE,
        article_section="heavy-bleeding",
        article_phrases=("soaking through a thick pad in 1 hour", "2 or more hours in a row"),
        shows_emergency_number=True,
        check=heavy_bleeding,
    ),
    WarningRule(
        id=SignId.CLOTS_OR_TISSUE,
        title="Large clots or tissue",
        advice=(
            f"{_CONTACT}: you noted large blood clots or tissue passing. Tell them when it "
            "happened and how much bleeding there has been."
        ),
        reason=(
            "Large clots or tissue can mean the miscarriage is not yet complete. Tissue that "
            "stays in the uterus may need treatment and can lead to infection."
        ),
        fact=(
            "Large blood clots, or tissue passing from the vagina, are a reason to contact "
            "a doctor promptly. (B)"
        ),
        article=ARTICLE,
        article_section="clots-or-tissue",
        article_phrases=("large blood clots", "tissue"),
        shows_emergency_number=False,
        check=_each_log(lambda log: log.clots is ClotSize.LARGE or log.tissue_passed),
    ),
    WarningRule(
        id=SignId.FEVER,
        title="Fever",
        advice=(f"{_CONTACT}: your temperature was above 38.3 °C (101 °F). {_EMERGENCY}"),
        reason=(
            "A fever after a miscarriage can be a sign of infection. Infection is rare, but "
            "it can become serious if it is not treated."
        ),
        fact=(
            "A fever over 101 °F (38.3 °C) is a reason to contact a doctor promptly, "
            "especially if it stays high after taking acetaminophen (Tylenol). (B)"
        ),
        article=ARTICLE,
        article_section="fever-and-chills",
        article_phrases=("38.3 °C", "101 °F"),
        shows_emergency_number=True,
        check=_each_log(lambda log: _is_fever(log.temperature)),
    ),
    WarningRule(
        id=SignId.FEVER_AFTER_ACETAMINOPHEN,
        title="Fever that stays after acetaminophen",
        advice=(
            f"{_CONTACT}: your temperature was still above 38.3 °C (101 °F) after you took "
            f"acetaminophen. {_EMERGENCY}"
        ),
        reason=(
            "A fever that does not come down with acetaminophen needs a doctor's attention. "
            "After a miscarriage it can be a sign of an infection of the uterus."
        ),
        fact=(
            "A fever over 101 °F (38.3 °C) is a reason to contact a doctor, especially when "
            "it persists after taking acetaminophen (Tylenol). (B) An untreated infection "
            "can become a serious infection of the uterus with fever and chills. (A)"
        ),
        article=ARTICLE,
        article_section="fever-and-chills",
        article_phrases=("38.3 °C", "101 °F", "acetaminophen"),
        shows_emergency_number=True,
        check=fever_after_acetaminophen,
    ),
    WarningRule(
        id=SignId.CHILLS,
        title="Chills",
        advice=(
            f"{_CONTACT}: you noted chills. Tell them even if your temperature reading "
            "seemed normal."
        ),
        reason="Chills can come with an infection, sometimes before a fever shows.",
        fact="Chills are a reason to contact a doctor promptly. (A, B)",
        article=ARTICLE,
        article_section="fever-and-chills",
        article_phrases=("chills",),
        shows_emergency_number=False,
        check=_each_log(lambda log: log.chills),
    ),
    WarningRule(
        id=SignId.FOUL_DISCHARGE,
        title="Discharge that smells unpleasant",
        advice=f"{_CONTACT}: you noted a foul-smelling or unpleasant-smelling discharge.",
        reason="A discharge that smells bad can be a sign of infection, which can be treated.",
        fact=(
            "Foul-smelling or unpleasant-smelling vaginal discharge is a reason to contact "
            "a doctor promptly. (A, B)"
        ),
        article=ARTICLE,
        article_section="discharge",
        article_phrases=("foul-smelling",),
        shows_emergency_number=False,
        check=_each_log(lambda log: log.discharge is Discharge.FOUL_SMELLING),
    ),
    WarningRule(
        id=SignId.PAIN_WITH_SEX,
        title="Pain during or after sex",
        advice=f"{_CONTACT}: you noted pain during or after sex.",
        reason=(
            "Some discomfort can happen early on, but pain can also be a sign of infection or "
            "another problem that a doctor should check."
        ),
        fact="Pain during or after sex is a reason to contact a doctor. (B)",
        article=ARTICLE,
        article_section="pain-during-or-after-sex",
        article_phrases=("pain during or after sex",),
        shows_emergency_number=False,
        check=_each_log(lambda log: log.pain_with_sex),
    ),
    WarningRule(
        id=SignId.BLEEDING_INCREASES,
        title="Bleeding that increases",
        advice=(
            f"{_CONTACT}: your bleeding had eased and then became heavier again within a few days."
        ),
        reason=(
            "Bleeding usually tapers off slowly. When it increases again, a doctor can "
            "check whether some tissue is still in the uterus."
        ),
        fact="Increased bleeding is a reason to contact a doctor promptly. (B)",
        article=ARTICLE,
        article_section="bleeding-that-increases-or-does-not-stop",
        article_phrases=("bleeding that increases",),
        shows_emergency_number=False,
        check=bleeding_increases,
    ),
    WarningRule(
        id=SignId.BLEEDING_NOT_STOPPED,
        title="Bleeding that has not stopped",
        advice=(
            f"{_CONTACT}: you are still noting bleeding a month or more after the loss. "
            "If it has in fact stopped, you can note the day it stopped in your recovery "
            "details."
        ),
        reason=(
            "Bleeding that has not stopped can mean some tissue is still in the uterus, "
            "which may need further treatment."
        ),
        fact=(
            "If bleeding has not stopped after the miscarriage or a D&C, check with the "
            "doctor: retained tissue may need further treatment. (B) Some experts say "
            "bleeding can last from 1 day to 1 month. (B)"
        ),
        article=ARTICLE,
        article_section="bleeding-that-increases-or-does-not-stop",
        article_phrases=("has not stopped",),
        shows_emergency_number=False,
        check=bleeding_not_stopped,
    ),
)


def rules_by_id() -> dict[SignId, WarningRule]:
    return {rule.id: rule for rule in RULES}


def evaluate(
    logs: Iterable[BodyLog],
    pad_changes: Iterable[PadChange],
    recovery: RecoveryDetails,
    now: datetime,
    *,
    tz: tzinfo = UTC,
) -> list[RaisedSign]:
    """Every warning sign the log shows, ordered by the time of its evidence.

    Logs and pad changes after ``now`` are ignored; the input can be in any
    order. ``tz`` is the person's time zone, used only to turn log times into
    calendar days (for the loss date and the first period).
    """
    require_utc("now", now)
    data = SignInput(
        logs=tuple(
            sorted((log for log in logs if log.logged_at <= now), key=lambda x: (x.logged_at, x.id))
        ),
        pad_changes=tuple(
            sorted(
                (change for change in pad_changes if change.changed_at <= now),
                key=lambda x: (x.changed_at, x.id),
            )
        ),
        recovery=recovery,
        tz=tz,
    )
    order = {rule.id: index for index, rule in enumerate(RULES)}
    raised = [
        RaisedSign(rule.id, evidence.at, f"{rule.id.value}:{evidence.id}")
        for rule in RULES
        for evidence in rule.check(data)
    ]
    raised.sort(key=lambda sign: (sign.evidence_at, order[sign.sign]))
    return raised
