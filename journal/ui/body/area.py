"""The Body log area: the form, warning signs, the recovery timeline, charts, past logs.

Everything shown comes from the encrypted journal on each refresh; the warning
signs are computed from the whole log each time (``evaluate``), remembered in a
history, and stay in the banner until the person marks them seen. Changing or
deleting a log (or a pad change) refreshes everything the same way, so a sign
whose evidence is gone leaves the banner and stays only in the history.
"""

from __future__ import annotations

import dataclasses
import itertools
import logging
import time
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from journal.domain.body.daily import daily, daily_moods
from journal.domain.body.log import Appointment, BodyLog, PadChange, RecoveryDetails
from journal.domain.body.recovery import timeline
from journal.domain.body.temperature import TemperatureUnit
from journal.domain.body.warning_signs import RaisedSign, evaluate, rules_by_id
from journal.domain.common.local_time import recorded_day
from journal.settings import EMERGENCY_NUMBER, TEMPERATURE_UNIT, THEME, Setting
from journal.storage.body.repository import BodyRepository, SignRecord
from journal.ui.body.appointment_dialog import AppointmentDialog
from journal.ui.body.banner import SignBanner, waiting_words
from journal.ui.body.chart import (
    TABLE_COLUMNS,
    BodyChartView,
    chart_rows,
    chart_summary,
    scale_words,
)
from journal.ui.body.export_dialog import ExportDialog
from journal.ui.body.fields import combo
from journal.ui.body.form import BodyLogForm, FormScrollArea
from journal.ui.body.past_logs import LogEditDialog, PastLogsView
from journal.ui.body.recovery_dialog import RecoveryDialog, saved_words
from journal.ui.body.timeline import TimelineView
from journal.ui.common.accessibility import announce, first_tab_stop, scroll_only
from journal.ui.common.area import AppContext, Area
from journal.ui.common.borrowed import previous_in_focus_chain
from journal.ui.common.chart_text import ChartText
from journal.ui.common.confirm import Question, confirm
from journal.ui.common.dialog_drafts import reopenable
from journal.ui.common.emergency import emergency_number
from journal.ui.common.local_time import local_tz, now_utc, say_moment, today_local
from journal.ui.common.messages import user_message
from journal.ui.common.stacks import CurrentPageTabs
from journal.ui.common.undo_bar import UndoBar, deletion_detail
from journal.ui.common.widgets import grow_with_content, label, wrapping_form

log = logging.getLogger(__name__)

#: The log form is kept in the journal's encrypted draft once its changes pause this long
#: (milliseconds), and within `DRAFT_KEPT_WITHIN_MS` of the first change however they go
#: on, as the Journal's editor keeps words: a log filled in and not yet saved was kept
#: only at a lock or a quit, and a crash or a power cut lost all of it (break test 46,
#: F1). A write at a pause, not at each key: it waits for the disk on the window's
#: thread (3 ms here, 21 ms at worst).
DRAFT_KEPT_AFTER_MS = 1000
DRAFT_KEPT_WITHIN_MS = 5000
CHART_RANGES = (("The last 30 days", 30), ("The last 90 days", 90), ("Everything", 0))
CHARTS_TAB = 2


class BodyArea(Area):
    """The Body log area: the form for a log or a pad change, warning signs, the charts,
    past logs and the recovery timeline."""

    area_id = "body"
    title = "Body log"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context: AppContext | None = None
        self.repository: BodyRepository | None = None
        self.logs: list[BodyLog] = []
        self.pads: list[PadChange] = []
        self.recovery = RecoveryDetails()
        self.raised: list[RaisedSign] = []
        self._warned = ""  # the note of signs waiting told at the unlock, until none waits
        self._just_saved: str | None = None  # the id of the log being saved, while it is
        self._chart_stale = True
        self.edit_dialog: LogEditDialog | None = None
        self.appointment_dialog: AppointmentDialog | None = None
        self.question: Question | None = None

        self.doctor_button = QPushButton("Summar&y for the doctor…")
        # Named by its words, as every button (WCAG 2.5.3, label in name).
        self.doctor_button.setAccessibleDescription(
            "Make a summary of the body log to print or show the doctor"
        )
        self.banner = SignBanner()
        self.form = BodyLogForm()
        # Every tab's page is as tall as what it holds: the Body log's page is the one
        # thing that scrolls up and down (see widgets.grow_with_content).
        form_scroll = grow_with_content(FormScrollArea(self.form))
        self.timeline = grow_with_content(TimelineView())
        self.chart = BodyChartView()
        self.chart_range = combo("Days to show in the chart", CHART_RANGES)
        charts = QWidget()
        chart_layout = QVBoxLayout(charts)
        chart_form = wrapping_form()
        chart_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        chart_form.addRow("Sho&w", self.chart_range)
        chart_layout.addLayout(chart_form)
        chart_layout.addWidget(self.chart, 1)
        chart_layout.addWidget(self.chart.legend)
        self.scale = label(scale_words(False), "subtle")
        chart_layout.addWidget(self.scale)
        self.chart_text = ChartText("Body log by day, newest first", self.chart)
        chart_layout.addWidget(self.chart_text)
        # With the table open at large text the page grows, and the chart keeps its height.
        charts_scroll = grow_with_content(scroll_only(QScrollArea()))
        charts_scroll.setWidgetResizable(True)
        charts_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        charts_scroll.setWidget(charts)
        charts = charts_scroll
        self.tabs = CurrentPageTabs()
        self.tabs.addTab(form_scroll, "&Log")
        self.tabs.addTab(self.timeline, "T&imeline")
        self.tabs.addTab(charts, "Cha&rts")
        self.past = PastLogsView()
        self.past_scroll = grow_with_content(scroll_only(QScrollArea()))
        self.past_scroll.setWidgetResizable(True)
        self.past_scroll.setWidget(self.past)  # at large text the page scrolls, nothing is squeezed
        self.tabs.addTab(self.past_scroll, "Past lo&gs")

        header = QHBoxLayout()
        header.addWidget(label("Body log", "heading"), 1)
        header.addWidget(self.doctor_button)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        # The same Undo as every delete in Solace (a log, a pad change, an appointment).
        self.undo_bar = UndoBar("Undo deleting", self._after_undo_ran_out)
        # Alt+U is Temperat&ure's here (break test 15 of session 18, re-test R5: one
        # letter for two controls makes Alt+letter go to each in turn); Undo takes the
        # focus when it is offered, and Ctrl+Z presses it.
        self.undo_bar.button.setText("Undo")
        layout.addWidget(self.undo_bar)

        self.form.log_ready.connect(self.save_log)
        self.form.pad_change_ready.connect(self.save_pad_change)
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_KEPT_AFTER_MS)
        self._draft_timer.timeout.connect(self._keep_draft)
        self._draft_due = 0.0  # time.monotonic() by which the draft is kept at the latest
        self.form.edited.connect(self._keep_draft_soon)
        self.banner.seen.connect(self.mark_seen)
        self.banner.link.connect(self._open_link)
        self.timeline.link.connect(self._open_link)
        self.timeline.edit_details.connect(self.edit_recovery)
        self.timeline.add_appointment.connect(self.add_appointment)
        self.timeline.change_appointment.connect(self.add_appointment)
        self.timeline.remove_appointment.connect(self.remove_appointment)
        self.past.edit_log.connect(self.edit_log)
        self.past.delete_log.connect(self.delete_log)
        self.past.delete_pad.connect(self.delete_pad_change)
        self.timeline.confirm_stopped.connect(self.confirm_stopped)
        self.doctor_button.clicked.connect(self.make_summary)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.chart_range.currentIndexChanged.connect(self._redraw_chart)

    # -- the Area contract -------------------------------------------------------------------
    def focus_start(self) -> None:
        """The first control of the tab shown (the Log tab's "Time of this log"): the
        person came to note or to look, and the area's first control is "Summary for
        the doctor…" above the tabs (issue 15, break test of session 25, F15)."""
        target = first_tab_stop(self.tabs.currentWidget())
        if target is None:
            super().focus_start()
        else:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_journal(self, context: AppContext) -> None:
        """Load the log, its draft and its warning signs from the journal just unlocked;
        the signs not yet marked as seen are also said in the window's notes
        (`waiting_words`), since the window shows the Journal first."""
        self._open(context)
        rules = [card.rule for card in self.banner.cards]
        if rules and not self.isVisible():
            self._warned = waiting_words(rules)
            self.warned.emit(self._warned)

    def _open(self, context: AppContext) -> None:
        self.context = context
        self.repository = BodyRepository(context.journal.db)
        self.form.set_unit(self.unit)
        self.past.model.set_unit(self.unit)
        self.form.reset()
        # Left in the journal until the log is saved (`save_log`) or the form emptied: a
        # crash after the unlock lost a draft taken out as the form showed it.
        draft = self.repository.draft()
        if draft is not None:
            self.form.restore(draft)
        self.refresh()

    def save_pending(self) -> None:
        self._draft_timer.stop()
        if self.repository is not None:
            self.repository.save_draft(self.form.draft())

    def _keep_draft_soon(self) -> None:
        """The form changed: its draft is kept once the changes pause for
        `DRAFT_KEPT_AFTER_MS`, and `DRAFT_KEPT_WITHIN_MS` after this first one at the
        latest."""
        now = time.monotonic()
        if not self._draft_timer.isActive():
            self._draft_due = now + DRAFT_KEPT_WITHIN_MS / 1000
            self._draft_timer.start()
        elif now + DRAFT_KEPT_AFTER_MS / 1000 <= self._draft_due:
            self._draft_timer.start()  # again: the changes have not paused yet

    def _keep_draft(self) -> None:
        """Keep the form's draft in the journal now (forget it when the form is empty).
        Not while the journal's pages are still checked after the unlock: a write waits
        for the check on this thread, and the window would not answer meanwhile; it is
        tried again a moment later. A refused write is only logged: the form still
        holds everything, and its Save, or the lock (which keeps a draft it cannot
        write sealed beside the journal), says what stops it."""
        if self.context is None or self.repository is None:
            return
        if self.context.journal.checking_pages:
            self._draft_timer.start()
            return
        try:
            self.repository.save_draft(self.form.draft())
        except Exception as error:
            log.warning("the body log's draft could not be kept: %s", type(error).__name__)

    def pending_draft(self) -> str | None:
        return self.form.draft()

    def restore_draft(self, draft: str) -> None:
        self.form.restore(draft)

    def clear(self) -> None:
        self._forget_shown()
        self.banner.forget_heard()
        self._warned = ""

    def reload(self, context: AppContext) -> None:
        """As `Area.reload`; the warning signs heard since the journal was opened stay
        heard: after an import every open sign was alerted again, over the import's own
        result (break test 15 of session 18, finding 12)."""
        self._forget_shown()
        self._open(context)

    def _forget_shown(self) -> None:
        """Forget what is shown, the drafts and dialogs (but not what was heard)."""
        self._draft_timer.stop()
        self.context = None
        self.repository = None
        self.logs, self.pads, self.raised = [], [], []
        self.recovery = RecoveryDetails()
        self.form.reset()
        self.form.status.clear()
        self.undo_bar.forget()
        self.banner.clear()
        self.timeline.clear()
        self.chart.clear()
        self.chart_text.clear()
        self.past.clear()
        for window in (self.edit_dialog, self.appointment_dialog, self.question):
            if window is not None:
                window.close()
        self.edit_dialog = self.appointment_dialog = self.question = None
        self._chart_stale = True

    # -- settings ------------------------------------------------------------------------------
    def setting_changed(self, setting: Setting[Any]) -> None:
        """The unit, the emergency number and the theme show at once in every view."""
        if setting == TEMPERATURE_UNIT:
            self.form.set_unit(self.unit)
            self.past.model.set_unit(self.unit)
            self._redraw_chart()
        elif setting == EMERGENCY_NUMBER:
            self.refresh()
        elif setting == THEME:
            self._redraw_chart()

    def _redraw_chart(self) -> None:
        self._chart_stale = True
        if self.tabs.currentIndex() == CHARTS_TAB:
            self.update_chart()

    @property
    def unit(self) -> TemperatureUnit:
        if self.context is not None and self.context.settings.get(TEMPERATURE_UNIT) == "F":
            return TemperatureUnit.FAHRENHEIT
        return TemperatureUnit.CELSIUS

    def emergency_number(self) -> str:
        return emergency_number(None if self.context is None else self.context.settings)

    # -- showing -------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Load the log, evaluate the warning signs, and update every view."""
        if self.repository is None:
            return
        now = now_utc()
        tz = local_tz()
        state = self.repository.state()
        self.logs, self.pads, self.recovery = state.logs, state.pad_changes, state.recovery
        before = {sign.key: sign for sign in self.raised}
        self.raised = evaluate(self.logs, self.pads, self.recovery, now, tz=tz)
        fresh = self._told_anew(before)
        self._show_signs(self.repository.record_signs(self.raised, now), fresh)
        line = timeline(self.recovery, self.logs, today_local(), tz=tz, pad_changes=self.pads)
        self.timeline.show_timeline(line, state.appointments)
        self.past.show_logs(self.logs, self.pads, state.unreadable)
        self._chart_stale = True
        if self.tabs.currentIndex() == CHARTS_TAB:
            self.update_chart()

    def _told_anew(self, before: dict[str, RaisedSign]) -> set[str]:
        """The keys of the signs the log or pad change just saved tells anew (none when
        nothing was just saved), to be alerted again: those it completes or extends
        (``last_id``), and those whose words it changed (``before``: the signs shown
        until now), such as a run of soaked pads made longer by a pad noted for an
        earlier time. A run that has now gone on for two hours shows in the banner
        again though it was marked seen at its early watch (break test 44, F2: the card
        changed its words without a sound, and a card seen stayed away)."""
        saved = self._just_saved
        if not saved or self.repository is None:
            return set()
        changed = {
            s.key for s in self.raised if s.key in before and before[s.key].detail != s.detail
        }
        grown = [s.key for s in self.raised if s.long_run and not before.get(s.key, s).long_run]
        if grown:
            self.repository.mark_unseen(grown)
        return changed | {s.key for s in self.raised if s.last_id == saved}

    def _show_signs(self, history: list[SignRecord], fresh: set[str]) -> None:
        """The banner: the raised signs not yet seen, those in ``fresh`` alerted again.
        The timeline: every sign so far."""
        unseen = {record.key for record in history if record.seen_at is None}
        self.banner.show_signs(
            [s for s in self.raised if s.key in unseen], self.emergency_number(), self.raised, fresh
        )
        if self._warned and not self.banner.cards:  # re-test 47, N9: the note said so still
            self.unwarned.emit(self._warned)
            self._warned = ""
        self._banner_in_tab_order()
        self.timeline.show_history(history, {sign.key: sign.zone for sign in self.raised})

    def update_chart(self, *, quietly: bool = False) -> None:
        """Draw the chart, its summary (the chart's description, announced unless
        ``quietly``) and its table from the logs and the entries' moods."""
        if self.repository is None:
            return
        tz = local_tz()
        span = int(self.chart_range.currentData())
        first = today_local() - timedelta(days=span - 1) if span else date.min
        moods = self.repository.moods()
        days = [p for p in daily(self.logs, tz=tz) if p.day >= first]
        mood_days = [(d, m) for d, m in daily_moods(moods, tz=tz) if d >= first]
        shown = [p.day for p in days] + [d for d, _ in mood_days]
        # The axis runs over the range chosen ("The last 30 days": 30 days, whatever
        # the text size), Everything from the first day with data, up to today.
        since = first if span else min(shown, default=today_local())
        self.chart.show_days(days, mood_days, self.unit, (since, today_local()))
        self.scale.setText(scale_words(bool(mood_days)))
        signs = list(dict.fromkeys(rules_by_id()[sign.sign].title for sign in self.raised))
        self.chart_text.show_values(
            chart_summary(days, mood_days, self.unit, signs),
            TABLE_COLUMNS,
            chart_rows(days, mood_days, self.unit),
            repeat=not quietly,
            quietly=quietly,
        )
        self._chart_stale = False

    def showEvent(self, event: QShowEvent) -> None:
        """The chart draws the entries' moods, written in the Journal while this area
        was hidden: shown again, its summary (the chart's description) and table are
        read afresh, quietly (nothing was asked here). A summary kept from before said
        "No logs in this period yet." beside a mood just written (issue 15; break test
        15 of session 11, finding 5, of the kind: what is said of data follows the data).
        The warning signs open and not heard yet are said too (`SignBanner.page_shown`). A window
        restored from the task bar says nothing."""
        super().showEvent(event)
        if event.spontaneous():
            return  # the window shown again, not this area
        self.banner.page_shown()
        self._chart_stale = True
        if self.tabs.currentIndex() == CHARTS_TAB:
            self.update_chart(quietly=True)

    def _tab_changed(self, index: int) -> None:
        if index == 0:
            self.form.refresh_time()
        if index == CHARTS_TAB and self._chart_stale:
            self.update_chart()

    def _open_link(self, url: str) -> None:
        if self.context is not None:
            self.context.open_link(url)

    # -- changes -------------------------------------------------------------------------------
    def _change(
        self,
        write: Callable[[BodyRepository], object],
        say: Callable[[str], None] | None = None,
    ) -> bool:
        """Write in one transaction, then refresh everything. False when no journal is
        open, or when the write was refused (a full disk, a damaged file, another
        program holding the journal): then the reason, in Solace's words
        (`user_message`; a damaged file also locks the window to its damage page), is
        given to ``say`` (by default the log form's status line, beside Save), and the
        caller keeps what was typed."""
        if self.repository is None:
            return False
        try:
            write(self.repository)
        except Exception as error:
            (say or self.form.status.refuse)(user_message(error))
            return False
        self.refresh()
        return True

    def save_log(self, log: BodyLog) -> None:
        """Keep ``log`` and say so. One rule for what is heard (break test 15 of session
        7, 14j): each warning sign this log shows is alerted (assertively, even when its
        card was already up), then "Saved the log for …" (politely), each once."""
        self._just_saved = log.id
        try:
            kept = self._change(lambda repository: repository.save_log(log, from_form=True))
        finally:
            self._just_saved = None
        if kept:
            self.form.saved(say_moment(log.logged_at, zone=log.zone), self._signs_above())

    def save_pad_change(self, change: PadChange) -> None:
        """Keep ``change`` and say so, by the same rule as `save_log`: each warning sign
        it shows first (soaking pads), then what was noted."""
        self._just_saved = change.id
        try:
            kept = self._change(lambda repository: repository.save_pad_change(change))
        finally:
            self._just_saved = None
        if not kept:
            return
        # Counted on the change's own day, said as today only when it is today (break
        # test 10 of session 25, F13: a change noted for yesterday gave today's count).
        tz = local_tz()
        day = recorded_day(change.changed_at, change.zone, tz)
        count = sum(1 for pad in self.pads if recorded_day(pad.changed_at, pad.zone, tz) == day)
        on_day = "today" if day == today_local() else "that day"
        self.form.pad_saved(
            f"Noted: {change.kind.label.lower()}, {change.soaking.label.lower()}, "
            f"{say_moment(change.changed_at, zone=change.zone)}. "
            f"Pad changes noted {on_day}: {count}.{self._signs_above()}"
        )

    def _signs_above(self) -> str:
        """Words for the line beside what was just saved when the save raised or told
        anew a warning sign: its card is at the top of the page, out of sight from the
        form at larger text or with other cards above (break test 44, F11: the card's
        title was scrolled away; re-test 44, N3: a heavy-bleeding card came up out of
        sight of the pads). "" when none was."""
        titles = [card.rule.title for card in self.banner.said]
        if not titles:
            return ""
        which = "Warning signs" if len(titles) > 1 else "A warning sign"
        return f" {which} at the top of the page: {', '.join(titles)}."

    def mark_seen(self, keys: list[str]) -> None:
        """Only the seen marks change, so only the history is read again, not the log."""
        if self.repository is None:
            return
        seen = next((card for card in self.banner.cards if set(keys) & set(card.keys)), None)
        try:
            history = self.repository.mark_seen(keys, now_utc())
        except Exception as error:  # the card stays, still to mark; why is said
            self.form.status.refuse(user_message(error))
            return
        unseen = {record.key for record in history if record.seen_at is None}
        staying = [card for card in self.banner.cards if unseen & set(card.keys)]
        # The focus goes where it lands before the card with it goes (a card deleted
        # with the focus is heard once more, and Qt then moved the focus along the
        # window: "Summary for the doctor…", spoken over what is said here: break test
        # 15 of session 12, 11c): the next card still waiting (kept as it is by
        # `SignBanner.show_signs`), or the log.
        if staying:
            staying[0].buttons()[0].setFocus()
        else:
            self._focus_after_banner()
        self._show_signs(history, set())
        buttons = self.banner.buttons()
        if buttons:
            buttons[0].setFocus()  # the next sign still waiting
        else:
            self._focus_after_banner()
        # Said once the focus has settled: a focus move after it cut it off.
        which = f": {seen.rule.title.lower()}" if seen is not None else ""
        announce(
            self, f"Marked as seen{which}. It stays in the timeline's history of warning signs."
        )

    def _focus_after_banner(self) -> None:
        if self.tabs.currentIndex() == 0:
            self.form.time.setFocus()  # back to the log being filled
        else:
            self.tabs.tabBar().setFocus()

    def _banner_in_tab_order(self) -> None:
        """The banner's buttons come before the tabs in this area's Tab order, after
        "Summary for the doctor…" above them, as the page reads. They came before it:
        at 200 % text, where the page opens with the focus on the Summary, the first
        control in view (`in_view`), Tab went on to the log and passed the warning
        cards by (re-test 45b, P4)."""
        chain = [self.doctor_button, *self.banner.buttons()]
        if len(chain) == 1:
            return
        before = previous_in_focus_chain(self.doctor_button)
        while before is not None and before.focusPolicy() == Qt.FocusPolicy.NoFocus:
            before = previous_in_focus_chain(before)  # Qt orders only after a focusable widget
        if before is not None:
            QWidget.setTabOrder(before, chain[0])
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _save_recovery(self, details: RecoveryDetails) -> None:
        self._change(lambda repository: repository.save_recovery(details))

    def edit_recovery(self, details: RecoveryDetails | None = None, problem: str = "") -> QDialog:
        """Recovery details, in a window of their own (without blocking); saved on OK.
        A save refused opens the window again with ``details`` as typed and the
        ``problem`` said in it: nothing typed is lost."""
        dialog = RecoveryDialog(details or self.recovery, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        reopenable(dialog, f"{self.area_id}/recovery")

        def save() -> None:
            typed = dialog.details()
            said: list[str] = []
            if self._change(lambda r: r.save_recovery(typed), said.append):
                self._recovery_saved(typed)
            elif said:
                self.edit_recovery(typed, said[0])

        dialog.accepted.connect(save)
        dialog.open()
        if problem:
            dialog.show_problem(problem)
        return dialog

    def _recovery_saved(self, details: RecoveryDetails) -> None:
        """Say what was stored of the recovery details (`saved_words`), politely, once
        the focus is back where the dialog was opened from (as "Appointment saved: …"
        is)."""
        button = self.timeline.details_button
        announce(button if button.isVisible() else self, saved_words(details), after_focus=True)

    def confirm_stopped(self, day: date) -> None:
        self._save_recovery(dataclasses.replace(self.recovery, bleeding_stopped_on=day))

    def add_appointment(self, appointment: Appointment | None = None, problem: str = "") -> QDialog:
        """A new appointment, or (given one) change it; the same id is kept. A save
        refused opens the window again with the appointment as typed and the
        ``problem`` said in it: nothing typed is lost."""
        dialog = AppointmentDialog(self, appointment)
        if problem:
            dialog.show_problem(problem)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        reopenable(dialog, f"{self.area_id}/appointment:{appointment.id if appointment else ''}")
        self.appointment_dialog = dialog

        def done(result: int) -> None:
            self.appointment_dialog = None
            if result:
                saved = dialog.appointment()
                said: list[str] = []
                if self._change(lambda r: r.save_appointment(saved), said.append):
                    self.tabs.setCurrentWidget(self.timeline)
                    self.timeline.show_saved(saved)
                elif said:
                    self.add_appointment(saved, said[0])

        dialog.finished.connect(done)
        dialog.open()
        return dialog

    def remove_appointment(self, appointment: Appointment) -> None:
        timeline = self.timeline
        when = say_moment(appointment.when, zone=appointment.zone)
        self._ask(
            "Remove this appointment?",
            f"The appointment of {when} and its questions",
            "Remove",
            lambda repository: repository.delete_appointment(appointment.id),
            lambda repository: repository.save_appointment(appointment),
            f"The appointment of {when} was removed.",
            back=(timeline.remove_button, timeline.appointment_button),
            thing=f"the appointment of {when}",
        )

    # -- past logs -----------------------------------------------------------------------------
    def _ask(
        self,
        question: str,
        what: str,
        action: str,
        write: Callable[[BodyRepository], object],
        undo: Callable[[BodyRepository], object],
        done: str,
        back: Sequence[QWidget] = (),
        *,
        thing: str,
        chosen_again: Callable[[], None] | None = None,
    ) -> None:
        """Delete the way every delete in Solace does (`journal.ui.common.undo_bar`): ask
        first (without blocking) whether ``what`` ("Your log of …") may go; on yes,
        ``write`` at once, refresh, and offer Undo beside ``done`` ("The log of … was
        deleted."), with the focus on Undo; Undo (or Edit > Undo) writes it back with
        ``undo``. With no Undo to focus, or after it, the focus goes to the first of
        ``back`` still shown and enabled, else to the past logs' list or their tab:
        when the last log or appointment went, its button was gone and Qt moved the
        focus out of the area. Undo and what it says name ``thing`` ("the log of …"):
        "Undo deleting" and "It is back." said neither what nor when (break test 15 of
        session 12, finding 11g). ``chosen_again()`` makes what came back the chosen row
        of its list before the focus goes there: the focus landed on the row the deleted
        log had left, another log (break test 15 of session 18, finding 9)."""
        candidates = (*back, self.past.table, self.tabs.tabBar())

        def bring_back() -> None:
            if self._change(undo):
                if chosen_again is not None:
                    chosen_again()
                self._focus_first(candidates)  # the focus first: a move cuts speech off
                announce(self, f"{thing[:1].upper()}{thing[1:]} is back.")

        def yes() -> None:
            if self._change(write):
                self.past.status.clear()
                self.undo_bar.offer(done, bring_back, f"Undo deleting {thing}")

        self.question = confirm(self, question, deletion_detail(what), action, yes)
        self.question.finished.connect(lambda: self._asked(candidates))

    def _asked(self, candidates: Sequence[QWidget]) -> None:
        self.question = None
        if self.undo_bar.pending:
            self.undo_bar.button.setFocus()  # said yes: Undo, for its few seconds
            return
        self._focus_first(candidates)

    def _focus_first(self, candidates: Sequence[QWidget]) -> None:
        for widget in candidates:
            if widget.isVisible() and widget.isEnabled():
                widget.setFocus()
                return

    def _after_undo_ran_out(self) -> QWidget | None:
        """Where the focus goes when the time to undo ran out while it was on Undo."""
        for widget in (self.past.table, self.tabs.tabBar()):
            if widget.isVisible() and widget.isEnabled():
                return widget
        return None

    def undo(self) -> None:
        """Edit > Undo: bring back the log, pad change or appointment just deleted."""
        self.undo_bar.undo()

    def edit_log(self, log: BodyLog) -> QDialog:
        """Change a past log in the form, in a window of its own; it keeps its id."""
        dialog = LogEditDialog(log, self.unit, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        reopenable(dialog, f"{self.area_id}/log:{log.id}")
        self.edit_dialog = dialog

        def done(result: int) -> None:
            self.edit_dialog = None
            changed = dialog.log
            if result and changed is not None:
                if self._change(lambda r: r.save_log(changed), self.past.status.setText):
                    when = say_moment(changed.logged_at, zone=changed.zone)
                    self.past.status.setText(f"Saved the changes to the log of {when}.")
                else:  # what was changed stays, in the window again; why is said beside
                    self.edit_log(changed)
                    return
            self.past.table.setFocus()

        dialog.finished.connect(done)
        dialog.open()
        return dialog

    def delete_chosen(self) -> bool:
        """Edit > Delete…: on Past logs, ask to delete the chosen pad change (when its list
        has the focus) or log, as the Delete key there does; False elsewhere."""
        if self.tabs.currentWidget() is not self.past_scroll:
            return False
        if self.past.pads.hasFocus() and self.past.selected_pad() is not None:
            self.past.delete_selected_pad()
            return True
        if self.past.selected_log() is None:
            return False
        self.past.delete_selected()
        return True

    def delete_log(self, log: BodyLog) -> None:
        when = say_moment(log.logged_at, zone=log.zone)
        self._ask(
            "Delete this log?",
            f"Your log of {when}",
            "Delete",
            lambda repository: repository.delete_log(log.id),
            lambda repository: repository.save_log(log),
            f"The log of {when} was deleted.",
            thing=f"the log of {when}",
            chosen_again=lambda: self.past.choose_log(log.id),
        )

    def delete_pad_change(self, change: PadChange) -> None:
        when = say_moment(change.changed_at, zone=change.zone)
        self._ask(
            "Remove this pad change?",
            f"Your pad change of {when} ({change.kind.label.lower()}, "
            f"{change.soaking.label.lower()})",
            "Remove",
            lambda repository: repository.delete_pad_change(change.id),
            lambda repository: repository.save_pad_change(change),
            f"The pad change of {when} was removed.",
            back=(self.past.pads,),
            thing=f"the pad change of {when}",
            chosen_again=lambda: self.past.choose_pad(change.id),
        )

    def make_summary(self) -> QDialog | None:
        """The summary for the doctor, in a window of its own (without blocking)."""
        if self.context is None or self.repository is None:
            return None
        start = self.recovery.loss_date or today_local() - timedelta(days=30)
        journal = self.context.journal
        dialog = ExportDialog(self.repository, journal.check_passphrase, self.unit, start, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        reopenable(dialog, f"{self.area_id}/summary")
        dialog.open()
        return dialog

    def reopen_dialog(self, what: str) -> QDialog | None:
        """Recovery details, the summary, an appointment or a past log, opened again
        (see `Area.reopen_dialog`); None when the appointment or log is gone."""
        if self.repository is None:
            return None
        kind, _, item = what.partition(":")
        if kind == "recovery":
            return self.edit_recovery()
        if kind == "summary":
            return self.make_summary()
        if kind == "appointment":
            if not item:
                return self.add_appointment()
            found = [a for a in self.repository.appointments() if str(a.id) == item]
            return self.add_appointment(found[0]) if found else None
        if kind == "log":
            log = next((log for log in self.logs if str(log.id) == item), None)
            return None if log is None else self.edit_log(log)
        return None
