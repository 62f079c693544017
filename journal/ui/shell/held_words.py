"""Words that could not be written anywhere at a lock, held sealed in memory.

A lock saves every unsaved word; when the journal cannot take them (a full disk,
files that refuse writes) they are sealed with the journal's key into a small file
beside it (`journal.storage.lock.drafts`). When even that file cannot be written,
the sealed bytes (ciphertext: they open only with the journal's key) are held here
until one of these happens:

* the next unlock of that journal puts them back in place (`MainWindow`);
* the file can be written after all: tried again as soon as the journal's database
  has closed at the lock (its write-ahead log gives back the room it took on a full
  small disk, so the lock then says the words are in the file, not in memory only),
  every `RETRY_MS`, and before quitting;
* the person, asked before quitting, keeps them in another place they choose.

The hard lock hands them to the fresh process in memory (`hard_lock`), so holding
them never keeps the words' plaintext or the passphrase alive. Quitting while they
are held is never silent: `may_quit` asks, and keeping Solace open is the default.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from journal.domain.common.file_names import HELD_WORDS_FILE
from journal.errors import (
    DiskFull,
    JournalBusy,
    JournalFileDamaged,
    JournalReadOnly,
    SolaceError,
    StorageFailed,
)
from journal.storage.atomic import atomic_write_bytes
from journal.storage.lock.drafts import DRAFTS_NAME, write_sealed
from journal.ui.common.file_places import Place, existing_folder

log = logging.getLogger(__name__)

#: The cause said when the save's own error is not known.
UNKNOWN_CAUSE = "the disk may be full or refuse writes"


def refusal_cause(error: BaseException | None) -> str:
    """What refused the last save before a lock, in a few plain words for the lock's
    notice: the first known kind along ``error`` and its causes (an area's own "not
    saved" error is raised from what refused it), else `UNKNOWN_CAUSE`; never a guess
    when it is known (break test 16 of session 13, finding 3: "the disk may be full"
    for a damaged journal)."""
    seen = error
    while seen is not None:
        for kind, cause in _CAUSES:
            if isinstance(seen, kind):
                return cause
        if isinstance(seen, StorageFailed):
            return seen.reason
        seen = seen.__cause__
    return UNKNOWN_CAUSE


_CAUSES: tuple[tuple[type[SolaceError], str], ...] = (
    (JournalFileDamaged, "the journal's file is damaged"),
    (DiskFull, "the disk is full"),
    (JournalReadOnly, "the journal's files refuse writes"),
    (JournalBusy, "another program holds the journal"),
)


def drafts_kept(cause: str = UNKNOWN_CAUSE) -> str:
    """The lock's notice when the latest words could not be saved in the journal, for
    ``cause`` (`refusal_cause`), and were sealed in the small file beside it."""
    return (
        f"Solace could not save your latest words in the journal ({cause}), so it "
        "locked with them kept encrypted in a small file beside it. They will be back "
        "in place when you unlock."
    )


DRAFTS_KEPT = drafts_kept()
RETRY_MS = 60_000  # how often the sealed file is tried again while the words are held

DRAFTS_HELD = (
    "Solace could not save your latest words in the journal, and not even a small "
    "encrypted file beside it could be written (the disk may be full or refuse "
    "writes). They are held, encrypted, in Solace's memory only, and will be back in "
    "place when you unlock. Please keep Solace open until there is room: it tries "
    "again every minute, and quitting now would lose them."
)
HELD_NOW_KEPT = (
    "Your latest words, which could not be saved when Solace locked, are now kept "
    "encrypted in a small file beside the journal. They will be back in place when "
    "you unlock."
)
QUIT_QUESTION = "Your latest words are not saved yet"
QUIT_DETAIL = (
    "Solace could not write them into the journal, nor into a small encrypted file "
    "beside it (the disk may be full or refuse writes). They are held, encrypted, only "
    "in Solace's memory: quitting now would lose them.\n\n"
    "Keep Solace open and make room on the disk (Solace tries again every minute), or "
    "keep them in another place you choose, such as a USB stick."
)
KEEP_OPEN = "Keep Solace open"
ELSEWHERE = "Keep them in another place…"
LOSE = "Quit and lose them"
ELSEWHERE_NAME = HELD_WORDS_FILE  # neutral: journal.domain.common.file_names


def kept_elsewhere_text(path: Path, journal_folder: Path) -> str:
    """What is said once the held words were written to ``path`` chosen by the person."""
    return (
        f"Your latest words are kept, encrypted, in {path}. They open only with this "
        "journal's passphrase. To have them back in place, copy that file into the "
        f"journal's folder ({journal_folder}) with the name {DRAFTS_NAME} before you "
        "unlock."
    )


class HeldWords(QObject):
    """The sealed words held in memory for one journal (see the module docstring).

    `kept` is emitted when they were written beside the journal after all.
    """

    kept = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._window = parent
        self._held: tuple[Path, bytes] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(RETRY_MS)
        self._timer.timeout.connect(self.try_writing)

    @property
    def held(self) -> tuple[Path, bytes] | None:
        """(journal folder, sealed bytes), or None when nothing is held."""
        return self._held

    def hold(self, folder: Path, sealed: bytes) -> None:
        """Hold ``sealed`` (see `drafts.seal`) for the journal in ``folder``."""
        self._held = (folder, sealed)
        self._timer.start()

    def sealed_for(self, folder: Path) -> bytes | None:
        """The held sealed bytes when they belong to the journal in ``folder``."""
        if self._held is not None and self._held[0] == folder:
            return self._held[1]
        return None

    def release(self) -> None:
        """Forget the held words (they are back in the journal, or in a file)."""
        self._held = None
        self._timer.stop()

    def try_writing(self) -> bool:
        """Write the held words into the sealed file beside their journal; True (and
        `kept`) once written, False while that is still impossible."""
        if self._held is None:
            return True
        folder, sealed = self._held
        try:
            write_sealed(folder, sealed)
        except (SolaceError, OSError) as error:
            log.warning("the held words still cannot be written: %s", type(error).__name__)
            return False
        self.release()
        self.kept.emit()
        return True

    def may_quit(self) -> bool:
        """Before quitting while words are held: try once more, else ask. True when
        quitting loses nothing (written now, or kept in a place the person chose) or
        the person chose to lose them; False to keep Solace open."""
        while self._held is not None and not self.try_writing():
            box = QMessageBox(self._window)
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle("Solace")
            box.setText(QUIT_QUESTION)
            box.setInformativeText(QUIT_DETAIL)
            box.setAccessibleName(QUIT_QUESTION)
            box.setAccessibleDescription(QUIT_DETAIL)
            keep = box.addButton(KEEP_OPEN, QMessageBox.ButtonRole.RejectRole)
            elsewhere = box.addButton(ELSEWHERE, QMessageBox.ButtonRole.ActionRole)
            lose = box.addButton(LOSE, QMessageBox.ButtonRole.DestructiveRole)
            box.setDefaultButton(keep)
            box.setEscapeButton(keep)
            box.exec()
            chosen = box.clickedButton()
            box.deleteLater()
            if chosen is lose:
                log.warning("quit with held words, as the person chose")
                return True
            if chosen is not elsewhere:
                return False
            if self._keep_elsewhere():
                return True
        return True

    def _keep_elsewhere(self) -> bool:
        """Ask for a folder and write the held words there; True once written (and
        said where, and how to have them back)."""
        assert self._held is not None
        folder, sealed = self._held
        place = existing_folder(self._window, Place.HELD_WORDS, "Where to keep your latest words")
        if place is None:
            return False
        chosen = str(place)
        path = place / ELSEWHERE_NAME
        try:
            atomic_write_bytes(path, sealed)
        except (SolaceError, OSError) as error:
            text = f"Your latest words could not be written to {chosen} either ({error})."
            QMessageBox.warning(self._window, "Solace", text)
            return False
        self.release()
        QMessageBox.information(self._window, "Solace", kept_elsewhere_text(path, folder))
        return True
