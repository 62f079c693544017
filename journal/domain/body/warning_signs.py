"""Warning signs after a miscarriage, as one data table computed from the body log.

Each :class:`WarningRule` carries its words (title, advice, reason), the urgency
the sources give for it (:class:`Urgency`: contact the doctor immediately, or
make an appointment), what the sources actually say (with the source letters
of guidance-facts.md §4), Solace's own reading where a rule needs a threshold
the sources do not give, the article section that explains it, and a pure
``check`` function. ``evaluate`` runs every rule over the whole log; it depends
only on the data and the clock, so an edited or deleted log simply changes the
answer.

A rule reports *occurrences*. Each occurrence becomes one :class:`RaisedSign`
whose ``key`` names the evidence (``"<sign>:<id of the log or pad change that
completed it>"``), so the app can remember which ones the person has already
seen and keep a history. Occurrences per rule:

- HEAVY_BLEEDING: one per run of consecutive soaked-through pads, keyed by the
  pad change that completed the second hour (later pads in the same run do not
  raise it again).
- CLOTS_OR_TISSUE, FEVER, FEVER_AFTER_ACETAMINOPHEN, CHILLS, DISCHARGE,
  PAIN_WITH_SEX: one per log that shows it.
- BLEEDING_INCREASES: one per log where the bleeding rose.
- BLEEDING_NOT_STOPPED: one, keyed by the first log that showed it.

A bleeding level alone raises nothing, not even VERY_HEAVY: the guidance's
threshold is about pads (soaking through a thick pad in 1 hour for 2 hours in a
row), and "very heavy" means different things to different people. Instead the
log form, when VERY_HEAVY is chosen, asks the person to note each pad with
"Changed a pad", which is what HEAVY_BLEEDING checks.

The emergency number shown with some signs is Solace's own safety net (the
sources name no emergency service) and is worded as such: :data:`SAFETY_NOTE`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
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
from journal.domain.common.local_time import recorded_day

__all__ = [
    "ACETAMINOPHEN_NAMES",
    "ARTICLE",
    "OWN_READING",
    "RULES",
    "SAFETY_NOTE",
    "Evidence",
    "RaisedSign",
    "SignId",
    "SignInput",
    "Urgency",
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
#: B's own "for 2 or more hours": a run that has gone on this long is told anew, once,
#: even when its card was marked seen at two pads (break test 39's re-test).
HEAVY_SPAN = timedelta(hours=2)
#: A pad change less than this after the one before says nothing about a pad worn:
#: no pad is worn and soaked through in under a minute, so such a change is a note
#: made after the fact (several pads noted at once), not evidence of "in 1 hour".
SAME_MINUTE = timedelta(minutes=1)

#: Fever means strictly above this, compared in the unit the reading was entered in.
FEVER_OVER: dict[TemperatureUnit, float] = {
    TemperatureUnit.CELSIUS: 38.3,
    TemperatureUnit.FAHRENHEIT: 101.0,
}
#: Names that mean acetaminophen in the pain-relief text (matched case-insensitively).
ACETAMINOPHEN_NAMES = ("acetaminophen", "paracetamol", "tylenol")
#: Solace's own reading of "persists after taking Tylenol" (B gives no time).
ACETAMINOPHEN_WINDOW = timedelta(hours=6)

#: Solace's own reading of "increased bleeding" (B gives no amount or time).
INCREASE_WINDOW = timedelta(hours=72)
INCREASE_LEVELS = 2
#: Solace's own reading of bleeding that "has not stopped" (B gives no number of days).
NOT_STOPPED_AFTER_DAYS = 30

#: Discharge that raises DISCHARGE: Solace's own reading of A's "vaginal discharge"
#: (any discharge) and B's "foul-smelling": everything but none and "usual for me".
UNUSUAL_DISCHARGE = frozenset({Discharge.UNUSUAL_COLOUR, Discharge.FOUL_SMELLING})

#: How every threshold that is Solace's own reading, not the sources', is introduced.
OWN_READING = "Solace's own reading"

#: The app's own safety net (not from the sources), shown with every sign the sources
#: say to contact the doctor immediately about, and with heavy bleeding: followed by the
#: number in the banner, by a full stop in the article's section for the sign.
SAFETY_NOTE = (
    "Solace's own safety note: if you cannot reach your doctor, or this feels like an "
    "emergency, call your emergency number"
)


class SignId(StrEnum):
    """The warning signs Solace watches for, one per rule in ``RULES``.

    The values are stored (as part of each raised sign's key) and never change.
    """

    HEAVY_BLEEDING = "heavy_bleeding"
    CLOTS_OR_TISSUE = "clots_or_tissue"
    FEVER = "fever"
    FEVER_AFTER_ACETAMINOPHEN = "fever_after_acetaminophen"
    CHILLS = "chills"
    # The value is what stored seen-keys use; it stays although the rule now covers any
    # discharge that is not usual for the person.
    DISCHARGE = "foul_discharge"
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
        """The calendar day of a log where it was made (its ``zone``; ``tz``, the
        person's zone, for a log without one): `recorded_day`."""
        return recorded_day(log.logged_at, log.zone, self.tz)


@dataclass(frozen=True, slots=True)
class Evidence:
    """One occurrence of a sign: the time, id and IANA zone (None: the computer's) of
    the log or pad change that completed it. For heavy bleeding, the time and zone of
    the run's last pad change, and the id of the one that completed it (the ``key`` of
    `RaisedSign`: the second pad's, then the one that made the run two hours long)."""

    at: datetime
    id: str
    zone: str | None = None
    #: What was logged, in words, when the rule's ``advice`` alone would not say it
    #: truly (`heavy_bleeding`: "2 thick pads in a row, soaked through within 12
    #: minutes"); empty for a sign whose advice already describes the one log.
    detail: str = ""
    #: The id of the log or pad change the sign was last told to, when not ``id`` (a
    #: run of pads grown since it first completed the sign).
    last_id: str = ""
    #: Heavy bleeding only: the run has gone on for `HEAVY_SPAN`, B's own two hours.
    long_run: bool = False


class Urgency(StrEnum):
    """How soon the sources say to reach the doctor about a sign (guidance-facts.md §4).

    IMMEDIATELY: source A says to contact the doctor immediately about chills, fever
    or vaginal discharge after a miscarriage. APPOINTMENT: source B's reasons to make
    an appointment with, or see, the doctor. ``label`` is the words the banner and the
    warning-signs article use for the level (the article's heading for it).
    """

    IMMEDIATELY = "immediately"
    APPOINTMENT = "appointment"

    @property
    def label(self) -> str:
        return _URGENCY_LABELS[self]


_URGENCY_LABELS = {
    Urgency.IMMEDIATELY: "Contact your doctor immediately",
    Urgency.APPOINTMENT: "Make an appointment with your doctor",
}


@dataclass(frozen=True, slots=True)
class WarningRule:
    """One warning sign: its words, its urgency, what the sources say and how it is computed.

    ``advice`` says what the log showed and what to tell the doctor; the banner shows
    it under ``urgency.label``. ``reason`` is why, as far as the sources say.
    ``source_says`` is what the sources actually say, with their letters (A, B) from
    guidance-facts.md. ``own_reading`` is None when ``check`` computes only what the
    sources say; otherwise it starts with :data:`OWN_READING` and names the threshold
    Solace chose, and the person sees it. ``article_phrases`` must appear in the
    article's ``article_section``; ``shows_emergency_number`` adds :data:`SAFETY_NOTE`.
    """

    id: SignId
    title: str
    urgency: Urgency
    advice: str
    reason: str
    source_says: str
    own_reading: str | None
    article: str
    article_section: str
    article_phrases: tuple[str, ...]
    shows_emergency_number: bool
    check: Callable[[SignInput], list[Evidence]]


@dataclass(frozen=True, slots=True)
class RaisedSign:
    """A warning sign the log shows: which sign, the time of the log that shows it (aware
    UTC), and a stable ``key`` (``"<sign>:<log or pad change id>"``) by which the person's
    "seen" mark is kept. ``zone`` is that log's or pad change's own IANA zone (None:
    the computer's), in which its time is shown and its day counted. ``detail`` says
    what was logged when the rule's advice does not (`Evidence.detail`). ``last_id``
    is the log or pad change it was last told to: a sign raised again or told anew by
    the one just saved is said again (`journal.ui.body.banner`). Not compared: the
    same sign, told to the same words.
    """

    sign: SignId
    evidence_at: datetime
    key: str
    zone: str | None = None
    detail: str = ""  # what was logged, in words (`Evidence.detail`)
    last_id: str = field(default="", compare=False)
    long_run: bool = field(default=False, compare=False)  # `Evidence.long_run`


# -- checks ---------------------------------------------------------------------------------


def _each_log(test: Callable[[BodyLog], bool]) -> Callable[[SignInput], list[Evidence]]:
    def check(data: SignInput) -> list[Evidence]:
        return [Evidence(log.logged_at, log.id, log.zone) for log in data.logs if test(log)]

    return check


def heavy_bleeding(data: SignInput) -> list[Evidence]:
    """Soaking through a thick pad in 1 hour, for 2 or more hours in a row.

    A change at time t means the pad taken off at t was worn since the previous
    change (the first change has no known start, so it never counts). A pad
    counts when it is THICK or OVERNIGHT, FULLY soaked and worn at most 60
    minutes. Two such pads at consecutive changes raise the sign; anything else
    in between (a partly soaked pad, a thinner pad, a longer wear) breaks the run.
    A run that goes on is one sign, told to its last pad (`soaked_pads_words`); its
    key (the "seen" mark's) is the change that made it two pads long, and once the run
    has gone on for `HEAVY_SPAN` (B's own two hours), the change that made it so: the
    early card marked seen does not hide the bleeding that went on to meet B's words.

    A change less than a minute after the one before (`SAME_MINUTE`) is set aside:
    B's "soaking through a thick pad in 1 hour, for 2 or more hours" is about pads
    worn for a time, and three changes noted in the same minute (several pads
    written down at once, afterwards) tell nothing of how long each was worn, so
    they neither raise the sign nor break a run.
    """
    found: list[Evidence] = []
    run: list[PadChange] = []  # the soaked pads in a row so far, after their start
    key_id, for_hours = "", False  # the run's key, and whether it has met HEAVY_SPAN
    spaced: list[PadChange] = []
    for change in data.pad_changes:
        if not spaced or change.changed_at - spaced[-1].changed_at >= SAME_MINUTE:
            spaced.append(change)
    start = spaced[0] if spaced else None  # the change the run's first pad was put on at
    for previous, change in pairwise(spaced):
        soaked = (
            change.kind in SOAKING_PAD_KINDS
            and change.soaking is Soaking.FULLY
            and change.changed_at - previous.changed_at <= SOAK_WINDOW
        )
        run = [*run, change] if soaked else []
        if len(run) == 1:
            start = previous
        if len(run) < HEAVY_RUN or start is None:
            continue
        worn = change.changed_at - start.changed_at
        if len(run) == HEAVY_RUN:
            key_id, for_hours = change.id, worn >= HEAVY_SPAN
        else:
            found.pop()  # this run's, told so far
            if not for_hours and worn >= HEAVY_SPAN:
                key_id, for_hours = change.id, True
        # Told whole, to its last change: 5 pads soaked through in 2 hours were told
        # as "2 thick pads … within 1 hour", at the second (break test 39, finding 2).
        detail = soaked_pads_words(run, worn)
        found.append(Evidence(change.changed_at, key_id, change.zone, detail, change.id, for_hours))
    return found


def soaked_pads_words(pads: Sequence[PadChange], worn: timedelta) -> str:
    """What the pad changes behind the heavy-bleeding sign show, truly: how many pads
    of which kind, soaked through in a row, and in how long from the change before
    the first to the last (``worn``), e.g. "You noted 2 thick pads in a row, each
    soaked through, within 12 minutes in all." (break test 14 of issue 15, finding 6:
    the advice said "two hours in a row" for pads changed within 12 minutes)."""
    kinds = {pad.kind for pad in pads}
    kind = (
        "thick"
        if kinds == {PadKind.THICK}
        else ("overnight" if kinds == {PadKind.OVERNIGHT} else "thick or overnight")
    )
    return (
        f"You noted {len(pads)} {kind} pads in a row, each soaked through, within "
        f"{duration_words(worn)} in all."
    )


def duration_words(span: timedelta) -> str:
    """``span`` in whole minutes as words: "1 minute", "45 minutes", "1 hour",
    "1 hour and 40 minutes", "2 hours"."""
    minutes = max(0, int(span.total_seconds() // 60))
    hours, rest = divmod(minutes, 60)

    def unit(count: int, name: str) -> str:
        return f"{count} {name}" if count == 1 else f"{count} {name}s"

    if not hours:
        return unit(rest, "minute")
    if not rest:
        return unit(hours, "hour")
    return f"{unit(hours, 'hour')} and {unit(rest, 'minute')}"


def _is_fever(temperature: Temperature | None) -> bool:
    return temperature is not None and temperature.value > FEVER_OVER[temperature.unit]


def _took_acetaminophen(log: BodyLog) -> bool:
    text = log.pain_relief.casefold()
    return log.pain_relief_at is not None and any(name in text for name in ACETAMINOPHEN_NAMES)


def fever_after_acetaminophen(data: SignInput) -> list[Evidence]:
    """A fever reading taken within 6 hours after acetaminophen is still over the threshold.

    B says "especially if it persists after taking Tylenol" with no time; the 6 hours
    (``ACETAMINOPHEN_WINDOW``) are Solace's own reading, stated in the rule's wording.

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
            found.append(Evidence(reading, log.id, log.zone))
    return found


def _before_first_period(data: SignInput, log: BodyLog) -> bool:
    first = data.recovery.first_period_on
    return first is None or data.day_of(log) < first


def bleeding_increases(data: SignInput) -> list[Evidence]:
    """Bleeding that increases rather than easing.

    A log L raises the sign when it is higher than the log just before it (so a
    level that simply stays up is not counted twice) and some earlier log E at most
    72 hours before it is at least 2 levels below L, or L reaches HEAVY or more while
    above E. Whether the bleeding had eased before does not matter: until break test
    45b (F1) only a rise after easing counted, and a log climbing from spotting to
    very heavy stayed silent at every step, against the article's "bleeding that
    increases rather than easing". Logs on or after the first period's day are left
    out: a period is expected bleeding. Logs whose bleeding was not noted (None) are
    left out too: not noted is no level, neither "none" nor a rise (break test 10 of
    session 15, finding 6). B says only "increased bleeding"; the window and the
    levels are Solace's own reading, stated in the rule's wording.
    """
    logs = [
        log for log in data.logs if log.bleeding is not None and _before_first_period(data, log)
    ]
    found: list[Evidence] = []
    for index in range(1, len(logs)):
        log = logs[index]
        level = _level(log)
        if level <= _level(logs[index - 1]):
            continue
        # Newest first, so the window's edge ends the walk (a year of logs stays linear).
        for back in range(index - 1, -1, -1):
            earlier = logs[back]
            if log.logged_at - earlier.logged_at > INCREASE_WINDOW:
                break
            low = _level(earlier)
            if level >= low + INCREASE_LEVELS or (level >= BleedingLevel.HEAVY and level > low):
                found.append(Evidence(log.logged_at, log.id, log.zone))
                break
    return found


def _level(log: BodyLog) -> int:
    """The log's bleeding level, 0 (none) to 5; only for a log that noted it (our bug
    otherwise: ValueError)."""
    if log.bleeding is None:
        raise ValueError(f"log {log.id} noted no bleeding")
    return int(log.bleeding)


def bleeding_not_stopped(data: SignInput) -> list[Evidence]:
    """Bleeding 30 days or more after the loss, when it has not been noted as stopped.

    Needs a loss date. A log counts when its day is at least 30 days after the
    loss date, it shows any bleeding (SPOTTING or more), the bleeding has not
    been noted as stopped on or before that day, and it is before the first
    period. One occurrence, keyed by the first such log. B gives no number of days
    for "has not stopped"; the 30 days are Solace's own reading, stated in the rule's
    wording.
    """
    recovery = data.recovery
    if recovery.loss_date is None:
        return []
    earliest = recovery.loss_date + timedelta(days=NOT_STOPPED_AFTER_DAYS)
    stopped = recovery.bleeding_stopped_on
    for log in data.logs:
        day = data.day_of(log)
        if (
            log.bleeding is not None  # not noted is neither bleeding nor none
            and log.bleeding >= BleedingLevel.SPOTTING
            and day >= earliest
            and (stopped is None or stopped > day)
            and _before_first_period(data, log)
        ):
            return [Evidence(log.logged_at, log.id, log.zone)]
    return []


# -- the table ------------------------------------------------------------------------------

RULES: tuple[WarningRule, ...] = (
    WarningRule(
        id=SignId.HEAVY_BLEEDING,
        title="Heavy bleeding",
        urgency=Urgency.APPOINTMENT,
        # What was logged is said before this (`Evidence.detail`); these words give the
        # rule it meets, in Solace's words, never as a description of the log.
        advice=(
            "Soaking through a thick pad in an hour or less, for two hours or more, is "
            "heavy bleeding, and Solace watches for it from two such pads in a row. Tell "
            "your doctor how many pads you have used and since when."
        ),
        reason="The guidance lists bleeding this heavy among the reasons to see your doctor.",
        source_says=(
            "B gives heavy bleeding as a reason to see the doctor: in its figures, a "
            "thick pad soaked through within 1 hour, for 2 hours or more."
        ),
        own_reading=(
            f"{OWN_READING}: the body log counts this when two pad changes in a row are each "
            "a thick or overnight pad, fully soaked within an hour of the change before, "
            "and says it again once such changes have gone on for two hours. "
            "Changes noted in the same minute as the one before count as one: no pad is "
            "soaked through in under a minute, so they were written down afterwards."
        ),
        article=ARTICLE,
        article_section="heavy-bleeding",
        article_phrases=("a thick pad soaked through within 1 hour", "for 2 hours or more"),
        shows_emergency_number=True,
        check=heavy_bleeding,
    ),
    WarningRule(
        id=SignId.CLOTS_OR_TISSUE,
        title="Large clots or tissue",
        urgency=Urgency.APPOINTMENT,
        advice=(
            "You noted large blood clots or tissue passing. Tell your doctor when it happened "
            "and how much bleeding there has been."
        ),
        reason="The guidance lists large clots, and tissue passing, among the reasons to see "
        "your doctor.",
        source_says=(
            "B lists large blood clots among its reasons to see the doctor, and also tissue "
            "coming out of the vagina."
        ),
        own_reading=None,
        article=ARTICLE,
        article_section="clots-or-tissue",
        article_phrases=("large blood clots", "tissue"),
        shows_emergency_number=False,
        check=_each_log(lambda log: log.clots is ClotSize.LARGE or log.tissue_passed is True),
    ),
    WarningRule(
        id=SignId.FEVER,
        title="Fever",
        urgency=Urgency.IMMEDIATELY,
        advice="Your temperature was above 38.3 °C (101 °F).",
        reason=(
            "The guidance names fever after a miscarriage as a sign of infection. Infection "
            "is rare, but it can be dangerous if it is not treated."
        ),
        source_says=(
            "A: contact the doctor immediately about fever, chills or vaginal discharge after "
            "a miscarriage, as signs of infection; A gives no temperature. B lists a fever "
            "over 101 °F (38.3 °C) among its reasons to see the doctor."
        ),
        own_reading=(
            f"{OWN_READING}: the source that names fever as a sign of infection gives no "
            "temperature, so Solace uses the other source's figure of 38.3 °C (101 °F)."
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
        urgency=Urgency.IMMEDIATELY,
        advice="Your temperature was still above 38.3 °C (101 °F) after you took acetaminophen.",
        reason=(
            "The guidance names fever after a miscarriage as a sign of infection, and takes "
            "particular note of a fever that stays high after acetaminophen (Tylenol)."
        ),
        source_says=(
            "A: contact the doctor immediately about fever after a miscarriage. B lists a "
            "fever over 101 °F (38.3 °C) among its reasons to see the doctor, especially when "
            "it persists after acetaminophen (Tylenol); B gives no time for this."
        ),
        own_reading=(
            f"{OWN_READING}: the guidance gives no time for this. Solace counts a reading "
            "above 38.3 °C (101 °F) taken within 6 hours after acetaminophen you noted."
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
        urgency=Urgency.IMMEDIATELY,
        advice="You noted chills. Tell your doctor when they began.",
        reason="The guidance names chills after a miscarriage as a sign of infection.",
        source_says=(
            "A: contact the doctor immediately about fever, chills or vaginal discharge after "
            "a miscarriage, as signs of infection. B also names chills as a sign of infection."
        ),
        own_reading=None,
        article=ARTICLE,
        article_section="fever-and-chills",
        article_phrases=("chills",),
        shows_emergency_number=True,
        check=_each_log(lambda log: log.chills is True),
    ),
    WarningRule(
        id=SignId.DISCHARGE,
        title="Unusual discharge",
        urgency=Urgency.IMMEDIATELY,
        advice="You noted a vaginal discharge that is not usual for you.",
        reason=(
            "The guidance names vaginal discharge after a miscarriage as a sign of infection. "
            "One source names any discharge; the other names one that smells unpleasant."
        ),
        source_says=(
            "A: contact the doctor immediately about vaginal discharge after a miscarriage "
            "(any discharge), with chills and fever, as signs of infection. B speaks only "
            "of a discharge that smells foul or unpleasant."
        ),
        own_reading=(
            f"{OWN_READING}: the body log raises this for a discharge you note as an unusual "
            "colour or as foul-smelling, and not for one you note as usual for you. If you "
            "are unsure, ask your doctor."
        ),
        article=ARTICLE,
        article_section="discharge",
        article_phrases=("foul-smelling", "any discharge"),
        shows_emergency_number=True,
        check=_each_log(lambda log: log.discharge in UNUSUAL_DISCHARGE),
    ),
    WarningRule(
        id=SignId.PAIN_WITH_SEX,
        title="Pain during or after sex",
        urgency=Urgency.APPOINTMENT,
        advice="You noted pain during or after sex.",
        reason=(
            "Some discomfort can happen early on, but pain can also come from an infection or "
            "another problem that a doctor should check."
        ),
        source_says=(
            "B: pain during or after sex is a reason to make an appointment with the doctor. "
            "Some pain or cramping is possible early on, but it may also point to an infection "
            "or some other problem a doctor should look at."
        ),
        own_reading=None,
        article=ARTICLE,
        article_section="pain-during-or-after-sex",
        article_phrases=("pain during or after sex",),
        shows_emergency_number=False,
        check=_each_log(lambda log: log.pain_with_sex is True),
    ),
    WarningRule(
        id=SignId.BLEEDING_INCREASES,
        title="Bleeding that increases",
        urgency=Urgency.APPOINTMENT,
        advice="Your bleeding became heavier within a few days.",
        reason="The guidance lists increased bleeding among the reasons to see your doctor.",
        source_says=(
            "B: increased bleeding is a reason to make an appointment with the doctor. B "
            "says nothing about how much more, or within what time."
        ),
        own_reading=(
            f"{OWN_READING}: the guidance does not say how much more or how soon. Solace "
            "counts bleeding that rises within 72 hours by two levels, or to heavy or "
            "more."
        ),
        article=ARTICLE,
        article_section="bleeding-that-increases-or-does-not-stop",
        article_phrases=("bleeding that increases",),
        shows_emergency_number=False,
        check=bleeding_increases,
    ),
    WarningRule(
        id=SignId.BLEEDING_NOT_STOPPED,
        title="Bleeding that has not stopped",
        urgency=Urgency.APPOINTMENT,
        advice=(
            "Your log still shows bleeding, and no day has been noted when it stopped. If it "
            "has in fact stopped, you can note the day in your recovery details."
        ),
        reason=(
            "The guidance says to check with your doctor when the bleeding goes on after the "
            "miscarriage or a D&C, because tissue left in the uterus may need more "
            "treatment."
        ),
        source_says=(
            "B: when bleeding goes on after the miscarriage or a D&C, check with the doctor, "
            "as tissue left behind may need surgery. B gives no number of days, and says some "
            "experts put the bleeding at 1 day to 1 month."
        ),
        own_reading=(
            f"{OWN_READING}: the guidance gives no number of days. Solace raises this when "
            "your log shows bleeding 30 days or more after the loss date, before a first "
            "period is noted."
        ),
        article=ARTICLE,
        article_section="bleeding-that-increases-or-does-not-stop",
        article_phrases=("has not stopped",),
        shows_emergency_number=False,
        check=bleeding_not_stopped,
    ),
)


def rules_by_id() -> dict[SignId, WarningRule]:
    """Every warning-sign rule by its id (one for each ``SignId``)."""
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
    order. ``tz`` is the person's time zone, used only to turn the times of logs
    without a zone of their own into calendar days (for the loss date and the first
    period); a log with a zone is on its day there (`recorded_day`).
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
        RaisedSign(
            rule.id,
            evidence.at,
            f"{rule.id.value}:{evidence.id}",
            evidence.zone,
            evidence.detail,
            evidence.last_id or evidence.id,
            evidence.long_run,
        )
        for rule in RULES
        for evidence in rule.check(data)
    ]
    raised.sort(key=lambda sign: (sign.evidence_at, order[sign.sign]))
    return raised
