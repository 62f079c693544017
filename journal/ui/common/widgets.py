"""Small widgets shared by several screens."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QFont,
    QHideEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QScrollArea,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from journal.domain.lock.passphrase import StrengthReport, assess, every_note
from journal.ui.common.accessibility import Message, Politeness, announce, keep_secret
from journal.ui.common.caps_lock import CapsLockNote
from journal.ui.common.fit import reserve_room, window_room
from journal.ui.common.form_wrap import WrappingForm
from journal.ui.common.in_view import seen_while_shown
from journal.ui.common.label_column import LabelColumn
from journal.ui.common.length_limit import limit_length
from journal.ui.common.one_line import SecretLine

# Roles drawn larger than body text: how much larger. They scale with the app's font.
_HEADING_SCALE = {"heading": 1.45, "title": 1.15}


_BYTE_ORDER_MARKS = ("\ufeff", "\ufffe")


def wrapping_form(parent: QWidget | None = None) -> QFormLayout:
    """A form whose rows wrap when the window is too narrow for them (a small screen,
    a large text size): a field goes under its label instead of the form growing
    wider than the window, which cut fields off at the right or made the page scroll
    sideways. Its narrowest is its widest label or field, not the two side by side.
    Every form in Solace is made here; its rows wrap all together, never one alone
    (`form_wrap.WrappingForm`)."""
    return WrappingForm(parent)


_BLOCK_SEPARATOR = "\u2029"  # how a QTextDocument's raw text separates its blocks


def qt_text(text: str) -> str:
    """``text`` made safe to hand to a Qt function that takes a string (setPlainText,
    insertText, setText...), so that Qt receives exactly ``text``.

    PySide turns a Python str into a QString with ``QString::fromUtf16``/``fromUcs4``,
    which read a leading U+FEFF or U+FFFE as a byte-order mark: U+FEFF is dropped and
    U+FFFE byte-swaps the whole string ("\ufffeabc" arrives as "愀戀挀"). One U+FEFF
    put in front is read as the mark instead, and the text arrives whole. Text Qt
    gives back to Python is not affected.
    """
    return "\ufeff" + text if text.startswith(_BYTE_ORDER_MARKS) else text


def typed_text(field: QPlainTextEdit | QTextEdit) -> str:
    """The text of a multi-line field (a note, questions, a response, an answer) exactly
    as typed or pasted, line breaks as ``\\n``.

    Qt's ``toPlainText()`` turns each no-break space (U+00A0, typed before "?" and
    inside « » in French) into a plain space and a line separator (U+2028) into a line
    break (documented for ``QTextDocument::toPlainText``); the raw text keeps both
    (break test 9 of session 12, finding 5). A paragraph separator (U+2029) is a line
    break in any Qt text field, as in the entry editor (`ui/entries/markdown`).
    """
    return field.document().toRawText().replace(_BLOCK_SEPARATOR, "\n")


def label(text: str, role: str = "", *, wrap: bool = True) -> QLabel:
    """Plain text (never interpreted as HTML). Roles: "heading" (a page), "title" (a
    card), "subtle", "error", "notice"."""
    widget = QLabel(text)
    widget.setWordWrap(wrap)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        widget.setProperty("role", role)
    if role in _HEADING_SCALE:
        font = widget.font()
        font.setWeight(QFont.Weight.DemiBold)
        widget.setFont(font)
        follow_text_size(widget, _HEADING_SCALE[role])
    return widget


_SCALE = "solace_text_scale"
#: Where Qt's style-sheet style keeps the font a widget had when a style sheet first
#: polished it (qstylesheetstyle.cpp, ``saveWidgetFont``); it puts that font back at
#: every later polish, such as a parent's ``setStyleSheet``.
_STYLE_SHEET_FONT = "_q_styleSheetWidgetFont"


def _scale_font(widget: QWidget) -> None:
    """``widget``'s font at its scale of the app's text size, also as the font Qt's
    style sheets put back: a text size chosen before a parent's style sheet changed
    had Together's reading text drawn at the size it was made at (re-test 44b, M2)."""
    size = QApplication.font().pointSizeF() * float(widget.property(_SCALE))
    if abs(widget.font().pointSizeF() - size) > 0.01:
        font = QFont(widget.font())
        font.setPointSizeF(size)
        widget.setFont(font)
    kept = widget.property(_STYLE_SHEET_FONT)
    if isinstance(kept, QFont) and abs(kept.pointSizeF() - size) > 0.01:
        kept = QFont(kept)
        kept.setPointSizeF(size)
        widget.setProperty(_STYLE_SHEET_FONT, kept)


def follow_text_size(widget: QWidget, scale: float) -> None:
    """Draw ``widget``'s text ``scale`` times the app's text size (1.45: a heading), now
    and after every change of the text size (`rescale_text`)."""
    widget.setProperty(_SCALE, scale)
    _scale_font(widget)


def rescale_text() -> None:
    """After the app's text size changed: every widget made with `follow_text_size` takes
    its scale of the new size. (A font set with setFont keeps its point size when the
    app's font changes, so a heading would stay at the size it was made at.)"""
    for widget in QApplication.allWidgets():
        if widget.property(_SCALE) is not None:
            _scale_font(widget)


class UpAndDown(QScrollArea):
    """A scroll area (`scrolling`) that is never narrower than the least width of the
    widget it holds, with room for its vertical scroll bar: the window's least width
    follows the page shown in it, which then scrolls only up and down. A window could
    be made so narrow that the Journal's rows were cut off at the right with no
    sideways scroll (issue 10, break test of session 25, F8)."""

    def minimumSizeHint(self) -> QSize:
        """Qt's least size, at least as wide as the content's least width and the
        vertical scroll bar's (pixels), but never so wide that its window would not fit
        on the screen (`fit.window_room`): there the content scrolls sideways."""
        least = super().minimumSizeHint()
        inner = self.widget()
        if inner is None:
            return least
        width = inner.minimumSizeHint().expandedTo(inner.minimumSize()).width()
        width += self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()
        window = self.window()
        if window is not self:
            width = min(width, window_room(window).width() - (window.width() - self.width()))
        return QSize(max(least.width(), width), least.height())

    def viewportEvent(self, event: QEvent) -> bool:
        """Qt's handling; a new least size of the content (its layout asks again) is
        passed on to the layout around the scroll area (`minimumSizeHint`)."""
        if event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return super().viewportEvent(event)


def scrolling(widget: QWidget, *, sideways: bool = True) -> QScrollArea:
    """``widget`` in a frameless scroll area that lets it grow to fill the space and
    scrolls only when the space is smaller than the widget's minimum: both ways, or
    only up and down (``sideways`` False: `UpAndDown`, as wide as the widget needs)."""
    area = QScrollArea() if sideways else UpAndDown()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not a Tab stop: the controls inside are
    area.setWidget(widget)
    return area


class _GrowWithContent(QObject):
    """Keeps a scroll area's minimum height at its content's height for the width it
    has (see `grow_with_content`); owned by the scroll area it fits.

    It keeps no Python reference to the area or its content: it reads them from Qt
    (``parent()``, ``widget()``) at each event. A reference back to its owner made a
    cycle that Python's collector breaks by emptying the helper's attributes, and Qt
    then sends the dying area's Hide event to a helper with no ``area`` left
    ("'_GrowWithContent' object has no attribute 'area'", seen in full runs)."""

    def __init__(self, area: QScrollArea) -> None:
        super().__init__(area)
        area.installEventFilter(self)
        self._watch()

    @property
    def area(self) -> QScrollArea:
        """The scroll area this fits (its Qt parent)."""
        area = self.parent()
        assert isinstance(area, QScrollArea)
        return area

    def _watch(self) -> QWidget | None:
        """The area's content, watched for layout changes (once each); None if none."""
        content = self.area.widget()
        if content is not None and not content.property(_WATCHED):
            content.installEventFilter(self)
            content.setProperty(_WATCHED, True)
        return content

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        area = self.parent()
        if not isinstance(area, QScrollArea):
            return False
        # A hidden one (another tab's page) keeps its minimum: the stack or tab widget
        # it is in is as large as the page it shows (`journal.ui.common.stacks`).
        if (watched is area and kind in _REFIT_AREA) or (
            watched is area.widget() and kind == QEvent.Type.LayoutRequest
        ):
            self.fit()
        return False

    def fit(self) -> None:
        """Make the area's minimum height its content's height (pixels) at its width,
        and its minimum width its content's least width."""
        area = self.area
        content = self._watch()
        if content is None or not area.isVisible():
            return
        width = max(1, area.width() - 2 * area.frameWidth())
        least = content.minimumSizeHint().expandedTo(content.minimumSize())
        height = content.sizeHint().height()
        if content.hasHeightForWidth():
            height = content.heightForWidth(max(width, least.width()))
        height = max(height, least.height())
        if least.width() > width:  # it scrolls sideways: count the scroll bar's height
            height += area.horizontalScrollBar().sizeHint().height()
        height += 2 * area.frameWidth()
        if area.minimumHeight() != height:
            area.setMinimumHeight(height)
        # As wide as its content's minimum too, so the page around it (and the window,
        # `UpAndDown`) is never narrower: nothing in it is cut at the right ("Together
        # lets the t" at 500x360, break test 10 of session 7, finding 8) or scrolls
        # sideways on its own (the Body log's form at the window's least width, issue
        # 10, break test of session 25, F8).
        wide = least.width() + 2 * area.frameWidth()
        if area.minimumWidth() != wide:
            area.setMinimumWidth(wide)


_Area = TypeVar("_Area", bound=QScrollArea)
_WATCHED = "solaceGrowWatchedBy"
_REFIT_AREA = (QEvent.Type.Show, QEvent.Type.Resize, QEvent.Type.FontChange)


def grow_with_content(area: _Area) -> _Area:
    """Make ``area`` (a panel of controls or text inside a page that scrolls) as tall
    as its content at its width, never scrolling up and down by itself: the page
    around it is the one scroll (Solace's rule, break test 10 of session 7, 12i: the
    page, the warning banner and a tab's page each scrolled, and the Body log's form
    got a 110 px slot at 1024x600 and 200 % text), and as wide as its content's
    minimum (the page scrolls sideways instead, if at all). In a stack or tab widget,
    its room counts only while its page is shown (`journal.ui.common.stacks`). Lists
    and text fields keep their own scrolling; this is for pages of controls."""
    area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setProperty(GROWS_WITH_CONTENT, True)
    _GrowWithContent(area)
    return area


#: The property `grow_with_content` sets on the scroll areas it fits (for tests).
GROWS_WITH_CONTENT = "solaceGrowsWithContent"


class BusyLine(QProgressBar):
    """A busy progress bar (range 0..0: "busy" to assistive technology) that Solace draws
    itself: a short segment that steps along the line every `STEP_MS` while shown.

    Qt's style animates a busy bar at every animation tick, 60 times a second, each
    frame a repaint whose events pass through every app-wide event filter: while the
    key was derived at an unlock (Argon2id, about 0.5 s on a quiet machine, 4 s on a
    busy one) that took the window 0.3 s of CPU, from the two cores Argon2id uses
    (issue 12). The style never paints this bar, so it starts no animation.
    """

    STEP_MS = 120
    """Milliseconds between steps: 8 a second, which reads as movement, not flicker."""
    STEPS = 24
    """Steps for the segment to cross the line once."""

    def __init__(self, doing: str = "") -> None:
        super().__init__()
        self.step = 0
        #: What the work is, said politely each time the line appears (see `showEvent`).
        self.doing = doing
        self._timer = QTimer(self)
        self._timer.setInterval(self.STEP_MS)
        self._timer.timeout.connect(self._advance)

    def _advance(self) -> None:
        if self.maximum() > self.minimum():  # a count shown (`WorkFooter.set_progress`)
            return
        self.step = (self.step + 1) % self.STEPS
        self.update()

    def showEvent(self, event: QShowEvent) -> None:
        """The line appears: it steps along, and what the work is (`doing`), when set, is
        said politely once the focus has settled (the controls held while it runs may
        move it): creating a journal or exporting one was silent for seconds until it
        ended, which reads as "nothing happened" and invites a second Enter (break test
        15 of session 11, finding 10). One rule for every slow piece of work, since
        each shows this line while it runs. A line that hides before the words go out
        says nothing (see `announce`). It is scrolled into view, and kept there while
        it shows (`seen_while_shown`)."""
        super().showEvent(event)
        self._timer.start()
        if not event.spontaneous():
            seen_while_shown(self)  # scrolled into view, and kept there while it shows
        if self.doing and not event.spontaneous():
            announce(self, self.doing, Politeness.POLITE, after_focus=True)

    def now_doing(self, doing: str) -> None:
        """The work goes on as other work (checking a passphrase, then exporting): the
        line says ``doing`` from now on, and says it politely at once when it is showing
        already and the words changed (else `showEvent` says it as the line appears)."""
        changed = doing != self.doing
        self.doing = doing
        if changed and doing and self.isVisible():
            announce(self, doing, Politeness.POLITE, after_focus=True)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._timer.stop()

    def paintEvent(self, event: QPaintEvent) -> None:
        """The groove in the window's mid colour; busy, the segment (a quarter of the
        line) in its highlight colour, entering at the left and leaving at the right;
        with a range, the part done filled from the left."""
        painter = QPainter(self)
        palette = self.palette()
        area = self.rect()
        painter.fillRect(area, palette.color(QPalette.ColorRole.Mid))
        span = self.maximum() - self.minimum()
        if span > 0:
            left = 0
            width = area.width() * max(0, self.value() - self.minimum()) // span
        else:
            width = max(1, area.width() // 4)
            left = (area.width() + width) * self.step // self.STEPS - width
        painter.fillRect(left, 0, width, area.height(), palette.color(QPalette.ColorRole.Highlight))
        painter.end()


def busy_bar(doing: str = "") -> BusyLine:
    """A thin "working" line (`BusyLine`), hidden until slow work runs; ``doing`` (what
    the work is: "Creating your journal… this takes a few seconds.") is said politely
    as it appears, nothing when empty (work the person did not ask for)."""
    bar = BusyLine(doing)
    bar.setRange(0, 0)
    bar.setTextVisible(False)
    bar.setMaximumHeight(6)
    bar.setAccessibleName("Working")
    bar.hide()
    return bar


def secret_field(name: str, *, shown: bool = False, max_length: int = 4096) -> QLineEdit:
    """The one kind of field for a secret (a passphrase; with ``shown``, a recovery key
    read from paper): named ``name`` for assistive technology, which hears "password
    text" and never a character of what is typed (see ``accessibility.keep_secret``).
    Hidden as dots unless ``shown``; at most ``max_length`` characters; a line break
    pasted in is removed (`SecretLine`)."""
    field = keep_secret(QLineEdit())
    field.setValidator(SecretLine(field))
    if not shown:
        field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    limit_length(field, max_length)
    return field


#: How long typing pauses before the strength estimate runs (ms). Keys typed in a
#: burst come well under this apart, so a burst never waits for zxcvbn, which takes
#: from a few ms to a few hundred ms on a long passphrase (break test 14, finding 5).
STRENGTH_PAUSE_MS = 300


CHOOSE_A_PASSPHRASE = "Choose a passphrase. A few unrelated words are easy to remember."  # noqa: S105 (words)
NOT_THE_SAME = "The two passphrases are not the same yet."
#: What to do about it, said with `NOT_THE_SAME` when the passphrase is refused.
MAKE_THEM_THE_SAME = "Please type the same passphrase in both fields."
#: What to do when the second field is still empty.
TYPE_IT_AGAIN = "Please type the passphrase again in the second field."

#: Everything the feedback under a new passphrase can say: room is kept for the
#: longest, so nothing below it moves as it changes.
FEEDBACK_TEXTS = (
    *every_note(),
    CHOOSE_A_PASSPHRASE,
    f"{NOT_THE_SAME} {MAKE_THEM_THE_SAME}",
    TYPE_IT_AGAIN,
)


class NewPassphraseFields(QWidget):
    """Passphrase typed twice, with strength feedback that explains.

    The estimate (zxcvbn) runs when typing pauses for ``STRENGTH_PAUSE_MS``, never on
    each key; a text set by the program (``setText``, ``clear``) is rated at once.
    Until the estimate for the texts now in the fields is made, the feedback is blank
    (never the verdict of an earlier text) and ``ready`` is False; ``settle`` makes it
    at once (Enter in either field does, so a person who types and presses Enter is
    answered for what they typed). ``changed`` is emitted when ``ready`` may have
    changed.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, column: LabelColumn | None = None) -> None:
        """``column``: the label column of the page's other form (a journal's name, the
        current passphrase), shared so that every field of the page starts at one x."""
        super().__init__(parent)
        self.first = secret_field("New passphrase")
        self.second = secret_field("Type the passphrase again")
        self.feedback = Message("Passphrase feedback", hide_empty=False)
        form = wrapping_form()
        for text, field in (("&Passphrase", self.first), ("&Again", self.second)):
            if column is None:
                form.addRow(text, field)
            else:
                column.add_row(form, text, field)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        self.caps_lock = CapsLockNote(self.first, self.second)
        layout.addWidget(self.caps_lock)
        layout.addWidget(self.feedback)
        self._user_inputs: tuple[str, ...] = ()
        self._assessed: tuple[tuple[str, tuple[str, ...]], StrengthReport] | None = None
        self._typing = False
        # The verdict last spoken ("Strong", or a problem): said again only when it
        # changes, not at each pause in typing, nor when the form is reset.
        self._said = ""
        self._quiet = False
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(STRENGTH_PAUSE_MS)
        self._pause.timeout.connect(self._update)
        for field in (self.first, self.second):
            field.textEdited.connect(self._typed)  # before textChanged, for key presses
            field.textChanged.connect(self._text_changed)
            field.returnPressed.connect(self.settle)  # before Enter reaches the page
        self._update()

    def set_user_inputs(self, words: Iterable[str]) -> None:
        """Words anyone could try first (the journal's name); they weaken the estimate.
        Given while a name is typed, so rated at the next pause."""
        self._user_inputs = tuple(words)
        self._hold()

    @property
    def pending(self) -> bool:
        """Whether the texts in the fields are waiting for their estimate."""
        return self._pause.isActive()

    def settle(self) -> None:
        """Make the estimate now if one is waiting (show it, emit ``changed``)."""
        if self.pending:
            self._update()

    def _typed(self, _text: str) -> None:
        self._typing = True

    def _text_changed(self, _text: str) -> None:
        typed, self._typing = self._typing, False
        if typed:
            self._hold()
        else:
            self._update()

    def _hold(self) -> None:
        """The texts changed as the person types: forget the verdict shown (it was for
        another text) and rate the new one when typing pauses."""
        if not self.first.text():
            self._update()  # nothing to estimate: said at once
            return
        self._pause.start()
        self._fit_feedback()  # the room of the longest note, from the first key on
        if self.feedback.text():
            QLabel.setText(self.feedback, "")  # blank, not announced; its room is kept
        self.changed.emit()

    def _report(self) -> StrengthReport:
        """The estimate of the first field's text now (made once per text and inputs)."""
        key = (self.first.text(), self._user_inputs)
        if self._assessed is None or self._assessed[0] != key:
            self._assessed = (key, assess(*key))
        return self._assessed[1]

    def _update(self) -> None:
        self._pause.stop()
        problem = self.problem()
        if problem or not self.first.text():
            text, verdict = problem, problem
        else:
            report = self._report()
            text, verdict = report.note, report.label
        quietly = self._quiet or verdict == self._said
        self.feedback.show_message(text, "status", quietly=quietly)  # no longer a refusal
        if not quietly or self._quiet:
            self._said = verdict
        self._fit_feedback()
        self.changed.emit()

    def _fit_feedback(self) -> None:
        """While a passphrase is typed, keep room for the longest feedback there can be
        (`FEEDBACK_TEXTS`) at the feedback's width and font, whatever it says now: the
        fields and buttons below it moved up and down as the note changed, blanked and
        came back while the person typed (issue 10). While nothing is typed it takes
        the room of what it says ("Choose a passphrase…") and no more: the room of the
        longest note was a blank band of two lines and more under it in Change
        passphrase (issue 10). It grows as the first key is typed, with the focus in
        the first field, above it, so nothing in use moves
        (`field_notes.moves_nothing_in_use`)."""
        reserve_room(self.feedback, FEEDBACK_TEXTS if self.first.text() else ())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_feedback()

    def problem(self) -> str:
        """Why the passphrase cannot be used yet, or an empty string."""
        first, second = self.first.text(), self.second.text()
        if not first:
            return CHOOSE_A_PASSPHRASE
        report = self._report()
        if not report.acceptable:  # with its verdict, as every note (break 14/6, finding 8)
            return report.note
        if second and first != second:
            return NOT_THE_SAME
        return ""

    def refuse(self) -> bool:
        """Refuse the passphrase if it cannot be used yet (asked by Enter or OK): say why
        next to the fields, in the feedback line, as an error heard each time it is
        asked (each Enter is an attempt: break test 15 of session 12, finding 3), and
        put the focus in the field to change. Returns whether it was refused; the page
        or dialog then says nothing more: the reason was said twice, once in grey under
        the fields and once in red under the button (break test 10 of session 12,
        finding 4)."""
        self.settle()
        if self.ready():
            return False
        problem = self.problem()
        text = self.to_do()
        self.feedback.refuse(text)
        self._said = text
        self._fit_feedback()
        again = problem in ("", NOT_THE_SAME) and bool(self.first.text())
        (self.second if again else self.first).setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def to_do(self) -> str:
        """What is still to do before the passphrase can be used, in whole sentences
        that end with what to do: `problem` (with, for two passphrases not the same,
        `MAKE_THEM_THE_SAME`), or `TYPE_IT_AGAIN` while the second field is empty;
        "" when nothing is."""
        problem = self.problem()
        if problem == NOT_THE_SAME:
            return f"{NOT_THE_SAME} {MAKE_THEM_THE_SAME}"
        if problem:
            return problem
        return "" if self.ready() else TYPE_IT_AGAIN

    def refused(self) -> bool:
        """Whether the passphrase in the first field, as rated (not waiting for a pause
        in typing), cannot be used however it is typed again: too short, or among the
        first guesses (`StrengthReport.acceptable`, the one rule of every field)."""
        if self.pending or not self.first.text():
            return False
        return not self._report().acceptable

    def ready(self) -> bool:
        """Whether the passphrase can be used: rated for the texts now in the fields
        (not waiting for a pause in typing), acceptable, and typed the same twice."""
        if self.pending:
            return False
        return not self.problem() and self.first.text() == self.second.text()

    def passphrase(self) -> str:
        return self.first.text()

    def clear(self) -> None:
        """Empty both fields; the feedback shown for empty fields is not announced (a
        form reset, often as another page appears, is not news)."""
        self._quiet = True
        try:
            self.first.clear()
            self.second.clear()
        finally:
            self._quiet = False
