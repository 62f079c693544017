"""A Library search that reads as a wish to die or to harm oneself (break test 48, F4,
seen as its questions were answered): "I want to die" found articles on the loss's
physical side, and "suicidal" nothing. The safety note now shows above the results,
naming the emergency number chosen in Settings, with the article on support first.
The real window on a real journal, real keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journal.settings import EMERGENCY_NUMBER
from journal.ui.library.browser import FINDING_SUPPORT, crisis_note
from tests.ui.library.test_search_word_endings import _browser


def test_the_safety_note_shows_above_a_search_that_reads_as_a_crisis(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    window = unlocked_window
    window.settings.set(EMERGENCY_NUMBER, "999")
    browser = _browser(qtbot, window)
    qtbot.keyClicks(browser.search, "I want to die")
    assert browser.crisis.isVisible()
    assert browser.crisis.text() == crisis_note("999")
    assert "999" in browser.crisis.text()
    # No article has both "want" and "die": those that say the fetus has "died" are
    # not listed beneath it.
    assert browser.result_slugs() == [FINDING_SUPPORT]
    assert browser.count.text() == "1 article found"
    # Break test 49, F10: the next Tab stop, its words selectable.
    qtbot.keyClick(browser.search, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is browser.crisis
    # F3: the number changed in Settings shows at once.
    window.settings.set(EMERGENCY_NUMBER, "112")
    assert "112" in browser.crisis.text() and "999" not in browser.crisis.text()
    browser.search.setFocus()
    # Gone with the words that read so, and never beside a grieving search.
    browser.search.selectAll()
    qtbot.keyClicks(browser.search, "my baby died")
    assert not browser.crisis.isVisible()
    assert FINDING_SUPPORT not in browser.result_slugs()[:1]
    browser.search.selectAll()
    qtbot.keyClicks(browser.search, "suicidal")
    assert browser.crisis.isVisible()
    assert browser.result_slugs() == [FINDING_SUPPORT]
    browser.search.clear()
    assert not browser.crisis.isVisible()


def test_what_a_search_found_stays_beside_the_note(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    """Break test 49, F2: a worry about the body with crisis words in it ("can I overdose
    on ibuprofen") showed the note and Finding support only: the articles it found went
    away."""
    browser = _browser(qtbot, unlocked_window)
    qtbot.keyClicks(browser.search, "suicidal thoughts after the D&C")
    assert browser.crisis.isVisible()
    slugs = browser.result_slugs()
    assert slugs[0] == FINDING_SUPPORT
    assert "follow-up-and-check-ups" in slugs  # what "thoughts after the D&C" finds
    # Re-test 49, N2: what the rest asks is found, never by the crisis words.
    browser.search.selectAll()
    qtbot.keyClicks(browser.search, "how many ibuprofen is an overdose")
    assert browser.crisis.isVisible()
    assert browser.result_slugs() == [
        FINDING_SUPPORT,
        "kinds-of-miscarriage",
        "bleeding-and-cramping",
    ]
    # The rest found nothing: under the note, which says what to do, the article on
    # fever and bleeding is not offered (re-test 49b, M4).
    browser.search.selectAll()
    qtbot.keyClicks(browser.search, "self harm bath")
    assert browser.crisis.isVisible()
    assert browser.result_slugs() == [FINDING_SUPPORT]
    assert not browser.warning_signs.isVisible()


def test_no_number_is_named_when_none_is_known() -> None:
    assert "your emergency number now" in crisis_note("")
    assert ", 112," in crisis_note("112")


def test_a_paragraph_pasted_whole_is_read_to_its_end(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    """Break test 49, F9: a paste over 200 characters was refused whole, so a message
    that ended in a wish to die got no safety note; break test 50, F1: over 2,000."""
    browser = _browser(qtbot, unlocked_window)
    message = (
        "It has been six weeks since the scan and everyone around me has gone back to "
        "normal. My partner is kind but quiet, my mother keeps saying these things "
        "happen, and work wants me back full time next month. " * 14
        + "Some nights I just want to die."
    )
    assert len(message) > 2_500
    QApplication.clipboard().setText(message)
    qtbot.keyClick(browser.search, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert browser.search.text() == message
    assert browser.crisis.isVisible()
    assert browser.result_slugs()[0] == FINDING_SUPPORT
