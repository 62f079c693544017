"""A name another journal on this computer has is refused beside the Name field, on
the Create page and in Rescue (break test 16 of session 12b, finding 6). The real lock
screen, real files."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from tests.conftest import PASSPHRASE
from tests.ui.lock.test_enter import _typed_new_journal, _window


def test_create_refuses_a_name_in_use_beside_the_name_field(qtbot, data_dir) -> None:  # type: ignore[no-untyped-def]
    store = JournalStore(data_dir)
    first, _ = store.create("Our journal", PASSPHRASE, LIGHT_KDF)
    first.confirm_recovery_key()
    first.lock()
    win = _window(qtbot, data_dir)
    win.lock_screen.show_start()
    create = _typed_new_journal(qtbot, win, " our JOURNAL")
    qtbot.keyClick(create.passphrase.second, Qt.Key.Key_Return)

    assert create.name_error.isVisible()
    assert create.name_error.text().startswith("There is already a journal called “our JOURNAL”")
    assert [j.name for j in store.journals()] == ["Our journal"]  # nothing made
    qtbot.keyClicks(create.name, "Our second journal")  # the selected name replaced
    assert not create.name_error.text()  # gone; the card grew at its top (16-s20, L8)
    win.lock()


def test_rescue_offers_a_free_name_and_refuses_a_name_in_use(qtbot, store, data_dir) -> None:  # type: ignore[no-untyped-def]
    from journal.ui.safekeeping.rescue_dialog import RescueDialog

    for name in ("Sarah", "Sarah (rescued)"):
        made, _ = store.create(name, PASSPHRASE, LIGHT_KDF)
        made.lock()
    dialog = RescueDialog(store, data_dir / "journals" / "damaged", "Sarah")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.new_name.text() == "Sarah (rescued) (2)"
    dialog.new_name.selectAll()
    qtbot.keyClicks(dialog.new_name, "sarah")
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClicks(dialog.new_passphrase.first, "rescued words need a new long passphrase")
    qtbot.keyClicks(dialog.new_passphrase.second, "rescued words need a new long passphrase")
    qtbot.mouseClick(dialog.footer.primary, Qt.MouseButton.LeftButton)
    assert dialog.name_error.isVisible()
    assert "There is already a journal called “sarah”" in dialog.name_error.text()
    assert not dialog.working  # nothing started
