"""RedNotebook's txt2tags markup comes in as the journal's Markdown, no word lost
(issue 16 break test of session 24, F6: "= Test note =", "//Objekt//",
"``Objekt``" and "[Sample link ""http://kicker.de""]" were shown as written). Each
rule of txt2tags' markup (txt2tags.org/markrules.html) as a person wrote it, and what
she sees of it."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from journal.domain.safekeeping.txt2tags import to_markdown

CASES = [
    # titles, numbered titles, a title's label, and what is no title
    ("= Test note =", "# Test note"),
    ("== second level title ==", "## second level title"),
    ("=== Tagesziel ===", "### Tagesziel"),
    ("===== five =====", "##### five"),
    ("+ Numbered +", "# Numbered"),
    ("++ Numbered two ++", "## Numbered two"),
    ("= Intro =[intro-1]", "# Intro {#intro-1}"),
    ("== unbalanced =", "== unbalanced ="),
    ("====== six ======", "====== six ======"),
    ("====================", "===================="),
    # beautifiers
    ("Erstes **Objekt**", "Erstes **Objekt**"),
    ("Zweites //Objekt//", "Zweites *Objekt*"),
    ("__underline__ and --strikethrough--", "underline and ~~strikethrough~~"),
    ("in a__b__c the marks stay", "in a__b__c the marks stay"),
    ("a // b // c and 3 -- 4 -- 5", "a // b // c and 3 -- 4 -- 5"),
    ("Eingerücktes ``Objekt``", "Eingerücktes `Objekt`"),
    ("``//not italic// **x**``", "`//not italic// **x**`"),
    ("``a`b``", "``a`b``"),
    ('""//raw//"" stays', "//raw// stays"),
    ('glued a""b"" stays', 'glued a""b"" stays'),
    ("''<b>tagged</b>''", "<b>tagged</b>"),
    ("**bold //and italic//**", "**bold *and italic***"),
    # links, images, addresses
    ('[Sample link ""http://kicker.de""]', "[Sample link](http://kicker.de)"),
    (
        '[plaintext.txt ""file:///home/user/notes/plaintext.txt""]',
        "[plaintext.txt](file:///home/user/notes/plaintext.txt)",
    ),
    ("[the //docs// https://txt2tags.org]", "[the *docs*](https://txt2tags.org)"),
    ("[mail me someone@example.org]", "[mail me](someone@example.org)"),
    ('[""file:///home/user/notes/test"".png]', "file:///home/user/notes/test.png"),
    ("[photos/garden.jpg]", "photos/garden.jpg"),
    ('glued a[""b""]', 'glued a[""b""]'),
    (
        "see http://a.org/x//y//z--w--v and www.b.org",
        "see http://a.org/x//y//z--w--v and www.b.org",
    ),
    ("[just brackets]", "[just brackets]"),
    # lists, quotes
    ("- item", "- item"),
    ("  - nested //item//", "  - nested *item*"),
    ("+ first\n+ second\n  + inner\n+ third", "1. first\n2. second\n  1. inner\n3. third"),
    ("+ one\n\n\n+ again", "1. one\n\n\n1. again"),
    ("\tquoted //words//", "> quoted *words*"),
    # kept as written
    ("% a comment //with words//", "% a comment //with words//"),
    ("| cell //one// | two |", "| cell *one* | two |"),
    (
        "```\n= not a title =\n//not italic//\n```\n//after//",
        ("```\n= not a title =\n//not italic//\n```\n*after*"),
    ),
    ("``` //verbatim line//", "`//verbatim line//`"),
    ('"""\n= raw area =\n"""', "= raw area ="),
    ('""" //raw line//', "//raw line//"),
    ("'''\n<i>tagged area</i>\n'''", "<i>tagged area</i>"),
    ("plain words, with: punctuation! (and 12.5%)", "plain words, with: punctuation! (and 12.5%)"),
]


@pytest.mark.parametrize(("written", "shown"), CASES)
def test_each_rule(written: str, shown: str) -> None:
    assert to_markdown(written) == shown


def _words(text: str) -> Counter[str]:
    """Each run of letters and digits in ``text``, with how often it occurs."""
    return Counter(re.findall(r"[^\W_]+", text))


# Pieces of txt2tags markup and of text, put together in any order.
PIECES = st.sampled_from(
    [
        "a",
        "Wort",
        "7",
        "é",
        "字",
        " ",
        " ",
        "\n",
        "\n\n",
        "\t",
        "=",
        "== ",
        " ==",
        "+ ",
        "- ",
        "**",
        "//",
        "__",
        "--",
        "``",
        "```",
        "```\n",
        '""',
        '"""\n',
        "''",
        "'''\n",
        "[",
        "]",
        '[""',
        '""]',
        "http://",
        "www.",
        "@",
        ".png",
        "%",
        "|",
        "{#",
        "\ue000",
        "`",
        "*",
        "_",
        "~",
        "#",
        "1.",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
@example('[""x"".png] [l ""u""] __a__b ``c`` ```\n//d//\n```')
@example('a""a""')
@example('a[""a""]')
@example('""a""http://a')
def test_no_word_is_lost(text: str) -> None:
    shown = to_markdown(text)
    assert not _words(text) - _words(shown)
    assert shown.count("\n") == text.count("\n") - _area_marks(text)


def _area_marks(text: str) -> int:
    """The raw and tagged areas' mark lines ``text`` holds (a line of only three double
    or three single quotes opening an area, and the same closing it), which are taken
    off."""
    marks, inside = 0, ""
    for line in text.split("\n"):
        if inside:
            if re.match(rf"^{re.escape(inside)}\s*$", line):
                marks += inside != "```"
                inside = ""
        elif opened := re.match(r'^("""|\'\'\'|```)\s*$', line):
            inside = opened[1]
            marks += inside != "```"
    return marks


@given(st.text(alphabet=st.characters(categories=("L", "N", "Zs")).filter(lambda c: c != "\t")))
def test_text_without_markup_is_kept_as_written(text: str) -> None:
    assert to_markdown(text) == text
