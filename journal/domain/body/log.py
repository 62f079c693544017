"""The body log: bleeding, pads, clots, pain, temperature, and the recovery details.

Everything here is plain data. Datetimes are timezone-aware UTC; dates
(``loss_date`` and friends) are calendar dates as the person chose them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import Enum, IntEnum

from journal.domain.body.temperature import Temperature, TemperatureUnit, check_temperature

__all__ = [
    "Appointment",
    "BleedingLevel",
    "BodyLog",
    "ClotSize",
    "Discharge",
    "FieldProblem",
    "LossKind",
    "PadChange",
    "PadKind",
    "RecoveryDetails",
    "Soaking",
    "Temperature",
    "TemperatureUnit",
    "Treatment",
    "long_ago_question",
    "pain_relief_question",
    "require_utc",
    "validate_body_log",
    "validate_recovery",
]

CRAMPING_MIN = 0
CRAMPING_MAX = 10


def require_utc(name: str, value: datetime) -> None:
    """Refuse naive or non-UTC datetimes: that is our bug, never the user's."""
    if value.tzinfo is None or value.utcoffset() != timedelta(0):
        raise ValueError(f"{name} must be a timezone-aware UTC datetime, got {value!r}")


class BleedingLevel(IntEnum):
    """How heavy the bleeding is, ordered from none (0) to very heavy (5). ``label`` is
    its words wherever a stored level is shown to a person (the form's list, Past logs,
    the charts, the doctor's PDF): each says what it is about on its own, so none is
    "None" (issue 10, item 6: Past logs said "None" for a day logged with no bleeding,
    while the form, alone, said "No bleeding"); ``in_words`` is the same in a sentence."""

    NONE = 0
    SPOTTING = 1
    LIGHT = 2
    MEDIUM = 3
    HEAVY = 4
    VERY_HEAVY = 5

    @property
    def label(self) -> str:
        return _BLEEDING_LABELS[self]

    @property
    def in_words(self) -> str:
        """The level inside a sentence, lower case: "no bleeding", "spotting", "light
        bleeding" … "very heavy bleeding"."""
        if self in (BleedingLevel.NONE, BleedingLevel.SPOTTING):
            return self.label.lower()
        return f"{self.label.lower()} bleeding"


_BLEEDING_LABELS = {
    BleedingLevel.NONE: "No bleeding",
    BleedingLevel.SPOTTING: "Spotting",
    BleedingLevel.LIGHT: "Light",
    BleedingLevel.MEDIUM: "Medium",
    BleedingLevel.HEAVY: "Heavy",
    BleedingLevel.VERY_HEAVY: "Very heavy",
}


class PadKind(Enum):
    """The kind of pad changed; ``label`` is its name as the form shows it."""

    LINER = "liner"
    REGULAR = "regular"
    THICK = "thick"
    OVERNIGHT = "overnight"

    @property
    def label(self) -> str:
        return _PAD_LABELS[self]


_PAD_LABELS = {
    PadKind.LINER: "Panty liner",
    PadKind.REGULAR: "Regular pad",
    PadKind.THICK: "Thick pad",
    PadKind.OVERNIGHT: "Overnight pad",
}


class Soaking(Enum):
    """How full a pad was when changed; soaked-through pads feed the heavy-bleeding sign."""

    PARTLY = "partly"
    FULLY = "fully"

    @property
    def label(self) -> str:
        return "Partly soaked" if self is Soaking.PARTLY else "Soaked through"


class ClotSize(Enum):
    """Clots seen with the bleeding; ``label`` is the form's wording."""

    NONE = "none"
    SMALL = "small"
    LARGE = "large"

    @property
    def label(self) -> str:
        return _CLOT_LABELS[self]


_CLOT_LABELS = {
    ClotSize.NONE: "No clots",
    ClotSize.SMALL: "Small clots",
    ClotSize.LARGE: "Large clots",
}


class Discharge(Enum):
    """What the discharge was like; any discharge not usual for the person is a warning sign
    (infection).
    """

    NONE = "none"
    USUAL = "usual"
    UNUSUAL_COLOUR = "unusual_colour"
    FOUL_SMELLING = "foul_smelling"

    @property
    def label(self) -> str:
        return _DISCHARGE_LABELS[self]


_DISCHARGE_LABELS = {
    Discharge.NONE: "No discharge",  # never "None" alone (see `BleedingLevel`)
    Discharge.USUAL: "Usual for me",
    Discharge.UNUSUAL_COLOUR: "Unusual colour",
    Discharge.FOUL_SMELLING: "Foul-smelling or unpleasant smell",
}


class LossKind(Enum):
    """The kind of loss as the person's doctor named it, NOT_SURE (her answer), or
    NOT_NOTED (no answer: never said as one, issue 10, break test of session 26, F1);
    ``label`` is the wording shown.
    """

    NOT_NOTED = "not_noted"
    COMPLETE = "complete"
    INCOMPLETE = "incomplete"
    MISSED = "missed"
    VERY_EARLY = "very_early"
    ECTOPIC = "ectopic"
    MOLAR = "molar"
    NOT_SURE = "not_sure"

    @property
    def label(self) -> str:
        return _LOSS_LABELS[self]


_LOSS_LABELS = {
    LossKind.NOT_NOTED: "Not noted",
    LossKind.COMPLETE: "Complete miscarriage",
    LossKind.INCOMPLETE: "Incomplete miscarriage",
    LossKind.MISSED: "Missed miscarriage",
    LossKind.VERY_EARLY: "Very early loss or chemical pregnancy",
    LossKind.ECTOPIC: "Ectopic pregnancy",
    LossKind.MOLAR: "Molar pregnancy",
    LossKind.NOT_SURE: "Not sure",
}


class Treatment(Enum):
    """How the loss was treated (none, medication or a procedure), or NOT_NOTED (no
    answer: the doctor summary said "No treatment" for a question never answered, issue
    10, break test of session 26, F1); ``label`` is the wording shown.
    """

    NOT_NOTED = "not_noted"
    NONE = "none"
    MEDICATION = "medication"
    PROCEDURE = "procedure"

    @property
    def label(self) -> str:
        return _TREATMENT_LABELS[self]


_TREATMENT_LABELS = {
    Treatment.NOT_NOTED: "Not noted",
    Treatment.NONE: "No treatment",
    Treatment.MEDICATION: "Medication",
    Treatment.PROCEDURE: "A procedure (such as a D&C)",
}


@dataclass(frozen=True, slots=True)
class PadChange:
    """A pad taken off at ``changed_at`` (aware UTC); it was worn since the previous change.

    ``zone`` is the IANA zone it was noted in ("Europe/Berlin"), in which its time and
    its day are shown and counted, or None for the computer's zone (changes noted
    before zones were kept, migration 0012): the rule of an entry's ``zone``."""

    id: str
    changed_at: datetime
    kind: PadKind
    soaking: Soaking
    zone: str | None = None

    def __post_init__(self) -> None:
        require_utc("changed_at", self.changed_at)


@dataclass(frozen=True, slots=True)
class BodyLog:
    """What the person noticed at one moment. Only ``id`` and ``logged_at`` are required.

    Times are aware UTC. ``zone`` is the IANA zone the log was made in
    ("Europe/Berlin"), in which its times and its day are shown, grouped and counted
    (past logs, charts, warning signs, the doctor summary), or None for the computer's
    zone (logs made before zones were kept, migration 0012): the rule of an entry's
    ``zone`` (`journal.domain.common.local_time`).

    Every answer (bleeding, clots, tissue passed, cramping 0 to 10, chills, discharge,
    pain with sex) is None when it was not noted: the person left its field at "Not
    noted". None is never "none" or "no" (``BleedingLevel.NONE``, ``False``): those are
    answers she chose, and only they count as such in the charts, the warning signs
    and every export (break test 10 of session 15, finding 6; migrations 0019, 0021)."""

    id: str
    logged_at: datetime
    bleeding: BleedingLevel | None = None
    clots: ClotSize | None = None
    tissue_passed: bool | None = None
    cramping: int | None = None  # 0 to 10
    pain_relief: str = ""
    pain_relief_at: datetime | None = None
    temperature: Temperature | None = None
    chills: bool | None = None
    discharge: Discharge | None = None
    pain_with_sex: bool | None = None
    note: str = ""
    zone: str | None = None

    def __post_init__(self) -> None:
        require_utc("logged_at", self.logged_at)
        if self.pain_relief_at is not None:
            require_utc("pain_relief_at", self.pain_relief_at)


@dataclass(frozen=True, slots=True)
class RecoveryDetails:
    """The recovery timeline's facts, as far as the person wants to record them."""

    loss_date: date | None = None
    loss_kind: LossKind = LossKind.NOT_NOTED
    treatment: Treatment = Treatment.NOT_NOTED
    treatment_note: str = ""
    bleeding_stopped_on: date | None = None
    first_period_on: date | None = None


@dataclass(frozen=True, slots=True)
class Appointment:
    """A follow-up appointment: ``when`` is aware UTC (ValueError otherwise), with the place
    and the questions the person wants to ask, as typed; ``zone`` is the IANA zone its
    time was set in (None: the computer's), so it keeps its clock time after travel, as a
    body log does (break test 9 of session 14, finding 12).
    """

    id: str
    when: datetime
    place: str = ""
    questions: str = ""
    zone: str | None = None

    def __post_init__(self) -> None:
        require_utc("when", self.when)


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """Something in a form that needs another look: the field's name and a kind message."""

    field: str
    message: str


FUTURE_TIME_MESSAGE = (
    "That time is still ahead of now. Please choose the time you noticed this, or now."
)
#: The time of the pain relief follows the log's own until it is changed, and the field
#: cannot be emptied: it said "or leave the time empty", advice that could not be
#: followed (issue 10, break test of session 24).
FUTURE_PAIN_RELIEF_MESSAGE = (
    "That time is still ahead of now. Please choose when you took the pain relief: "
    "the time of this log, or earlier."
)
LOG_LONG_AGO = timedelta(days=90)
"""A new log dated longer ago than this is asked about once (`long_ago_question`): a
recovery log is written on the day or soon after, and a time moved years back without
noticing (by the wheel, a slip of the arrow keys) was saved as "5 December 1995" without
a word (break test 10 of session 31, finding 1). Solace's own reading, not a rule."""
RELIEF_LONG_BEFORE = timedelta(hours=12)
"""Pain relief taken longer than this before a log is asked about: it has worn off by
then (paracetamol and ibuprofen act for about 4 to 8 hours, NHS medicines pages), so
it hardly belongs to what the log notes. Solace's own reading, not a clinical rule."""

CRAMPING_MESSAGE = (
    "Cramping is noted on a scale from 0 (none) to 10 (the worst you can imagine). "
    "Please choose a number from 0 to 10."
)


def validate_body_log(log: BodyLog, now: datetime) -> list[FieldProblem]:
    """Gentle, specific problems with a log before it is saved; empty when it is fine."""
    require_utc("now", now)
    problems: list[FieldProblem] = []
    if log.logged_at > now:
        problems.append(FieldProblem("logged_at", FUTURE_TIME_MESSAGE))
    if log.cramping is not None and not CRAMPING_MIN <= log.cramping <= CRAMPING_MAX:
        problems.append(FieldProblem("cramping", CRAMPING_MESSAGE))
    if log.pain_relief_at is not None and log.pain_relief_at > now:
        problems.append(FieldProblem("pain_relief_at", FUTURE_PAIN_RELIEF_MESSAGE))
    if log.temperature is not None:
        message = check_temperature(log.temperature)
        if message is not None:
            problems.append(FieldProblem("temperature", message))
    return problems


def validate_recovery(details: RecoveryDetails, today: date) -> list[FieldProblem]:
    """Dates that cannot be right yet: in the future, or before the loss."""
    problems: list[FieldProblem] = []
    named = (
        # Each a whole name of its day, said as it is ("the day of the day the bleeding
        # stopped" before: break test 10 of session 12, finding 10).
        ("loss_date", details.loss_date, "the day of the loss"),
        ("bleeding_stopped_on", details.bleeding_stopped_on, "the day the bleeding stopped"),
        ("first_period_on", details.first_period_on, "the day of the first period"),
    )
    for field, day, what in named:
        if day is not None and day > today:
            problems.append(FieldProblem(field, f"That day is still ahead. Please choose {what}."))
        elif (
            day is not None
            and field != "loss_date"
            and details.loss_date is not None
            and day < details.loss_date
        ):
            problems.append(
                FieldProblem(
                    field,
                    f"That day is before the day of the loss. Please check {what}, "
                    "or the day of the loss.",
                )
            )
    return problems


def _span(length: timedelta) -> str:
    """A length of time in the largest whole unit that reads naturally: "40 minutes",
    "5 hours", "11 days" (rounded down; at least one minute)."""
    minutes = max(1, int(length.total_seconds() // 60))
    if minutes < 120:
        return f"{minutes} minute" + ("" if minutes == 1 else "s")
    hours = minutes // 60
    if hours < 48:
        return f"{hours} hours"
    return f"{hours // 24} days"


def _how_long_ago(length: timedelta) -> str:
    """A time of 60 days or more in words: "about 4 months", "about 31 years" (rounded
    down; years from two on)."""
    days = length.days
    return f"about {days // 365} years" if days >= 730 else f"about {days // 30} months"


def long_ago_question(at: datetime, now: datetime, what: str = "this log") -> str | None:
    """A kind question when ``at`` (the time of a new log or pad change, UTC) is more
    than `LOG_LONG_AGO` (90 days) before ``now`` (UTC), else None; ``what`` names it
    ("this log", "this pad change"). A question, not a refusal: the form saves it
    unchanged when asked to again. Raises ValueError for a time that is not UTC."""
    require_utc("at", at)
    require_utc("now", now)
    if now - at <= LOG_LONG_AGO:
        return None
    return (
        f"The time of {what} is {_how_long_ago(now - at)} ago. If that is right, save "
        f"again to keep it; if not, please choose the time of {what}."
    )


def pain_relief_question(log: BodyLog) -> str | None:
    """A kind question when the log's pain relief time looks unlikely, else None.

    Asked when ``pain_relief_at`` (UTC) is a minute or more after ``logged_at`` (the
    log notes what was taken by then) or more than ``RELIEF_LONG_BEFORE`` (12 hours)
    before it. It is a question, not a refusal: the form saves the log unchanged
    when asked to again. A log without pain relief is never asked about.
    """
    taken = log.pain_relief_at
    if not log.pain_relief or taken is None:
        return None
    if taken - log.logged_at >= timedelta(minutes=1):
        where = f"{_span(taken - log.logged_at)} after"
    elif log.logged_at - taken > RELIEF_LONG_BEFORE:
        where = f"{_span(log.logged_at - taken)} before"
    else:
        return None
    return (
        f"This is {where} the time of this log. If that is when you took it, "
        "save again to keep it; if not, please choose when you took it."
    )
