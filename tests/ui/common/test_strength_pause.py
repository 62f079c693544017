"""The passphrase-strength estimate waits for a pause in typing (break test 14, finding 5).

zxcvbn takes from a few ms to a few hundred on a long passphrase; run on every key, it
made fast typing lag behind the keys. Typed with real key events: a burst of keys runs
no estimate at all; the pause runs one, for the text then in the field; the feedback
never shows the verdict of an earlier text, and the buttons act on the current one.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from journal.domain.lock import passphrase
from journal.ui.common import widgets
from journal.ui.common.widgets import NewPassphraseFields

STRONG = "velvet orchard quietly hums"
WEAK = "password1"


@pytest.fixture
def estimates(monkeypatch) -> Iterator[list[str]]:  # type: ignore[no-untyped-def]
    """The texts zxcvbn was run on, in order (the real estimate still runs)."""
    rated: list[str] = []

    def counted(text: str, user_inputs=()):  # type: ignore[no-untyped-def]
        rated.append(text)
        return passphrase.assess(text, user_inputs)

    monkeypatch.setattr(widgets, "assess", counted)
    yield rated


def test_a_burst_of_keys_waits_for_no_estimate_and_the_pause_rates_what_was_typed(
    qtbot, estimates
):  # type: ignore[no-untyped-def]
    fields = NewPassphraseFields()
    qtbot.addWidget(fields)
    fields.show()
    qtbot.keyClicks(fields.first, STRONG)
    assert estimates == []  # not once per key: typing never waited for zxcvbn
    assert fields.feedback.text() == ""  # nothing said yet, and nothing out of date
    assert not fields.ready()
    qtbot.waitUntil(lambda: fields.feedback.text().startswith("Strong"))
    assert estimates == [STRONG]


def test_the_feedback_never_shows_the_verdict_of_an_earlier_text(qtbot):  # type: ignore[no-untyped-def]
    fields = NewPassphraseFields()
    qtbot.addWidget(fields)
    fields.show()
    qtbot.keyClicks(fields.first, STRONG)
    qtbot.keyClicks(fields.second, STRONG)
    qtbot.waitUntil(fields.ready)
    assert fields.feedback.text().startswith("Strong")
    fields.first.selectAll()
    qtbot.keyClicks(fields.first, WEAK)  # replaces the strong one
    assert "Strong" not in fields.feedback.text()
    assert not fields.ready()
    qtbot.waitUntil(lambda: bool(fields.feedback.text()))
    assert "Strong" not in fields.feedback.text()
    assert not fields.ready()


def test_enter_straight_after_typing_a_weak_passphrase_creates_nothing_and_says_why(
    qtbot, window, store
):  # type: ignore[no-untyped-def]
    screen = window.lock_screen
    qtbot.mouseClick(screen.welcome_page.create_button, Qt.MouseButton.LeftButton)
    create = screen.create_page
    qtbot.keyClicks(create.name, "Ours")
    qtbot.keyClicks(create.passphrase.first, STRONG)
    qtbot.keyClicks(create.passphrase.second, STRONG)
    qtbot.waitUntil(create.ready)  # rated "Strong" at the pause
    for field in (create.passphrase.first, create.passphrase.second):
        field.selectAll()
        qtbot.keyClicks(field, WEAK)
    assert not create.ready()  # the "Strong" was for the other text
    qtbot.keyClick(create.passphrase.second, Qt.Key.Key_Return)  # no pause first
    assert screen.currentWidget() is create
    assert "Ours" not in [info.name for info in store.journals()]
    assert "Strong" not in create.passphrase.feedback.text()
    assert create.passphrase.feedback.text()  # the advice for what was typed, at once


def test_the_change_passphrase_dialog_rates_what_was_typed_when_ok_is_pressed(
    qtbot, unlocked_window
):  # type: ignore[no-untyped-def]
    from journal.ui.lock.security_dialogs import ChangePassphraseDialog

    journal = unlocked_window.journal
    dialog = ChangePassphraseDialog(journal, unlocked_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.new.first, WEAK)
    qtbot.keyClicks(dialog.new.second, WEAK)
    dialog.start()  # OK pressed before any pause
    # Said once, next to the new passphrase (break test 10 of session 12, finding 4).
    assert not dialog.error.isVisible()
    assert dialog.new.feedback.text() == dialog.new.problem()
    assert dialog.new.feedback.kind == "error"
    assert "twice" not in dialog.new.feedback.text()


@pytest.mark.parametrize(
    ("typed", "verdict"),
    [
        ("forever in my heart", "Very easy to guess. "),  # no verdict word before
        ("myangelbaby2026", "Easy to guess. "),  # was "Good. "
        ("short", "Too short. "),
    ],
)
def test_the_note_under_the_fields_always_starts_with_a_verdict(qtbot, typed, verdict):  # type: ignore[no-untyped-def]
    """Break test 14 of session 6, finding 8, as the person sees it (journal "Our
    journal"): a passphrase that cannot be used showed only the advice."""
    fields = NewPassphraseFields()
    fields.set_user_inputs(["Our journal"])
    qtbot.addWidget(fields)
    fields.show()
    qtbot.keyClicks(fields.first, typed)
    qtbot.waitUntil(lambda: fields.feedback.text() != "")
    assert fields.feedback.text().startswith(verdict), fields.feedback.text()
    assert "journal's name" not in fields.feedback.text()
    assert not fields.ready()
