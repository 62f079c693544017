from __future__ import annotations

import sys
import unicodedata

import pytest

from journal.domain.entries.tags import (
    MAX_TAG_CHARS,
    TAG_FIELD_COMMAS,
    extract_hashtags,
    merge_tags,
    normalise_tag,
    split_tag_field,
)


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("A hard day #grief and #Sleep.", {"grief", "sleep"}),
        ("#morning at the start of a line", {"morning"}),
        ("(#inside) brackets, *#emphasis*, end of line #last", {"inside", "emphasis", "last"}),
        ("#self-care and #not_today", {"self-care", "not_today"}),
        ("trailing hyphen #grief- here", {"grief"}),
        ("Unicode #Trauer #überleben #悲しみ #नमस्ते", {"trauer", "überleben", "悲しみ", "नमस्ते"}),
        ("#week2 counts, #2024 and my #1 worry do not", {"week2"}),
        ("a # alone, ## twice, and # # # nothing", set()),
        ("I used to write C# and F#; see issue#4", set()),
        ("&#39; entity and \\#escaped", set()),
        ("#a#b only the first", {"a"}),
    ],
)
def test_extract_hashtags(markdown: str, expected: set[str]) -> None:
    assert extract_hashtags(markdown) == expected


def test_headings_are_not_tags_but_tags_inside_headings_are() -> None:
    text = "# Title\n## Hard days #grief\n### Closing hashes ###\n"
    assert extract_hashtags(text) == {"grief"}


def test_code_spans_are_ignored() -> None:
    text = "Inline `#notatag` and ``#also `not` a tag`` but #real.\nan escaped \\`#seen`"
    assert extract_hashtags(text) == {"real", "seen"}  # an escaped backtick opens no span


@pytest.mark.parametrize(
    "body",
    [
        "~~~ 12 weeks ~~~\n#grief came back today and #mid tag",
        "``` hi there\n#grief came back today and #mid tag",
        "Day one\n```\n#grief came back today and #mid tag",
        "``` a ``` \n#grief came back today and #mid tag",
        "#grief came back today\n~~~~~~~~~~\n#mid tag",
        "a tick ` on one line\n#grief and a tick ` on the next #mid",
    ],
)
def test_a_line_of_backticks_or_tildes_is_text_and_tags_after_it_count(body: str) -> None:
    """Break test 9 of session 14, finding 1: the tags had a rule of their own for code
    fences, which the editor does not have (it shows these lines as text), so every tag
    after a "~~~ 12 weeks ~~~" line went unrecorded; and a code span ran across lines."""
    assert extract_hashtags(body) == {"grief", "mid"}


def test_unmatched_backtick_does_not_swallow_paragraphs() -> None:
    assert extract_hashtags("a stray ` tick\n\nnext paragraph #seen `x`") == {"seen"}


def test_links_and_urls_are_ignored() -> None:
    text = (
        "[section](#section) and https://example.org/#anchor "
        "and <https://example.org/#x> but [#visible](https://example.org)"
    )
    assert extract_hashtags(text) == {"visible"}


def test_hashtags_are_case_and_normalisation_insensitive() -> None:
    decomposed = "#U\u0308berleben"  # U + combining diaeresis
    assert extract_hashtags(decomposed + " #ÜBERLEBEN") == {"überleben"}


def test_overlong_hashtag_is_not_a_tag() -> None:
    assert extract_hashtags("#" + "a" * (MAX_TAG_CHARS + 1)) == set()
    assert extract_hashtags("#" + "a" * MAX_TAG_CHARS) == {"a" * MAX_TAG_CHARS}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Grief", "grief"),
        ("  #Sleep ", "sleep"),
        ("##double", "double"),
        ("hard   days", "hard-days"),
        ("2024", "2024"),
        ("-self-care-", "self-care"),
        ("", None),
        ("#", None),
        ("  ", None),
        ("--", None),
        ("what?", None),
        ("x" * (MAX_TAG_CHARS + 1), None),
    ],
)
def test_normalise_tag(raw: str, expected: str | None) -> None:
    assert normalise_tag(raw) == expected


def test_merge_tags_is_sorted_unique_and_drops_bad_field_tags() -> None:
    merged = merge_tags(["Sleep", "grief", "what?", ""], "Still #grief, and #walks")
    assert merged == ("grief", "sleep", "walks")


def test_merge_tags_with_nothing() -> None:
    assert merge_tags([], "") == ()


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("#غم\u200cها", {"غم\u200cها"}),  # the half-space is part of the tag
        ("#می\u200cخواهم برگردم", {"می\u200cخواهم"}),
        ("#کتاب #كتاب", {"کتاب"}),  # keheh and kaf: one tag, the first written
        ("#ياد then #یاد", {"ياد"}),
        ("#غم\u200c alone", {"غم"}),  # a half-space at the end is not kept
    ],
)
def test_persian_tags_keep_the_half_space_and_twin_letters_are_one(
    markdown: str, expected: set[str]
) -> None:
    """Break test 9 of session 15, finding 4: "#غم‌ها" was stored as غم, and
    "#کتاب #كتاب" as two tags."""
    assert extract_hashtags(markdown) == expected


def test_the_tag_field_parts_tags_at_every_comma_unicode_names() -> None:
    """Re-test 51, N2: the Ethiopic and Armenian commas did not part tags. The list is
    every punctuation mark Unicode names a comma, this Python's Unicode included."""
    named = {
        char
        for char in map(chr, range(sys.maxunicode + 1))
        if unicodedata.category(char) == "Po" and "COMMA" in unicodedata.name(char, "")
    }
    assert named <= set(TAG_FIELD_COMMAS)
    assert split_tag_field("ሀዘን፣ ተስፋ՝ hope") == ["ሀዘን", " ተስፋ", " hope"]
