"""A change of the text size lays the window out as if it had been opened at the new
size (issue 10, break test of session 18, finding 2): set to 200 % and then to 150 % in
Settings, the window kept sizes measured at 200 % (the chart's least width, a field's
width for its whole date, a label's width for its words), an in-between layout found
in no window opened at 150 %."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QListView, QTableView, QWidget

from journal.domain.body.log import BodyLog, ClotSize, Discharge
from journal.domain.body.temperature import Temperature, TemperatureUnit
from journal.domain.entries.entry import Entry
from journal.settings import FONT_SCALE
from journal.storage.body.repository import BodyRepository
from journal.storage.entries.repository import EntryRepository
from journal.storage.lock.keys import LIGHT_KDF
from journal.ui.common.accessibility import Message
from journal.ui.common.widgets import GROWS_WITH_CONTENT
from tests.conftest import PASSPHRASE
from tests.ui.entries.test_editor import journal_area, unlock
from tests.ui.shell.test_fits_any_screen import SCREENS, every_tab, settle_layouts

#: A log with warning signs (as test_fits_any_screen's banner), saved before opening.
WARNING_SIGNS = BodyLog(
    id="signs",
    logged_at=datetime.now(UTC) - timedelta(minutes=5),
    clots=ClotSize.LARGE,
    temperature=Temperature(39.0, TemperatureUnit.CELSIUS),
    chills=True,
    discharge=Discharge.FOUL_SMELLING,
)

#: Qt's "no limit" (QWIDGETSIZE_MAX), shown as -1.
NO_LIMIT = (1 << 24) - 1


def _limits(widget: QWidget) -> tuple[object, ...]:
    """The sizes Solace (or Qt) gave ``widget`` at some text size: its minimum and
    maximum, and the height of its rows and widths of its columns for a list or table."""
    most = tuple(-1 if side >= NO_LIMIT else side for side in widget.maximumSize().toTuple())
    found: list[object] = [widget.minimumSize().toTuple(), most]
    model = widget.model() if isinstance(widget, QTableView | QListView) else None
    if model is not None and model.rowCount():
        if isinstance(widget, QTableView):
            columns = [widget.columnWidth(c) for c in range(model.columnCount())]
            found.append((widget.rowHeight(0), columns))
        else:
            found.append(widget.sizeHintForRow(0))
    return tuple(found)


def _layout(window) -> dict[str, tuple[object, ...]]:  # type: ignore[no-untyped-def]
    """Every shown widget's `_limits`, in every area and tab on both screens, by where
    it is and what it says. A scroll area that grows with its content is left out: its
    least height is its content's height, which the content's own sizes make."""
    found: dict[str, tuple[object, ...]] = {}
    for screen in SCREENS:
        window.resize(screen)
        settle_layouts(window)
        for area, tab in every_tab(window):
            # Cards replaced by a refresh, still shown until Qt deletes them.
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            for widget in window.findChildren(QWidget):
                if not widget.isVisible() or widget.property(GROWS_WITH_CONTENT):
                    continue
                # A label's or button's words say which it is; a field's or a
                # message's are what was typed or what just happened.
                named = isinstance(widget, QLabel | QAbstractButton)
                words = widget.text()[:30] if named and not isinstance(widget, Message) else ""
                where = (
                    f"{screen.width()}x{screen.height()} {area.area_id} tab {tab}: "
                    f"{type(widget).__name__} {widget.accessibleName()!r} {words!r}"
                )
                same = sum(1 for key in found if key.startswith(where))
                found[f"{where} #{same}"] = _limits(widget)
    return found


def _open_year_one_entry(qtbot, window, entry_id: str) -> None:  # type: ignore[no-untyped-def]
    """Unlock ``window`` and open the entry ``entry_id`` of year 1 (its date in words,
    not in the date field)."""
    unlock(qtbot, window)
    area = journal_area(window)
    area.show_timeline()
    if area.side.isHidden():  # the list gave way to the entry: shown as a person would
        qtbot.mouseClick(area.list_button, Qt.MouseButton.LeftButton)
    assert area.timeline.isVisible()
    row = area.model.index(area.model.row_of(entry_id))
    qtbot.mouseClick(
        area.timeline.viewport(),
        Qt.MouseButton.LeftButton,
        pos=area.timeline.visualRect(row).center(),
    )
    qtbot.waitUntil(lambda: area.editor.entry_id == entry_id, timeout=5_000)
    assert area.editor.when_fixed.isVisible()


def test_200_then_150_percent_is_laid_out_as_a_window_opened_at_150(
    qtbot, window, store, settings
) -> None:  # type: ignore[no-untyped-def]
    (info,) = store.journals()
    journal = store.unlock(info.folder, PASSPHRASE)
    written = datetime(1, 1, 1, 12, 0, tzinfo=UTC)
    entry = Entry(id=str(uuid.uuid4()), created_at=written, updated_at=written, body="Year")
    EntryRepository(journal.db).save(entry)
    BodyRepository(journal.db).save_log(WARNING_SIGNS)  # the Body log's banner shows
    journal.lock()
    _open_year_one_entry(qtbot, window, entry.id)
    window.settings.set(FONT_SCALE, 200)
    for screen in SCREENS:  # every page laid out at 200 %
        window.resize(QSize(screen))
        list(every_tab(window))
    window.settings.set(FONT_SCALE, 150)
    changed = _layout(window)
    window.lock()
    window.close()

    from journal.ui.shell.main_window import MainWindow

    opened = MainWindow(store, settings, LIGHT_KDF)  # the settings say 150 % now
    qtbot.addWidget(opened)
    opened.show()
    _open_year_one_entry(qtbot, opened, entry.id)
    fresh = _layout(opened)
    opened.lock()
    assert changed.keys() == fresh.keys()
    differ = [
        f"{key}: {changed[key]}, opened at 150 %: {fresh[key]}"
        for key in changed
        if changed[key] != fresh[key]
    ]
    assert differ == []
