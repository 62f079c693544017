"""Take the screenshots in docs/ from the real app: `make screenshots` (runs under Xvfb).

Other sizes: `python docs/screenshots.py --size 1366x768 --text 200 [scene ...]` shows
the window maximized on a screen of that size (run it under a window manager, for
example `xvfb-run -a -s "-screen 0 1366x768x24" sh -c "openbox & python docs/..."`),
at that text size, and names the files `<scene>-<size>-<text>pct-<theme>.png`.

Each scene builds a throwaway data folder with light key derivation, drives the
real widgets and grabs the window (or the dialog the scene returns). Areas add
scenes in `docs/scenes_<area>.py`, each with a `SCENES` dict of name -> (scene
function, number of journals); a scene with one or more journals starts unlocked in
the first one unless it says otherwise.
"""

from __future__ import annotations

import argparse
import importlib
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from journal.settings import FONT_SCALE, THEME, Settings, Theme  # noqa: E402
from journal.storage.lock.keys import LIGHT_KDF  # noqa: E402
from journal.storage.lock.store import JournalStore  # noqa: E402
from journal.ui.common.theme import apply_theme  # noqa: E402
from journal.ui.shell.main_window import MainWindow  # noqa: E402

DOCS = ROOT / "docs"
# A scene drives the window; the dialog it returns, if any, is grabbed in its place.
Scene = Callable[[MainWindow, JournalStore], "QWidget | None"]


def settle(ms: int = 300) -> None:
    """Let Qt lay out and paint for a while (a nested loop: quitting the app's own
    loop would close the windows)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shoot(
    app: QApplication,
    name: str,
    theme: Theme,
    scene: Scene,
    journals: int = 0,
    *,
    text: int = 100,
    maximized: bool = False,
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        store = JournalStore(data)
        for index in range(journals):
            journal, _ = store.create(f"Journal {index + 1}", PASSPHRASE, LIGHT_KDF)
            journal.confirm_recovery_key()  # else unlocking first offers a new recovery key
            journal.lock()
        settings = Settings(data)
        settings.set(THEME, theme.value)
        settings.set(FONT_SCALE, text)
        apply_theme(app, theme, text)
        window = MainWindow(store, settings, LIGHT_KDF)
        if maximized:
            window.showMaximized()
        else:
            window.resize(1100, 720)
            window.show()
        settle()
        shown = scene(window, store)
        settle()
        path = DOCS / f"{name}.png"
        (shown if isinstance(shown, QWidget) else window).grab().save(str(path))
        shrink(path)
        window.lock()
        window.close()


PASSPHRASE = "a long test passphrase"


def shrink(path: Path) -> None:
    """Store ``path`` with a palette of 256 colours (about a third of the size; text stays
    sharp), with ImageMagick where it is installed; otherwise leave it as it is."""
    convert = shutil.which("convert") or shutil.which("magick")
    if convert is None:
        return
    subprocess.run(
        [
            convert,
            str(path),
            "-colors",
            "256",
            "-define",
            "png:compression-level=9",
            f"PNG8:{path}",
        ],
        check=True,
    )


def wait_until(done: Callable[[], bool], seconds: float = 60) -> None:
    """Let Qt run until ``done()`` is true, for at most ``seconds``."""
    for _ in range(int(seconds * 10)):
        if done():
            return
        settle(100)


def unlock(window: MainWindow) -> None:
    """Unlock the first journal through the real lock screen."""
    page = window.lock_screen.unlock_page
    page.passphrase.setText(PASSPHRASE)
    page.unlock_button.click()
    for _ in range(600):  # up to a minute on a busy machine
        if not window.is_locked and window.journal is not None:
            break
        settle(100)


def welcome(window: MainWindow, store: JournalStore) -> None:
    pass


def lock_screen(window: MainWindow, store: JournalStore) -> None:
    window.lock_screen.unlock_page.passphrase.setText("not the right one")
    window.lock_screen.unlock_page.unlock_button.click()
    settle(600)


def settings_given_back(window: MainWindow, store: JournalStore) -> QWidget | None:
    """Settings open with a number typed when the journal locked: back at the unlock
    with what was chosen and typed, nothing saved yet."""
    from journal.ui.shell.settings_dialog import ANOTHER_NUMBER

    unlock(window)
    window.show_settings()
    settle()
    dialog = window.settings_dialog
    assert dialog is not None
    dialog.emergency.setCurrentIndex(dialog.emergency.findData(ANOTHER_NUMBER))
    dialog.own_number.setText("000")
    window.lock()
    settle()
    unlock(window)
    wait_until(lambda: window.settings_dialog is not None and window.settings_dialog.isVisible())
    settle()
    return window.settings_dialog


SCENES: dict[str, tuple[Scene, int]] = {
    "welcome": (welcome, 0),
    "lock-screen": (lock_screen, 2),
    "settings-given-back": (settings_given_back, 1),
}


def all_scenes() -> dict[str, tuple[Scene, int]]:
    scenes = dict(SCENES)
    sys.path.insert(0, str(DOCS))
    for module_path in sorted(DOCS.glob("scenes_*.py")):
        module = importlib.import_module(module_path.stem)
        scenes.update(module.SCENES)
    return scenes


def main() -> None:
    parser = argparse.ArgumentParser(description="Take the screenshots in docs/.")
    parser.add_argument("scenes", nargs="*", help="only these scenes (default: all)")
    parser.add_argument("--size", help="the screen size, like 1366x768: window maximized")
    parser.add_argument("--text", type=int, default=100, help="text size in percent")
    args, qt_args = parser.parse_known_args()
    app = QApplication([sys.argv[0], *qt_args])
    only = set(args.scenes)
    suffix = f"-{args.size}-{args.text}pct" if args.size else ""
    for name, (scene, journals) in all_scenes().items():
        if only and name not in only:
            continue
        for theme in (Theme.LIGHT, Theme.DARK):
            shoot(
                app,
                f"{name}{suffix}-{theme.value}",
                theme,
                scene,
                journals,
                text=args.text,
                maximized=bool(args.size),
            )


if __name__ == "__main__":
    main()
