"""Application-wide event filters, installed once per QApplication."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

__all__ = ["install_once"]

F = TypeVar("F", bound=QObject)


def install_once(kind: type[F], name: str, app: QApplication | None = None) -> F | None:
    """Install an event filter of ``kind`` (built as ``kind(app)``, named ``name``) on
    ``app`` (default: the running application) unless one is there already.

    Returns the installed filter (the same one on every call), or None when there is
    no QApplication yet.
    """
    app = app or QApplication.instance()  # type: ignore[assignment]
    if not isinstance(app, QApplication):
        return None
    existing = app.findChild(kind, name)
    if isinstance(existing, kind):
        return existing
    installed = kind(app)
    installed.setObjectName(name)
    app.installEventFilter(installed)
    return installed
