"""No secret leaves through accessibility.

Qt's line edit sends each character typed or deleted in its accessibility events,
even in password echo, and the AT-SPI bridge puts those on the session bus, where
any program can read them. Every field that takes a passphrase or a recovery key,
on every screen and dialog, is typed into with real key events here; the test
records what Qt hands the bridge (``a11y_events``) and asks the field's interface
what a screen reader would read, the way the bridge does: a text event reaches the
bus only from an interface with a text interface. ``make a11y-bus`` checks the same
on the real bus.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QGuiApplication
from PySide6.QtWidgets import QLineEdit

from tests.ui.accessibility.conftest import Recorder
from tests.ui.accessibility.screens import each_screen, settle

SECRET = "Zq7#Xj9@Wv4%kY"  # no two of its characters in a row appear in any of Solace's words
KEY = "QZXJ-WVKQ-YXBH-JQZV"

#: Every field that takes a secret, by (screen, accessible name): the walk must meet them all.
EXPECTED = {
    ("Lock: unlock", "Passphrase"),
    ("Lock: create", "New passphrase"),
    ("Lock: create", "Type the passphrase again"),
    ("Lock: unlock with recovery key", "Recovery key"),
    ("Lock: new passphrase", "New passphrase"),
    ("Lock: new passphrase", "Type the passphrase again"),
    ("Dialog: Restore a backup (lock screen)", "Your passphrase now"),
    ("Dialog: Restore a backup (lock screen)", "The passphrase this backup was made with"),
    ("Together: start", "Your partner's passphrase"),
    ("Dialog: Change passphrase", "Current passphrase"),
    ("Dialog: Change passphrase", "New passphrase"),
    ("Dialog: Change passphrase", "Type the passphrase again"),
    ("Dialog: Rotate key", "Passphrase"),
    ("Dialog: New recovery key", "Passphrase"),
    ("Dialog: Remove journal", "Passphrase or recovery key"),
    ("Dialog: Summary for the doctor", "Passphrase, to confirm"),
    ("Dialog: Export your journal", "Passphrase, to confirm"),
    ("Dialog: Restore a backup", "Your passphrase now"),
    ("Dialog: Restore a backup", "The passphrase this backup was made with"),
}


def takes_a_secret(field: QLineEdit) -> bool:
    """A field hiding what is typed, or the recovery key's (shown, as it is read from paper)."""
    return (
        field.echoMode() != QLineEdit.EchoMode.Normal
        or "recovery key" in field.accessibleName().casefold()
    )


def pieces(secret: str) -> set[str]:
    """Every run of two or more of its characters."""
    return {
        secret[start:end]
        for start in range(len(secret))
        for end in range(start + 2, len(secret) + 1)
    }


def leaks(text: str, secret: str) -> list[str]:
    return sorted(piece for piece in pieces(secret) if piece in text)


def check_field(qtbot, field: QLineEdit, heard: Recorder, title: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Type ``SECRET`` (or ``KEY``) with key events, erase it, and say what leaked."""
    secret = KEY if field.echoMode() == QLineEdit.EchoMode.Normal else SECRET
    where = f"{title}: {field.accessibleName()!r}"
    problems = []
    heard.clear()
    field.clear()
    qtbot.keyClicks(field, secret)
    if field.text() != secret:
        problems.append(f"{where}: typing gave {len(field.text())} of {len(secret)} characters")
    interface = QAccessible.queryAccessibleInterface(field)
    assert interface is not None
    if interface.textInterface() is not None or interface.editableTextInterface() is not None:
        problems.append(f"{where}: a text interface reads the field (AT-SPI GetText)")
    if interface.role() != QAccessible.Role.EditableText or not interface.state().passwordEdit:
        problems.append(f"{where}: not heard as password text ({interface.role().name})")
    if interface.text(QAccessible.Text.Name) != field.accessibleName():
        problems.append(f"{where}: heard as {interface.text(QAccessible.Text.Name)!r}")
    for part in (QAccessible.Text.Name, QAccessible.Text.Description, QAccessible.Text.Value):
        if found := leaks(interface.text(part), secret):
            problems.append(f"{where}: its {part.name} holds {found[:3]}")
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    if field.text():
        problems.append(f"{where}: Backspace left {len(field.text())} characters")
    for event in heard.events:
        sent = [c for c in event.text if c in secret] if event.bridged else []
        if sent:
            problems.append(f"{where}: {event.kind.name} sends {''.join(sent)!r} to the bus")
    return problems


def test_no_typed_secret_reaches_assistive_technology(qtbot, window, store, a11y_events):  # type: ignore[no-untyped-def]
    met: set[tuple[str, str]] = set()
    problems: list[str] = []
    for title, root in each_screen(qtbot, window, store):
        for field in root.findChildren(QLineEdit):
            if not takes_a_secret(field) or (title, field.accessibleName()) in met:
                continue
            if root is window and not field.isVisible() and title != "Together: start":
                continue  # a page of the window not showing: met on its own screen
            met.add((title, field.accessibleName()))
            problems += check_field(qtbot, field, a11y_events, title)
        settle()
    assert problems == []
    assert EXPECTED - met == set()


def test_a_secret_field_still_pastes_undoes_and_rates_the_passphrase(qtbot, window):  # type: ignore[no-untyped-def]
    """What typing needs still works in the fields that keep their text from readers:
    paste, undo, the strength feedback and "Create journal" enabled when ready."""
    screen = window.lock_screen
    screen.setCurrentWidget(screen.create_page)
    page = screen.create_page
    page.name.setText("Ours")
    fields = page.passphrase
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("velvet orchard quietly hums")
    fields.first.setFocus()
    qtbot.keyClick(fields.first, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert fields.first.text() == "velvet orchard quietly hums"
    qtbot.keyClick(fields.first, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert fields.first.text() == ""
    qtbot.keyClicks(fields.first, "velvet orchard quietly hums")
    qtbot.waitUntil(lambda: fields.feedback.text().startswith("Strong"))
    qtbot.keyClicks(fields.second, "velvet orchard quietly hums")
    qtbot.waitUntil(fields.ready)
    clipboard.clear()

    key = screen.recovery_page.key
    qtbot.keyClicks(key, KEY)
    key.selectAll()
    qtbot.keyClick(key, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert clipboard.text() == KEY  # shown on screen, so copied as typed
    qtbot.keyClick(key, Qt.Key.Key_Backspace)
    qtbot.keyClick(key, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert key.text() == KEY
    clipboard.clear()


def test_the_rescue_dialog_keeps_both_passphrases_from_readers(qtbot, window, store, a11y_events):  # type: ignore[no-untyped-def]
    """The rescue dialog (opened only for a damaged journal, so not in the walk)."""
    from journal.ui.safekeeping.rescue_dialog import RescueDialog

    dialog = RescueDialog(store, store.root, "Ours", window)
    qtbot.addWidget(dialog)
    dialog.show()
    fields = [f for f in dialog.findChildren(QLineEdit) if takes_a_secret(f)]
    assert len(fields) == 3
    problems = [p for f in fields for p in check_field(qtbot, f, a11y_events, "Rescue")]
    assert problems == []


def test_the_bridge_does_not_log_each_key_typed_into_a_secret_field(qtbot):  # type: ignore[no-untyped-def]
    """The bridge logs every text event it drops (two lines per key): in a desktop
    session's log that would keep the length of each passphrase typed."""
    from PySide6.QtCore import QLoggingCategory

    from journal.ui.common.widgets import secret_field

    field = secret_field("Passphrase")
    qtbot.addWidget(field)
    bridge = QLoggingCategory("qt.accessibility.atspi")
    assert not bridge.isWarningEnabled()
    assert not bridge.isDebugEnabled()
