"""A key file replaced at unlock by the copy kept with the backups is told, once the
journal opens (break test 16 of session 18, finding 8: a damaged vault.json was put
aside and replaced without a word, though a damaged file can be the first sign of a
failing disk, or of a tool changing the journal's folder)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.domain.safekeeping.rotation import Reason
from journal.ui.shell.notices import Notice
from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS
from tests.storage.lock.test_one_part_damaged import damage


def test_a_damaged_key_file_put_back_from_its_kept_copy_is_told(qtbot, store, window):  # type: ignore[no-untyped-def]
    (info,) = store.journals()
    journal = store.unlock(info.folder, PASSPHRASE)
    journal.backup(Reason.DAILY)  # keeps a copy of the key file with it
    journal.lock()
    # As the lock screen shows: an impossible Argon2 memory, the checksum left failing.
    damage(info.folder, ["passphrase"], {"memory_kib": 4294967295}, checksum=False)

    page = window.lock_screen.unlock_page
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)

    (said,) = window.notices.texts()
    assert "key file (vault.json) was damaged" in said
    (kept,) = info.folder.glob("vault.json.damaged-*")
    assert f"kept beside it as {kept.name}" in said
    window.lock()  # before it was read: said again, once the key file is whole too
    assert unlock(qtbot, window) == said
    read_the_note(qtbot, window)
    window.lock()
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    assert window.notices.texts() == []  # read: not said again


def read_the_note(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Close the note shown, with its button: read, it is not said again."""
    (note,) = window.notices.findChildren(Notice)
    qtbot.mouseClick(note.close_button, Qt.MouseButton.LeftButton)


def unlock(qtbot, window) -> str:  # type: ignore[no-untyped-def]
    """Type the passphrase on the lock screen, press Enter, wait for the journal to open,
    and return the one note shown over it."""
    page = window.lock_screen.unlock_page
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    (said,) = window.notices.texts()
    return said


def test_a_second_damaged_key_file_keeps_the_first_one_too(qtbot, store, window):  # type: ignore[no-untyped-def]
    """Break test 16 of session 18, re-test R4: a second damaged key file found at unlock
    replaced the first vault.json.damaged, the note saying "nothing else was changed";
    a repeat is the failing disk or sync tool the note warns of, where the first matters."""
    (info,) = store.journals()
    journal = store.unlock(info.folder, PASSPHRASE)
    journal.backup(Reason.DAILY)  # keeps a copy of the key file with it
    journal.lock()
    damage(info.folder, ["passphrase"], {"memory_kib": 4294967295}, checksum=False)
    first = (info.folder / "vault.json").read_bytes()
    unlock(qtbot, window)
    read_the_note(qtbot, window)
    window.lock()
    (info.folder / "vault.json").write_bytes(first[:500])  # cut short: no longer JSON
    said = unlock(qtbot, window)

    kept = sorted(info.folder.glob("vault.json.damaged*"))
    assert [p.read_bytes() for p in kept] == [first, first[:500]]
    assert f"the damaged file is kept beside it as {kept[1].name}" in said
    assert f"the one found damaged before is kept there too, as {kept[0].name}" in said


def test_another_journals_key_file_is_told_as_such_not_as_damaged(qtbot, store, window):  # type: ignore[no-untyped-def]
    """Break test 16 of session 18, re-test R5: another journal's valid key file in this
    journal's folder (a sync tool mixing two folders) was called "damaged" once it
    opened. It is said as the lock screen says it, by the other journal's name, with
    what Solace did; the other journal is not touched."""
    from journal.storage.lock.keys import LIGHT_KDF

    (info,) = store.journals()
    journal = store.unlock(info.folder, PASSPHRASE)
    journal.backup(Reason.DAILY)
    journal.lock()
    other, _ = store.create("Rowan", "the other passphrase", LIGHT_KDF)
    other.lock()
    rowans = (other.folder / "vault.json").read_bytes()
    (info.folder / "vault.json").write_bytes(rowans)
    said = unlock(qtbot, window)

    (kept,) = info.folder.glob("vault.json.another-journal-*")
    assert kept.read_bytes() == rowans
    assert "damaged" not in said
    assert "belongs to another journal, “Rowan”, not to this one" in said
    assert "a copy or a sync may have mixed two folders" in said
    assert f"the key file of “Rowan” is kept beside it as {kept.name}" in said
    assert (other.folder / "vault.json").read_bytes() == rowans
    assert window.journal is not None and window.journal.header.name == "Test journal"
