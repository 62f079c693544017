"""One Solace per data folder: a second start brings the first window forward.

A QLockFile in the data folder marks the running instance. A second start leaves a
small "raise" request file beside it and exits; the first instance watches the
folder (QFileSystemWatcher), removes the request and raises its window. This needs
no sockets at all.

The folder's watch is removed before the process ends or replaces itself
(`SingleInstance.stop_watching`): Linux closes an inotify descriptor that still
holds a watch only after an RCU grace period, 6-15 ms here, which made every quit
and every hard lock wait (issue 12: a bare Qt window's whole quit takes 19 ms).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QLockFile, QObject, Signal

from journal.ui.shell.hard_lock import HANDOVER_ENV

LOCK_NAME = "solace.lock"
RAISE_NAME = "raise-request"


class SingleInstance(QObject):
    """Holds the lock file that makes this the one Solace of ``data_dir``; emits
    ``raise_requested`` when a second start asks for the window.
    """

    raise_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self._lock = QLockFile(str(data_dir / LOCK_NAME))
        self._lock.setStaleLockTime(0)
        self._watcher: QFileSystemWatcher | None = None

    def acquire(self) -> bool:
        """True when this is the only instance; otherwise asks the first to come forward.

        After a hard lock (see `hard_lock`) the lock file names this very process,
        which replaced itself; it is taken over rather than treated as another
        instance.
        """
        if os.environ.pop(HANDOVER_ENV, None) == str(os.getpid()):
            pid, _host, _app = self._lock.getLockInfo()
            if pid == os.getpid():
                (self.data_dir / LOCK_NAME).unlink(missing_ok=True)
        if self._lock.tryLock(200):
            (self.data_dir / RAISE_NAME).unlink(missing_ok=True)
            self.watch()
            return True
        request = self.data_dir / RAISE_NAME
        request.touch(mode=0o600)
        return False

    def watch(self) -> None:
        """Listen for a second start's raise request (this instance holds the lock)."""
        if self._watcher is None:
            self._watcher = QFileSystemWatcher(self)
            self._watcher.directoryChanged.connect(self._check_request)
        self._watcher.addPath(str(self.data_dir))

    def stop_watching(self) -> None:
        """Stop listening for raise requests; the folder's inotify watch is removed
        now, so that ending or replacing the process does not wait for the kernel to
        remove it (see the module's doc). `watch` listens again."""
        if self._watcher is not None and self._watcher.directories():
            self._watcher.removePaths(self._watcher.directories())

    def _check_request(self, _path: str) -> None:
        request = self.data_dir / RAISE_NAME
        if request.exists():
            request.unlink(missing_ok=True)
            self.raise_requested.emit()

    def release(self) -> None:
        """Stop listening for raise requests and free the lock file for the next start."""
        self.stop_watching()
        self._lock.unlock()
