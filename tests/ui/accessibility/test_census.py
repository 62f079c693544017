"""Per screen: how many controls, how many say nothing, how many say the same as another,
how many labels (shown or still hidden) have a name that replaces their own words, and
how many row or column headers are read as Qt's bare numbers.

Run with ``-s`` to print the table (the figures in the issue's note come from it).
"""

from __future__ import annotations

from tests.ui.accessibility.reader import (
    names_over_labels,
    numbered_headers,
    read,
    silent_errors,
)
from tests.ui.accessibility.screens import each_screen


def test_every_screen_names_every_control_once(qtbot, window, store):  # type: ignore[no-untyped-def]
    rows = []
    problems = []
    once: dict[str, str] = {}
    for title, root in each_screen(qtbot, window, store):
        screen = read(root, title)
        unnamed, ambiguous = screen.unnamed(), screen.ambiguous()
        by_name, replaced = screen.ambiguous_names(), screen.replaced_labels()
        hidden_words = names_over_labels(root) + silent_errors(root) + numbered_headers(root)
        rows.append(
            f"{title:38} {len(screen.controls):4} {len(unnamed):4} {len(ambiguous):4}"
            f" {len(by_name):4} {len(hidden_words):4}"
        )
        for node in unnamed:
            problems.append(f"{title}: unnamed {node.role.name} {node.obj_type} ({node.path})")
        for node in screen.unnamed_images():
            problems.append(f"{title}: unnamed image {node.obj_type} ({node.path})")
        for node in ambiguous:
            problems.append(f"{title}: ambiguous {node.role.name} {node.spoken!r}")
        for node in replaced:
            problems.append(f"{title}: label {node.value!r} is read as {node.name!r}")
        for label in hidden_words:  # one line per label, not per screen of its window
            once.setdefault(label, f"{title}: {label}")
    problems += once.values()
    print()
    print(f"{'screen':38} {'ctrl':>4} {'unnm':>4} {'ambg':>4} {'name':>4} {'labl':>4}")
    print("\n".join(rows))
    print("\n".join(problems))
    assert problems == []
