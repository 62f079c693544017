"""A warning sign told anew by the pad change just noted is heard again, and shows
again though it was marked seen (break test 44, F2)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from journal.domain.body.log import PadChange, PadKind, Soaking
from tests.ui.body import support
from tests.ui.body.support import now

body_area = support.body_area
THICK = PadKind.THICK


def test_a_pad_noted_for_an_earlier_time_that_makes_the_run_two_hours_is_said_again(  # type: ignore[no-untyped-def]
    qtbot, body_area, a11y_events
) -> None:
    """Break test 44, F2: soaked pads at 0:50, 1:40 and 2:30 (the early watch, 1 hour
    and 40 minutes), then one noted for 0:00, made the run 2 hours and 30 minutes long:
    the card changed its words without a sound, and once marked seen it stayed away.
    The change that made the run two hours long is the one its early watch was keyed
    to, so the key stays; the card is alerted again and shows though it was seen."""
    start = now().replace(second=0, microsecond=0) - timedelta(hours=4)

    def change(minutes: int) -> None:
        at = start + timedelta(minutes=minutes)
        body_area.save_pad_change(PadChange(f"pad-{minutes}", at, THICK, Soaking.FULLY))

    for minutes in (50, 100, 150):
        change(minutes)
    (card,) = body_area.banner.cards
    assert card.advice.text().startswith("You noted 2 thick pads in a row")
    qtbot.mouseClick(card.seen_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not body_area.banner.cards)
    a11y_events.clear()
    change(0)  # forgotten, noted afterwards
    (card,) = body_area.banner.cards
    told = "You noted 3 thick pads in a row, each soaked through, within 2 hours and 30 minutes"
    assert card.advice.text().startswith(told)
    heard = a11y_events.announcements(assertive=True)
    assert any(
        words.startswith("Warning sign: Heavy bleeding") and told in words for words in heard
    )


def test_the_line_beside_a_save_says_a_warning_sign_is_at_the_top(qtbot, body_area) -> None:  # type: ignore[no-untyped-def]
    """Break test 44, F11, and re-test 44, N3: a card raised by a log or a pad change
    came up at the top of the page, its title out of sight from the form (at larger
    text, or with other cards above) or from the pads. The line beside what was saved
    says so; a save that raises nothing says nothing of it."""
    form = body_area.form
    start = now().replace(second=0, microsecond=0) - timedelta(hours=3)

    def change(minutes: int) -> None:
        at = start + timedelta(minutes=minutes)
        body_area.save_pad_change(PadChange(f"pad-{minutes}", at, THICK, Soaking.FULLY))

    change(0)
    assert "warning sign" not in form.pad_status.text().lower()
    change(50)
    change(100)
    assert form.pad_status.text().endswith("A warning sign at the top of the page: Heavy bleeding.")
    form.temperature.setText("39.2")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.status.text().startswith("Saved the log"))
    assert form.status.text().endswith("A warning sign at the top of the page: Fever.")
