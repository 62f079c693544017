"""The recovery timeline: days since the loss, bleeding days, and general milestones.

Milestones are general information about what often happens, worded gently,
with the article that explains more. They are never instructions and never a
countdown: ``day_from``/``day_to`` place them on the timeline (days after the
loss) so the view can show where they usually fall, nothing more.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, timedelta, tzinfo

from journal.domain.body.log import (
    BleedingLevel,
    BodyLog,
    LossKind,
    PadChange,
    RecoveryDetails,
    Treatment,
)
from journal.domain.common.local_time import recorded_day

__all__ = [
    "ARTICLE_BLEEDING",
    "ARTICLE_FERTILITY",
    "ARTICLE_INTIMACY",
    "Milestone",
    "RecoveryTimeline",
    "suggest_bleeding_stopped",
    "timeline",
]

# Article slugs and section ids (slugs of the section headings), in one place so they
# are easy to change if the library renames them.
ARTICLE_BLEEDING = "bleeding-and-cramping"
ARTICLE_INTIMACY = "when-intimacy-can-resume"
ARTICLE_FERTILITY = "fertility-and-contraception"
SECTION_BLEEDING_LENGTH = "how-long-bleeding-may-last"
SECTION_INTIMACY_TIMING = "what-clinicians-commonly-suggest"
SECTION_OVULATION = "ovulation-can-come-first"
SECTION_FIRST_PERIOD = "your-first-period"

#: Days at the end of the log that must show no bleeding before a stop day is suggested.
QUIET_DAYS = 3
#: Separate days with logs needed after the last bleeding day.
QUIET_LOG_DAYS = 2


@dataclass(frozen=True, slots=True)
class Milestone:
    """A piece of general information placed on the recovery timeline.

    ``reached`` is True or False only for milestones the person records
    themselves (the bleeding stopping, the first period); it is None for
    information that is not an event.
    """

    id: str
    title: str
    text: str
    article: str
    article_section: str | None
    day_from: int | None
    day_to: int | None
    reached: bool | None


@dataclass(frozen=True, slots=True)
class RecoveryTimeline:
    """The recovery at a glance: the details the person gave, whole days since the loss
    (None without a loss date), the number of days up to today with bleeding (spotting or
    more), the day the log suggests bleeding stopped (None while it goes on) and the
    milestones reached.
    """

    recovery: RecoveryDetails
    days_since_loss: int | None
    bleeding_days: int
    suggested_bleeding_stopped_on: date | None
    milestones: tuple[Milestone, ...]


def _day(log: BodyLog, tz: tzinfo) -> date:
    return recorded_day(log.logged_at, log.zone, tz)


def _bleeding(log: BodyLog) -> bool:
    """Whether the log noted bleeding, spotting or more (not noted: False)."""
    return log.bleeding is not None and log.bleeding >= BleedingLevel.SPOTTING


def suggest_bleeding_stopped(
    logs: Iterable[BodyLog], *, tz: tzinfo = UTC, pad_days: Iterable[date] = ()
) -> date | None:
    """The day after the last bleeding log, when the log suggests the bleeding has stopped.

    Suggested only when there was bleeding (SPOTTING or more, or a pad changed: the
    calendar days in ``pad_days``), the last 3 calendar days of the log (ending with
    the latest logged day) show none, and there are logs on at least 2 separate days
    after the last bleeding day that noted the bleeding ("No bleeding"; a log that
    left it not noted tells nothing). Otherwise None.
    """
    logs = list(logs)  # read twice; by their days, so in any order
    bleeding_days = {_day(log, tz) for log in logs if _bleeding(log)} | set(pad_days)
    if not bleeding_days:
        return None
    last_bleeding_day = max(bleeding_days)
    # Only a log that noted the bleeding tells of a quiet day: one that left it "not
    # noted" says nothing of it (break test 10 of session 15, finding 6).
    later_days = {
        _day(log, tz)
        for log in logs
        if log.bleeding is not None and _day(log, tz) > last_bleeding_day
    }
    if len(later_days) < QUIET_LOG_DAYS:
        return None
    if (max(later_days) - last_bleeding_day).days < QUIET_DAYS:
        return None
    return last_bleeding_day + timedelta(days=1)


_KIND_NOTES = {
    LossKind.INCOMPLETE: (
        " After an incomplete miscarriage, doctors usually advise no sex and no tampons "
        "before both the cervix and the uterus are healed; a pelvic exam can show whether "
        "the cervix has closed."
    ),
    LossKind.MISSED: (
        " After a missed miscarriage, doctors usually advise no sex and no tampons before "
        "both the cervix and the uterus are healed; a pelvic exam can show whether the "
        "cervix has closed."
    ),
    LossKind.ECTOPIC: " After an ectopic pregnancy, your doctor may give you different guidance.",
    LossKind.MOLAR: " After a molar pregnancy, your doctor may give you different guidance.",
}
_DOCTOR_FIRST = " Your own doctor's advice comes first."
#: Kinds of loss whose healing may take longer than a complete miscarriage's (no figure given).
_SLOWER_KINDS = {
    LossKind.INCOMPLETE: (
        "After an incomplete miscarriage, some tissue is still in the uterus, and your doctor "
        "may suggest medication or a D&C to help it leave."
    ),
    LossKind.MISSED: (
        "After a missed miscarriage, recovery may take longer than after a complete one, and "
        "surgery is sometimes needed."
    ),
    # The sources give no figure for these: the complete miscarriage's 1 to 2 weeks was
    # shown after an ectopic or molar pregnancy too (break test 45b, F11).
    LossKind.ECTOPIC: "After an ectopic pregnancy, your doctor may give you different guidance.",
    LossKind.MOLAR: "After a molar pregnancy, your doctor may give you different guidance.",
}


def _milestones(recovery: RecoveryDetails) -> tuple[Milestone, ...]:
    kind_note = _KIND_NOTES.get(recovery.loss_kind, "")
    slower = recovery.treatment is not Treatment.PROCEDURE and recovery.loss_kind in _SLOWER_KINDS
    if slower:
        # Guidance-facts §2: a missed miscarriage may take longer and may need surgery; an
        # incomplete one still has tissue to pass; the sources say nothing of ectopic and
        # molar pregnancies. The complete-miscarriage figure is not theirs.
        # Same id as a complete miscarriage's: the view keys the noted stop day by it.
        bleeding_id, bleeding_title, bleeding_text = (
            "bleeding-settles",
            "Bleeding and healing",
            _SLOWER_KINDS[recovery.loss_kind]
            + " How long bleeding lasts depends on several things, such as how many weeks "
            "pregnant you were and whether all the tissue has passed.",
        )
    elif recovery.treatment is Treatment.PROCEDURE:
        bleeding_id, bleeding_title, bleeding_text = (
            "bleeding-after-procedure",
            "Bleeding after a D&C",
            "After a D&C, bleeding often lasts about 1 to 2 weeks, sometimes on top "
            "of the bleeding that came before the procedure.",
        )
    else:
        bleeding_id, bleeding_title, bleeding_text = (
            "bleeding-settles",
            "Bleeding settling",
            "After a complete miscarriage, the bleeding may be over within 1 to 2 weeks, "
            "though some experts give a much wider range, from 1 day to 1 month. How long it "
            "lasts depends on several things, such as how many weeks pregnant you were "
            "and whether all the tissue has passed.",
        )
    bleeding = Milestone(
        id=bleeding_id,
        title=bleeding_title,
        text=bleeding_text + _DOCTOR_FIRST,
        article=ARTICLE_BLEEDING,
        article_section=SECTION_BLEEDING_LENGTH,
        day_from=7,
        day_to=None if slower else 14,
        reached=recovery.bleeding_stopped_on is not None,
    )
    return (
        bleeding,
        Milestone(
            id="nothing-in-the-vagina",
            title="Tampons and sex",
            text=(
                "For a while after a miscarriage the cervix is more open than usual, so a "
                "common piece of advice is to keep tampons, penetrative sex and anything else "
                "out of the vagina for at least 2 weeks. Most health professionals advise "
                "waiting until the bleeding has stopped. One source adds the pain, and says to "
                "wait until the cervix has closed again, with no tampons before then. Most "
                "health professionals also suggest waiting until you have had one normal "
                "period. One consumer article holds that the period is not always needed, "
                "particularly after a complete miscarriage. Being healed in body is not the "
                "same as feeling ready, and there is no need to hurry." + kind_note + _DOCTOR_FIRST
            ),
            article=ARTICLE_INTIMACY,
            article_section=SECTION_INTIMACY_TIMING,
            day_from=14,
            day_to=None,
            reached=None,
        ),
        Milestone(
            id="fertility-returns",
            title="Ovulation can return early",
            text=(
                "Once a miscarriage is complete, ovulation can come back in as little as 2 "
                "weeks, which means you could become pregnant before your first period "
                "arrives. If you do not want to conceive for now, your doctor can talk with "
                "you about contraception." + _DOCTOR_FIRST
            ),
            article=ARTICLE_FERTILITY,
            article_section=SECTION_OVULATION,
            day_from=14,
            day_to=None,
            reached=None,
        ),
        Milestone(
            id="first-period",
            title="The first period",
            text=(
                "The first period may arrive within 4 to 6 weeks once the miscarriage is "
                "complete. Every body has its own pace." + _DOCTOR_FIRST
            ),
            article=ARTICLE_FERTILITY,
            article_section=SECTION_FIRST_PERIOD,
            day_from=28,
            day_to=42,
            reached=recovery.first_period_on is not None,
        ),
    )


def timeline(
    recovery: RecoveryDetails,
    logs: Iterable[BodyLog],
    today: date,
    *,
    tz: tzinfo = UTC,
    pad_changes: Iterable[PadChange] = (),
) -> RecoveryTimeline:
    """The recovery timeline as of ``today`` (the person's calendar day).

    ``bleeding_days`` counts separate days up to today with bleeding (SPOTTING or
    more, or a pad changed that day), leaving out days from the first period on: heavy
    bleeding noted with "Changed a pad" alone counted no day (re-test of break test 39).
    A stop day is suggested only while none has been recorded, never before a day a
    pad was changed. ``tz`` turns log times into the person's calendar days.
    """
    first_period = recovery.first_period_on

    def counted(day: date) -> bool:
        return day <= today and (first_period is None or day < first_period)

    relevant = [log for log in logs if counted(_day(log, tz))]
    pad_days = {
        day
        for change in pad_changes
        if counted(day := recorded_day(change.changed_at, change.zone, tz))
    }
    bleeding_days = {_day(log, tz) for log in relevant if _bleeding(log)} | pad_days
    days_since: int | None = None
    if recovery.loss_date is not None and recovery.loss_date <= today:
        days_since = (today - recovery.loss_date).days
    suggested = None
    if recovery.bleeding_stopped_on is None:
        suggested = suggest_bleeding_stopped(relevant, tz=tz, pad_days=pad_days)
    return RecoveryTimeline(
        recovery=recovery,
        days_since_loss=days_since,
        bleeding_days=len(bleeding_days),
        suggested_bleeding_stopped_on=suggested,
        milestones=_milestones(recovery),
    )
