"""Start-up in stages: arguments -> checks -> paths -> Qt -> lock screen.

`solace --version`, `solace --data-dir DIR` (or SOLACE_DATA_DIR) and
`solace --self-check` work without a display.
"""

from __future__ import annotations

import argparse
import contextlib
import locale
import logging
import os
import shutil
import stat
import sys
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, NoReturn

from journal import __version__
from journal.hardening import disable_core_dumps
from journal.paths import (
    ENV_DATA_DIR,
    FILE_MODE,
    FOLDER_MODE,
    PRIVATE_UMASK,
    data_dir_problem,
    make_private,
    resolve_data_dir,
)

if TYPE_CHECKING:
    from journal.ui.shell.main_window import MainWindow
    from journal.ui.shell.single_instance import SingleInstance

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

log = logging.getLogger("journal")
# The freedesktop id: the .desktop file, the AppStream metainfo and the icon share it.
DESKTOP_ID = "io.github.solace_journal.Solace"


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """Solace's command line (`--version`, `--data-dir PATH`, `--self-check`); Qt's own
    arguments in `argv` are left for Qt. Raises SystemExit for `--help`, `--version` or a
    bad option, as argparse does."""
    parser = argparse.ArgumentParser(
        prog="solace", description="Solace: a private journal for recovery after a miscarriage."
    )
    parser.add_argument("--version", action="version", version=f"Solace {__version__}")
    parser.add_argument("--data-dir", help="folder for journals (default: your data folder)")
    parser.add_argument(
        "--self-check",
        action="store_true",
        help="print the encryption and search checks, then exit (non-zero if one fails)",
    )
    known, _qt_args = parser.parse_known_args(list(argv))
    return known


def self_check_main() -> int:
    """Print the SQLCipher checks and where the shipped library, prompts and ideas were
    found; 0 when all is well, 1 when something is missing (an install that left the
    ``share/solace`` data files behind, as a broken pipx or bundle would)."""
    from journal.domain.library.articles import resources_dir
    from journal.storage.lock.selfcheck import run_self_check

    report = run_self_check()
    problems = list(report.problems)
    shipped = resources_dir()
    counts = {
        words: len(list((shipped / folder).glob(pattern)))
        for words, folder, pattern in (
            ("articles", "articles", "*.md"),
            ("prompt files", "prompts", "*.toml"),
            ("idea files", "ideas", "*.toml"),
        )
    }
    found = ", ".join(f"{count} {words}" for words, count in counts.items())
    lines = [*report.lines(), f"Shipped with Solace ({shipped}): {found}"]
    problems += [f"No {words} were found in {shipped}." for words, n in counts.items() if not n]
    sys.stdout.write("\n".join(lines) + "\n")
    for problem in problems:
        sys.stderr.write(f"Problem: {problem}\n")
    return 0 if not problems else 1


def _install_excepthook() -> None:
    """An unexpected error is logged by type only and shown as a calm note."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        log.error("unexpected %s", kind.__name__)
        from PySide6.QtWidgets import QApplication, QMessageBox

        from journal.ui.common.messages import user_message

        if QApplication.instance() is not None:
            QMessageBox.warning(None, "Solace", user_message(error))

    sys.excepthook = hook


QT_SETTINGS_OFF = "no-qt-settings"


def keep_qt_settings_off_disk(data_dir: Path) -> None:
    """Qt's own widgets write user-scope settings: the file dialog records its history
    and the last folder visited, which is where the person exported to. Solace keeps
    no such record outside the encrypted database, so Qt's user-scope settings are
    pointed inside a plain file (``no-qt-settings``), where no folder can be made:
    Qt's writes go nowhere, on every platform (the INI format is made the default, so
    Windows does not use the registry instead). Settings Qt wrote in older versions
    (the ``qt`` folder) are removed.
    """
    from PySide6.QtCore import QSettings

    marker = data_dir / QT_SETTINGS_OFF
    if not marker.is_file():
        marker.unlink(missing_ok=True)
        marker.touch(mode=FILE_MODE)
    shutil.rmtree(data_dir / "qt", ignore_errors=True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(marker / "qt"))


def tighten_permissions(data_dir: Path) -> list[Path]:
    """No access by group or others anywhere in the data folder, and no execute bit on
    files (files written by older versions, or copied in by hand, may be looser).
    The owner's own access is never widened: a file or folder the person made
    read-only stays so, and is told at unlock. Returns what could not be tightened.

    Links are never followed (a link could point anywhere on the computer): each item
    is opened with ``O_NOFOLLOW`` and changed through its descriptor, and a link is
    left as it is. What cannot be read or changed (an item owned by another user, a
    socket, a folder that may not be listed) is skipped and logged, never raised:
    start-up goes on, and the lock screen says what is wrong with a journal it concerns.
    """
    skipped: list[Path] = []

    def skip(path: Path, error: OSError) -> None:
        skipped.append(path)
        log.warning("left the permissions of an item as they are: %s", type(error).__name__)

    def walk_error(error: OSError) -> None:
        skip(Path(error.filename or data_dir), error)

    for root, folders, files in os.walk(data_dir, onerror=walk_error):
        for name in [*folders, *files]:
            path = Path(root) / name
            try:
                _tighten(path)
            except OSError as error:
                skip(path, error)
    return skipped


def _tighten(path: Path) -> None:
    """Take away what a folder has beyond 0700 or a file beyond 0600 (never adding a
    bit), never through a link (the item is opened with O_NOFOLLOW, so a link put in
    its place meanwhile is refused)."""
    info = path.lstat()
    if stat.S_ISLNK(info.st_mode):
        return
    limit = FOLDER_MODE if stat.S_ISDIR(info.st_mode) else FILE_MODE
    wanted = stat.S_IMODE(info.st_mode) & limit
    if stat.S_IMODE(info.st_mode) == wanted:
        return
    no_follow = getattr(os, "O_NOFOLLOW", 0)
    if not no_follow:  # Windows: no links to follow there without privileges
        os.chmod(path, wanted)
        return
    path_only = getattr(os, "O_PATH", 0)  # Linux: opens even what this user may not read
    flags = no_follow | os.O_CLOEXEC | (path_only or os.O_RDONLY | os.O_NONBLOCK)
    descriptor = os.open(path, flags)
    try:
        if path_only:  # chmod through /proc works on an O_PATH descriptor; fchmod does not
            os.chmod(f"/proc/self/fd/{descriptor}", wanted)
        else:
            os.fchmod(descriptor, wanted)
    finally:
        os.close(descriptor)


def tell_before_window(problem: str) -> int:
    """Say ``problem`` (the data folder cannot be used) on stderr and in a plain
    dialog, with no traceback; the exit status is 1."""
    sys.stderr.write(problem + "\n")
    try:
        from PySide6.QtWidgets import QApplication, QMessageBox

        app = QApplication.instance() or QApplication(["solace"])
        box = QMessageBox(QMessageBox.Icon.Warning, "Solace", problem)
        box.setAccessibleDescription("Why Solace cannot start")
        box.exec()
        del app
    except Exception as error:  # no display: stderr has said it
        log.error("could not show the start-up message: %s", type(error).__name__)
    return 1


def _hard_lock(window: MainWindow, instance: SingleInstance | None = None) -> None:
    """After a lock has saved and forgotten everything, replace the process (see
    `journal.ui.shell.hard_lock`) with the lock screen's notice and any sealed words
    held in memory handed over, unless the window is closing, or it holds sealed
    words that cannot be handed over on this system. ``instance`` (this process's
    hold on the data folder) stops watching the folder first, so that the
    replacement does not wait for the kernel (`SingleInstance.stop_watching`)."""
    from journal.ui.shell.hard_lock import replace_process

    page, window.after_lock = window.after_lock, ""
    if not _replaces(window):
        return
    if instance is not None:
        instance.stop_watching()
    replace_process(page, window.lock_notice, window.held_drafts)
    # Reached only when the process could not be replaced: it goes on, as before.
    if instance is not None:
        instance.watch()
    window.lock_here()


def _replaces(window: MainWindow) -> bool:
    """Whether a lock now replaces the process (`_hard_lock`): not while the window
    closes (the app quits), and not while it holds sealed words that cannot be
    handed over on this system."""
    from journal.ui.shell.hard_lock import can_hand_over_held

    held = window.held_drafts
    return not window.closing and window.is_locked and not (held and not can_hand_over_held())


def _set_icon(app: QApplication) -> None:
    from PySide6.QtGui import QIcon

    from journal.domain.library.articles import resources_dir

    name = f"{DESKTOP_ID}.svg"
    # Installed or bundled beside the resources; in a checkout, in packaging/.
    for icon in (resources_dir() / "icons" / name, resources_dir().parent / "packaging" / name):
        if icon.is_file():
            app.setWindowIcon(QIcon(str(icon)))
            return


def make_application(argv: Sequence[str]) -> QApplication:
    """The QApplication (the running one, or a new one), named so that the desktop
    matches its windows to Solace's launcher and icon: the X11 ``WM_CLASS`` is
    ``DESKTOP_ID`` twice, as the .desktop file's ``StartupWMClass`` says, and the
    Wayland app id is the desktop file's name. Before, ``WM_CLASS`` was "main.py",
    "Solace", which no launcher matched.

    Qt's xcb plugin takes the instance name from ``-name`` and the class from the
    application name when it makes its first native window, and keeps them. The
    application name is ``DESKTOP_ID`` for that first window only (made here and
    dropped): it is also the name a screen reader says for the app, which stays
    "Solace", as do the windows' titles (the display name). Day and month names
    written with strftime are English whatever the system's locale (``LC_TIME`` is
    "C").
    """
    from PySide6.QtGui import QWindow
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        app = QApplication([argv[0] if argv else "solace", "-name", DESKTOP_ID])
    # Qt sets the C library's locale from the environment (setlocale(LC_ALL, "")), and
    # strftime's day and month names follow it: a German system read "Sa 5 Dez 2026"
    # in Past logs and "Your log of Samstag 5 Dezember 2026" in an English app (re-test
    # of session 32, problems 1 and 2). Solace's words are English, so is each day's
    # name; the order of a date field's numbers comes from QLocale, not from here.
    locale.setlocale(locale.LC_TIME, "C")
    app.setApplicationName(DESKTOP_ID)
    first = QWindow()
    first.create()  # the xcb plugin sets WM_CLASS from the name now
    first.destroy()
    app.setApplicationName("Solace")
    app.setApplicationDisplayName("Solace")
    app.setDesktopFileName(DESKTOP_ID)
    _set_icon(app)
    return app


def run_gui(data_dir: Path, argv: Sequence[str]) -> int:
    """Start the window on the journals in `data_dir` and run Qt's event loop until it
    closes, then end the process (`exit_without_teardown`, status 0). Returns only when
    no window was shown: 0 when Solace is already open (that window is brought
    forward), 1 when a system library Solace needs is missing (said on stderr)."""
    from journal.system_libraries import check

    advice = check()
    if advice is not None:
        sys.stderr.write(advice)
        return 1
    from PySide6.QtCore import QTimer

    from journal.settings import Settings
    from journal.storage.lock.store import JournalStore
    from journal.ui.common.app_filter import hold_until_first_paint
    from journal.ui.shell.hard_lock import (
        held_after_restart,
        notice_after_restart,
        page_after_restart,
    )
    from journal.ui.shell.main_window import MainWindow
    from journal.ui.shell.single_instance import SingleInstance
    from journal.ui.shell.stop_signals import close_on_stop

    keep_qt_settings_off_disk(data_dir)
    app = make_application(argv)
    instance = SingleInstance(data_dir)
    if not instance.acquire():
        sys.stderr.write("Solace is already open; bringing its window forward.\n")
        return 0
    settings = Settings(data_dir)
    _install_excepthook()
    store = JournalStore(data_dir)
    # A recovery key a crash left on screen unconfirmed stops opening its journal now
    # (only this process runs, and it shows no key yet).
    store.withdraw_keys_left_on_screen()
    # The app-wide event filters go on after the lock screen's first paint (issue 12):
    # see `journal.ui.common.app_filter`; the window puts them on.
    hold_until_first_paint()
    window = MainWindow(store, settings)
    close_on_stop(window)  # a logout's or shutdown's SIGTERM saves as Quit does
    instance.raise_requested.connect(window.bring_forward)
    # Directly, not queued: the old process need not paint its lock screen or destroy
    # its views (deferred deletes) before it is replaced.
    window.locked.connect(lambda: _hard_lock(window, instance))
    window.replaces_process = lambda: _replaces(window)
    held = held_after_restart()
    if held is not None:
        window.hold_drafts(*held)
    window.show_after_restart(notice_after_restart(), page_after_restart())
    window.show()
    QTimer.singleShot(0, window.prepare_in_background)
    code = app.exec()
    instance.release()
    # Ended here, while the window and the application are still referenced: returning
    # let Python free them, destroying thousands of widgets one by one (up to 15 ms of
    # a quit of 30, issue 12), which the process's end does at once.
    exit_without_teardown(int(code))


def main(argv: Sequence[str] | None = None) -> int:
    """The `solace` command: private umask (0600 files, 0700 folders), no core dumps, then
    the self-check or the window. `argv` defaults to `sys.argv`; returns the process exit
    status."""
    args_list = list(sys.argv if argv is None else argv)
    args = parse_args(args_list[1:])
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    disable_core_dumps()
    # Every file Solace (and Qt, and SQLite) creates is the owner's alone: 0600 files,
    # 0700 folders, whatever the desktop's umask.
    os.umask(PRIVATE_UMASK)
    if args.self_check:
        return self_check_main()
    data_dir = resolve_data_dir(args.data_dir)
    problem = data_dir_problem(data_dir, bool(args.data_dir or os.environ.get(ENV_DATA_DIR)))
    if problem:
        return tell_before_window(problem)
    try:
        make_private(data_dir)
    except OSError as error:  # another user owns it: used as it is
        log.warning("left the permissions of the data folder as they are: %s", type(error).__name__)
    tighten_permissions(data_dir)
    exit_without_teardown(run_gui(data_dir, args_list))


QUIT_WAIT_MS = 30_000


def exit_without_teardown(code: int, wait_ms: int = QUIT_WAIT_MS) -> NoReturn:
    """End the process once the window has closed, without tearing Python down.

    By then the journal is locked (every draft saved, the database checkpointed and
    closed, the key wiped) and the single-instance lock released; what is left is
    waiting for background tasks (a backup being written), which is done here, and
    freeing thousands of widgets and modules one by one, which the kernel does at
    once (issue 12: quit took about 6x a bare window's). Output is flushed first.

    The wait is bounded by ``wait_ms`` (milliseconds): a task stuck on a file that
    never answers (a pipe, a hung network share) must not keep a process alive with
    no window, one that was given a passphrase (break test 16, finding 5). 30 s is
    far beyond a daily backup (about 2 s for 100k entries); every task is crash-safe
    (a backup or a restore is finished by renames, an import is one transaction, an
    export's unfinished files are deleted at the next unlock).
    """
    qt_core = sys.modules.get("PySide6.QtCore")  # absent when Qt could not start
    if qt_core is not None and not qt_core.QThreadPool.globalInstance().waitForDone(wait_ms):
        log.warning("quit while a background task was still waiting; it was ended")
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    sys.exit(main())
