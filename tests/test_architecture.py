"""The layer rules of docs/architecture.md, checked on the source itself.

- `journal/domain` imports neither Qt nor SQLAlchemy (nor Alembic or SQLCipher);
- `journal/storage` imports no Qt;
- `journal/ui` imports no SQLAlchemy or Alembic: a feature's repository hands it
  plain dataclasses;
- a feature's UI (`journal/ui/<feature>`) imports only its own folder and
  `journal/ui/common`; only the shell brings features together;
- there is no import cycle between modules (imports inside functions included), and
  package `__init__` files define nothing, so each public name has one import path.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "journal"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def modules() -> dict[str, Path]:
    return {module_name(p): p for p in PACKAGE.rglob("*.py")}


@cache
def imports(name: str) -> tuple[tuple[str, int], ...]:
    """Every module ``name`` imports (anywhere in the file), with its line."""
    found: list[tuple[str, int]] = []
    for node in ast.walk(ast.parse(modules()[name].read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.module, node.lineno))
            found += [
                (f"{node.module}.{alias.name}", node.lineno)
                for alias in node.names
                if f"{node.module}.{alias.name}" in modules()
            ]
    return tuple(found)


def breaches(layer: str, forbidden: set[str]) -> list[str]:
    return [
        f"{name}:{line} imports {target}"
        for name in modules()
        if name.startswith(layer)
        for target, line in imports(name)
        if target.split(".")[0] in forbidden
    ]


def test_domain_imports_neither_qt_nor_sqlalchemy() -> None:
    assert breaches("journal.domain", {"PySide6", "sqlalchemy", "alembic", "sqlcipher3"}) == []


def test_storage_imports_no_qt() -> None:
    assert breaches("journal.storage", {"PySide6"}) == []


def test_ui_imports_no_sqlalchemy() -> None:
    assert breaches("journal.ui", {"sqlalchemy", "alembic", "sqlcipher3"}) == []


def test_a_feature_ui_imports_no_other_feature_ui() -> None:
    found = []
    for name in modules():
        parts = name.split(".")
        if len(parts) < 4 or parts[:2] != ["journal", "ui"] or parts[2] == "shell":
            continue
        for target, line in imports(name):
            other = target.split(".")
            if other[:2] == ["journal", "ui"] and other[2:3] not in ([], [parts[2]], ["common"]):
                found.append(f"{name}:{line} imports {target}")
    assert found == []


def test_no_import_cycles() -> None:
    graph = {
        name: {t for t, _ in imports(name) if t in modules() and t != name} for name in modules()
    }
    # A package imports its own modules only through them; drop package -> child edges.
    graph = {n: {t for t in ts if not t.startswith(n + ".")} for n, ts in graph.items()}
    cycles: list[list[str]] = []
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append([*path[path.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_packages_define_nothing_so_each_name_has_one_import_path() -> None:
    for path in PACKAGE.rglob("__init__.py"):
        if path.parent == PACKAGE:
            continue  # journal/__init__.py holds __version__ only
        tree = ast.parse(path.read_text(encoding="utf-8"))
        body = [n for n in tree.body if not isinstance(n, ast.Expr)]  # the docstring
        assert body == [], f"{path.relative_to(ROOT)} should hold only its docstring"


@pytest.mark.slow
def test_the_lock_screen_paints_before_sqlalchemy_alembic_or_crypto_load(tmp_path: Path) -> None:
    """Start-up shows the lock screen first; the heavy stack loads after the first paint."""
    script = f"""
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from PySide6.QtTest import QTest
from journal.settings import Settings
from journal.storage.lock.store import JournalStore
from journal.ui.shell.main_window import MainWindow
app = QApplication([])
data = Path({str(tmp_path)!r})
window = MainWindow(JournalStore(data), Settings(data))
window.show()
assert QTest.qWaitForWindowExposed(window)
window.repaint()
heavy = ("sqlalchemy", "alembic", "sqlcipher3", "cryptography", "argon2")
print(",".join(sorted(m for m in heavy if m in sys.modules)))
"""
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
