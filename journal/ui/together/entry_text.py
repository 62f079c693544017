"""A shared entry's words as its writer saw them in her editor, for the partner to read.

The stored text is Markdown typed by the writer. Together shows it styled, with the
markers taken off by the editor's own rules (`journal.domain.entries.reading`):
bold, italics, strike-through, code, headings as large as the editor draws them,
quotes set in and italic, "•" for a list's "- ". Every other character is kept,
spaces and blank lines included: the words go into Qt's rich text escaped, so
``<little bean>`` is text, never a tag (break test 9, finding 11).
"""

from __future__ import annotations

from html import escape

from journal.domain.entries.reading import LineKind, ReadLine, Run, reading_lines

__all__ = ["reading_html", "reading_text"]

# Qt's named sizes are its steps of 1.2 (large), 1.5 (x-large), 2 (xx-large) times the
# text: the sizes the editor gives headings of level 3, 2 and 1 (HEADING_STEPS).
_HEADING_SIZE = {1: "xx-large", 2: "x-large", 3: "large"}
_QUOTE_INDENT_PX = 16
_TAGS = {"bold": ("<b>", "</b>"), "italic": ("<i>", "</i>"), "strike": ("<s>", "</s>")}


def _run_html(run: Run) -> str:
    html = escape(run.text, quote=False)
    if "code" in run.styles:
        html = f"<code>{html}</code>"
    for style, (opening, closing) in _TAGS.items():
        if style in run.styles:
            html = f"{opening}{html}{closing}"
    return html


def _line_html(line: ReadLine) -> str:
    words = "".join(_run_html(run) for run in line.runs)
    style = "white-space:pre-wrap; margin:0"
    if not line.runs:  # a blank line stays a blank line (Qt's own mark for one)
        style += "; -qt-paragraph-type:empty"
    if line.kind is LineKind.HEADING:
        size = _HEADING_SIZE.get(line.level, "medium")
        words = f'<span style="font-size:{size}; font-weight:600">{words}</span>'
    elif line.kind is LineKind.QUOTE:
        style += f"; margin-left:{_QUOTE_INDENT_PX}px"
        words = f"<i>{words}</i>"
    return f'<p style="{style}">{words}</p>'


def reading_html(body: str) -> str:
    """``body`` (stored Markdown) as Qt rich text for a QLabel: one paragraph a line."""
    return "".join(_line_html(line) for line in reading_lines(body))


def reading_text(body: str) -> str:
    """``body`` as its reader sees it, without styles: the lines of `reading_html`."""
    return "\n".join(line.text for line in reading_lines(body))
