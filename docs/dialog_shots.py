"""Screenshots of every dialog as a person sees it: the whole screen, dialog over window.

    xvfb-run -a -s "-screen 0 1366x768x24" sh -c \
        "openbox & python docs/dialog_shots.py --text 200 --out /tmp/dialogs [name ...]"

Writes ``<out>/<name>-<text>pct-<theme>.png`` for light and dark. The window is
maximized and each dialog opened the way the app opens it, so a window manager's
limits (a dialog taller than the screen) show as they would. These are for looking,
not for docs/ (nothing here is committed).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog, QWidget

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "docs"))

import scenes_safekeeping  # noqa: E402
from screenshots import PASSPHRASE, settle, unlock  # noqa: E402

from journal.settings import FONT_SCALE, THEME, Settings, Theme  # noqa: E402
from journal.storage.lock.journal import ROTATION_INTERRUPTED  # noqa: E402
from journal.storage.lock.keys import LIGHT_KDF  # noqa: E402
from journal.storage.lock.store import JournalStore  # noqa: E402
from journal.ui.common.theme import apply_theme  # noqa: E402
from journal.ui.entries.area import JournalArea  # noqa: E402
from journal.ui.shell.main_window import MainWindow  # noqa: E402

Opener = Callable[[MainWindow, JournalStore], QWidget | None]


def _dialog() -> QDialog | None:
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    return shown[-1] if shown else None


def recovery_key(window: MainWindow, store: JournalStore) -> QWidget | None:
    unlock(window)
    from journal.ui.lock.recovery_key_dialog import RecoveryKeyDialog

    dialog = RecoveryKeyDialog("750O-BAMC-DZ23-ALJM-IC7I-5RP6-CREE-4DSG", "Emma", window)
    dialog.open()
    return dialog


def key_page(window: MainWindow, store: JournalStore) -> QWidget | None:
    page = window.lock_screen.key_page
    page.show_key(
        "750O-BAMC-DZ23-ALJM-IC7I-5RP6-CREE-4DSG",
        "Emma",
        date(2026, 11, 30),
        ROTATION_INTERRUPTED,  # the longest of the reasons
    )
    window.lock_screen.setCurrentWidget(page)
    return None


def create_page(window: MainWindow, store: JournalStore) -> QWidget | None:
    window.lock_screen.show_create()
    page = window.lock_screen.create_page
    page.name.setText("Emma")
    page.passphrase.first.setText("ILoveYou2025!")
    return None


def _security(name: str) -> Opener:
    def run(window: MainWindow, store: JournalStore) -> QWidget | None:
        unlock(window)
        from journal.ui.lock.security_dialogs import SecurityAction

        journal = window.journal
        assert journal is not None
        action = next(a for a in SecurityAction if a.name == name)
        dialog = action.dialog(journal, window)
        dialog.open()
        return dialog

    return run


def _made(make: Callable[[MainWindow], QDialog]) -> Opener:
    def run(window: MainWindow, store: JournalStore) -> QWidget | None:
        unlock(window)
        dialog = make(window)
        dialog.open()
        return dialog

    return run


def _export_body(window: MainWindow) -> QDialog:
    from journal.domain.body.temperature import TemperatureUnit
    from journal.storage.body.repository import BodyRepository
    from journal.ui.body.export_dialog import ExportDialog

    journal = window.journal
    assert journal is not None
    return ExportDialog(
        BodyRepository(journal.db),
        journal.check_passphrase,
        TemperatureUnit.CELSIUS,
        date.today(),
        window,
    )


def _recovery_details(window: MainWindow) -> QDialog:
    from journal.domain.body.log import RecoveryDetails
    from journal.ui.body.recovery_dialog import RecoveryDialog

    return RecoveryDialog(RecoveryDetails(), window)


def _appointment(window: MainWindow) -> QDialog:
    from journal.ui.body.appointment_dialog import AppointmentDialog

    return AppointmentDialog(window)


def _prompts(window: MainWindow) -> QDialog:
    from journal.ui.entries.prompts import PromptPicker

    entries = window.area("journal")
    return PromptPicker(entries.prompts, entries.prompt_store, window)  # type: ignore[union-attr]


def _remembrance(window: MainWindow) -> QDialog:
    from journal.ui.entries.remembrance import RemembranceDialog

    entries = window.area("journal")
    return RemembranceDialog(entries.remembrance, window)  # type: ignore[union-attr]


def _export(window: MainWindow) -> QDialog:
    from journal.ui.safekeeping.export_dialog import ExportDialog

    assert window.journal is not None
    return ExportDialog(window.journal, window)


def _import(window: MainWindow) -> QDialog:
    from journal.ui.safekeeping.import_dialog import ImportDialog

    assert window.journal is not None
    return ImportDialog(window.journal, window)


def _about(window: MainWindow) -> QDialog:
    from journal.ui.shell.about import AboutDialog

    return AboutDialog(window)


def rescue(window: MainWindow, store: JournalStore) -> QWidget | None:
    from journal.ui.safekeeping.rescue_dialog import RescueDialog

    folder = next(store.root.iterdir())
    dialog = RescueDialog(store, folder, "Emma", window, LIGHT_KDF)
    dialog.open()
    return dialog


def delete_question(window: MainWindow, store: JournalStore) -> QWidget | None:
    unlock(window)
    entries = next(a for a in window.areas if isinstance(a, JournalArea))
    entries.editor.body.setPlainText("A few words to delete")
    entries.editor.save_now()
    entries.delete_chosen()
    return entries.question


OPENERS: dict[str, Opener] = {
    "settings": scenes_safekeeping.backups,
    "restore": scenes_safekeeping.restore,
    "recovery-key": recovery_key,
    "key-page": key_page,
    "create-page": create_page,
    "change-passphrase": _security("CHANGE_PASSPHRASE"),
    "rotate-key": _security("ROTATE_KEY"),
    "new-recovery-key": _security("NEW_RECOVERY_KEY"),
    "doctor-summary": _made(_export_body),
    "recovery-details": _made(_recovery_details),
    "appointment": _made(_appointment),
    "prompts": _made(_prompts),
    "remembrance": _made(_remembrance),
    "export": _made(_export),
    "import": _made(_import),
    "about": _made(_about),
    "rescue": rescue,
    "delete-question": delete_question,
}


def shoot(app: QApplication, out: Path, name: str, theme: Theme, text: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        store = JournalStore(data)
        journal, _ = store.create("Emma", PASSPHRASE, LIGHT_KDF)
        journal.confirm_recovery_key()
        journal.lock()
        settings_ = Settings(data)
        settings_.set(THEME, theme.value)
        settings_.set(FONT_SCALE, text)
        apply_theme(app, theme, text)
        window = MainWindow(store, settings_, LIGHT_KDF)
        window.showMaximized()
        settle()
        OPENERS[name](window, store)
        settle(800)
        screen = app.primaryScreen()
        screen.grabWindow(0).save(str(out / f"{name}-{text}pct-{theme.value}.png"))
        dialog = _dialog()
        if dialog is not None:
            dialog.done(0)
        window.lock()
        window.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help=f"only these (of {', '.join(OPENERS)})")
    parser.add_argument("--text", type=int, default=100, help="text size in percent")
    parser.add_argument("--out", type=Path, default=Path("/tmp/solace-dialogs"))
    parser.add_argument("--theme", choices=["light", "dark"], action="append")
    args, qt_args = parser.parse_known_args()
    app = QApplication([sys.argv[0], *qt_args])
    args.out.mkdir(parents=True, exist_ok=True)
    themes = [Theme(t) for t in args.theme] if args.theme else [Theme.LIGHT, Theme.DARK]
    for name in args.names or OPENERS:
        for theme in themes:
            shoot(app, args.out, name, theme, args.text)


if __name__ == "__main__":
    main()
