"""The summary for a doctor as a PDF of one or two pages (QTextDocument + QPdfWriter).

It holds the date range, the recovery details, a chart, one compact row per
day, the warning signs raised and the questions for the appointment. Log notes
only when the person chose to add them, and never any journal text. The file
is written whole, with owner-only permissions, and never opened by Solace.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from journal.domain.body.summary import DoctorSummary
from journal.domain.body.temperature import TemperatureUnit
from journal.domain.body.warning_signs import rules_by_id
from journal.storage.atomic import atomic_write_bytes
from journal.ui.common.local_time import say_day, say_moment, today_local

CHART_URL = "solace-chart.png"
DEFAULT_PDF_NAME = "health-summary.pdf"
DEFAULT_CSV_NAME = "health-log.csv"

_STYLE = """
body { font-family: sans-serif; font-size: 9pt; color: #222; }
h1 { font-size: 15pt; margin: 0; }
h2 { font-size: 11pt; margin-top: 10px; margin-bottom: 3px; }
td, th { padding: 2px 5px; }
th { background: #e8e4de; text-align: left; }
.small { color: #555; font-size: 8pt; }
"""


def _row(*cells: str, head: bool = False) -> str:
    tag = "th" if head else "td"
    return "<tr>" + "".join(f"<{tag}>{escape(c)}</{tag}>" for c in cells) + "</tr>"


def summary_html(summary: DoctorSummary, unit: TemperatureUnit, extra: str = "") -> str:
    r = summary.recovery
    parts = [
        f"<html><head><style>{_STYLE}</style></head><body>",
        "<h1>Health summary after a pregnancy loss</h1>",
        f"<p><b>From {escape(say_day(summary.start))} to {escape(say_day(summary.end))}</b><br/>",
        f'<span class="small">Made on {escape(say_day(today_local()))} from the person\'s own '
        "notes, kept with Solace. It is a personal record, not a medical record.</span></p>",
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
                f"<li>{escape(rules[s.sign].title)}: {escape(say_moment(s.evidence_at))}</li>"
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
                f"<p><b>{escape(say_moment(a.when) + (', ' + a.place if a.place else ''))}</b><br/>"
                + escape(a.questions).replace("\n", "<br/>")
                + "</p>"
                for a in asked
            )
        )
    else:
        parts.append("<p>None noted.</p>")
    if extra.strip():
        parts.append(
            "<h2>Added for this summary</h2><p>"
            + escape(extra.strip()).replace("\n", "<br/>")
            + "</p>"
        )
    parts.append(f"<h2>Log, one row per day ({len(summary.logs)} logs)</h2>")
    if summary.days_left_out:
        parts.append(
            f'<p class="small">The {summary.days_left_out} earliest days of the range are left out '
            "here to keep the summary short; the CSV file holds every log.</p>"
        )
    parts.append('<table width="100%">')
    parts.append(
        _row(
            "Day",
            "Logs",
            "Bleeding (heaviest)",
            "Cramping",
            f"Temp. ({unit.symbol})",
            "Pads",
            "Also noted",
            head=True,
        )
    )
    for day in summary.days:
        also = "; ".join(day.also + tuple(f"note: {n}" for n in day.notes))
        pads = f"{day.pads} ({day.soaked_through} soaked through)" if day.pads else ""
        temperature = f"{day.temperature.in_unit(unit):.1f}" if day.temperature else ""
        parts.append(
            _row(
                f"{day.day:%d %b}",
                str(day.logs),
                day.bleeding,
                str(day.cramping),
                temperature,
                pads,
                also,
            )
        )
    parts.append("</table></body></html>")
    return "".join(parts)


def summary_pdf_bytes(
    summary: DoctorSummary, unit: TemperatureUnit, chart: QImage, extra: str = ""
) -> bytes:
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
            QMarginsF(14, 14, 14, 14),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = QTextDocument()
    document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(CHART_URL), chart)
    document.setHtml(summary_html(summary, unit, extra))
    document.print_(writer)
    del writer
    buffer.close()
    return bytes(data.data())


def write_summary_pdf(
    path: Path, summary: DoctorSummary, unit: TemperatureUnit, chart: QImage, extra: str = ""
) -> None:
    """Write the PDF to ``path`` (whole or not at all), readable only by its owner."""
    atomic_write_bytes(path, summary_pdf_bytes(summary, unit, chart, extra))
