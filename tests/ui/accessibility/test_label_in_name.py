"""Label in name (WCAG 2.5.3): a control's accessible name holds the words of the
label shown beside it, so a person using speech input can say what they see
("click From") and a screen-reader user hears the word a sighted helper reads out.
Break test 15, minor m: Summary for the doctor showed "From" and "To" beside date
fields named "First day" and "Last day"."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QLabel

from tests.ui.accessibility.screens import each_screen


def words(text: str) -> list[str]:
    """The words of ``text``, without mnemonic marks and punctuation, casefolded."""
    return re.findall(r"\w+", text.replace("&&", " ").replace("&", "").casefold())


def test_every_labelled_control_is_named_with_the_words_of_its_label(qtbot, window, store):  # type: ignore[no-untyped-def]
    problems = []
    seen = 0
    for title, root in each_screen(qtbot, window, store):
        for label in root.findChildren(QLabel):
            buddy = label.buddy()
            if buddy is None or not label.isVisible() or not buddy.isVisible():
                continue
            shown, name = words(label.text()), buddy.accessibleName()
            if not shown or not name:
                continue  # unnamed controls are the census's to find
            seen += 1
            if not set(shown) <= set(words(name)):
                problems.append(f"{title}: {label.text()!r} shown, {name!r} heard")
    assert seen > 20
    print("\n".join(sorted(set(problems))))
    assert sorted(set(problems)) == []
