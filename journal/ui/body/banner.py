"""The calm banner for warning signs: how soon to reach the doctor, why, and the article.

One card per kind of sign (a sign noted on several logs is one card that says
how often). Each card says in words which of the two urgency levels the sources
give applies (contact the doctor immediately, or make an appointment); a calm
accent beside those words repeats it, never colour alone. Where the rule uses a
threshold of Solace's own, the card says so. A card stays until the person says
they have seen it; seeing it marks every occurrence of that sign shown on the card.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QAccessible, QFont
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.domain.body.warning_signs import (
    SAFETY_NOTE,
    RaisedSign,
    SignId,
    Urgency,
    WarningRule,
    rules_by_id,
)
from journal.domain.library.links import article_url
from journal.ui.common.accessibility import alert, set_role
from journal.ui.common.flow import flow_row
from journal.ui.common.local_time import say_moment
from journal.ui.common.widgets import label

NOT_ADVICE = "This is general information, not medical advice."


def _when(shown: Sequence[RaisedSign], every: Sequence[RaisedSign]) -> str:
    """Which logs show a sign: ``every`` occurrence of it the log holds now (seen or
    not), of which ``shown`` are those not yet marked as seen (the card's). "Most
    recently" names the latest of them all, whatever order they were written or
    imported in: older logs imported after the newest was marked as seen brought the
    card back saying "most recently" of the newest unseen one, weeks before the last
    fever noted."""
    occurrences = {sign.key: sign for sign in (*every, *shown)}
    latest = max(occurrences.values(), key=lambda sign: sign.evidence_at)
    when = say_moment(latest.evidence_at, zone=latest.zone)
    if len(occurrences) == 1:
        return f"From your log of {when}."
    text = f"Noted in {len(occurrences)} of your logs, most recently {when}."
    if len(shown) < len(occurrences):
        new = len(shown)
        text += f" {new} of them {'is' if new == 1 else 'are'} new since you marked it as seen."
    return text


def advice_words(rule: WarningRule, signs: Sequence[RaisedSign]) -> str:
    """The card's advice: what the latest of ``signs`` shows was logged (its
    ``detail``, when the rule gives one), then the rule's own ``advice``."""
    latest = max(signs, key=lambda sign: sign.evidence_at, default=None)
    detail = latest.detail if latest is not None else ""
    return f"{detail} {rule.advice}" if detail else rule.advice


class SignCard(QFrame):
    """One warning sign's card: what was noticed, how urgent it is and what to do (with the
    emergency number where the guidance says so); `seen` carries its sign keys when the
    person marks it seen, `link` an article to open."""

    seen = Signal(list)  # the keys shown on this card
    link = Signal(str)

    def __init__(
        self,
        rule: WarningRule,
        signs: Sequence[RaisedSign],
        emergency: str,
        parent: QWidget | None = None,
        every: Sequence[RaisedSign] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.rule = rule
        self.keys = [sign.key for sign in signs]
        self.setAccessibleName(f"Warning sign: {rule.title}. {rule.urgency.label}.")
        set_role(self, QAccessible.Role.AlertMessage)
        advice = advice_words(rule, signs)
        self.spoken = f"Warning sign: {rule.title}. {rule.urgency.label}. {advice}"
        layout = QVBoxLayout(self)
        self.title = label(rule.title, "title")
        layout.addWidget(self.title)
        self.urgency = label(f"{rule.urgency.label}.", "urgency")
        self.urgency.setProperty("level", rule.urgency.value)
        font = self.urgency.font()
        font.setWeight(QFont.Weight.DemiBold)
        self.urgency.setFont(font)
        layout.addWidget(self.urgency)
        self.advice = label(advice)
        layout.addWidget(self.advice)
        layout.addWidget(label(f"Why: {rule.reason}", "subtle"))
        self.own_reading: QLabel | None = None
        if rule.own_reading:
            self.own_reading = label(rule.own_reading, "subtle")
            layout.addWidget(self.own_reading)
        if rule.shows_emergency_number:  # with no number known, the note names none
            said = f"{SAFETY_NOTE}, {emergency}" if emergency else SAFETY_NOTE
            self.emergency = label(f"{said}.", "notice")
            self.emergency.setAccessibleName(said)
            layout.addWidget(self.emergency)
            self.spoken += f" {said}."
        self.when = label(f"{_when(signs, every)} {NOT_ADVICE}", "subtle")
        layout.addWidget(self.when)
        self.read_more = QPushButton(f"Read more: {rule.title.lower()}")
        self.read_more.setProperty("flat", True)
        # Each named by its words first (WCAG 2.5.3, label in name: "click I have seen
        # this" works by voice), then the sign it is about; the rest is described.
        self.read_more.setAccessibleDescription(
            f"Opens the library's article about {rule.title.lower()}"
        )
        self.seen_button = QPushButton("I have seen this")
        self.seen_button.setAccessibleName(f"I have seen this: {rule.title.lower()}")
        self.seen_button.setAccessibleDescription("The card goes; the sign stays in the timeline")
        # One above the other when the two do not fit side by side (large text).
        layout.addWidget(flow_row(self.read_more, trailing=(self.seen_button,)))
        url = article_url(rule.article, rule.article_section)
        self.read_more.clicked.connect(lambda: self.link.emit(url))
        self.seen_button.clicked.connect(lambda: self.seen.emit(list(self.keys)))

    def buttons(self) -> list[QPushButton]:
        return [self.read_more, self.seen_button]


def waiting_words(rules: Sequence[WarningRule]) -> str:
    """The window's note at an unlock when warning signs of the body log (``rules``)
    have not been marked as seen, each named with how soon to reach the doctor: the
    Journal shows first, and the banner speaks only once its page is on screen (break
    test 47, F3: a fever to contact the doctor about at once waited behind the Journal,
    unsaid; re-test 47, N10: the note did not say how soon)."""
    count = "a warning sign" if len(rules) == 1 else f"{len(rules)} warning signs"
    named = "; ".join(f"{rule.title} ({rule.urgency.label.lower()})" for rule in rules)
    return (
        f"Your body log shows {count} not yet marked as seen: {named}. "
        "The Body log (Ctrl+2) says more."
    )


def _same(shown: SignCard, made: SignCard) -> bool:
    """Whether the card ``made`` says just what the card ``shown`` says (the same
    sign, signs, wording and count): then ``shown`` stays, with any focus in it."""
    return (shown.rule.id, shown.keys, shown.spoken, shown.when.text()) == (
        made.rule.id,
        made.keys,
        made.spoken,
        made.when.text(),
    )


class SignBanner(QWidget):
    """Shows the signs not yet seen; hidden when there are none.

    Each card is said (its wording and what to do), assertively, as an alert, when it
    holds a sign not heard since the journal was opened: when its sign is raised, or,
    raised while the page was hidden (before a restart, by a log never heard), when the
    page holding the banner is shown (`page_shown`): a sign still open was met
    silently when the Body log was opened again (break test 15 of session 11, finding
    15). A sign heard is said again only when a log just saved raises it again
    (``fresh``): never when the banner is shown again or rebuilt for anything else (an
    import, an Undo, coming back to the Body log), where it cut off, assertively, what
    the person had just done, 13 times in 38 minutes for one fever (break test 15 of
    session 18, finding 12)."""

    seen = Signal(list)
    link = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Warning signs")
        # As tall as its cards: the page around it is the one thing that scrolls (a
        # banner scrolling inside the scrolling page left the log form a 110 px slot
        # at 1024x600 and 200 % text, break test 10 of session 7, finding 1).
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.cards: list[SignCard] = []
        self._heard: set[str] = set()  # the sign keys said since the journal was opened
        self.said: list[SignCard] = []  # the cards the last `show_signs` alerted
        self.hide()

    def show_signs(
        self,
        signs: Sequence[RaisedSign],
        emergency: str,
        every: Sequence[RaisedSign] = (),
        fresh: Collection[str] = (),
    ) -> None:
        """Show a card per kind of sign in ``signs`` (those not yet seen), "immediately"
        signs first, then in the order of ``signs``; ``every`` sign the log shows (seen
        ones too) gives each card its count and latest log. A kind not shown before, and
        A card holding a sign not heard since the journal was opened, or a sign key in
        ``fresh`` (the log just saved shows it again), is announced as an alert (its
        wording and what to do), once, without moving the focus (`said`)."""
        old_cards, self.cards, self.said = self.cards, [], []
        rules = rules_by_id()
        grouped: dict[SignId, list[RaisedSign]] = {}
        for sign in signs:
            grouped.setdefault(sign.sign, []).append(sign)
        # Signs to contact the doctor about immediately come first, so an older
        # appointment-level card never pushes one below the scroll; within a level the
        # cards keep the order of their evidence (the sort is stable).
        order = sorted(grouped, key=lambda sign: rules[sign].urgency is not Urgency.IMMEDIATELY)
        for rule_id in order:
            group = grouped[rule_id]
            of_kind = [sign for sign in every if sign.sign == rule_id]
            card = SignCard(rules[rule_id], group, emergency, self, of_kind)
            same = next((old for old in old_cards if _same(old, card)), None)
            if same is not None:  # kept as it is, with the focus it may hold
                old_cards.remove(same)
                card.deleteLater()
                card = same
                self._layout.removeWidget(card)
            else:
                card.seen.connect(self.seen)
                card.link.connect(self.link)
            self._layout.addWidget(card)  # in the order shown (moved if kept)
            card.show()  # on screen now, to be said (the banner may stay shown)
            self.cards.append(card)
        for old in old_cards:
            old.setParent(None)
            old.deleteLater()
        self.setVisible(bool(self.cards))
        self._say(
            [
                card
                for card in self.cards
                if not set(card.keys) <= self._heard or not set(fresh).isdisjoint(card.keys)
            ]
        )

    def _say(self, cards: Sequence[SignCard]) -> None:
        """Say the wording and what to do of ``cards`` as one alert, after the focus has
        landed, the number of signs first when there are several: one alert each, both
        assertive in the same instant, the second cut the first off, and nothing said
        there were two (break test 15 of session 29, F1). A card not on screen is not
        said, nor counted as heard."""
        shown = [card for card in cards if card.isVisible()]
        self.said = shown
        if not shown:
            return
        words = " ".join(card.spoken for card in shown)
        alert(shown[0], f"{len(shown)} warning signs. {words}" if len(shown) > 1 else words)
        for card in shown:
            self._heard.update(card.keys)

    def page_shown(self) -> None:
        """The page holding the banner has been shown: say the cards holding a sign not
        heard since the journal was opened (raised while the page was hidden)."""
        self._say([card for card in self.cards if not set(card.keys) <= self._heard])

    def forget_heard(self) -> None:
        """The journal is locked: nothing of what was heard is kept."""
        self._heard.clear()

    def buttons(self) -> list[QPushButton]:
        """Every card's buttons, in the order they are shown."""
        return [button for card in self.cards for button in card.buttons()]

    def shown_signs(self) -> list[SignId]:
        return [card.rule.id for card in self.cards]

    def clear(self) -> None:
        for card in self.cards:
            card.setParent(None)
            card.deleteLater()
        self.cards = []
        self.hide()
