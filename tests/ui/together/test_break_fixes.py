"""What a break test of Together found, each driven through the real widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLineEdit

from journal.domain.together.items import Side
from journal.settings import FONT_SCALE
from journal.ui.common.confirm import Question
from journal.ui.common.focus_ring import FOCUS_COLOUR, FOCUS_ON_HIGHLIGHT
from journal.ui.common.theme import palette_for
from journal.ui.shell.actions import ActionId
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
    qtbot, unlocked_window, store, tmp_path
):
    folder = seeded(unlocked_window, store)
    area = together(unlocked_window)
    qtbot.keyClick(unlocked_window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    start = area.start
    # a folder is checked as soon as it is picked, before anyone types a passphrase
    for wrong, why in (
        (tmp_path, "does not hold a Solace journal"),
        (unlocked_window.journal.folder, "already open"),
    ):
        start.set_other_folder(wrong)  # what "Choose a folder…" does with the choice
        assert why in start.partner_problem
        assert start.folder_button.accessibleDescription() == start.partner_problem
        assert start.chosen_folder() is None
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
    first = start.problem.text()
    qtbot.keyClick(start.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "try 2" in start.problem.text(), timeout=10_000)
    assert start.problem.text().startswith(first) and "try 2" in start.problem.text()


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
    assert sam_row.remove_button.text() == "Remove this response…"
    assert sam_row.remove_button.accessibleName() == "Remove Sam's response"
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


def test_together_follows_theme_and_text_size_and_tab_follows_the_screen(
    qtbot, unlocked_window, store
):
    folder = seeded(unlocked_window, store)
    window = unlocked_window
    reader = open_together(qtbot, window, folder).session_page.reader
    page = reader.page
    qtbot.keyClick(page, Qt.Key.Key_End)
    respond(qtbot, page, "Sam answers Alex.")
    qtbot.keyClick(page, Qt.Key.Key_Home)
    respond(qtbot, page, "Alex answers Sam.")
    reader.go(1)  # Sam's second entry, with no response
    respond(qtbot, page, "Alex again.")
    [row] = page.response_rows()
    # Tab goes down the screen: Make private, the response's Remove... (Sam's own entry,
    # Alex's response: not removable here) then the box and its button
    page.private_button.setFocus()
    qtbot.keyClick(page.private_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.respond_box
    qtbot.keyClick(page, Qt.Key.Key_End)
    [row] = page.response_rows()
    row.remove_button.setFocus()
    qtbot.keyClick(row.remove_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.respond_box

    def sizes() -> tuple[float, ...]:
        [row] = page.response_rows()
        return (page.body.font().pointSizeF(), row.text.font().pointSizeF())

    app_size = QApplication.font().pointSizeF()
    at_100 = sizes()
    assert min(at_100) > app_size  # the reading text is larger than the rest
    window.action_by_id[ActionId.THEME_DARK].trigger()
    window.settings.set(FONT_SCALE, 200)
    assert sizes() == tuple(2 * s for s in at_100)
    window.settings.set(FONT_SCALE, 100)
    assert sizes() == at_100
    # the partner colours follow the theme: each name readable on the dark card and page
    session = reader.parentWidget()
    while not hasattr(session, "owner_name"):
        session = session.parentWidget()
    dark = palette_for(True)
    shown = [page.heading, session.owner_name, session.partner_name]
    for widget in shown:
        colour = QColor(widget.styleSheet().split("color: ")[1].split(";")[0])
        for role in (QPalette.ColorRole.Base, QPalette.ColorRole.Window):
            assert contrast(colour, dark.color(role)) >= 4.5, widget.text()


def contrast(one: QColor, two: QColor) -> float:
    """The WCAG 2 contrast ratio of two colours (1 to 21)."""

    def luminance(colour: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(colour.redF())
            + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF())
        )

    light, dark = sorted((luminance(one), luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_focus_ring_stands_out_in_both_themes():
    for dark in (False, True):
        palette = palette_for(dark)
        ring = QColor(FOCUS_COLOUR[dark])
        for role in (QPalette.ColorRole.Button, QPalette.ColorRole.Base, QPalette.ColorRole.Window):
            assert contrast(ring, palette.color(role)) >= 3, (dark, role)
        fill = palette.color(QPalette.ColorRole.Highlight)  # the default button
        assert contrast(QColor(FOCUS_ON_HIGHLIGHT[dark]), fill) >= 3, dark


def test_the_reading_page_draws_the_focus_ring_when_it_has_the_focus(qtbot, unlocked_window, store):  # type: ignore[no-untyped-def]
    """Re-test 45, N4: Together's reading page took the focus (the arrows stepped) and
    drew no ring anywhere, so a keyboard user could not see where the focus was."""
    window = unlocked_window
    page = open_together(qtbot, window, seeded(window, store)).session_page.reader.page
    page.setFocus()
    qtbot.waitUntil(page.hasFocus)
    edge = page.grab().toImage().pixelColor(1, page.height() // 2)
    ring = QColor(FOCUS_COLOUR[False])
    assert (edge.red(), edge.green(), edge.blue()) == (ring.red(), ring.green(), ring.blue())
