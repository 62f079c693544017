"""The summary for a doctor as a PDF (QTextDocument + QPdfWriter), A4.

It holds the date range, the recovery details, a chart, one compact row for
every day of the range with logs or pad changes (however many pages that
takes, each numbered "page n of N"), the warning signs raised and the
questions for the appointment. No row of the log is split across two pages
(``paginate``). Log notes
only when the person chose to add them, and never any journal text. The file
is written whole, with owner-only permissions, and never opened by Solace.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta
from html import escape
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
    QTextTable,
)

from journal.domain.body.summary import DayNote, DoctorSummary, SummaryDay
from journal.domain.body.temperature import TemperatureUnit
from journal.domain.body.warning_signs import rules_by_id
from journal.domain.common.file_names import HEALTH_LOG_CSV, HEALTH_SUMMARY_PDF
from journal.domain.common.local_time import (
    local_zone_name,
    now_utc,
    to_local,
    zone_abbreviation,
)
from journal.domain.common.words import count
from journal.storage.atomic import write_to_chosen_place
from journal.ui.common.local_time import say_day, say_moment, say_time, today_local

CHART_URL = "solace-chart.png"
DEFAULT_PDF_NAME = HEALTH_SUMMARY_PDF  # neutral names: journal.domain.common.file_names
DEFAULT_CSV_NAME = HEALTH_LOG_CSV
LAYOUT_DPI = 96  # Qt lays rich text out at screen resolution; the PDF scales it to its own
FOOTER_POINTS = 14  # room at the foot of each page for "page n of N"
PAGE_BREAK = "page-break-before: always"
PRINT_POINTS = 9.0  # the body text, as the style sheet says
CLIP_SHORT = 0.5  # layout px: see summary_pdf_bytes
NBSP = "\u00a0"
NOTHING_LOGGED = "Nothing logged"
#: Said above the log's table: a day without a row is not a day without bleeding.
NO_LOG_RULE = (
    "Days with nothing logged are not days without symptoms: each stretch of them has "
    "one line, “Nothing logged”."
)
LOG_WIDTHS = ("15%", "7%", "12%", "12%", "8%", "14%", "32%")  # "Also noted" gets the room
#: A note is laid out in rows of at most this many characters and line breaks, each far
#: shorter than a page (about 12 lines of the 60 an A4 page holds at 9 pt), so the rows
#: are never split (``paginate``) and each page a long note goes on to begins with its
#: day, "29 Nov 2026 (continued)" (break test 10 of session 15, finding 13).
NOTE_PIECE_CHARS = 1200
NOTE_PIECE_LINES = 12
CONTINUED = "(continued)"

_STYLE = """
body { font-family: sans-serif; font-size: 9pt; color: #222; }
h1 { font-size: 15pt; margin: 0; }
h2 { font-size: 11pt; margin-top: 10px; margin-bottom: 3px; }
td, th { padding: 2px 5px; }
th { background: #e8e4de; text-align: left; }
.small { color: #555; font-size: 8pt; }
"""


#: A stretch of days in the range with no log and no pad change: (first, last), inclusive.
Gap = tuple[date, date]


def log_lines(summary: DoctorSummary) -> list[SummaryDay | Gap]:
    """The log's table, line by line: each day with a log or a pad change, and between
    them (and before the first, after the last) one line per stretch of days with
    nothing logged, so that a doctor never reads a missing day as a day of no bleeding.
    A range with nothing logged at all is one such line."""
    lines: list[SummaryDay | Gap] = []
    expected = summary.start
    for day in summary.days:
        if day.day > expected:
            lines.append((expected, day.day - timedelta(days=1)))
        lines.append(day)
        expected = day.day + timedelta(days=1)
    if expected <= summary.end:
        lines.append((expected, summary.end))
    return lines


def _gap_row(first: date, last: date) -> str:
    """One line for days with nothing logged: "25 Nov – 30 Nov 2026", "Nothing logged"."""
    when = f"{first:%d %b %Y}" if first == last else f"{first:%d %b} – {last:%d %b %Y}"
    return (
        f"<tr><td>{escape(when.replace(' ', NBSP))}</td>"
        f'<td colspan="{len(LOG_WIDTHS) - 1}"><i>{NOTHING_LOGGED}</i></td></tr>'
    )


def _day_cell(day: date) -> str:
    return f"{day:%d %b %Y}".replace(" ", NBSP)  # a day is never broken


def note_pieces(text: str) -> list[str]:
    """``text`` (a note) cut into pieces of at most `NOTE_PIECE_CHARS` characters and
    `NOTE_PIECE_LINES` line breaks, at a line break, else after a sentence's end, else
    at a space (a word longer than a piece is cut inside); joined, the pieces are
    ``text`` again, character for character."""
    pieces: list[str] = []
    rest = text
    while rest:
        cut = _cut(rest)
        pieces.append(rest[:cut])
        rest = rest[cut:]
    return pieces


def _cut(text: str) -> int:
    """Where the first piece of ``text`` ends (`note_pieces`)."""
    window = text[:NOTE_PIECE_CHARS]
    breaks = [i for i, c in enumerate(window) if c == "\n"]
    if len(breaks) >= NOTE_PIECE_LINES:
        return breaks[NOTE_PIECE_LINES - 1] + 1
    if len(text) <= NOTE_PIECE_CHARS:
        return len(text)
    half = NOTE_PIECE_CHARS // 2
    for mark in ("\n", ". ", "? ", "! ", " "):
        at = window.rfind(mark, half)
        if at >= 0:
            return at + len(mark)
    return NOTE_PIECE_CHARS


def _note_rows(day: date, note: DayNote) -> list[str]:
    """The rows of one note: the first says its log's time ("Note, 08:15:"), each
    after it "29 Nov 2026 (continued)" in its Day cell."""
    rows = []
    for number, piece in enumerate(note_pieces(note.text.strip("\r\n").rstrip())):
        shown = as_written(piece.removesuffix("\n"))
        if number:
            when, label = f"{_day_cell(day)} {CONTINUED}", ""
        else:
            when = _day_cell(day)
            label = f"<i>Note, {escape(say_time(note.logged_at, note.zone))}:</i> "
        rows.append(
            f'<tr><td>{when}</td><td colspan="{len(LOG_WIDTHS) - 1}">{label}{shown}</td></tr>'
        )
    return rows


def log_rows(summary: DoctorSummary, unit: TemperatureUnit) -> list[tuple[int, str]]:
    """The log's table as (group, row) pairs, in order: a group is one line of
    `log_lines` (a day, or a stretch of days with nothing logged), its row and, for a
    day, full-width rows under it for each of its notes (`_note_rows`).

    Each row names its day in the first column, so a page never shows symptoms or a
    note without the day they belong to, and notes get the page's width instead of a
    narrow column (break test 10 of session 12, finding 1: a day with three long notes
    was one 70-line row, split across pages, its continuation under an empty Day cell).
    A note longer than a page is several rows, each far shorter than a page, so it
    goes on from page to page under its day, "(continued)", and the column headers
    (break test 10 of session 15, finding 13).
    """
    rows: list[tuple[int, str]] = []
    for group, line in enumerate(log_lines(summary)):
        if isinstance(line, tuple):
            rows.append((group, _gap_row(*line)))
            continue
        temperature = f"{line.temperature.in_unit(unit):.1f}" if line.temperature else ""
        pads = f"{line.pads} ({line.soaked_through} soaked through)" if line.pads else ""
        also = "; ".join(each.strip() for each in line.also)
        cramping = "" if line.cramping is None else str(line.cramping)  # not noted: empty
        cells = (str(line.logs), line.bleeding, cramping, temperature, pads, also)
        shown = "".join(f"<td>{as_written(c)}</td>" for c in cells)
        rows.append((group, f"<tr><td>{_day_cell(line.day)}</td>{shown}</tr>"))
        for note in line.notes:
            rows += [(group, row) for row in _note_rows(line.day, note)]
    return rows


def as_written(text: str) -> str:
    """``text`` (a note, a question, anything the person wrote) as Qt rich text that
    shows it as written: escaped, each line break kept, indents, tabs and repeated
    spaces kept (rich text otherwise folds all of them into one space: break test 9
    of session 10, finding 8, a note written as a list reached the doctor as one
    run-on line)."""
    if not text:
        return ""
    lines = escape(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return f'<span style="white-space: pre-wrap">{"<br/>".join(lines)}</span>'


def _row(*cells: str, head: bool = False, widths: tuple[str, ...] = ()) -> str:
    tag = "th" if head else "td"
    sized = [f' width="{w}"' if w else "" for w in widths] + [""] * len(cells)
    shown = "".join(
        f"<{tag}{size}>{as_written(c)}</{tag}>" for c, size in zip(cells, sized, strict=False)
    )
    return f"<tr>{shown}</tr>"


def _zone_of_times() -> str:
    """The sentence that says which clock the summary's times without a zone follow:
    the computer's zone as its IANA name and its short name now, like "Times without a
    zone are Pacific/Chatham time (UTC+13:45 today); a time noted elsewhere says its
    zone." The summary's reader is not where it was made: a reading at 05:30 UTC+05:45
    and one at 14:00 Chatham time read 8½ hours apart, 30 minutes in truth (break test
    45a, F2)."""
    now = to_local(now_utc())
    name = local_zone_name()
    if name is None or name == "UTC" or name.startswith("Etc/"):  # a zone named by its offset
        clock = f"in {zone_abbreviation(now)}"
    else:
        clock = f"{name} time ({zone_abbreviation(now)} today)"
    return f"Times without a zone are {clock}; a time noted elsewhere says its zone."


def summary_html(
    summary: DoctorSummary,
    unit: TemperatureUnit,
    extra: str = "",
    breaks: Collection[int] = (),
) -> str:
    """The summary as Qt rich text; a new page starts before each log row in ``breaks``
    (numbered as in `log_rows`, 0 is the first), with the table's header row repeated."""
    r = summary.recovery
    parts = [
        f"<html><head><style>{_STYLE}</style></head><body>",
        "<h1>Health summary after a pregnancy loss</h1>",
        f"<p><b>From {escape(say_day(summary.start))} to {escape(say_day(summary.end))}</b><br/>",
        f'<span class="small">Made on {escape(say_day(today_local()))} from the person\'s own '
        "notes, kept with Solace. It is a personal record, not a medical record. "
        f"{escape(_zone_of_times())}</span></p>",
        "<h2>Recovery details</h2><table>",
        _row("Day of the loss", say_day(r.loss_date) if r.loss_date else "Not noted"),
        _row("Kind of loss", r.loss_kind.label),
        _row(
            "Treatment", r.treatment.label + (f" ({r.treatment_note})" if r.treatment_note else "")
        ),
    ]
    if summary.days_since_loss is not None:
        parts.append(_row("Days since the loss", str(summary.days_since_loss)))
    parts += [
        _row("Days with bleeding noted", str(summary.bleeding_days)),
        _row(
            "Bleeding stopped",
            say_day(r.bleeding_stopped_on) if r.bleeding_stopped_on else "Not noted",
        ),
        _row(
            "First period after", say_day(r.first_period_on) if r.first_period_on else "Not noted"
        ),
        "</table>",
        f'<p><img src="{CHART_URL}" width="500"/></p>',
        "<h2>Warning signs raised in this range</h2>",
    ]
    rules = rules_by_id()
    if summary.signs:
        parts.append(
            "<ul>"
            + "".join(
                f"<li>{escape(rules[s.sign].title)}: "
                f"{escape(say_moment(s.evidence_at, zone=s.zone))}</li>"
                for s in summary.signs
            )
            + "</ul>"
        )
    else:
        parts.append("<p>None.</p>")
    parts.append("<h2>Questions for the appointment</h2>")
    asked = [a for a in summary.appointments if a.questions]
    if asked:
        parts.append(
            "".join(
                "<p><b>"
                + escape(say_moment(a.when, zone=a.zone) + (", " + a.place if a.place else ""))
                + "</b><br/>"
                + as_written(a.questions)
                + "</p>"
                for a in asked
            )
        )
    else:
        parts.append("<p>None noted.</p>")
    if extra.strip():  # blank lines around it are not kept; indents inside it are
        parts.append(
            "<h2>Added for this summary</h2><p>" + as_written(extra.strip("\r\n").rstrip()) + "</p>"
        )
    # With 0 in ``breaks`` the log starts a page, heading and all: its header row
    # had been left alone at the foot of the page before.
    starts_page = f' style="{PAGE_BREAK}"' if 0 in breaks else ""
    # A day with pad changes and no log has its row, and is counted apart (break test
    # of session 26, F2: "3 days with a log" where one of the three had none).
    logged = sum(1 for day in summary.days if day.logs)
    pads_only = len(summary.days) - logged
    parts.append(
        f"<h2{starts_page}>Log, one row per day "
        f"({count(logged, 'day', 'days')} with a log, "
        f"{count(len(summary.logs), 'log', 'logs')}"
        + (f", {count(pads_only, 'day', 'days')} with pad changes only" if pads_only else "")
        + ")</h2>"
    )
    parts.append(
        '<p class="small">For each day: the heaviest bleeding, the strongest cramping '
        f"(0 to 10) and the highest temperature ({unit.symbol}) noted, and the pads changed. "
        f"{NO_LOG_RULE}</p>"
    )
    header = _row(
        "Day",
        "Logs",
        "Bleeding",
        "Cramping",
        "Temp.",
        "Pads",
        "Also noted",
        head=True,
        widths=LOG_WIDTHS,
    )
    header = f"<thead>{header}</thead>"  # Qt repeats it at the top of each page
    parts.append(f'<table width="100%">{header}')
    for number, (_, row) in enumerate(log_rows(summary, unit)):
        if number in breaks and number:
            # A new page for this row, so that no row is split: the table goes on there.
            parts.append(f'</table><table width="100%" style="{PAGE_BREAK}">{header}')
        parts.append(row)
    parts.append("</table></body></html>")
    return "".join(parts)


def _document(html: str, chart: QImage, page: QSizeF) -> QTextDocument:
    """The summary laid out on pages of ``page`` (points at 96 dpi, as Qt lays out text)."""
    document = QTextDocument()
    # The document's own font, never the app's: headings are sized from the default
    # font, which would otherwise grow with the on-screen text size (at 200 % they
    # wrapped into two-line titles). A printed summary is the same at any text size.
    font = QFont("sans-serif")
    font.setPointSizeF(PRINT_POINTS)
    document.setDefaultFont(font)
    document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(CHART_URL), chart)
    document.setHtml(html)
    frame = document.rootFrame().frameFormat()
    frame.setMargin(0)
    document.rootFrame().setFrameFormat(frame)
    document.setPageSize(page)
    return document


def _log_rows(document: QTextDocument) -> tuple[list[tuple[float, float]], float, float]:
    """Top and bottom (document coordinates) of each row of the log, in order, how
    far below its table's top the first row starts (the header row and the border),
    and where the log's first table (its header row) starts.

    The log is every table after the first (the recovery details); each of its
    tables starts with a header row.
    """
    tables = [f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable)]
    layout = document.documentLayout()
    rows: list[tuple[float, float]] = []
    header = 0.0
    start = layout.frameBoundingRect(tables[1]).top() if len(tables) > 1 else 0.0
    for table in tables[1:]:
        for row in range(1, table.rows()):
            top, bottom = float("inf"), 0.0
            for column in range(table.columns()):
                cell = table.cellAt(row, column)
                first = layout.blockBoundingRect(cell.firstCursorPosition().block())
                last = layout.blockBoundingRect(cell.lastCursorPosition().block())
                top, bottom = min(top, first.top()), max(bottom, last.bottom())
            if row == 1 and not header:
                header = top - layout.frameBoundingRect(table).top()
            rows.append((top, bottom))
    return rows, header, start


def _split(top: float, bottom: float, height: float, room: float) -> bool:
    """True when rows from ``top`` to ``bottom`` cross a page end (pages ``height``
    tall) but fit in the ``room`` a page has under the header row."""
    return int(top // height) != int((bottom - 0.5) // height) and bottom - top <= room


def _planned_breaks(
    rows: list[tuple[float, float]],
    groups: list[int],
    breaks: set[int],
    height: float,
    header: float,
) -> set[int]:
    """Every row to start a new page, planned from one layout. A day's rows (its row
    and its notes: ``groups`` holds each row's day) that would be split but fit on a
    page go together to the top of the next page (under the header); a day too long
    for one page is broken between its rows only, never inside one. The rows after
    a moved one move down with it. Rows in ``breaks`` already start their page in
    this layout."""
    planned = set(breaks)
    shift = 0.0
    room = height - header
    members: dict[int, list[int]] = {}
    for number, group in enumerate(groups):
        members.setdefault(group, []).append(number)

    def move(number: int, top: float) -> None:
        nonlocal shift
        shift += (int(top // height) + 1) * height + header - top
        planned.add(number)

    for numbers in members.values():
        first = numbers[0]
        if first in breaks:
            shift = 0.0  # laid out for real from here on
        top, bottom = rows[first][0] + shift, rows[numbers[-1]][1] + shift
        if first not in breaks and _split(top, bottom, height, room):
            move(first, top)
            continue
        for number in numbers[1:] if first in breaks else numbers:
            if number in breaks:
                shift = 0.0
                continue
            top, bottom = rows[number][0] + shift, rows[number][1] + shift
            if _split(top, bottom, height, room):
                move(number, top)
    return planned


def paginate(
    summary: DoctorSummary, unit: TemperatureUnit, chart: QImage, page: QSizeF, extra: str = ""
) -> QTextDocument:
    """The summary on pages of ``page``, with no row of the log split across two pages
    and a day's rows kept on one page when they fit there.

    Qt breaks a table between the lines of a cell, so a row whose cells wrap
    can start on one page and end on the next. Here each such row (or the day it
    belongs to) starts a new page instead (the table goes on there, under its header
    row). The breaks are planned from one layout and checked on the next, until no
    row is split (usually two or three layouts, however many pages). A single row
    taller than a whole page stays as it is. When the first row would go to the next
    page without its header row, the log starts that page, heading and all.
    """
    groups = [group for group, _ in log_rows(summary, unit)]
    breaks: set[int] = set()
    for _ in range(len(groups) + 1):
        document = _document(summary_html(summary, unit, extra, breaks), chart, page)
        rows, header, start = _log_rows(document)
        planned = _planned_breaks(rows, groups, breaks, page.height(), header)
        if rows and int(start // page.height()) != int(rows[0][0] // page.height()):
            planned.add(0)  # the header row would stand alone at the foot of a page
        if planned == breaks:
            return document
        breaks = planned
    return document


def summary_pdf_bytes(
    summary: DoctorSummary, unit: TemperatureUnit, chart: QImage, extra: str = ""
) -> bytes:
    """The summary as a PDF (A4), every day of the range in the log and "Page n of N"
    at the foot of each page."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle("Health summary")
    writer.setCreator("Solace")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(16, 16, 16, 14),
            QPageLayout.Unit.Millimeter,
        )
    )
    scale = writer.resolution() / LAYOUT_DPI
    footer = FOOTER_POINTS * LAYOUT_DPI / 72
    page = QSizeF(writer.width() / scale, writer.height() / scale - footer)
    document = paginate(summary, unit, chart, page, extra)
    pages = document.pageCount()
    painter = QPainter(writer)
    font = QFont("sans-serif")
    font.setPixelSize(11)  # in layout units: 8 pt at 96 dpi, scaled with the page
    for number in range(pages):
        if number:
            writer.newPage()
        painter.save()
        painter.scale(scale, scale)
        painter.translate(0, -number * page.height())
        # A line the layout moved to the next page starts exactly at this page's end;
        # Qt draws every line that touches the clip, so it was also written here, clipped
        # out of sight but in the text layer ("pdftotext" read it twice). The clip
        # stops just short of the end, so that line is drawn on its own page only.
        shown = QRectF(0, number * page.height(), page.width(), page.height() - CLIP_SHORT)
        document.drawContents(painter, shown)
        painter.restore()
        painter.save()
        painter.scale(scale, scale)
        painter.setFont(font)
        painter.setPen(QColor("#555555"))
        painter.drawText(
            QRectF(0, page.height(), page.width(), footer),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
            f"Health summary, page {number + 1} of {pages}",
        )
        painter.restore()
    painter.end()
    del writer
    buffer.close()
    return bytes(data.data())


def write_summary_pdf(
    path: Path, summary: DoctorSummary, unit: TemperatureUnit, chart: QImage, extra: str = ""
) -> None:
    """Write the PDF to ``path`` (whole or not at all), readable only by its owner.
    Raises `PlaceNotWritten` when the chosen place is full, read-only or failed."""
    write_to_chosen_place(path, summary_pdf_bytes(summary, unit, chart, extra), "summary")
