"""What a screen reader needs beyond a name: announcements, roles and sensible Tab stops.

One place for the whole app, so that every status line, error and warning is
heard the same way:

- ``announce`` sends Qt's ``QAccessibleAnnouncementEvent`` (Qt 6.8 and later),
  which the AT-SPI bridge turns into an ``Object:Announcement`` signal that Orca
  speaks, politely (after what is being said) or assertively (at once). An
  assertive one (an error, an alert) goes out once the focus moves made with it
  have gone out, never in the same instant: the focused control's name would cut
  it off (issue 15, findings 1, 15 and 24). So does a polite one made
  ``after_focus``: the result of slow work, said as a dialog closes and the focus
  goes back to the window (break test 15 of session 11, finding 10). Both wait
  until the focus has landed on a control that is shown.
- ``Message`` is a label for a status or an error: the words on screen are what
  is read (its accessible name is never replaced), what it is for is its
  description, and each new text is announced.
- ``set_role`` gives a widget a role Qt widgets cannot express on their own
  (an alert), through one accessibility factory.
- ``keep_secret`` makes a one-line field that takes a secret (a passphrase, a
  recovery key) tell assistive technology its name and "password text", and never
  its text: Qt's line edit sends every typed and deleted character in its
  accessibility events (``QAccessibleTextInsertEvent``, even in password echo),
  which the AT-SPI bridge puts on the session bus for any program to read. The
  field's interface has no text interface, so the bridge drops those events
  (``AtSpiAdaptor::notify`` skips text events of an interface without one) and
  offers no ``GetText``.
- ``say_instead`` makes a field whose shown value means nothing now (a day left
  "Not noted", kept on screen greyed for its calendar) heard as those words.
- ``describes`` makes a note on what is shared, kept private or not encrypted the
  description of the control it is about, read with it.
- ``readable`` makes a label of text to be read (a shared entry, a response, a
  couple prompt) a Tab stop that says its own words, with what it is as its
  description, instead of words only flat review reaches.
- ``warn_on_open`` makes a dialog's warning (not encrypted, cannot be undone) its
  description, said politely as the dialog opens, after the focused control.
- ``one_tab_stop`` makes a date or time field a single Tab stop: Qt's date-time
  edits move between their sections on Tab (five silent stops for
  "yyyy-MM-dd HH:mm", and none at all out of a field showing its special text).
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable
from functools import cache
from typing import Literal

import shiboken6
from PySide6.QtCore import (
    QEvent,
    QLoggingCategory,
    QObject,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QAccessibleEvent,
    QAccessibleInterface,
    QKeyEvent,
)
from PySide6.QtWidgets import (
    QAccessibleWidget,
    QApplication,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QScrollArea,
    QToolButton,
    QWidget,
)

from journal.ui.common.borrowed import next_in_focus_chain
from journal.ui.common.fit import text_height
from journal.ui.common.line_width import one_line_width
from journal.ui.common.long_names import unbroken

__all__ = [
    "FOCUS_LANDING_MS",
    "Message",
    "Politeness",
    "alert",
    "announce",
    "announce_on_focus",
    "announcements_waiting",
    "describe_by",
    "describes",
    "first_tab_stop",
    "focus_told_later",
    "is_secret",
    "is_tab_stop",
    "keep_secret",
    "named_clear_button",
    "one_tab_stop",
    "readable",
    "said_instead",
    "say_instead",
    "say_on_open",
    "scroll_only",
    "set_role",
    "warn_on_open",
]

_ROLE_PROPERTY = "solaceAccessibleRole"
_SAID_INSTEAD_PROPERTY = "solaceSaidInstead"
_HIDES_TEXT_PROPERTY = "solaceHidesTextFromReaders"


class Politeness(enum.Enum):
    """How urgently a screen reader should speak: POLITE waits for what it is saying
    (status: "Saved"), ASSERTIVE interrupts (an error, a warning sign)."""

    POLITE = QAccessible.AnnouncementPoliteness.Polite
    ASSERTIVE = QAccessible.AnnouncementPoliteness.Assertive


def announce(
    source: QWidget,
    text: str,
    politeness: Politeness = Politeness.POLITE,
    *,
    after_focus: bool = False,
) -> None:
    """Ask assistive technology to speak ``text`` on behalf of ``source`` (the widget
    showing it). Nothing is sent for blank text or a widget not on screen.

    POLITE is sent now, unless ``after_focus``. ASSERTIVE, and POLITE ``after_focus``
    (what slow work came to, said as a dialog closes: break test 15 of session 11,
    finding 10), wait for the focus (see `_AfterFocus`): a screen reader speaks the
    control that gets the focus at once, and an error sent in the same instant as a
    focus move (the refused field, the passphrase to type again) was cut off by it
    (issue 15, findings 1, 15 and 24). It goes out once the event loop runs again with
    no focus move pending and the focus on a shown control (at most
    `FOCUS_LANDING_MS` later); the newest one from ``source`` replaces one still
    waiting. A POLITE one made while one waits waits behind it, so they are heard in
    the order they were made (a warning sign, then "Saved")."""
    if not text.strip() or not source.isVisible():
        return
    text = unbroken(text)  # a long name's breaks (`long_names.breakable`) are not said
    waiting = _after_focus()
    if politeness is Politeness.ASSERTIVE or after_focus or waiting.waiting() or waiting.held:
        waiting.add(source, text, politeness)
        return
    _send(source, text, politeness)


def focus_told_later() -> None:
    """Say that a focus will be told at the next turn of the event loop (a focused
    list's current row: `journal.ui.common.current_cell`): polite announcements made
    until then wait for it (`announce`). Sent at once, "The time to undo has passed"
    went out between a list's focus and its row's, which cut it off (break test 15 of
    session 25, F18)."""
    _after_focus().hold_for_a_turn()


def _send(source: QWidget, text: str, politeness: Politeness) -> None:
    event = QAccessibleAnnouncementEvent(source, text)
    event.setPoliteness(politeness.value)
    QAccessible.updateAccessibility(event)


def alert(source: QWidget, text: str) -> None:
    """Raise an alert from ``source`` (give it the alert role with ``set_role``): an
    Alert event, then ``text`` announced assertively, both after any focus move made
    with it (see `announce`). Focus is left where it is."""
    if not source.isVisible():
        return
    _after_focus().add(source, text, Politeness.ASSERTIVE, alert=True)


#: The longest an announcement waits for the focus to land (ms): a dialog that closed
#: hands the focus back to its window only once the window manager has activated that
#: window again; meanwhile no control, or a hidden one, has the focus.
FOCUS_LANDING_MS = 1000


class _AfterFocus(QObject):
    """Assertive announcements (and alerts, and polite ones made behind them or made
    ``after_focus``) waiting until the focus has moved and landed.

    Each waits for a zero-length single shot, which starts again at every focus
    change while any waits: so they go out after the focus events of the moves made
    with them (in the same handler, or posted before they fire), in the order they
    were made. While the focus is on no shown control they wait for it to land, at
    most `FOCUS_LANDING_MS`. One whose widget is gone or hidden by then is dropped
    (what it said is no longer on screen). ``sent`` is emitted once none waits."""

    sent = Signal()

    def __init__(self, app: QObject) -> None:
        super().__init__(app)
        self._waiting: list[tuple[QWidget, str, Politeness, bool]] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._send_all)
        self._landing = QTimer(self)  # the longest wait for the focus to land
        self._landing.setSingleShot(True)
        self._landing.setInterval(FOCUS_LANDING_MS)
        self._landing.timeout.connect(self._send_now)
        self._lost_at: float | None = None  # when the focus left a control for none
        self._held = False  # a focus is told at the next turn (`focus_told_later`)
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)

    def add(
        self, source: QWidget, text: str, politeness: Politeness, *, alert: bool = False
    ) -> None:
        self._waiting = [w for w in self._waiting if w[0] is not source]
        self._waiting.append((source, text, politeness, alert))
        self._timer.start()

    def waiting(self) -> bool:
        return bool(self._waiting)

    @property
    def held(self) -> bool:
        """Whether a focus is still to be told this turn (`focus_told_later`)."""
        return self._held

    def hold_for_a_turn(self) -> None:
        self._held = True
        QTimer.singleShot(0, self, self._release)

    def _release(self) -> None:
        self._held = False

    def _focus_landed(self) -> bool:
        """Whether the focus has landed: not on a hidden control (that of a dialog just
        closed), nor on none since it left one less than `FOCUS_LANDING_MS` ago (the
        window manager activates the next window a moment later). An application
        without the focus for longer (another one is in front) waits for none."""
        focused = QApplication.focusWidget()
        if focused is None:
            lost = self._lost_at
            return lost is None or time.monotonic() - lost > FOCUS_LANDING_MS / 1000
        return focused.isVisible()

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        self._lost_at = time.monotonic() if new is None else None
        if self._waiting:
            self._timer.start()  # after this move's focus event, which Qt sends next

    def _send_all(self) -> None:
        if self._waiting and not self._focus_landed():
            if not self._landing.isActive():
                self._landing.start()
            return
        self._send_now()

    def _send_now(self) -> None:
        self._landing.stop()
        self._timer.stop()
        waiting, self._waiting = self._waiting, []
        for source, text, politeness, is_alert in waiting:
            if not shiboken6.isValid(source) or not source.isVisible():
                continue
            if is_alert:
                QAccessible.updateAccessibility(QAccessibleEvent(source, QAccessible.Event.Alert))
            _send(source, text, politeness)
        self.sent.emit()


_AFTER_FOCUS_NAME = "solace-assertive-after-focus"


def _after_focus() -> _AfterFocus:
    app = QApplication.instance()
    found = app.findChild(_AfterFocus, _AFTER_FOCUS_NAME) if app is not None else None
    if isinstance(found, _AfterFocus):
        return found
    made = _AfterFocus(app)  # type: ignore[arg-type]
    made.setObjectName(_AFTER_FOCUS_NAME)
    return made


def after_announcements(context: QObject, work: Callable[[], None]) -> None:
    """Run ``work`` (long, on the GUI thread: building the areas while a key is
    derived) once the announcements waiting now have gone out (see `announce`, at
    most `FOCUS_LANDING_MS` later), or at the next turn of the event loop when none
    waits; never once ``context`` (the object ``work`` belongs to) is deleted. Run
    before them, it held back "Creating your journal…" until the journal was made,
    and a busy line hidden by then says nothing: the words were never heard (CI of
    session 12)."""
    waiting = _after_focus()
    if not waiting.waiting():
        QTimer.singleShot(0, context, work)
        return

    def run() -> None:
        waiting.sent.disconnect(run)
        if shiboken6.isValid(context):
            work()

    waiting.sent.connect(run)


class _WhenFocused(QObject):
    """One announcement waiting for ``field`` to get the focus (see `announce_on_focus`)."""

    def __init__(self, field: QWidget, text: str, politeness: Politeness) -> None:
        super().__init__(field)
        self._field, self._text, self._politeness = field, text, politeness
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        if not shiboken6.isValid(self) or new is not self._field:
            return
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.disconnect(self._focus_moved)
        _after_focus().add(self._field, self._text, self._politeness)
        self.deleteLater()


def announce_on_focus(
    field: QWidget, text: str, politeness: Politeness = Politeness.POLITE
) -> None:
    """Say ``text`` once ``field`` has the focus, right after its focus event (a focus
    speech cut it off otherwise), when the window holding it is not shown yet: a lock
    screen built in the fresh process after a lock (`hard_lock`), whose passphrase
    field takes the focus a moment later (break test 15 of session 11, finding 13:
    nothing said the journal was locked). Said at once (see `announce`) when ``field``
    already has the focus."""
    if field.hasFocus() and field.isVisible():
        _after_focus().add(field, text, politeness)
        return
    _WhenFocused(field, text, politeness)


def announcements_waiting() -> bool:
    """Whether an assertive announcement or alert is still waiting for the focus to
    settle (see `announce`); it goes out when the event loop next runs."""
    app = QApplication.instance()
    found = app.findChild(_AfterFocus, _AFTER_FOCUS_NAME) if app is not None else None
    return isinstance(found, _AfterFocus) and found.waiting()


class Message(QLabel):
    """A line that tells the person what happened: a status or an error.

    ``kind`` "status" is announced politely, "error" assertively. The colour follows
    the kind of the line shown now, whatever the kind it was made for: an error in the
    error colour, a status (progress, success) in ``style``: unless given, the plain
    text colour on a line made for errors, "subtle" on any other.
    ``purpose`` (e.g. "Save status") becomes the accessible description; the name
    stays the shown text. Setting new text announces it (a status only
    unless ``quiet_status``: for one that changes as the person types); an empty
    text hides the line when ``hide_empty`` (the default).

    Its words always wrap and are shown whole, at any width and text size: never
    cut to a few lines and ended with "…" (the refusal of a "Written on" in the
    future, elided at 200 % text: issue 10, break test of session 18, finding 1).
    ``whole_line`` (for a line in a wrapping row, `journal.ui.common.flow`): its size
    hint is its text on one line, so the row gives it a line of its own when it has
    one.
    """

    def __init__(
        self,
        purpose: str,
        kind: Literal["status", "error"] = "status",
        *,
        text: str = "",
        style: str = "",
        hide_empty: bool = True,
        quiet_status: bool = False,
        whole_line: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._whole_line = whole_line
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAccessibleDescription(purpose)
        self._purpose, self._made_for = purpose, kind
        self._hide_empty = hide_empty
        self._quiet_status = quiet_status
        # The look of a status: a line made for errors shows a status (the idle lock's
        # reassurance on the lock screen, "Exported to …") in the plain text colour,
        # never the error colour (break test 14 of session 7, finding 7).
        self._style = style or ("" if kind == "error" else "subtle")
        self._kind: str = kind
        self._apply_kind(kind)
        QLabel.setText(self, text)
        if hide_empty and not text:
            self.hide()

    @property
    def kind(self) -> str:
        return self._kind

    def _apply_kind(self, kind: str) -> None:
        if kind != self._kind:
            # Its purpose is said with the kind it was made for only: "Journal locked.
            # Everything you wrote was saved." on the lock screen's line for errors was
            # described "What went wrong" (break test 15 of session 29, F14).
            self.setAccessibleDescription(self._purpose if kind == self._made_for else "")
        self._kind = kind
        style = "error" if kind == "error" else self._style
        if self.property("role") != style:
            self.setProperty("role", style)
            self.style().unpolish(self)
            self.style().polish(self)

    def setText(self, text: str) -> None:
        """Show ``text`` (plain) and announce it if it is new."""
        self.show_message(text, self._kind)

    def show_message(
        self, text: str, kind: str | None = None, *, repeat: bool = False, quietly: bool = False
    ) -> None:
        """Show ``text`` as a status or an error ("status", "error"; default: as before).
        It is announced when it changed, or always with ``repeat`` (the answer to
        something the person just asked for, even when it is the same as before);
        never with ``quietly`` (a status that changed by itself, read on demand)."""
        changed = repeat or text != self.text() or (kind is not None and kind != self._kind)
        changed = changed and not quietly
        if kind is not None:
            self._apply_kind(kind)
        QLabel.setText(self, text)
        if self._hide_empty:
            self.setVisible(bool(text))
        if changed and text and not (self._quiet_status and self._kind != "error"):
            politeness = Politeness.ASSERTIVE if self._kind == "error" else Politeness.POLITE
            # After the focus has landed: a status is often what slow work came to,
            # shown as its dialog closes (break test 15 of session 11, finding 10).
            announce(self, text, politeness, after_focus=True)

    def refuse(self, text: str, *, quietly: bool = False) -> None:
        """Show ``text`` as an error that answers what the person just did (a value
        refused, a button pressed with something missing): announced assertively each
        time, also when the same words show already, as each try is a new one (a
        second Save PDF with the same bad days was silent: issue 15). The one way a
        refusal line is said; ``quietly`` when it was said already."""
        self.show_message(text, "error", repeat=bool(text) and not quietly, quietly=quietly)

    def keep_room(self) -> None:
        """Stay shown while empty, so that the room kept for it (`fit.reserve_room`)
        stays too: words that appear then move nothing below them."""
        self._hide_empty = False
        self.show()

    def clear(self) -> None:
        QLabel.setText(self, "")
        if self._hide_empty:
            self.hide()

    def sizeHint(self) -> QSize:
        if self._whole_line and self.text():
            # Its words on one line, measured as Qt lays them out (a width a pixel
            # short wrapped "Saved at" to two lines): a wrapping row gives it a line
            # of its own when it has one, and it wraps only where the row is narrower.
            margins = self.contentsMargins()
            width = one_line_width(self.text(), self.font())
            width += margins.left() + margins.right() + 2 * self.margin()
            return QSize(width, text_height(self, width))
        hint = super().sizeHint()
        fitted = self.minimumHeight()
        if self.wordWrap() and self.width() > 0 and fitted > 0:
            # Its height at the width it has (at least the room it keeps, and the
            # height `fit.fit_label` fitted), never QLabel's measure at a width of
            # its own guess (a third of a line's), which a dialog sized to its hint
            # took, then shrank or grew by when the words changed (issue 10).
            words = text_height(self, self.width()) if self.text() else 0
            return QSize(hint.width(), max(fitted, words))
        return hint


#: How long a dialog shown but not made active waits before saying its words anyway.
SAY_UNLESS_ACTIVATED_MS = 1000


class _SayOnShow(QObject):
    """Says a dialog's warning each time the dialog opens (see `warn_on_open`): once it
    is the active window, after the focus event that activation sends, so the warning
    is queued behind "<title> dialog, <focused control>", not cut off by it."""

    def __init__(self, dialog: QWidget, warning: QLabel, then: tuple[QLabel, ...] = ()) -> None:
        super().__init__(dialog)  # owned by the dialog, deleted with it
        self._warning = warning
        self._then = then
        self._pending = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.parent():
            return False
        kind = event.type()
        if kind == QEvent.Type.Show:
            self._pending = True
            QTimer.singleShot(0, self, self._say_if_active)
            # A dialog never made active (no window manager, focus kept elsewhere)
            # still says it, a moment later.
            QTimer.singleShot(SAY_UNLESS_ACTIVATED_MS, self, self._say)
        elif kind == QEvent.Type.WindowActivate and self._pending:
            QTimer.singleShot(0, self, self._say_if_active)
        elif kind == QEvent.Type.Hide:
            self._pending = False
        return False

    def _say_if_active(self) -> None:
        dialog = self.parent()
        if isinstance(dialog, QWidget) and dialog.isActiveWindow():
            self._say()

    def _say(self) -> None:
        warning = self._warning
        if self._pending and shiboken6.isValid(warning):
            self._pending = False
            shown = [w.text() for w in (warning, *self._then) if shiboken6.isValid(w)]
            announce(warning, " ".join(t for t in shown if t), Politeness.POLITE)


def warn_on_open(dialog: QWidget, warning: QLabel, *then: QLabel) -> QLabel:
    """One rule for every dialog with a warning (the export is not encrypted, a removal
    cannot be undone): the warning's words are the dialog's accessible description and
    are announced politely each time it opens, so they are heard before anything is
    typed or chosen. Keep ``warning`` (a label in ``dialog``) showing its final words;
    returns it. The labels ``then`` are said after it, in the same announcement (one
    announcement after another cuts the first off)."""
    describe_by(dialog, warning, *then)
    warning.setAccessibleDescription("Warning")
    return say_on_open(dialog, warning, *then)


def describe_by(dialog: QWidget, *labels: QLabel) -> None:
    """Make what ``labels`` show, in order, ``dialog``'s accessible description (again
    whenever their words change: `warn_on_open` sets it once)."""
    dialog.setAccessibleDescription(" ".join(unbroken(w.text()) for w in labels if w.text()))


def say_on_open(dialog: QWidget, words: QLabel, *then: QLabel) -> QLabel:
    """Say what ``words`` (a label in ``dialog``) shows, then what the labels ``then``
    show, politely, each time ``dialog`` opens, after its focus event: what the dialog
    offers (a prompt to write with), set while it was hidden, when nothing could be
    announced. Returns ``words``."""
    dialog.installEventFilter(_SayOnShow(dialog, words, then))
    return words


# -- roles -------------------------------------------------------------------------------------
_handed_over: list[QAccessibleWidget] = []


def _release() -> None:
    """Qt's accessibility cache owns each interface we made (it deletes it with its
    widget); the Python wrapper lets go, so Python never deletes it a second time
    (at garbage collection, perhaps on another thread)."""
    while _handed_over:
        shiboken6.invalidate(_handed_over.pop())


class _SecretField(QAccessibleWidget):
    """What assistive technology is told of a field holding a secret: its name, its
    role ("password text": editable text in password mode) and its states, and
    nothing of its text (no text interface, no value)."""

    def __init__(self, field: QWidget) -> None:
        super().__init__(field, QAccessible.Role.EditableText)

    def state(self) -> QAccessible.State:
        state = super().state()
        state.passwordEdit = True
        state.editable = True
        return state


class _SaidInstead(QAccessibleWidget):
    """What assistive technology is told of a field whose shown value means nothing
    now (a day left "Not noted" that the field still shows, greyed): its role and
    states, its name followed by ``words``, ``words`` as its value, and no text
    interface (so no date to read)."""

    def __init__(self, field: QWidget, words: str) -> None:
        super().__init__(field, QAccessible.Role.SpinBox)
        self._words = words

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Value:
            return self._words
        if kind == QAccessible.Text.Name:
            name = super().text(kind)
            return f"{name}, {self._words}" if name else self._words
        return super().text(kind)


# Python halves of the interfaces made here (secret fields, words said instead): Qt's
# cache owns each one (it deletes it with its field) and calls back into Python for
# ``state`` and ``text``, so the wrapper is kept until Qt has deleted the interface,
# and only then let go (never earlier: letting go first would delete it under Qt's cache).
_python_interfaces: list[QAccessibleWidget] = []


def _factory(_class_name: str, obj: QObject) -> QAccessibleInterface | None:
    if not isinstance(obj, QWidget):
        return None
    if obj.property(_HIDES_TEXT_PROPERTY):
        _python_interfaces[:] = [i for i in _python_interfaces if shiboken6.isValid(i)]
        secret = _SecretField(obj)
        _python_interfaces.append(secret)
        return secret
    words = obj.property(_SAID_INSTEAD_PROPERTY)
    if words:
        _python_interfaces[:] = [i for i in _python_interfaces if shiboken6.isValid(i)]
        instead = _SaidInstead(obj, str(words))
        _python_interfaces.append(instead)
        return instead
    role = obj.property(_ROLE_PROPERTY)
    if role is not None:
        interface = QAccessibleWidget(obj, QAccessible.Role(role))
        if not _handed_over:
            QTimer.singleShot(0, _release)
        _handed_over.append(interface)  # alive until Qt holds it
        return interface
    return None


_factory_installed = False


#: The AT-SPI bridge logs each text event it drops (two lines per key typed into a
#: secret field: "Received text event for invalid interface", "Sending TextCaretMoved
#: from object that does not implement text interface"), and a desktop session keeps
#: an app's stderr in its log: the length of each passphrase would be written there.
#: QT_LOGGING_RULES, read after these, can turn them back on.
_QUIET_BRIDGE = "qt.accessibility.atspi.debug=false\nqt.accessibility.atspi.warning=false"


def _install_factory() -> None:
    global _factory_installed
    if not _factory_installed:
        QAccessible.installFactory(_factory)
        QLoggingCategory.setFilterRules(_QUIET_BRIDGE)
        _factory_installed = True


def keep_secret(field: QLineEdit) -> QLineEdit:
    """Let ``field`` (a passphrase or recovery-key field) tell assistive technology its
    accessible name and the role "password text", and never its text: no typed or
    deleted character in any accessibility event, no value, no text interface (so no
    AT-SPI ``GetText``). Typing, copy and paste (where the echo mode allows them) and
    undo work as before. Returns ``field``."""
    _install_factory()
    field.setProperty(_HIDES_TEXT_PROPERTY, True)
    if QAccessible.isActive():  # an interface Qt made already (naming makes one) goes
        made = QAccessible.queryAccessibleInterface(field)
        if made is not None and made.textInterface() is not None:
            QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(made))
    return field


def say_instead(field: QWidget, words: str | None) -> None:
    """Make assistive technology hear ``words`` (e.g. "Not noted") as ``field``'s value,
    and its name followed by them, instead of what it shows; ``None`` gives it back
    its own. For a date field that keeps a real day on screen while none is noted: a
    screen reader read that day as a real date (issue 15, finding 30)."""
    _install_factory()
    if (field.property(_SAID_INSTEAD_PROPERTY) or None) == words:
        return
    field.setProperty(_SAID_INSTEAD_PROPERTY, words or "")
    if QAccessible.isActive():  # the interface made for the old words goes
        made = QAccessible.queryAccessibleInterface(field)
        if made is not None:
            QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(made))
        QAccessible.updateAccessibility(QAccessibleEvent(field, QAccessible.Event.NameChanged))


def said_instead(field: QWidget) -> str | None:
    """The words assistive technology hears as ``field``'s value instead of what it
    shows (`say_instead`, e.g. "Not noted"), or None when it hears its own."""
    return str(field.property(_SAID_INSTEAD_PROPERTY) or "") or None


def is_secret(widget: QObject) -> bool:
    """Whether ``widget`` holds a secret: a field made with ``keep_secret`` or any line
    edit whose echo mode hides what is typed."""
    if isinstance(widget, QLineEdit) and widget.echoMode() != QLineEdit.EchoMode.Normal:
        return True
    return bool(widget.property(_HIDES_TEXT_PROPERTY))


def set_role(widget: QWidget, role: QAccessible.Role) -> None:
    """Expose ``widget`` to assistive technology with ``role`` (e.g. AlertMessage).
    An interface Qt already made for it (setting a name makes one) is dropped, so the
    next one asked for has the role."""
    _install_factory()
    widget.setProperty(_ROLE_PROPERTY, role.value)
    if QAccessible.isActive():
        made = QAccessible.queryAccessibleInterface(widget)
        if made is not None and made.role() != role:
            QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(made))


# -- Tab stops -----------------------------------------------------------------------------------
def scroll_only(area: QScrollArea) -> QScrollArea:
    """A scroll area full of controls is not a Tab stop of its own (an unnamed, silent
    stop): the controls inside are, and focusing one scrolls it into view."""
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area


def describes(note: QLabel, *controls: QWidget, before: str = "") -> QLabel:
    """Make the words of ``note`` (a label that says what is shared, kept private or not
    encrypted) the accessible description of each of ``controls``, after ``before``
    when given: a screen reader reads them with the control as the person reaches it,
    where a plain label beside it was never heard (issue 15, findings 7 and 10). Call
    again after changing the note's words. Returns ``note``."""
    words = " ".join(f"{before} {note.text()}".split())
    for control in controls:
        control.setAccessibleDescription(words)
    return note


_DESCRIBED_BEFORE = "solaceDescribedBefore"


def describe_until_edited(field: QLineEdit, words: str) -> None:
    """Make ``words`` (a refusal of what is typed in ``field``) its accessible
    description until its text changes, then give back the one it had: going back to
    the field, a screen reader hears why it was refused, as at the lock screen's
    passphrase (break test 15 of session 29, F13)."""
    if field.property(_DESCRIBED_BEFORE) is None:
        field.setProperty(_DESCRIBED_BEFORE, field.accessibleDescription())

        def edited(_text: str) -> None:
            field.setAccessibleDescription(str(field.property(_DESCRIBED_BEFORE)))
            field.setProperty(_DESCRIBED_BEFORE, None)

        field.textChanged.connect(edited, Qt.ConnectionType.SingleShotConnection)
    field.setAccessibleDescription(words)


def readable(text: QLabel, about: str = "") -> QLabel:
    """Make ``text`` (a label showing words to be read) keyboard-reachable, read-only
    text: a Tab stop whose name is its own words (as shown), with ``about`` (whose it
    is, when) as its description; its words can be selected and copied with the
    keyboard or the mouse, never changed. Returns ``text``."""
    text.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    text.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    text.setProperty("readable", True)  # the theme draws the focus ring around it
    text.setAccessibleDescription(about)
    return text


def named_clear_button(field: QLineEdit, name: str = "Clear the search") -> QLineEdit:
    """Turn on ``field``'s clear button and give it ``name``: Qt's own button (shown
    once something is typed) is otherwise an unnamed push button on the bus. Returns
    ``field``."""
    field.setClearButtonEnabled(True)
    for button in field.findChildren(QToolButton):
        button.setAccessibleName(name)
    return field


def is_tab_stop(widget: QWidget) -> bool:
    """Whether Tab stops at ``widget``: visible, enabled, taking the focus by Tab and
    taking it itself (no focus proxy)."""
    return bool(
        widget.isVisible()
        and widget.isEnabled()
        and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and widget.focusProxy() is None
    )


def first_tab_stop(root: QWidget) -> QWidget | None:
    """The first visible, enabled control under ``root`` in Tab order, or None."""
    widget = next_in_focus_chain(root)
    while widget is not None and widget is not root and root.isAncestorOf(widget):
        if is_tab_stop(widget):
            return widget
        widget = next_in_focus_chain(widget)
    return None


class _LeaveOnTab(QObject):
    """Tab and Shift+Tab leave a date-time field instead of walking its sections."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            return False
        key = event.key()
        if key not in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) or not isinstance(watched, QWidget):
            return False
        shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        forward = key == Qt.Key.Key_Tab and not shift
        parent = watched.parentWidget()
        if parent is None:
            return False
        # The parent moves the focus along the window's chain, as for any other field.
        again = QKeyEvent(
            QEvent.Type.KeyPress,
            Qt.Key.Key_Tab if forward else Qt.Key.Key_Backtab,
            Qt.KeyboardModifier.NoModifier if forward else Qt.KeyboardModifier.ShiftModifier,
        )
        QApplication.sendEvent(parent, again)
        return True


@cache
def _leave_on_tab() -> _LeaveOnTab:
    """The one `_LeaveOnTab`, made at its first use, on the GUI thread (a QObject made
    at import would belong to the thread that imports the areas' modules: see
    `journal.ui.common.dates._refused_caret`)."""
    return _LeaveOnTab()


def one_tab_stop(edit: QDateTimeEdit) -> QDateTimeEdit:
    """Make ``edit`` one Tab stop (its sections are still reached with the arrow keys
    and changed with Up and Down). Returns ``edit``."""
    edit.installEventFilter(_leave_on_tab())
    return edit
