"""Keys typed before a lock Solace was not asked for reach the words they were typed for.

A lock for damage (a damaged file found by a check or a save) can begin while the
person types: what she typed before it is delivered first (`deliver_queued_input`),
so it is sealed with the editor's words. What is typed while the window cannot answer
(a lock's work, the areas loading at an unlock) is dropped and said instead
(`journal.ui.common.keys_held.KeysHeld.drop_queued`).
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from journal.ui.common.keys_held import QUEUED_ONLY

__all__ = ["deliver_queued_input"]


def deliver_queued_input() -> None:
    """Deliver the events queued so far (window-system events and posted ones, but no
    timers or sockets) where they were meant to go, input among them: called as a lock
    that the person did not ask for begins (a damaged file found by a check or a save),
    so the keys she typed before it reach the editor and are sealed with its words
    (break test 16 of session 15, finding 2: the end of a sentence typed as the lock
    began was lost with no word). Never before a lock she asked for: what follows her
    Ctrl+L is meant for the lock screen. Nothing happens without a QApplication."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    for _ in range(2):  # what the first pass unpacks (a key's release) comes in the second
        app.processEvents(QUEUED_ONLY)
