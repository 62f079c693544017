"""A writer's name in Hebrew or Arabic keeps Together's English lines in their order
(break test 39, finding 4): "◆ מיל and Noa, Sunday 6 December 2026, 07:18" took the
direction of its first strong letter, the Hebrew one, and the whole line read right to
left, name, day and time out of order. Real window, two real journals."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import Qt

from journal.domain.common.bidi import isolated
from journal.storage.lock.store import JournalStore
from journal.storage.together.sharing import Sharing
from journal.ui.common.long_names import unbroken
from journal.ui.together.model import ITEM_ROLE
from tests.couples import PARTNER_PASSPHRASE
from tests.ui.shell.test_fits_any_screen import settle_layouts
from tests.ui.together.support import open_together, seeded

HEBREW = "מיל and Noa"
_ISOLATES = {"\u2066", "\u2067", "\u2068"}  # LRI, RLI, FSI: closed by PDI
_PDI = "\u2069"


def line_direction(text: str) -> str:
    """The direction the Unicode bidirectional algorithm gives a line of ``text``
    (UAX #9, P2 and P3, as Qt lays it out): that of its first strong letter outside
    any isolate, "L" or "R"; "L" when there is none."""
    depth = 0
    for char in text:
        if char in _ISOLATES:
            depth += 1
        elif char == _PDI:
            depth = max(0, depth - 1)
        elif depth == 0 and (kind := unicodedata.bidirectional(char)) in ("L", "R", "AL"):
            return "L" if kind == "L" else "R"
    return "L"


def together_with(qtbot, window, store: JournalStore, name: str):  # type: ignore[no-untyped-def]
    """Together opened on a seeded partner journal whose writer is called ``name``."""
    folder = seeded(window, store)
    partner = store.unlock(folder, PARTNER_PASSPHRASE)
    Sharing(partner.db).set_my_name(name)
    partner.lock()
    return open_together(qtbot, window, folder)


def test_a_name_is_set_apart_only_when_it_holds_a_right_to_left_letter() -> None:
    assert isolated("Sam") == "Sam"
    assert isolated(HEBREW) == f"\u2068{HEBREW}\u2069"
    assert isolated(isolated("سارة")) == "\u2068سارة\u2069"  # once, not nested
    assert line_direction(f"◆ {HEBREW}, Sunday") == "R"  # the fault: all right to left
    assert line_direction(f"◆ {isolated(HEBREW)}, Sunday") == "L"


def test_together_s_lines_keep_their_order_with_a_hebrew_name(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, store: JournalStore
) -> None:
    page = together_with(qtbot, unlocked_window, store, HEBREW).session_page
    assert HEBREW in page.partner_name.text()
    assert line_direction(page.partner_name.text()) == "L"
    model = page.reader.model
    rows = [model.index(row, 0) for row in range(model.rowCount())]
    theirs = [index for index in rows if HEBREW in index.data(Qt.ItemDataRole.DisplayRole)]
    assert theirs, "the partner's shared entries are listed"
    for index in theirs:
        assert line_direction(index.data(Qt.ItemDataRole.DisplayRole)) == "L"
        assert line_direction(index.data(Qt.ItemDataRole.AccessibleTextRole)) == "L"
    reader = page.reader
    reader.page.show_item(theirs[0].data(ITEM_ROLE), "")
    for text in (
        reader.page.heading.text(),
        reader.page.private_button.toolTip(),
        reader.page.respond_label.text(),
        reader.page.respond_button.text(),
    ):
        assert HEBREW in text or "Sam" in text
        assert line_direction(text) == "L", text


def test_a_long_name_makes_no_button_wider_than_a_small_screen(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, store: JournalStore
) -> None:
    """Re-test 44, N9, and 44b, M1: with a 40-letter name, "Keep <name>'s response" (a button does
    not wrap) held a 1024x600 window at 1364 pixels at 200 % text. A long name is said
    above the buttons; the buttons say what they do."""
    from PySide6.QtCore import QSize

    from journal.settings import FONT_SCALE

    long_name = "Maximilianbartholomewchristopherjonathan"  # 40 letters, a name's most
    window = unlocked_window
    reader = together_with(qtbot, window, store, long_name).session_page.reader
    model = reader.model
    rows = [model.index(row, 0) for row in range(model.rowCount())]
    mine = next(i for i in rows if long_name not in i.data(Qt.ItemDataRole.DisplayRole))
    theirs = next(i for i in rows if long_name in i.data(Qt.ItemDataRole.DisplayRole))
    window.settings.set(FONT_SCALE, 200)
    window.resize(QSize(1024, 570))
    reader.page.show_item(mine.data(ITEM_ROLE), "")  # the partner answers: "Keep …"
    assert reader.page.respond_button.text() == "Keep the response"
    assert long_name in unbroken(reader.page.respond_label.text())
    reader.page.show_item(theirs.data(ITEM_ROLE), "")
    assert reader.page.private_button.text() == "Make this entry private"
    for button in (reader.page.respond_button, reader.page.private_button):
        assert button.sizeHint().width() < 1024 - 100, button.text()
    # Re-test 44b, M1: the unbroken name in the entry's heading held the window at
    # 1,047 pixels; it breaks where the line ends now.
    for item in (mine, theirs):
        reader.page.show_item(item.data(ITEM_ROLE), "")
        settle_layouts(window)
        assert window.minimumSizeHint().width() <= 1024
        assert window.page_scroll.horizontalScrollBar().maximum() == 0
