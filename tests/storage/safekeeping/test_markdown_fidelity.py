"""The Markdown files of an export read back as written, and #tags in imported text
count (break test of issue 9, findings 6 and 9), on a real encrypted journal."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextDocument

from journal.domain.entries.entry import Entry
from journal.domain.safekeeping.imported import preview
from journal.domain.safekeeping.markdown import inline_markdown, parse_file
from journal.domain.safekeeping.shown_html import (
    as_shown,
    as_typed,
    code_block_lines,
    html_shown,
    html_typed,
)
from journal.domain.safekeeping.sources import plan_for
from journal.storage.entries.repository import EntryRepository
from journal.storage.safekeeping.export import export_journal
from journal.storage.safekeeping.importer import apply, differing_ids, existing_ids
from journal.ui.safekeeping.import_dialog import describe

ENTRY_ID = "00000000-0000-4000-8000-000000000001"
BASE = datetime(2026, 3, 29, 10, 0, tzinfo=UTC)
TITLE = 'He said "no": \\ --- #x *star* _x_ &amp; [a](b) <b>'


def _heading_as_read(markdown: str) -> str:
    """The first heading as a CommonMark reader (Qt's md4c) shows it."""
    document = QTextDocument()
    document.setMarkdown(markdown)
    return document.firstBlock().text()


def test_an_exported_title_reads_back_as_written_and_stays_one_heading(qapp, journal, tmp_path):
    EntryRepository(journal.db).save(
        Entry(id=ENTRY_ID, created_at=BASE, updated_at=BASE, title=TITLE, body="The body.")
    )
    folder = export_journal(journal.db, tmp_path, ["x"]).folder
    (path,) = (folder / "entries").iterdir()
    text = path.read_text(encoding="utf-8")
    markdown = text.split("---\n", 2)[2]
    assert _heading_as_read(markdown) == TITLE
    assert "<b>" not in markdown and markdown.count("\n\n") == 1  # no HTML, no split


def test_a_title_that_holds_a_line_break_and_a_tab_is_one_heading(journal, tmp_path):
    """Titles stored before the title field kept one line (or imported so)."""
    EntryRepository(journal.db).save(
        Entry(id=ENTRY_ID, created_at=BASE, updated_at=BASE, title="first\nsecond\tthird", body="x")
    )
    folder = export_journal(journal.db, tmp_path, ["x"]).folder
    (path,) = (folder / "entries").iterdir()
    markdown = path.read_text(encoding="utf-8").split("---\n", 2)[2]
    assert markdown == "# first second third\n\nx\n"
    assert 'title: "first\\nsecond\\tthird"' in path.read_text(encoding="utf-8")  # exact there


PLAIN = (
    st.text(
        st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp"), exclude_characters="\x85"),
        max_size=40,
    )
    .map(lambda text: text.strip(" "))
    .filter(bool)
)


@settings(max_examples=200, deadline=None)
@given(title=PLAIN)
# Qt's reader dropped a U+FEFF at a heading's start (a stress run of session 42 found it).
@example(title="\ufeff")
@example(title="\ufeffMonday")
def test_any_one_line_title_reads_back_exactly_after_its_heading_marker(qapp, title):
    assert "\n" not in inline_markdown(title)
    assert _heading_as_read("# " + inline_markdown(title) + "\n\nbody") == title


def test_tags_in_imported_markdown_are_recorded_at_once(journal, tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "2026-03-29 note.md").write_bytes(
        "\ufeff# MD import title\r\n\r\n> quoted line\r\n\tTabbed #imported tag\r\n"
        "#first tag line\r\nback\\\\slash \\\\* end\r\n".encode()
    )
    plan = plan_for(folder)
    apply(journal, plan, backup=False)
    (summary,), _ = EntryRepository(journal.db).summaries(10)
    assert set(summary.tags) == {"first", "imported"}


def test_imported_tags_and_the_text_s_tags_are_one_list(journal, tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    Path(folder / "a.md").write_text("---\ntags: [grief, Hope]\n---\n#grief again and #walks\n")
    apply(journal, plan_for(folder), backup=False)
    (summary,), _ = EntryRepository(journal.db).summaries(10)
    assert sorted(summary.tags) == ["grief", "hope", "walks"]  # front matter tidied, then #tags


HTML_BODY = "`code` and \\back\\slash\\ and <b>bold?</b> &amp; &lt; <!-- x --> <http://x>"


def test_html_typed_in_the_text_reads_as_typed_in_the_export_and_comes_back(  # type: ignore[no-untyped-def]
    qapp, journal, tmp_path
):
    """Break test 9 of session 19, finding 7: the title was escaped, the text was not,
    so '<b>bold?</b> &amp;' read as a bold 'bold?' and '&' in any Markdown viewer, while
    Solace's editor shows it as typed. Markdown stays markup (the **bold** here)."""
    body = HTML_BODY + "\n\n**kept bold**"
    EntryRepository(journal.db).save(
        Entry(id=ENTRY_ID, created_at=BASE, updated_at=BASE, title="", body=body)
    )
    folder = export_journal(journal.db, tmp_path, ["x"]).folder
    (path,) = (folder / "entries").iterdir()
    markdown = path.read_text(encoding="utf-8").split("---\n", 2)[2]
    document = QTextDocument()
    document.setMarkdown(markdown)
    shown = document.toPlainText()
    assert "<b>bold?</b> &amp; &lt; <!-- x --> <http://x>" in shown
    assert shown.endswith("kept bold")  # Markdown stays markup: the bold is bold
    assert EntryRepository(journal.db).delete(ENTRY_ID)
    apply(journal, plan_for(folder), backup=False)
    assert EntryRepository(journal.db).get(ENTRY_ID).body == body


def test_an_exported_file_without_its_id_comes_in_as_a_copy_with_the_text_as_typed(
    journal, tmp_path
):  # type: ignore[no-untyped-def]
    """Break test 38, finding 1: with the ``id:`` line taken out of an exported file
    (to import it as a copy), every backslash came in doubled and the ``# Title`` line
    stayed in the text: the file was read as any Markdown note, its escapes kept."""
    body = HTML_BODY + "\n\n**kept bold** \\back\\slash"
    EntryRepository(journal.db).save(
        Entry(id=ENTRY_ID, created_at=BASE, updated_at=BASE, title="A *day*", body=body)
    )
    folder = export_journal(journal.db, tmp_path, ["x"]).folder
    (path,) = (folder / "entries").iterdir()
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if not line.startswith("id:")), "utf-8")

    apply(journal, plan_for(folder), backup=False)

    repository = EntryRepository(journal.db)
    (copy,) = [s for s in repository.summaries(10)[0] if s.id != ENTRY_ID]
    assert repository.get(copy.id).body == body
    assert repository.get(copy.id).title == "A *day*"
    assert repository.get(ENTRY_ID).body == body  # the original is still there, unchanged


def test_an_exported_file_edited_with_its_id_kept_is_said_to_differ(journal, tmp_path):  # type: ignore[no-untyped-def]
    """Re-test of break test 38: a file of the export whose text was edited, its id
    kept, was previewed only as "already in your journal and stays as it is"; the
    import keeps the journal's words, and now says the file's differ."""
    EntryRepository(journal.db).save(
        Entry(id=ENTRY_ID, created_at=BASE, updated_at=BASE, title="A day", body="As it was.")
    )
    folder = export_journal(journal.db, tmp_path, ["x"]).folder
    as_exported = plan_for(folder)
    ids = existing_ids(journal.db)
    seen = preview(as_exported, ids, differing_ids(journal.db, as_exported, ids))
    assert (seen.duplicates, seen.differ) == (1, 0)
    assert "different words" not in describe(as_exported, seen)

    (path,) = (folder / "entries").iterdir()
    path.write_text(path.read_text("utf-8").replace("As it was.", "As I remember it."), "utf-8")
    edited = plan_for(folder)
    seen = preview(edited, ids, differing_ids(journal.db, edited, ids))

    assert (seen.duplicates, seen.differ) == (1, 1)
    assert (
        "1 of them is already in your journal and stays as it is.\n1 of those has "
        "different words in the file; your journal's words are kept."
    ) in describe(edited, seen)
    apply(journal, edited, backup=False)
    assert EntryRepository(journal.db).get(ENTRY_ID).body == "As it was."  # as said


@settings(max_examples=300, deadline=None)
@given(text=st.text(st.sampled_from("<&;#x1amplt\\`/! \nb"), max_size=40))
def test_the_exported_html_reads_back_exactly(text):  # type: ignore[no-untyped-def]
    assert as_typed(as_shown(text)) == text
    assert html_typed(html_shown(text)) == text  # the scheme of earlier exports


CODE_LINES = st.sampled_from(
    ["```", "~~~", "````", "    <b>x</b> &amp;", "\t1 < 2 &lt;", "", "<i> &lt;", "a `<b>` &"]
)


@settings(max_examples=300, deadline=None)
@given(
    lines=st.lists(
        st.one_of(CODE_LINES, st.text(st.sampled_from("<&;lt`~ \tb"), max_size=8)), max_size=10
    )
)
def test_the_exported_code_blocks_and_spans_read_back_exactly(lines):  # type: ignore[no-untyped-def]
    text = "\n".join(lines)
    assert as_typed(as_shown(text)) == text


def test_code_blocks_and_spans_go_out_verbatim_for_a_reader(qapp):  # type: ignore[no-untyped-def]
    """Break test of session 20, N3: the export escaped ``<`` and ``&`` inside fenced
    and indented code blocks, where a Markdown reader shows "&lt;" and "&amp;amp;"."""
    body = (
        "Before\n\n```\n<b>x</b> &amp;\n```\n\n~~~\na & b <i>\n~~~\n\n"
        "    if a < b &lt;\n\nand `<b>` too"
    )
    written = as_shown(body)
    document = QTextDocument()
    document.setMarkdown(written)
    shown = document.toPlainText()
    for typed in ("<b>x</b> &amp;", "a & b <i>", "if a < b &lt;", "and <b> too"):
        assert typed in shown
    assert as_typed(written) == body


def test_a_file_exported_before_code_blocks_went_out_verbatim_reads_back_as_typed():  # type: ignore[no-untyped-def]
    """Files exported before session 20 say ``escaped: "html"`` and escaped code blocks
    too; they are still read back exactly as typed."""
    typed = "a <b>\n\n```\n<i> &amp;\n```"
    earlier = "a &lt;b>\n\n```\n&lt;i> &amp;amp;\n```"
    text = f'---\nid: "{ENTRY_ID}"\nescaped: "html"\n---\n{earlier}'
    entry, readable, _dated = parse_file("2024-01-01.md", text, BASE, lambda moment: moment)
    assert readable
    assert entry.body == typed
    now = f'---\nid: "{ENTRY_ID}"\nescaped: "html outside code"\n---\n{html_shown(typed)}'
    entry, _readable, _dated = parse_file("2024-01-01.md", now, BASE, lambda moment: moment)
    assert entry.body == typed


def _read(markdown: str) -> str:
    """What a CommonMark reader (Qt's md4c, GitHub dialect) shows of ``markdown``."""
    document = QTextDocument()
    document.setMarkdown(markdown)
    return document.toPlainText()


# Typed, and what Solace's editor shows as text (its dimmed markers left out).
SHOWN_AS_TYPED = [
    ("2*3*4 and 5*6", "2*3*4 and 5*6"),
    ("a_b_c snake_case", "a_b_c snake_case"),
    ("\\_ and \\* and back\\slash\\", "\\_ and \\* and back\\slash\\"),
    ("**bold** and _soft_ and ~~gone~~", "bold and soft and gone"),
    ("~one tilde~ [a](b) ![c](d) a | b", "~one tilde~ [a](b) ![c](d) a | b"),
    ("<b>x</b> &amp; &#42;", "<b>x</b> &amp; &#42;"),
    ("# Day 1 #", "Day 1 #"),
    ("> # not a heading", "# not a heading"),
    ("- - not nested", "- not nested"),
    ("1. first, 2. second", "first, 2. second"),
    ("2026.", "2026."),
    ("3)", "3)"),
    ("---", "---"),
    ("===", "==="),
    ("> + x_y", "x_y"),
    ("`a*b_c` and 2*3", "a*b_c and 2*3"),
    ("well-being, 3 > 2", "well-being, 3 > 2"),
]


def test_a_reader_of_the_export_shows_what_the_editor_shows(qapp):  # type: ignore[no-untyped-def]
    """Break test of session 20, N4: the export left characters the editor shows as
    text as they were, so a Markdown reader drew the 3 of '2*3*4' italic, joined
    'a_b_c' into an italic 'b' and ate the backslash of '\\_'."""
    for typed, shown in SHOWN_AS_TYPED:
        written = as_shown(typed)
        assert _read(written) == shown, (typed, written)
        assert as_typed(written) == typed


def test_an_exported_entry_reads_as_in_the_editor_and_comes_back(  # type: ignore[no-untyped-def]
    qapp, journal, tmp_path
):
    body = "2*3*4 a_b_c \\_ **bold** [a](b)\n\n```\n2*3*4 \\_\n```"
    EntryRepository(journal.db).save(
        Entry(id=ENTRY_ID, created_at=BASE, updated_at=BASE, title="", body=body)
    )
    folder = export_journal(journal.db, tmp_path, ["x"]).folder
    (path,) = (folder / "entries").iterdir()
    text = path.read_text(encoding="utf-8")
    assert 'escaped: "punctuation as text outside code"' in text
    shown = _read(text.split("---\n", 2)[2])
    assert shown.startswith("2*3*4 a_b_c \\_ bold [a](b)")
    assert "2*3*4 \\_" in shown.split("\n", 1)[1]  # the code block as typed
    assert EntryRepository(journal.db).delete(ENTRY_ID)
    apply(journal, plan_for(folder), backup=False)
    assert EntryRepository(journal.db).get(ENTRY_ID).body == body


TYPED = st.text(
    st.sampled_from([*"\\`*_~<>&[]|#+-=.)!(:;ab1 \t", "\n", "\u05d0", "\U0001f331"]),
    max_size=40,
)


@settings(max_examples=400, deadline=None)
@given(
    lines=st.lists(
        st.one_of(CODE_LINES, TYPED, st.sampled_from(["1. a*b", "- x_y", "> `a\\`` b", "# h #"])),
        max_size=8,
    )
)
def test_any_text_exported_reads_back_exactly(lines):  # type: ignore[no-untyped-def]
    text = "\n".join(lines)
    written = as_shown(text)
    assert as_typed(written) == text
    assert code_block_lines(written.split("\n")) == code_block_lines(text.split("\n"))
