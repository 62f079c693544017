"""The areas the main window shows, in navigation order.

Imported when first needed (on the first unlock), so that start-up stays light.
"""

from __future__ import annotations

from journal.ui.common.area import Area


def area_classes() -> list[type[Area]]:
    """The main window's areas in sidebar order (imported here, late, to keep start-up light)."""
    from journal.ui.body.area import BodyArea
    from journal.ui.entries.area import JournalArea
    from journal.ui.library.area import LibraryArea
    from journal.ui.together.area import TogetherArea

    return [JournalArea, BodyArea, LibraryArea, TogetherArea]


def load_unlock_modules() -> None:
    """Import the areas' modules and the others the first unlock imports on the
    window's thread (the body log's switch, the daily backup, the unfinished work
    told at unlock): imports only, never a widget, in the background thread that
    loads the storage stack while the passphrase is typed (issue 12)."""
    area_classes()
    import journal.storage.body.switch
    import journal.storage.safekeeping.unfinished
    import journal.ui.safekeeping.backup  # noqa: F401
