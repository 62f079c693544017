"""Screenshots of the body log: the form, the timeline with a warning sign, the warning
banner at each urgency level, the chart, the past logs, and (run this file directly) the
first page of the doctor's summary PDF."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from screenshots import settle, unlock

from journal.domain.body.log import (
    Appointment,
    BleedingLevel,
    BodyLog,
    ClotSize,
    LossKind,
    PadChange,
    PadKind,
    RecoveryDetails,
    Soaking,
)
from journal.domain.body.temperature import Temperature, TemperatureUnit
from journal.storage.body.repository import BodyRepository
from journal.storage.lock.journal import OpenJournal
from journal.storage.lock.store import JournalStore
from journal.ui.body.area import BodyArea
from journal.ui.body.recovery_dialog import RecoveryDialog
from journal.ui.common.dark import is_dark_palette
from journal.ui.common.local_time import local_tz
from journal.ui.shell.main_window import MainWindow

DOCS = Path(__file__).resolve().parent


def seed(journal: OpenJournal, days: int = 18, fever: bool = True) -> None:
    now = datetime.now(UTC) - timedelta(minutes=20)
    logs: list[BodyLog] = []
    for day in range(days):
        for n, hours in enumerate((1, 6, 11)):
            at = now - timedelta(days=day, hours=hours)
            level = max(0, 4 - (days - day) // 4)
            logs.append(
                BodyLog(
                    id=f"d{day}-{n}",
                    logged_at=at,
                    bleeding=BleedingLevel(level),
                    clots=ClotSize.SMALL if level >= 3 and n == 0 else ClotSize.NONE,
                    cramping=max(0, min(10, level * 2 - n)),
                    temperature=Temperature(36.7 + 0.1 * ((day + n) % 5), TemperatureUnit.CELSIUS)
                    if n != 1
                    else None,
                )
            )
    if fever:
        logs.append(
            BodyLog(
                id="fever", logged_at=now, temperature=Temperature(38.6, TemperatureUnit.CELSIUS)
            )
        )
    tz = local_tz()
    BodyRepository(journal.db).save_logs(logs)
    BodyRepository(journal.db).save_pad_change(
        PadChange("p", now - timedelta(hours=2), PadKind.REGULAR, Soaking.PARTLY)
    )
    BodyRepository(journal.db).save_recovery(
        RecoveryDetails(
            loss_date=now.astimezone(tz).date() - timedelta(days=days),
            loss_kind=LossKind.COMPLETE,
        ),
    )
    BodyRepository(journal.db).save_appointment(
        Appointment(
            "a", now + timedelta(days=4), "Follow-up at the clinic", "Is the tiredness usual?"
        ),
    )


def _body(window: MainWindow) -> BodyArea:
    area = next(a for a in window.areas if isinstance(a, BodyArea))
    window.show_area(area)
    return area


def _seeded(window: MainWindow, days: int = 18, fever: bool = True) -> BodyArea:
    """Unlocked, on the body log, with ``seed``'s logs saved (not yet shown)."""
    unlock(window)
    area = _body(window)
    assert window.journal is not None
    seed(window.journal, days, fever)
    return area


def form(window: MainWindow, store: JournalStore) -> None:
    unlock(window)
    area = _body(window)
    area.form.bleeding.setCurrentIndex(int(BleedingLevel.LIGHT))
    area.form.cramping.setValue(3)
    area.form.pain_relief.setText("ibuprofen 400 mg")
    area.form.temperature.setText("37.4")
    area.form.time.setFocus()
    settle()


def timeline(window: MainWindow, store: JournalStore) -> None:
    area = _seeded(window)
    area.refresh()
    area.tabs.setCurrentIndex(1)


def chart(window: MainWindow, store: JournalStore) -> None:
    area = _seeded(window, days=28, fever=False)
    area.refresh()
    area.tabs.setCurrentIndex(2)


def chart_table(window: MainWindow, store: JournalStore) -> None:
    """The chart's text alternative: its summary and the table of values, opened."""
    area = _seeded(window, days=28, fever=True)
    area.refresh()
    area.tabs.setCurrentIndex(2)
    text = area.chart_text
    text.toggle.setChecked(True)
    settle()
    # The summary and the table scrolled into view, once laid out (the page opens at
    # its top, the warning card above the chart).
    parent = text.parentWidget()
    while parent is not None:
        page = parent.widget() if isinstance(parent, QScrollArea) else None
        if (
            isinstance(parent, QScrollArea)
            and page is not None
            and parent.verticalScrollBar().maximum()
        ):
            bar = parent.verticalScrollBar()
            bar.setValue(text.mapTo(page, text.rect().topLeft()).y() - 20)
            break
        parent = parent.parentWidget()


def past_logs(window: MainWindow, store: JournalStore) -> None:
    area = _seeded(window)
    assert window.journal is not None
    now = datetime.now(UTC)
    BodyRepository(window.journal.db).save_log(
        BodyLog(
            id="recent",
            logged_at=now - timedelta(minutes=5),
            bleeding=BleedingLevel.SPOTTING,
            clots=ClotSize.SMALL,
            cramping=3,
            pain_relief="ibuprofen 400 mg",
            pain_relief_at=now - timedelta(minutes=30),
            note="Tired after the walk",
        ),
    )
    area.refresh()
    area.mark_seen([sign.key for sign in area.raised])  # the list is the subject here
    area.tabs.setCurrentIndex(3)
    area.past.table.setFocus()
    area.past.table.selectRow(1)


def _one_day(window: MainWindow) -> BodyArea:
    """Unlocked, with one day of logs: two logs and pad changes, some before the first log
    of the day and one on the day before (shown only in the pad list)."""
    unlock(window)
    area = _body(window)
    assert window.journal is not None
    tz = local_tz()
    today = datetime.now(tz).date()

    def at(hour: int, minute: int = 0, days_back: int = 0) -> datetime:
        day = today - timedelta(days=days_back)
        return datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz).astimezone(UTC)

    first = min(at(9), datetime.now(UTC) - timedelta(minutes=30))
    repository = BodyRepository(window.journal.db)
    repository.save_logs(
        [
            BodyLog(
                id="morning",
                logged_at=first,
                bleeding=BleedingLevel.MEDIUM,
                cramping=5,
                pain_relief="paracetamol 1 g",
                pain_relief_at=first,
                temperature=Temperature(37.3, TemperatureUnit.CELSIUS),
            ),
            BodyLog(
                id="later",
                logged_at=datetime.now(UTC) - timedelta(minutes=5),
                bleeding=BleedingLevel.LIGHT,
                cramping=3,
            ),
        ]
    )
    for n, moment in enumerate((first - timedelta(minutes=40), first + timedelta(minutes=10))):
        repository.save_pad_change(PadChange(f"p{n}", moment, PadKind.REGULAR, Soaking.PARTLY))
    repository.save_pad_change(
        PadChange("yesterday", at(22, 30, days_back=1), PadKind.OVERNIGHT, Soaking.PARTLY)
    )
    area.refresh()
    area.mark_seen([sign.key for sign in area.raised])
    return area


def chart_one_day(window: MainWindow, store: JournalStore) -> None:
    area = _one_day(window)
    area.tabs.setCurrentIndex(2)


def past_logs_one_day(window: MainWindow, store: JournalStore) -> None:
    area = _one_day(window)
    area.tabs.setCurrentIndex(3)
    area.past.table.setFocus()
    area.past.table.selectRow(0)


def form_refused(window: MainWindow, store: JournalStore) -> None:
    """A temperature of 50 refused: the note under the field, the focus there."""
    unlock(window)
    area = _body(window)
    area.form.bleeding.setCurrentIndex(int(BleedingLevel.LIGHT))
    area.form.temperature.setText("50")
    area.form.submit()
    settle()


def recovery_details(window: MainWindow, store: JournalStore) -> None:
    """The recovery details window, nothing noted yet: days open at today."""
    unlock(window)
    area = _body(window)
    dialog = RecoveryDialog(area.recovery, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    settle()
    dialog.grab().save(str(DOCS / f"body-recovery-details-dialog-{_theme_name(window)}.png"))
    area.tabs.setCurrentIndex(1)
    dialog.close()


def _theme_name(window: MainWindow) -> str:
    return "dark" if is_dark_palette(window.palette()) else "light"


def warning_immediate(window: MainWindow, store: JournalStore) -> None:
    """The banner at the "contact your doctor immediately" level: a fever."""
    unlock(window)
    area = _body(window)
    assert window.journal is not None
    BodyRepository(window.journal.db).save_log(
        BodyLog(
            id="fever",
            logged_at=datetime.now(UTC) - timedelta(minutes=10),
            bleeding=BleedingLevel.LIGHT,
            temperature=Temperature(38.6, TemperatureUnit.CELSIUS),
        ),
    )
    area.refresh()
    area.tabs.setCurrentIndex(0)


def warning_waiting(window: MainWindow, store: JournalStore) -> None:
    """After an unlock: the Journal, and a note that a fever is not yet marked as seen."""
    unlock(window)
    assert window.journal is not None
    BodyRepository(window.journal.db).save_log(
        BodyLog(
            id="fever",
            logged_at=datetime.now(UTC) - timedelta(minutes=10),
            temperature=Temperature(38.6, TemperatureUnit.CELSIUS),
        ),
    )
    window.lock()
    unlock(window)
    settle()


def warning_appointment(window: MainWindow, store: JournalStore) -> None:
    """The banner at the "make an appointment" level: heavy bleeding from the pads noted."""
    unlock(window)
    area = _body(window)
    assert window.journal is not None
    start = datetime.now(UTC) - timedelta(hours=2, minutes=10)
    repository = BodyRepository(window.journal.db)
    for n in range(3):
        repository.save_pad_change(
            PadChange(f"p{n}", start + timedelta(hours=n), PadKind.THICK, Soaking.FULLY)
        )
    area.refresh()
    area.tabs.setCurrentIndex(0)


def warning_both(window: MainWindow, store: JournalStore) -> None:
    """Both levels at once: a newer chills card above an older large-clots card."""
    unlock(window)
    area = _body(window)
    assert window.journal is not None
    repository = BodyRepository(window.journal.db)
    now = datetime.now(UTC)
    repository.save_log(BodyLog("clots", now - timedelta(days=1), clots=ClotSize.LARGE))
    repository.save_log(BodyLog(id="chills", logged_at=now - timedelta(minutes=10), chills=True))
    area.refresh()
    area.tabs.setCurrentIndex(0)


SCENES = {
    "body-form": (form, 1),
    "body-timeline": (timeline, 1),
    "body-warning-immediate": (warning_immediate, 1),
    "body-warning-appointment": (warning_appointment, 1),
    "body-warning-both": (warning_both, 1),
    "body-warning-waiting": (warning_waiting, 1),
    "body-chart": (chart, 1),
    "body-chart-table": (chart_table, 1),
    "body-past-logs": (past_logs, 1),
    "body-chart-one-day": (chart_one_day, 1),
    "body-past-logs-one-day": (past_logs_one_day, 1),
    "body-form-refused": (form_refused, 1),
    "body-recovery-details": (recovery_details, 1),
}


def render_pages(pdf: Path, stem: Path, last: int) -> None:
    """Pages 1..``last`` of ``pdf`` as ``<stem><n>.png`` at 80 dpi: with pdftoppm where it
    is installed, else with Ghostscript."""
    if shutil.which("pdftoppm"):
        for page in range(1, last + 1):
            subprocess.run(
                ["pdftoppm", "-png", "-r", "80", "-f", str(page), "-l", str(page),
                 "-singlefile", str(pdf), f"{stem}{page}"],
                check=True,
            )  # fmt: skip
        return
    subprocess.run(
        ["gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=png16m", "-r80", "-dFirstPage=1",
         f"-dLastPage={last}", f"-sOutputFile={stem}%d.png", str(pdf)],
        check=True,
    )  # fmt: skip


def pdf_first_page() -> None:
    """Write a sample summary; its first two pages become docs/doctor-summary-page<n>.png."""
    from journal.storage.lock.keys import LIGHT_KDF
    from journal.ui.body.export_dialog import export_pdf

    app = QApplication.instance() or QApplication(sys.argv)
    # The summary goes outside the journals' folder: Solace writes no plain file there.
    with tempfile.TemporaryDirectory() as folder, tempfile.TemporaryDirectory() as out:
        store = JournalStore(Path(folder))
        journal, _ = store.create("Sample", "a long sample passphrase", LIGHT_KDF)
        seed(journal, days=14)
        end = datetime.now(local_tz()).date()
        target = Path(out) / "health-summary.pdf"
        export_pdf(
            BodyRepository(journal.db),
            target,
            end - timedelta(days=14),
            end,
            TemperatureUnit.CELSIUS,
        )
        journal.lock()
        render_pages(target, DOCS / "doctor-summary-page", last=2)
    del app


if __name__ == "__main__":
    pdf_first_page()
