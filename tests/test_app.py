"""The command line and start-up: --version, --self-check, data folder, one instance."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from journal import __version__
from journal.paths import resolve_data_dir

ROOT = Path(__file__).resolve().parents[1]


def run_solace(*args: str, env: dict[str, str] | None = None, timeout: float = 60):
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
    )


def test_version():
    result = run_solace("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"Solace {__version__}"


def test_self_check_reports_encryption_and_search():
    result = run_solace("--self-check")
    assert result.returncode == 0, result.stderr
    assert "SQLCipher: 4." in result.stdout
    assert "FTS5 compiled in: yes" in result.stdout
    assert "Temporary storage in memory: yes" in result.stdout
    assert re.search(
        r"Shipped with Solace .*: 1\d articles, [1-9]\d* prompt files, [1-9]\d* idea files",
        result.stdout,
    )


def test_data_folder_comes_from_flag_then_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("SOLACE_DATA_DIR", str(tmp_path / "from-env"))
    assert resolve_data_dir(None) == (tmp_path / "from-env").resolve()
    assert resolve_data_dir(str(tmp_path / "flag")) == (tmp_path / "flag").resolve()
    monkeypatch.delenv("SOLACE_DATA_DIR")
    assert resolve_data_dir(None).name == "Solace"


def test_a_second_start_brings_the_first_window_forward(qtbot, data_dir):
    from journal.ui.shell.single_instance import SingleInstance

    first = SingleInstance(data_dir)
    assert first.acquire()
    with qtbot.waitSignal(first.raise_requested, timeout=30_000):
        result = run_solace("--data-dir", str(data_dir))
    assert result.returncode == 0
    assert "already open" in result.stderr
    assert not (data_dir / "raise-request").exists()
    first.release()
    second = SingleInstance(data_dir)
    assert second.acquire()
    second.release()


def inotify_watches_on(folder: Path) -> int:
    """How many inotify watches this process holds on ``folder`` (/proc/self/fdinfo)."""
    inode = f" ino:{folder.stat().st_ino:x} "
    count = 0
    for info in Path("/proc/self/fdinfo").iterdir():
        try:
            lines = info.read_text().splitlines()
        except OSError:  # the descriptor listing the folder itself, closed by now
            continue
        count += sum(line.startswith("inotify wd:") and inode in line for line in lines)
    return count


linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


@linux_only
def test_quitting_leaves_no_folder_watch_for_the_kernel_to_wait_on(data_dir):
    """Closing an inotify descriptor that still holds a watch waits for an RCU grace
    period (6-15 ms here): every quit waited for it at its very end (issue 12)."""
    from journal.ui.shell.single_instance import SingleInstance

    instance = SingleInstance(data_dir)
    assert instance.acquire()
    assert inotify_watches_on(data_dir) == 1
    instance.release()
    assert inotify_watches_on(data_dir) == 0


@linux_only
def test_a_hard_lock_replaces_the_process_with_no_folder_watch(qtbot, window, monkeypatch):
    """The same wait at the hard lock's exec; and a restart that fails goes on
    answering a second start."""
    from journal.app import _hard_lock
    from journal.ui.shell.single_instance import RAISE_NAME, SingleInstance

    data_dir = window.settings.path.parent
    instance = SingleInstance(data_dir)
    assert instance.acquire()
    watches_at_exec: list[int] = []

    def execv(_program: str, _arguments: list[str]) -> None:
        watches_at_exec.append(inotify_watches_on(data_dir))
        raise OSError("not replaced in a test")

    monkeypatch.setattr(os, "execv", execv)
    _hard_lock(window, instance)
    assert watches_at_exec == [0]
    with qtbot.waitSignal(instance.raise_requested, timeout=10_000):
        (data_dir / RAISE_NAME).touch()
    instance.release()


def test_qt_records_no_folder_the_person_visited(qtbot, data_dir, tmp_path):
    """Qt's file dialog writes its history and last folder on destruction; none of it
    reaches the disk (it would say where the person exported to)."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QFileDialog

    from journal.app import keep_qt_settings_off_disk

    scope = QSettings.Scope.UserScope
    original = Path(QSettings(QSettings.Format.IniFormat, scope, "QtProject").fileName()).parent
    exports = tmp_path / "exported-here-zq"
    exports.mkdir()
    (data_dir / "qt").mkdir()
    (data_dir / "qt" / "QtProject.conf").write_text(f"[FileDialog]\nlastVisited={tmp_path}\n")
    keep_qt_settings_off_disk(data_dir)
    try:
        dialog = QFileDialog(None, "Save", str(exports))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setDirectory(str(exports))
        del dialog  # Qt saves its settings as the dialog is destroyed
        written = [
            p for p in tmp_path.rglob("*") if p.is_file() and b"exported-here" in p.read_bytes()
        ]
        assert written == []
        assert not (data_dir / "qt").exists()
    finally:
        QSettings.setDefaultFormat(QSettings.Format.NativeFormat)
        for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(fmt, scope, str(original))


def refuse_for(monkeypatch, name: str) -> None:
    """The system refuses every change to items called ``name``, as it does for an item
    owned by another user (which a test cannot make without root, and root may change)."""
    import errno

    real_open, real_chmod = os.open, os.chmod

    def guarded(real):  # type: ignore[no-untyped-def]
        def call(path, *args, **kwargs):  # type: ignore[no-untyped-def]
            if Path(path).name == name:
                raise PermissionError(errno.EPERM, "Operation not permitted", str(path))
            return real(path, *args, **kwargs)

        return call

    monkeypatch.setattr(os, "open", guarded(real_open))
    monkeypatch.setattr(os, "chmod", guarded(real_chmod))


def test_tightening_never_follows_a_link_and_skips_what_it_may_not_change(
    tmp_path, monkeypatch, caplog
):
    from journal.app import tighten_permissions

    data = tmp_path / "data"
    (data / "journals" / "j1").mkdir(parents=True)
    loose = data / "journals" / "j1" / "journal.db"
    loose.write_bytes(b"x")
    loose.chmod(0o644)
    (data / "journals").chmod(0o755)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    outside.chmod(0o755)
    (outside / "photo.jpg").write_bytes(b"x")
    (outside / "photo.jpg").chmod(0o644)
    (data / "linked folder").symlink_to(outside)
    (data / "linked file").symlink_to(outside / "photo.jpg")
    (data / "dangling").symlink_to(tmp_path / "nowhere")
    theirs = data / "journals" / "theirs"
    theirs.write_bytes(b"x")
    theirs.chmod(0o644)
    refuse_for(monkeypatch, "theirs")

    skipped = tighten_permissions(data)  # raises nothing

    assert skipped == [theirs]
    assert "left the permissions" in caplog.text and "PermissionError" in caplog.text
    assert oct(loose.stat().st_mode & 0o777) == "0o600"
    assert oct((data / "journals").stat().st_mode & 0o777) == "0o700"
    assert oct(outside.stat().st_mode & 0o777) == "0o755"  # never through a link
    assert oct((outside / "photo.jpg").stat().st_mode & 0o777) == "0o644"
    assert oct(theirs.stat().st_mode & 0o777) == "0o644"


def test_a_read_only_data_folder_is_told_before_any_window_without_a_traceback(data_dir):
    from tests.storage.safekeeping.helpers import digest, read_only

    (data_dir / "journals").mkdir()
    (data_dir / "journals" / "kept.txt").write_text("left as it is")
    before = digest(data_dir)
    with read_only(data_dir):
        mode = stat.S_IMODE(data_dir.stat().st_mode)
        solace = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir)],
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        assert solace.stderr is not None
        said = solace.stderr.readline()  # then the same words in a dialog, which waits
        solace.kill()
        said += solace.stderr.read()
        solace.wait()
        solace.stderr.close()
        assert f"Solace's data folder {data_dir} is read-only" in said
        assert "Traceback" not in said
        assert stat.S_IMODE(data_dir.stat().st_mode) == mode
    assert digest(data_dir) == before


def test_a_missing_or_uncreatable_data_folder_is_told_and_nothing_is_made(tmp_path):
    from journal.paths import data_dir_problem
    from tests.storage.safekeeping.helpers import read_only

    unplugged = tmp_path / "usb-drive" / "Solace"
    problem = data_dir_problem(unplugged, explicit=True)
    assert problem and "If it is on a drive that is not connected" in problem
    assert not unplugged.parent.exists()
    first_start = tmp_path / "home" / ".local" / "share" / "Solace"
    assert data_dir_problem(first_start, explicit=False) is None and first_start.is_dir()
    locked = tmp_path / "locked"
    locked.mkdir()
    with read_only(locked):
        problem = data_dir_problem(locked / "Solace", explicit=True)
    assert problem and "could not create its data folder" in problem
    assert not (locked / "Solace").exists()


def test_permissions_are_tightened_for_others_and_never_loosened_for_the_owner(tmp_path):
    from journal.app import tighten_permissions

    shared = tmp_path / "shared.txt"
    shared.write_text("x")
    shared.chmod(0o644)
    kept_read_only = tmp_path / "read-only.txt"
    kept_read_only.write_text("x")
    kept_read_only.chmod(0o444)
    folder = tmp_path / "folder"
    folder.mkdir()
    folder.chmod(0o555)
    tighten_permissions(tmp_path)
    assert stat.S_IMODE(shared.stat().st_mode) == 0o600
    assert stat.S_IMODE(kept_read_only.stat().st_mode) == 0o400  # not made writable
    assert stat.S_IMODE(folder.stat().st_mode) == 0o500
    folder.chmod(0o700)
