"""Text Solace puts on the clipboard is marked secret, and cleared at lock and quit.

Anything copied from Solace's own widgets (entry text, the recovery key), and any text
selected in them with the mouse (which X11 puts in the primary selection), gets the
clipboard managers' "do not keep" markers: ``x-kde-passwordManagerHint: secret``
(KDE Klipper and others on Linux), ``org.nspasteboard.ConcealedType`` (macOS, the
nspasteboard.org convention) and Windows' ``ExcludeClipboardContentFromMonitorProcessing``
and ``CanIncludeInClipboardHistory = 0``. At lock and quit the clipboard (and the X11
selection) is cleared if it still holds what Solace put there; anything copied from
another program since is left alone.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QObject
from PySide6.QtGui import QClipboard, QGuiApplication

KDE_HINT = "x-kde-passwordManagerHint"
MAC_CONCEALED = "org.nspasteboard.ConcealedType"
_WINDOWS = 'application/x-qt-windows-mime;value="{}"'
SECRET_MARKERS: dict[str, bytes] = {
    KDE_HINT: b"secret",
    MAC_CONCEALED: b"",
    _WINDOWS.format("ExcludeClipboardContentFromMonitorProcessing"): b"\0\0\0\0",
    _WINDOWS.format("CanIncludeInClipboardHistory"): b"\0\0\0\0",
    _WINDOWS.format("CanUploadToCloudClipboard"): b"\0\0\0\0",
}
# Platforms whose clipboard lives inside this process only: every change is ours.
_IN_PROCESS = frozenset({"offscreen", "minimal"})


def _owned(clipboard: QClipboard, mode: QClipboard.Mode) -> bool:
    if QGuiApplication.platformName() in _IN_PROCESS:
        return True
    if mode is QClipboard.Mode.Selection:
        return clipboard.ownsSelection()
    return clipboard.ownsClipboard()


class ClipboardGuard(QObject):
    """Create once per application (the main window does). Watches the clipboard and,
    where there is one (X11, some Wayland compositors), the primary selection that
    text selected with the mouse goes to."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clipboard = QGuiApplication.clipboard()
        self._clipboard.dataChanged.connect(lambda: self._mark_ours(QClipboard.Mode.Clipboard))
        self._clipboard.selectionChanged.connect(lambda: self._mark_ours(QClipboard.Mode.Selection))

    def _modes(self) -> list[QClipboard.Mode]:
        modes = [QClipboard.Mode.Clipboard]
        if self._clipboard.supportsSelection():
            modes.append(QClipboard.Mode.Selection)
        return modes

    def _mark_ours(self, mode: QClipboard.Mode) -> None:
        clipboard = self._clipboard
        if mode not in self._modes():
            return
        data = clipboard.mimeData(mode)
        if data is None or data.hasFormat(KDE_HINT) or not _owned(clipboard, mode):
            return
        marked = QMimeData()
        for fmt in data.formats():
            marked.setData(fmt, data.data(fmt))
        for fmt, value in SECRET_MARKERS.items():
            marked.setData(fmt, value)
        clipboard.setMimeData(marked, mode)

    def holds_ours(self, mode: QClipboard.Mode = QClipboard.Mode.Clipboard) -> bool:
        """Whether the clipboard (or the selection) still holds text Solace put there."""
        data = self._clipboard.mimeData(mode)
        return (
            mode in self._modes()
            and data is not None
            and data.hasFormat(KDE_HINT)
            and _owned(self._clipboard, mode)
        )

    def clear(self) -> None:
        """Clear the clipboard and the selection wherever they still hold Solace's text."""
        for mode in self._modes():
            if self.holds_ours(mode) or (
                mode is QClipboard.Mode.Selection and self._clipboard.ownsSelection()
            ):
                self._clipboard.clear(mode)


def clear_clipboard_of(pieces: list[str]) -> None:
    """Clear the clipboard, and the mouse selection where there is one, when its text
    holds any of ``pieces`` (the groups of a recovery key: a copy with word joiners
    between them, or half of it, still counts)."""
    clipboard = QGuiApplication.clipboard()
    modes = [QClipboard.Mode.Clipboard]
    if clipboard.supportsSelection():
        modes.append(QClipboard.Mode.Selection)
    for mode in modes:
        held = clipboard.text(mode).replace("\u2060", "")
        if any(piece and piece in held for piece in pieces):
            clipboard.clear(mode)
