"""Shared test set-up: Qt offscreen, real vaults with light key derivation.

Every vault a test creates records LIGHT_KDF in its header, so unlocking is fast;
only tests of the defaults pay the full Argon2id cost.
"""

from __future__ import annotations

import os
import shutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("SOLACE_DATA_DIR", None)

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from journal.domain.library.articles import Article
from journal.storage.library.index import LibraryIndex
from journal.storage.lock.journal import OpenJournal
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from tests.shipped_library import shipped_articles, shipped_index

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

PASSPHRASE = "quiet river stone lantern"


@pytest.fixture(autouse=True)
def pointer_where_a_process_starts() -> None:
    """Put the mouse pointer where Qt's offscreen platform puts it when a process
    starts, (10, 10): over no window, as for a person using the keyboard.

    Left where an earlier test's clicks put it, it rested over the Import dialog on
    one worker, above the refusal that came; the dialog then rightly kept its top
    (`fit.grow_at_top`) and test_import_refusal_room, which passes alone, failed only
    in a full parallel run (session 25). A test that needs the pointer moves it."""
    from PySide6.QtGui import QCursor
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is not None:
        QCursor.setPos(10, 10)


@pytest.fixture(autouse=True)
def text_size_back_to_100() -> Iterator[None]:
    """Give the application back its 100 % text size when a test leaves it at another
    (a window's FONT_SCALE setting, or `apply_theme` called with a scale, changes the
    application's font for the whole process).

    Left at 200 %, the next test on the same worker drew its bare widgets in 22-point
    text: the 256-pixel editor of test_bold_italic wrapped "word1 **word2**" onto two
    lines, Home went to the start of the second, and Ctrl+I was refused, leaving
    "word1" without its stars. Which test ran before it on a worker followed the load
    of the machine, so it failed only in some loaded full runs (after
    test_one_scroll's 200 % tests it fails every time). The colours are kept. Set up
    before `windows_deleted_at_the_end` (pytest takes a conftest's autouse fixtures in
    the order of their names), it ends after it, once the test's windows are gone."""
    yield
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    applied = app.property("solaceTheme") if isinstance(app, QApplication) else None
    if not isinstance(app, QApplication) or not isinstance(applied, str):
        return
    colours, _, scale = applied.partition("/")
    if scale != "100":
        from journal.settings import Theme
        from journal.ui.common.theme import apply_theme

        apply_theme(app, Theme.DARK if colours == "dark" else Theme.LIGHT, 100)


@pytest.fixture(autouse=True)
def windows_deleted_at_the_end() -> Iterator[None]:
    """Delete, in Qt, every window a test made that nothing else owns, when the test
    ends (after its fixtures have locked and closed what they hold).

    Left to Python, such a window lived on until the cyclic collector happened to run
    in a later test, and the collector empties a window's Python attributes before Qt
    deletes it: the dying widgets then sent their Hide events and signals into Python
    objects with nothing left in them ("'_GrowWithContent' object has no attribute
    'area'", "Slot 'BodyArea::' not found"), reported as errors of whichever test was
    running. Deleted by Qt first, a window's Python side is only marked gone.
    """
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication
    from shiboken6 import getCppPointer

    def windows() -> dict[int, QWidget]:
        if QApplication.instance() is None:
            return {}
        return {getCppPointer(w)[0]: w for w in QApplication.topLevelWidgets()}

    before = set(windows())
    yield
    for address, widget in windows().items():
        if address not in before and widget.parentWidget() is None:
            widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    return folder


@pytest.fixture
def store(data_dir: Path) -> JournalStore:
    return JournalStore(data_dir)


@pytest.fixture
def journal(store: JournalStore) -> Iterator[OpenJournal]:
    """An unlocked journal in a real SQLCipher file."""
    opened, _recovery = store.create("Test journal", PASSPHRASE, LIGHT_KDF)
    yield opened
    if opened.is_open:
        opened.lock()


def locked_journals(data_dir: Path, names: tuple[str, ...]) -> JournalStore:
    """Journals called ``names`` under ``data_dir``, each with `PASSPHRASE`, its recovery
    key confirmed, locked: several journals on one lock screen."""
    store = JournalStore(data_dir)
    for name in names:
        journal, _recovery = store.create(name, PASSPHRASE, LIGHT_KDF)
        journal.confirm_recovery_key()
        journal.lock()
    return store


@pytest.fixture
def settings(data_dir: Path):  # type: ignore[no-untyped-def]
    from journal.settings import Settings

    return Settings(data_dir)


@pytest.fixture(scope="session")
def locked_journal_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder holding one journal made by the real path once per worker:
    created with LIGHT_KDF, its recovery key confirmed, locked; the files `window`
    copies for each test.

    Creating a journal runs every Alembic migration (about 0.3 s of a test's set-up,
    paid by each of the ~1,500 tests that open a window); copying the locked
    journal's files takes about a millisecond and leaves the same files on disk: a
    real SQLCipher database with its own header and key file. Every copy shares the
    template's journal id, salts and data key, which no window test depends on;
    tests of creation and key derivation make their own journals and pay the real
    path.
    """
    folder = tmp_path_factory.mktemp("template") / "data"
    folder.mkdir(mode=0o700)
    created, _ = JournalStore(folder).create("Test journal", PASSPHRASE, LIGHT_KDF)
    created.confirm_recovery_key()
    created.lock()
    return folder


def copy_journals(template: Path, data_dir: Path) -> None:
    """Copy the journals in the data folder ``template`` into ``data_dir``, modes kept
    and times new (as files just written), and forget anything known of the copied
    databases' inodes (as `create_journal` does for a new file)."""
    from journal.storage import known_damage

    shutil.copytree(template, data_dir, dirs_exist_ok=True, copy_function=shutil.copy)
    for database in data_dir.glob("journals/*/journal.db"):
        known_damage.forget_file(database)


@pytest.fixture
def window(qtbot, store: JournalStore, settings, locked_journal_template: Path):  # type: ignore[no-untyped-def]
    """The real main window on the lock screen, with one journal already created
    (its files copied from `locked_journal_template`)."""
    from journal.ui.shell.main_window import MainWindow

    copy_journals(locked_journal_template, store.data_dir)
    win = MainWindow(store, settings, LIGHT_KDF)
    qtbot.addWidget(win)
    win.show()
    yield win
    import shiboken6

    if shiboken6.isValid(win):  # pytest-qt closes and deletes it first, which locks
        win.lock()


# How long a test waits for an unlock to finish. It returns as soon as the journal is
# open (well under a second on a quiet machine); the bound is wide because a shared
# 2-core machine under heavy load once took over 10 s, failing tests that were right.
UNLOCK_WAIT_MS = 60_000


@pytest.fixture
def unlocked_window(qtbot, window):  # type: ignore[no-untyped-def]
    """The main window with its journal unlocked through the lock screen."""
    page = window.lock_screen.unlock_page
    page.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        page.unlock_button.click()
    return window


@pytest.fixture
def articles() -> dict[str, Article]:
    """The real articles shipped in resources/, never stand-ins."""
    return shipped_articles()


@pytest.fixture
def index() -> LibraryIndex:
    """The index of the shipped articles, built once per run."""
    return shipped_index()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Take Qt down while Python is still whole.

    pytest-qt keeps one QApplication for the whole run and never deletes it, so
    without this it is destroyed during interpreter finalization, after widgets
    and event filters it still knows about have lost their Python side; with many
    tests behind it that ended the run with a segmentation fault (exit 139) after
    every test had passed. Closing every window, running the deferred deletes and
    shutting the application down here makes the end of a run ordinary.
    """
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    app.shutdown()
