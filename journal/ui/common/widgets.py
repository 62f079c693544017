"""Small widgets shared by several screens."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QProgressBar,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from journal.domain.lock.passphrase import StrengthReport, assess
from journal.ui.common.accessibility import Message, keep_secret

# Roles drawn larger than body text: how much larger. They scale with the app's font.
_HEADING_SCALE = {"heading": 1.45, "title": 1.15}


_BYTE_ORDER_MARKS = ("\ufeff", "\ufffe")


def wrapping_form(parent: QWidget | None = None) -> QFormLayout:
    """A form whose rows wrap when the window is too narrow for them (a small screen,
    a large text size): a field goes under its label instead of the form growing
    wider than the window, which cut fields off at the right or made the page scroll
    sideways. Its narrowest is its widest label or field, not the two side by side.
    Every form in Solace is made here."""
    form = QFormLayout(parent)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    return form


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


def _scale_font(widget: QWidget) -> None:
    size = QApplication.font().pointSizeF() * float(widget.property(_SCALE))
    if abs(widget.font().pointSizeF() - size) > 0.01:
        font = QFont(widget.font())
        font.setPointSizeF(size)
        widget.setFont(font)


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


def rich_label(html: str, role: str = "") -> QLabel:
    widget = QLabel(html)
    widget.setWordWrap(True)
    widget.setTextFormat(Qt.TextFormat.RichText)
    if role:
        widget.setProperty("role", role)
    return widget


def scrolling(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless scroll area that lets it grow to fill the space and
    scrolls (both ways) only when the space is smaller than the widget's minimum."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not a Tab stop: the controls inside are
    area.setWidget(widget)
    return area


class CurrentPageStack(QStackedWidget):
    """A stacked widget as large as the page it shows, not as its largest page, so a
    tall page elsewhere never makes the shown one scroll."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()


def busy_bar() -> QProgressBar:
    """A thin, quiet "working" line, hidden until slow work runs."""
    bar = QProgressBar()
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
    Hidden as dots unless ``shown``; at most ``max_length`` characters."""
    field = keep_secret(QLineEdit())
    if not shown:
        field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    field.setMaxLength(max_length)
    return field


class NewPassphraseFields(QWidget):
    """Passphrase typed twice, with strength feedback that explains."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first = secret_field("New passphrase")
        self.second = secret_field("Type the passphrase again")
        self.feedback = Message("Passphrase feedback", hide_empty=False)
        form = wrapping_form()
        form.addRow("&Passphrase", self.first)
        form.addRow("&Again", self.second)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.feedback)
        self._user_inputs: tuple[str, ...] = ()
        self.first.textChanged.connect(self._update)
        self.second.textChanged.connect(self._update)
        self._update()

    def set_user_inputs(self, words: Iterable[str]) -> None:
        """Words anyone could try first (the journal's name); they weaken the estimate."""
        self._user_inputs = tuple(words)
        self._update()

    def _report(self) -> StrengthReport:
        return assess(self.first.text(), self._user_inputs)

    def _update(self) -> None:
        report = self._report()
        problem = self.problem()
        if problem or not self.first.text():
            self.feedback.setText(problem)
        else:
            self.feedback.setText(f"{report.label}. {report.advice}")
        self._fit_feedback()
        self.changed.emit()

    def _fit_feedback(self) -> None:
        """Keep room for every wrapped line of the feedback: a layout squeezed by the
        window's height would otherwise cut the advice off mid-sentence."""
        width = self.feedback.width() or self.width()
        self.feedback.setMinimumHeight(max(0, self.feedback.heightForWidth(width)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_feedback()

    def problem(self) -> str:
        """Why the passphrase cannot be used yet, or an empty string."""
        first, second = self.first.text(), self.second.text()
        report = self._report()
        if not first:
            return "Choose a passphrase. A few unrelated words are easy to remember."
        if not report.acceptable:
            return report.advice
        if second and first != second:
            return "The two passphrases are not the same yet."
        return ""

    def ready(self) -> bool:
        return not self.problem() and self.first.text() == self.second.text()

    def passphrase(self) -> str:
        return self.first.text()

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()
