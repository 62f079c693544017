"""Per screen: how many controls, how many say nothing, how many say the same as another.

Run with ``-s`` to print the table (the figures in the issue's note come from it).
"""

from __future__ import annotations

from tests.ui.accessibility.reader import read
from tests.ui.accessibility.screens import each_screen


def test_every_screen_names_every_control_once(qtbot, window, store):  # type: ignore[no-untyped-def]
    rows = []
    problems = []
    for title, root in each_screen(qtbot, window, store):
        screen = read(root, title)
        unnamed, ambiguous = screen.unnamed(), screen.ambiguous()
        by_name, replaced = screen.ambiguous_names(), screen.replaced_labels()
        rows.append(
            f"{title:38} {len(screen.controls):4} {len(unnamed):4} {len(ambiguous):4}"
            f" {len(by_name):4} {len(replaced):4}"
        )
        for node in unnamed:
            problems.append(f"{title}: unnamed {node.role.name} {node.obj_type} ({node.path})")
        for node in ambiguous:
            problems.append(f"{title}: ambiguous {node.role.name} {node.spoken!r}")
        for node in replaced:
            problems.append(f"{title}: label {node.value!r} is read as {node.name!r}")
    print()
    print(f"{'screen':38} {'ctrl':>4} {'unnm':>4} {'ambg':>4} {'name':>4} {'repl':>4}")
    print("\n".join(rows))
    print("\n".join(problems))
    assert problems == []
