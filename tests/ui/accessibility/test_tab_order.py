"""A Tab walk of every screen: each stop is named, visible and enabled, Tab never
stays silently inside one control, and every control a person can act on is reached."""

from __future__ import annotations

from tests.ui.accessibility.screens import each_screen
from tests.ui.accessibility.tabwalk import walk


def test_every_screen_can_be_walked_with_tab(qtbot, window, store):  # type: ignore[no-untyped-def]
    problems = []
    counts = []
    for title, root in each_screen(qtbot, window, store):
        forwards = walk(qtbot, root)
        found = forwards.problems(root)
        counts.append(f"{title:38} {len(forwards.stops):4} {len(found):4}")
        problems += [f"{title}: {problem}" for problem in found]
    print()
    print("\n".join(counts))
    print("\n".join(problems))
    assert problems == []
