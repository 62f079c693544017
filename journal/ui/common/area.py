"""The contract every area of the main window (Journal, Body log, Library...) keeps.

The main window opens each area with the unlocked journal, asks it to save
drafts before locking, and then to forget everything it shows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QWidget

if TYPE_CHECKING:
    from journal.settings import Setting, Settings
    from journal.storage.lock.journal import OpenJournal


@dataclass
class AppContext:
    """What an area may use while the journal is unlocked."""

    journal: OpenJournal
    settings: Settings
    open_link: Callable[[str], None]  # e.g. "solace://article/warning-signs#heavy-bleeding"


class Area(QWidget):
    """One of the window's areas (Journal, Body log, Library, Together): a page the area
    list shows. Subclasses set `area_id` and `title`, load the journal's data in
    `open_journal` and forget it in `clear` at every lock."""

    area_id: ClassVar[str] = ""
    title: ClassVar[str] = ""

    exclusive = Signal(bool)
    """True: only this area may be shown (Together, while two people sit at the
    keyboard): the window hides every other area and setting until False."""
    lock_requested = Signal()
    """The area asks the window to lock now (Leave Together)."""
    told = Signal(str, object)
    """Words for the window's notes, below its areas (`MainWindow.tell`): what Solace did by
    itself as the area worked (a partner's journal updated as Together opened it), and
    what to call once the note has been read (a callable taking nothing, or None)."""
    warned = Signal(str)
    """Words of a warning for the window's notes (`MainWindow.tell` ``urgent``): kept in
    view ahead of notes told after it until it has been read (a warning sign of the
    body log not yet marked as seen)."""
    unwarned = Signal(str)
    """The words of an earlier `warned` are no longer true (every sign it named has been
    marked as seen): the window withdraws that note."""

    def prepare(self) -> None:
        """Load what the area shows that is no journal's (shipped articles), before
        any unlock, while the passphrase is typed (issue 12). Default: nothing."""

    def open_journal(self, context: AppContext) -> None:
        """Load what this area shows from the journal."""

    def save_pending(self) -> None:
        """Write any unsaved draft into the encrypted database (called before lock).

        Raises (after showing why) when something typed could not be written; the
        lock still completes: the shell keeps `pending_draft` sealed with the
        journal's key and restores it at the next unlock, so nothing is dropped.
        """

    def pending_draft(self) -> str | None:
        """The unsaved work `save_pending` could not write, as text `restore_draft`
        understands (any format the area likes); None when there is none."""
        return None

    def not_added(self) -> int:
        """How many characters typed or pasted here were refused since the journal was
        opened (an entry that was full): the lock says so beside "Everything you wrote
        was saved" (`journal.ui.shell.main_window.not_added_words`). Default: 0."""
        return 0

    def held_back(self) -> str | None:
        """Words typed here that this area must not save by itself (a response not yet
        shared, an answer not yet kept): kept sealed at every lock like an unsaved
        draft and handed back with `restore_draft`; None when there are none."""
        return None

    def restore_draft(self, draft: str) -> None:
        """Put back work kept by `pending_draft` at an earlier lock (after
        `open_journal`); the shell calls `save_pending` straight after."""

    def reopen_dialog(self, what: str) -> QDialog | None:
        """Open again, without blocking, the dialog this area marked ``"<area id>/<what>"``
        with `dialog_drafts.reopenable` (the shell then puts back what was typed in it
        before a lock); None when it cannot be opened again (what it changed is gone)."""
        return None

    def close_connections(self) -> None:
        """Close the connections of its own this area opened on the journal (a worker
        thread's), after `save_pending`: at every lock, right before the journal's own
        engine is closed, whether or not the views are then forgotten (`clear`). Left
        to `clear`, which a lock on quit or before a restart skips, the Journal's save
        connection kept the database and its key open until the process ended.
        Default: none to close."""

    def clear(self) -> None:
        """Forget every shown value, model, undo stack and search text (on lock)."""

    def reload(self, context: AppContext) -> None:
        """The open journal changed under the area (an import): show it afresh, as
        `clear` then `open_journal` do (the default). An area may keep what lasts only
        while the journal is open (the body log: the warning signs already heard)."""
        self.clear()
        self.open_journal(context)

    def setting_changed(self, setting: Setting[Any]) -> None:
        """A preference changed in Settings or the View menu: follow it at once (called
        only while the journal is open)."""

    def focus_search(self) -> bool:
        """Edit > Find: put the focus in this area's search; False when it has none."""
        return False

    def delete_chosen(self) -> bool:
        """Edit > Delete…: ask to delete the item chosen in this area's list (an entry, a
        body log), as its Delete key does; False when nothing here can be deleted."""
        return False

    def undo(self) -> None:
        """Edit > Undo when no text field has the focus (e.g. bring back a deleted entry)."""

    def redo(self) -> None:
        """Edit > Redo when no text field has the focus."""

    def focus_start(self) -> None:
        """Give the focus to where the person starts in this area (by default its first
        control in Tab order), never to the area itself, which says nothing."""
        from journal.ui.common.accessibility import first_tab_stop

        target = first_tab_stop(self)
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_url(self, url: str) -> bool:
        """Show an app link that belongs to this area; False when it is not ours."""
        return False
