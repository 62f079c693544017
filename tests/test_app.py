"""The command line and start-up: --version, --self-check, data folder, one instance."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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


def test_qt_keeps_its_own_settings_inside_the_data_folder(qtbot, data_dir):
    """Qt's file dialog remembers folders; that history stays in Solace's folder."""
    from PySide6.QtCore import QSettings

    from journal.app import keep_qt_settings_inside

    def qt_file() -> Path:
        scope = QSettings.Scope.UserScope
        return Path(QSettings(QSettings.Format.NativeFormat, scope, "QtProject").fileName())

    original = qt_file().parent
    keep_qt_settings_inside(data_dir)
    try:
        assert qt_file().is_relative_to(data_dir)
    finally:
        for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(fmt, QSettings.Scope.UserScope, str(original))
