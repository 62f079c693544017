"""What a break test of Together found, each driven through the real widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from journal.domain.together.items import Side
from journal.ui.common.confirm import Question
from tests.conftest import PASSPHRASE
from tests.couples import OWNER_SHARED, PARTNER_SHARED
from tests.ui.together.support import open_together, seeded, together


def plain_fields_holding(root, text: str) -> list[str]:
    return [
        f.accessibleName()
        for f in root.findChildren(QLineEdit)
        if f.echoMode() == QLineEdit.EchoMode.Normal and text in f.text()
    ]


def test_typing_while_the_partners_passphrase_is_checked_never_lands_in_a_plain_field(
    qtbot, unlocked_window, store
):
    folder = seeded(unlocked_window, store)
    area = together(unlocked_window)
    qtbot.keyClick(unlocked_window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    start = area.start
    start.partner.setCurrentIndex(start.partner.findData(str(folder)))
    start.passphrase.setFocus()
    qtbot.keyClicks(start.passphrase, PASSPHRASE)  # the owner's: wrong for the partner's
    qtbot.keyClick(start.passphrase, Qt.Key.Key_Return)
    assert start.busy.isVisible()
    # the partner thinks Enter was not taken and types the passphrase again
    qtbot.keyClicks(QApplication.focusWidget(), "harbour willow")
    assert QApplication.focusWidget() is start.passphrase
    assert plain_fields_holding(unlocked_window, "harbour") == []
    qtbot.waitUntil(lambda: start.problem.isVisible(), timeout=10_000)
    assert plain_fields_holding(unlocked_window, "harbour") == []
    assert QApplication.focusWidget() is start.passphrase and start.passphrase.text() == ""
    qtbot.keyClicks(start.passphrase, "again")
    assert start.passphrase.text() == "again"  # typing works again once the check is done


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def respond(qtbot, page, text: str) -> None:
    page.respond_box.setFocus()
    qtbot.keyClicks(page.respond_box, text)
    click(qtbot, page.respond_button)


def test_only_the_writer_removes_a_response_and_is_asked_first(qtbot, unlocked_window, store):
    folder = seeded(unlocked_window, store)
    reader = open_together(qtbot, unlocked_window, folder).session_page.reader
    page = reader.page
    respond(qtbot, page, "Alex answers Sam.")  # on Sam's entry: Alex's, in Alex's journal
    [alex_row] = page.response_rows()
    assert not alex_row.remove_button.isVisibleTo(page)  # Alex removes it from Alex's Solace
    qtbot.keyClick(page, Qt.Key.Key_End)
    respond(qtbot, page, "Sam answers Alex.")
    [sam_row] = page.response_rows()
    assert sam_row.remove_button.text() == "Remove Sam's response…"
    click(qtbot, sam_row.remove_button)
    [question] = unlocked_window.findChildren(Question)
    assert "Sam's response" in question.text() and "cannot be undone" in question.informativeText()
    click(qtbot, question.keep_button)
    assert [r.text for r in page.item.responses] == ["Sam answers Alex."]
    [sam_row] = page.response_rows()
    click(qtbot, sam_row.remove_button)
    [question] = [q for q in unlocked_window.findChildren(Question) if q.isVisible()]
    click(qtbot, question.yes_button)
    assert page.item.responses == () and page.response_rows() == []


def test_a_response_being_written_is_kept_while_stepping_and_filtering(
    qtbot, unlocked_window, store
):
    folder = seeded(unlocked_window, store)
    reader = open_together(qtbot, unlocked_window, folder).session_page.reader
    page = reader.page
    page.respond_box.setFocus()
    qtbot.keyClicks(page.respond_box, "Not kept yet")
    click(qtbot, reader.next_button)
    assert page.respond_box.toPlainText() == ""
    qtbot.keyClicks(page.respond_box, "A second draft")
    click(qtbot, reader.previous_button)
    assert page.respond_box.toPlainText() == "Not kept yet"
    reader.whose.setCurrentIndex(reader.whose.findData(Side.PARTNER))  # Sam's entry leaves
    reader.whose.setCurrentIndex(0)
    reader.go(0)
    assert page.respond_box.toPlainText() == "Not kept yet"
    reader.go(1)
    assert page.respond_box.toPlainText() == "A second draft"
    # a response of only spaces is not kept, and says so as kindly as an empty one
    page.respond_box.clear()
    respond(qtbot, page, "   ")
    qtbot.keyClick(page.respond_box, Qt.Key.Key_Return)
    click(qtbot, page.respond_button)
    assert page.problem.isVisible() and "nothing to keep" in page.problem.text()
    assert page.item.responses == ()


def test_make_private_is_only_on_the_owners_entries_and_the_view_stays(
    qtbot, unlocked_window, store
):
    folder = seeded(unlocked_window, store)
    reader = open_together(qtbot, unlocked_window, folder).session_page.reader
    page = reader.page
    qtbot.keyClick(page, Qt.Key.Key_End)
    assert page.item.writer == "Alex" and not page.private_button.isVisibleTo(page)
    reader.go(1)
    assert page.item.title == OWNER_SHARED[1] and page.private_button.isVisibleTo(page)
    assert page.private_button.text() == "Make Sam's entry private"
    click(qtbot, page.private_button)
    assert reader.position.text() == "2 of 3" and page.item.title == PARTNER_SHARED[0]
    assert "private again" in page.status.text()
