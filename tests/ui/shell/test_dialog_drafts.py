"""Nothing typed into an open dialog is dropped at lock: it is kept sealed with the
journal's key and the dialog opens again, with the words in place, at the next unlock;
a dialog that cannot open again is named, and passphrases are never kept."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from journal.settings import EMERGENCY_NUMBER, THEME
from journal.storage.lock.drafts import DRAFTS_NAME
from journal.ui.common.accessibility import Message
from journal.ui.shell.main_window import TYPING_KEPT
from journal.ui.shell.settings_dialog import ANOTHER_NUMBER
from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS
from tests.ui.shell.test_lock_forgets import everything_the_app_holds
from tests.ui.shell.test_settings_follow import _choose, _open_settings, _save

TYPED = {
    "Recovery details": "Brackenholt clinic",
    "Appointment": "Ask about Quenwillow",
    "Write with a prompt": "Marigoldie morning",
    "Remembrance dates": "Thistlebloom",
    "Summary for the doctor": "Lanternwick pains",
}


def open_dialogs() -> dict[str, QDialog]:
    return {
        w.windowTitle(): w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QDialog) and w.isVisible()
    }


def lock_and_unlock(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Lock ``window`` as Ctrl+L does, then unlock it through its lock screen."""
    window.lock()
    page = window.lock_screen.unlock_page
    page.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        page.unlock_button.click()


def test_words_typed_in_open_dialogs_come_back_after_the_lock(qtbot, unlocked_window):
    from journal.ui.lock.security_dialogs import ChangePassphraseDialog

    window = unlocked_window
    areas = {a.area_id: a for a in window.areas}
    entries, body = areas["journal"], areas["body"]
    window.show_area(body)
    qtbot.mouseClick(body.timeline.details_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(body.timeline.appointment_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(body.doctor_button, Qt.MouseButton.LeftButton)
    window.show_area(entries)
    qtbot.mouseClick(entries.prompt_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(entries.remembrance_button, Qt.MouseButton.LeftButton)
    dialogs = open_dialogs()
    qtbot.keyClicks(dialogs["Recovery details"].treatment_note, TYPED["Recovery details"])
    qtbot.keyClicks(dialogs["Appointment"].questions, TYPED["Appointment"])
    qtbot.keyClicks(dialogs["Write with a prompt"].own, TYPED["Write with a prompt"])
    qtbot.keyClicks(dialogs["Remembrance dates"].name, TYPED["Remembrance dates"])
    qtbot.keyClicks(dialogs["Summary for the doctor"].extra, TYPED["Summary for the doctor"])
    change = ChangePassphraseDialog(window.journal, window)
    change.show()
    qtbot.keyClicks(change.current, PASSPHRASE)
    folder = window.journal.folder

    window.lock()  # Ctrl+L, idle, screen lock and sleep all come here
    # Kept, not saved: said so on the lock screen (re-test 40, 7).
    assert window.lock_notice.endswith(TYPING_KEPT)
    held = everything_the_app_holds()
    assert [t for t in TYPED.values() if t in held] == []  # forgotten by the process...
    sealed = (folder / DRAFTS_NAME).read_bytes()
    assert [t for t in TYPED.values() if t.encode() in sealed] == []  # ...kept encrypted

    page = window.lock_screen.unlock_page
    page.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        page.unlock_button.click()
    qtbot.waitUntil(lambda: set(TYPED) <= set(open_dialogs()), timeout=5_000)
    back = open_dialogs()
    assert back["Recovery details"].treatment_note.text() == TYPED["Recovery details"]
    assert back["Appointment"].questions.toPlainText() == TYPED["Appointment"]
    assert back["Write with a prompt"].own.text() == TYPED["Write with a prompt"]
    assert back["Remembrance dates"].name.text() == TYPED["Remembrance dates"]
    assert back["Summary for the doctor"].extra.toPlainText() == TYPED["Summary for the doctor"]
    for title in TYPED:
        notes = [m.text() for m in back[title].findChildren(Message) if m.isVisible()]
        assert any("What you had typed is back" in n for n in notes), title
    said = " ".join(window.notices.texts())  # a note kept until read, not the status bar
    assert "“Change passphrase” was open" in said
    assert "Passphrases typed there were not kept" in said
    assert "Change passphrase" not in back  # a passphrase is never kept
    assert not (folder / DRAFTS_NAME).exists()
    for dialog in back.values():
        dialog.reject()


def test_a_response_and_an_answer_typed_in_together_come_back_unshared(
    qtbot, unlocked_window, store
):
    from tests.ui.together.support import open_together, seeded, together, unlock_owner

    window = unlocked_window
    folder = seeded(window, store)
    area = together(window)
    window.show_area(area)
    qtbot.mouseClick(area.start.prompts_button, Qt.MouseButton.LeftButton)
    area.answers.prompt.setCurrentIndex(2)
    prompt_id = area.answers.prompt.currentData()
    qtbot.keyClicks(area.answers.text, "Fernquill evenings")
    window.lock()
    unlock_owner(qtbot, window)
    area = together(window)
    qtbot.waitUntil(lambda: "back there" in " ".join(window.notices.texts()))
    assert "Together" in " ".join(window.notices.texts())
    assert area.pages.currentWidget() is area.answers
    assert area.answers.prompt.currentData() == prompt_id
    assert area.answers.text.toPlainText() == "Fernquill evenings"  # not kept until chosen
    assert "Your words are back" in area.answers.kept_note.text()
    area.answers.back_button.click()

    area = open_together(qtbot, window, folder)
    page = area.session_page.reader.page
    qtbot.keyClick(page, Qt.Key.Key_End)
    entry = page.item.entry_id
    qtbot.keyClicks(page.respond_box, "Unsent Quillfern")
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.is_locked
    unlock_owner(qtbot, window)
    area = together(window)
    assert "It was not shared" in area.start.kept_note.text()
    # The answer still typed at this lock is given back too, on its page: back to the
    # start page, where the partner's passphrase is typed (Enter there presses "Open
    # Together" only while it shows).
    assert area.pages.currentWidget() is area.answers
    area.answers.back_button.click()
    area = open_together(qtbot, window, folder)
    page = area.session_page.reader.page
    assert page.item.entry_id == entry and page.respond_box.toPlainText() == "Unsent Quillfern"
    assert [r.text for r in page.item.responses] == []  # never shared on the person's behalf
    assert "Your words are back" in page.kept_note.text()


def test_a_response_typed_under_the_first_entry_shown_comes_back_in_its_box(
    qtbot, unlocked_window, store
):
    """Break test 15 of session 18, re-test R6: a response typed under the entry a
    session opens on, then Ctrl+L and unlock: two notes said "Your words are back", and
    the box was empty (going back to the entry already shown put nothing back)."""
    from tests.ui.together.support import open_together, seeded, unlock_owner

    window = unlocked_window
    folder = seeded(window, store)
    area = open_together(qtbot, window, folder)
    page = area.session_page.reader.page
    entry = page.item.entry_id
    qtbot.keyClicks(page.respond_box, "We will get through")
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.is_locked
    unlock_owner(qtbot, window)
    area = open_together(qtbot, window, folder)
    page = area.session_page.reader.page
    assert page.item.entry_id == entry
    assert page.respond_box.toPlainText() == "We will get through"
    assert "Your words are back" in page.kept_note.text()


def test_a_summary_whose_words_a_saved_pdf_holds_is_said_saved_not_given_back(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, tmp_path
):
    """Re-test 40, 2: after Save PDF with words in "Anything to add", a lock gave the
    dialog back saying "nothing in it has been saved yet", and Escape then asked to
    discard words the PDF holds."""
    window = unlocked_window
    body = window.area("body")
    window.show_area(body)
    qtbot.mouseClick(body.doctor_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Summary for the doctor" in open_dialogs(), timeout=5_000)
    summary = open_dialogs()["Summary for the doctor"]
    summary.choose_path = lambda _name, _filter: tmp_path / "for-dr-rivera.pdf"
    qtbot.keyClicks(summary.extra, TYPED["Summary for the doctor"])
    qtbot.keyClicks(summary.passphrase, PASSPHRASE)
    summary.pdf_button.click()
    qtbot.waitUntil(lambda: "Saved for-dr-rivera.pdf" in summary.status.text(), timeout=10_000)

    window.lock()
    page = window.lock_screen.unlock_page
    page.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        page.unlock_button.click()
    qtbot.waitUntil(lambda: bool(window.notices.texts()), timeout=5_000)
    said = " ".join(window.notices.texts())
    assert "Your summary was saved as “for-dr-rivera.pdf”." in said
    assert "Summary for the doctor" not in open_dialogs()


def test_a_question_open_at_the_lock_is_not_named_as_a_window_closed(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window
):
    """Re-test 40, 7: "Solace locked while “Discard your changes?” was open; it was
    closed and nothing in it was saved" read as words lost; it was a yes or no, and the
    dialog it asked about comes back with its words, over the Body log it was opened
    from."""
    window = unlocked_window
    body = window.area("body")
    window.show_area(body)
    qtbot.mouseClick(body.timeline.appointment_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Appointment" in open_dialogs(), timeout=5_000)
    appointment = open_dialogs()["Appointment"]
    qtbot.keyClicks(appointment.questions, TYPED["Appointment"])
    qtbot.keyClick(appointment.place, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: "Discard your changes?" in open_dialogs(), timeout=5_000)

    lock_and_unlock(qtbot, window)
    qtbot.waitUntil(lambda: "Appointment" in open_dialogs(), timeout=5_000)
    assert open_dialogs()["Appointment"].questions.toPlainText() == TYPED["Appointment"]
    assert window.current_area() is window.area("body")  # the areas are rebuilt
    assert not any("Discard your changes" in text for text in window.notices.texts())


def test_a_dialog_given_back_has_the_focus_where_the_caret_was(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    """Re-test 47, N8: the appointment came back with the focus on its date, the year
    selected; " and fever" typed straight after the unlock went nowhere, and "9"
    replaced the year."""
    window = unlocked_window
    body = window.area("body")
    window.show_area(body)
    qtbot.mouseClick(body.timeline.appointment_button, Qt.MouseButton.LeftButton)
    appointment = open_dialogs()["Appointment"]
    appointment.questions.setFocus()
    qtbot.keyClicks(appointment.questions, TYPED["Appointment"])
    lock_and_unlock(qtbot, window)
    qtbot.waitUntil(lambda: "Appointment" in open_dialogs(), timeout=5_000)
    back = open_dialogs()["Appointment"]
    back.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is back.questions)
    qtbot.keyClicks(QApplication.focusWidget(), " and fever 9")
    assert back.questions.toPlainText() == TYPED["Appointment"] + " and fever 9"
    back.reject()


def test_settings_open_at_the_lock_comes_back_with_what_was_chosen(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    """Break test 50, F10: the lock screen said what was typed would be back, and
    Settings was closed instead, its number named nowhere. It opens again with the
    choices made and the number typed in place, saved only by its own Save."""
    window = unlocked_window
    dialog = _open_settings(qtbot, window)
    _choose(qtbot, dialog.theme, "dark")
    _choose(qtbot, dialog.emergency, ANOTHER_NUMBER)
    qtbot.keyClicks(dialog.own_number, "13 11 14")
    stored = (window.settings.get(THEME), window.settings.get(EMERGENCY_NUMBER))

    lock_and_unlock(qtbot, window)
    qtbot.waitUntil(lambda: "Settings" in open_dialogs(), timeout=5_000)
    back = open_dialogs()["Settings"]
    assert back.theme.currentData() == "dark"
    assert back.emergency.currentData() == ANOTHER_NUMBER
    assert back.own_number.isVisible() and back.own_number.text() == "13 11 14"
    notes = [m.text() for m in back.findChildren(Message) if m.isVisible()]
    assert any("What you had typed is back" in note for note in notes), notes
    assert not any("Settings" in text for text in window.notices.texts())
    assert (window.settings.get(THEME), window.settings.get(EMERGENCY_NUMBER)) == stored
    back.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is back.emergency)  # as it was
    _save(qtbot, back)
    assert window.settings.get(EMERGENCY_NUMBER) == "13 11 14"
