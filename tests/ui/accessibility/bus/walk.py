"""Walk the real AT-SPI tree of the running app, as Orca meets it (``make a11y-bus``).

Runs with the system Python (pyatspi comes from the python3-pyatspi package) under
``dbus-run-session`` and Xvfb, with at-spi2-core providing the accessibility bus.
It starts ``app.py`` with the project's virtual environment, and for each screen
the app shows reads every showing object through the bus (role, name,
description, states, label relations) and records every event the app sends
(announcements with their politeness, alerts, focus). It prints, per screen,
the controls, the unnamed and the ambiguous ones, checks the announcements of
the event steps, checks that no passphrase or recovery key typed with key events
(``Secret ...`` steps) leaves on the bus (in an event, a name, a description or
through GetText) while each field is still heard by name as password text, reads an
open library article as a screen reader does (focused by its title, described as an
article, read-only, its words through GetText, its headings told apart by their text
attributes, its caret moved by the arrow keys), and exits 1 when anything is missing.
The app's hard lock replaces its process (same process ID); the walk goes on in the
fresh process and fails if that one is not walked to its end.

    make a11y-bus
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pyatspi  # type: ignore[import-not-found]
from gi.repository import GLib  # type: ignore[import-not-found]

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[3]
CONTROL_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON,
    pyatspi.ROLE_TOGGLE_BUTTON,
    pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON,
    pyatspi.ROLE_COMBO_BOX,
    pyatspi.ROLE_ENTRY,
    pyatspi.ROLE_PASSWORD_TEXT,
    pyatspi.ROLE_TEXT,
    pyatspi.ROLE_SPIN_BUTTON,
    pyatspi.ROLE_SLIDER,
    pyatspi.ROLE_LIST,
    pyatspi.ROLE_LIST_BOX,
    pyatspi.ROLE_TABLE,
    pyatspi.ROLE_TREE,
    pyatspi.ROLE_TREE_TABLE,
    pyatspi.ROLE_PAGE_TAB_LIST,
    pyatspi.ROLE_LINK,
}

#: Screens of the process that replaces the app at its hard lock (same process ID).
AFTER_HARD_LOCK = ("After the hard lock: unlock", "After the hard lock: unlocked again")
heard: list[tuple[str, str, str, int]] = []  # (event type, source role, text, detail1)
#: (role, name, [table name, cell names] for a table cell) of each object focused, then
focused: list[tuple[str, str, list[str]]] = []
POLITE, ASSERTIVE = 1, 2  # AT-SPI live politeness, sent as an announcement's detail1


def on_event(event) -> None:  # type: ignore[no-untyped-def]
    try:
        role = event.source.getRoleName() if event.source is not None else ""
    except Exception:  # the source may be gone already
        role = ""
    text = event.any_data if isinstance(event.any_data, str) else ""
    heard.append((event.type, role, text or "", int(event.detail1)))
    if str(event.type).startswith("object:state-changed:focused") and int(event.detail1):
        try:  # what a screen reader speaks first: the focused object's name, now
            focused.append((role, event.source.name or "", cells_beside(event.source)))
        except Exception:
            focused.append((role, "", []))


def cells_beside(node) -> list[str]:  # type: ignore[no-untyped-def]
    """The names of a focused table cell's table's cells and the table's name first
    (a pop-up window, such as a date field's calendar, is not in the application's
    tree: Qt leaves pop-ups out; it is reached as a screen reader does, from focus)."""
    if node.getRole() != pyatspi.ROLE_TABLE_CELL or node.parent is None:
        return []
    table = node.parent
    cells = [table.getChildAtIndex(i) for i in range(table.childCount)]
    return [table.name or ""] + [
        (c.name or "").strip()
        for c in cells
        if c is not None and c.getRole() == pyatspi.ROLE_TABLE_CELL and (c.name or "").strip()
    ]


def pump(seconds: float) -> None:
    end = time.monotonic() + seconds
    context = GLib.MainContext.default()
    while time.monotonic() < end:
        context.iteration(False)
        time.sleep(0.01)


def labels_of(node) -> list[str]:  # type: ignore[no-untyped-def]
    names = []
    try:
        for relation in node.getRelationSet():
            if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
                for i in range(relation.getNTargets()):
                    names.append(relation.getTarget(i).name or "")
    except Exception:
        pass
    return [n for n in names if n.strip()]


def spoken(node) -> str:  # type: ignore[no-untyped-def]
    """Its name, else its label; a combo box's name is its choice, so only its label."""
    label = " ".join(labels_of(node))
    if node.getRole() == pyatspi.ROLE_COMBO_BOX:
        return label
    return (node.name or "").strip() or label


def walk(node, found: list, depth: int = 0) -> None:  # type: ignore[no-untyped-def]
    try:
        states = node.getState()
    except Exception:
        return
    if not states.contains(pyatspi.STATE_SHOWING) and depth > 1:
        return
    found.append(node)
    if node.getRole() in (pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_TABLE, pyatspi.ROLE_LIST):
        return  # their items are theirs
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is not None:
            walk(child, found, depth + 1)


def find_app(pid: int):  # type: ignore[no-untyped-def]
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        try:
            if app is not None and app.get_process_id() == pid:
                return app
        except Exception:
            continue
    return None


def read_screen(app, dialog: bool) -> tuple[list, list, list, list]:  # type: ignore[no-untyped-def]
    """The main window's screen, or (``dialog``) only the windows above it."""
    nodes: list = []
    for i in range(app.childCount):
        window = app.getChildAtIndex(i)
        if window is None or not window.getState().contains(pyatspi.STATE_SHOWING):
            continue
        if dialog == (window.name == "Solace"):
            continue
        walk(window, nodes)
    controls = [
        n
        for n in nodes
        if n.getRole() in CONTROL_ROLES and n.getState().contains(pyatspi.STATE_ENABLED)
    ]
    unnamed = [n for n in controls if not spoken(n)]
    counts = Counter(spoken(n).casefold() for n in controls if spoken(n))
    ambiguous = [n for n in controls if spoken(n) and counts[spoken(n).casefold()] > 1]
    return nodes, controls, unnamed, ambiguous


def calendar_problems(title: str, nodes: list) -> list[str]:  # type: ignore[type-arg]
    """Each day cell of the journal's calendar says its whole date and its entries
    (never a bare "22")."""
    grids = [
        n
        for n in nodes
        if n.getRole() == pyatspi.ROLE_TABLE and (n.name or "").startswith("Days of ")
    ]
    if not grids:
        return [f"{title}: no grid named 'Days of …'"]
    grid = grids[0]
    month = grid.name.removeprefix("Days of ").split()[0]
    cells = [grid.getChildAtIndex(i) for i in range(grid.childCount)]
    names = [
        (c.name or "").strip()
        for c in cells
        if c is not None and c.getRole() == pyatspi.ROLE_TABLE_CELL and (c.name or "").strip()
    ]
    print(f"{title}: {len(names)} day cells, e.g. {names[:1]}")
    bare = [n for n in names if n.isdigit()]
    whole = [n for n in names if month in n and "entr" in n]
    if bare or len(whole) < 28:
        return [f"{title}: day cells not named by their date and entries: {names[:3]}"]
    return []


ARTICLE_OPEN = "Article open:"  # app.py's ARTICLE_STEP, then the article's title
ARTICLE_CARET = "Event: the arrow keys read down the article:"  # app.py's, then the title
HEADING_LOOKS = ("size", "weight")  # AT-SPI text attributes that set a heading apart


def heading_runs(text) -> list[str]:  # type: ignore[no-untyped-def]
    """The whole lines of ``text`` (an AT-SPI Text) set apart from its body text by
    their size or weight, with how ("Warning signs (size:14, weight:bold)"): how the
    article's headings can be told from the rest through the bus, by their text
    attributes (Qt exposes no heading objects inside a text)."""
    words = str(text.getText(0, -1))
    runs = []
    offset = 0
    while offset < len(words):
        attributes, start, end = text.getAttributeRun(offset, False)
        if end <= offset:
            break
        shown = frozenset(a for a in attributes if a.split(":", 1)[0] in HEADING_LOOKS)
        runs.append((shown, start, end))
        offset = end
    lengths: Counter[frozenset[str]] = Counter()
    for shown, start, end in runs:
        lengths[shown] += end - start
    body = lengths.most_common(1)[0][0] if lengths else frozenset()
    found = []
    for shown, start, end in runs:
        line = words[start:end].strip()
        whole = (start == 0 or words[start - 1] == "\n") and (
            end == len(words) or words[end] == "\n" or words[end - 1] == "\n"
        )
        if line and whole and shown != body:
            found.append(f"{line} ({', '.join(sorted(shown - body))})")
    return found


def article_problems(title: str, nodes: list, focus: list) -> list[str]:  # type: ignore[type-arg]
    """An open article, as a screen-reader user meets it (issue 15, finding 4): focused
    by its title, read-only, described as an article, its words given by the Text
    interface (GetText), its headings told apart by their text attributes."""
    name = title.removeprefix(ARTICLE_OPEN).strip()
    found = [n for n in nodes if (n.name or "") == name and text_of(n) is not None]
    if not found:
        return [f"{title}: no object named {name!r} with a text to read"]
    node = found[0]
    words = text_of(node) or ""
    states = node.getState()
    description = node.description or ""
    headings = heading_runs(node.queryText())
    print(
        f"{title}: a {node.getRoleName()} named {name!r}, described {description!r}, "
        f"{len(words.split())} words, headings {headings[:4]}"
    )
    problems = []
    if name not in words or len(words.split()) < 100:
        problems.append(f"{title}: GetText gives {words[:80]!r}, not the article")
    if states.contains(pyatspi.STATE_EDITABLE) or (
        hasattr(pyatspi, "STATE_READ_ONLY") and not states.contains(pyatspi.STATE_READ_ONLY)
    ):
        problems.append(f"{title}: the article is not read-only")
    if "article" not in description.casefold():
        problems.append(f"{title}: not described as an article ({description!r})")
    if len(headings) < 2:
        problems.append(f"{title}: no headings told apart by their look ({headings})")
    if (node.getRoleName(), name) not in [(role, n) for role, n, _cells in focus]:
        problems.append(f"{title}: the article was not focused by its name ({focus})")
    return problems


def article_caret_problems(steps: dict[str, list[tuple[str, str, str, int]]]) -> list[str]:
    """The arrow keys in an article move its caret, heard as caret moves (caret
    browsing: where a screen reader reads from)."""
    problems = []
    for title, events in steps.items():
        if not title.startswith(ARTICLE_CARET):
            continue
        moves = [d for kind, _role, _text, d in events if "text-caret-moved" in kind]
        print(f"{title}: caret moved to {moves}")
        if not moves or max(moves) <= 0:
            problems.append(f"{title}: the caret did not move")
    if not any(title.startswith(ARTICLE_CARET) for title in steps):
        problems.append(f"{ARTICLE_CARET}: not walked")
    return problems


DATE_CALENDAR = "Event: a date field's calendar:"  # app.py's CALENDAR_STEP, then the key


def date_calendar_problems(
    focus_steps: dict[str, list[tuple[str, str, list[str]]]],
) -> list[str]:
    """A date field's drop-down calendar, as focus events bring it, one key a step: each
    day focused (on opening, then after each key) named by its whole date, today's
    saying so, never a bare "22"; every day cell of the month named by its whole date."""
    steps = {t: named for t, named in focus_steps.items() if t.startswith(DATE_CALENDAR)}
    problems = [] if len(steps) == 5 else [f"{DATE_CALENDAR} {len(steps)} of 5 steps walked"]
    for title, named in steps.items():
        cells = [(name, beside) for role, name, beside in named if role == "table cell"]
        if not cells:
            problems.append(f"{title} no day cell focused")
            continue
        name, beside = cells[-1]
        grid, days = (beside[0], beside[1:]) if beside else ("", [])
        month = grid.removeprefix("Days of ").split()[0] if grid.startswith("Days of ") else "?"
        print(f"{title} focused {name!r} in {grid!r} ({len(days)} days, e.g. {days[:1]})")
        if not name or name.isdigit() or month not in name:
            problems.append(f"{title} the day focused is named {name!r}")
        if title.endswith(" opened") and "today" not in name:
            problems.append(f"{title} the field's day, today, not said so: {name!r}")
        if any(day.isdigit() for day in days) or len([d for d in days if month in d]) < 28:
            problems.append(f"{title} {grid!r}: days not named by their whole date {days[:3]}")
    return problems


SECRETS = ("Zq7#Xj9@Wv4%kY", "QZXJ-WVKQ-YXBH-JQZV")  # as typed by app.py
#: The secret fields each "Secret typed" screen shows, heard by name as password text.
SECRET_FIELDS = {
    "Secret typed: unlock passphrase": {"Passphrase"},
    "Secret typed: recovery key": {"Recovery key"},
    "Secret typed: new passphrase, twice": {"New passphrase", "Type the passphrase again"},
    "Dialog with a secret typed: Change passphrase": {
        "Current passphrase",
        "New passphrase",
        "Type the passphrase again",
    },
}


#: What a secret field says of itself (its accessible description) on a "Secret typed"
#: screen, as the walk shows it: fixed words, never a character typed into it (15: s12-10).
SECRET_FIELD_SAYS = {
    "Recovery key": (
        "Type the recovery key you wrote down. Spaces, dashes and case do not matter."
    ),
}


def secret_pieces() -> set[str]:
    """Every run of two or more characters of a typed secret."""
    return {
        secret[start:end]
        for secret in SECRETS
        for start in range(len(secret))
        for end in range(start + 2, len(secret) + 1)
    }


def leaked(text: str) -> list[str]:
    return sorted((p for p in secret_pieces() if p in text), key=len, reverse=True)[:3]


def text_of(node) -> str | None:  # type: ignore[no-untyped-def]
    """What AT-SPI's Text interface gives for ``node`` (GetText), or None without one."""
    try:
        text = node.queryText()
    except NotImplementedError:
        return None
    return str(text.getText(0, -1))


def not_noted_problems(title: str, nodes: list) -> list[str]:  # type: ignore[type-arg]
    """Recovery details with nothing noted (15: 30): each of its three days is heard as
    "Not noted", with no day to read."""
    days = [n for n in nodes if n.getRole() == pyatspi.ROLE_SPIN_BUTTON]
    heard = [(n.name or "", text_of(n)) for n in days]
    print(f"{title}: days heard as {heard}")
    wrong = [(name, text) for name, text in heard if not name.endswith("Not noted") or text]
    if len(heard) != 3 or wrong:
        return [f"{title}: days heard as {heard}, not three 'Not noted'"]
    return []


def secret_tree_problems(title: str, nodes: list) -> list[str]:  # type: ignore[type-arg]
    """No secret in any name, description or text of the screen; each secret field
    heard by its name as password text, with no text to read."""
    problems = []
    heard_fields = set()
    for node in nodes:
        name, description = node.name or "", node.description or ""
        text = text_of(node)
        for what, words in (("name", name), ("description", description), ("text", text)):
            if words and (found := leaked(words)):
                problems.append(f"{title}: {node.getRoleName()} {name!r}: its {what} holds {found}")
        if node.getRole() == pyatspi.ROLE_PASSWORD_TEXT:
            heard_fields.add(name)
            if text is not None:
                problems.append(f"{title}: {name!r} can be read with GetText")
            says = SECRET_FIELD_SAYS.get(name)
            if says is not None and not description.endswith(says):
                problems.append(f"{title}: {name!r} is described as {description!r}")
    if missing := SECRET_FIELDS.get(title, set()) - heard_fields:
        problems.append(f"{title}: not heard as password text: {sorted(missing)}")
    return problems


def secret_event_problems(title: str, events: list) -> list[str]:  # type: ignore[type-arg]
    """No character of a secret in a password field's events, no piece of one in any.
    A password field named as it is heard (its own name in a name-change event: a
    page built on first use names its fields as the step shows it) sends no secret.
    One describing itself (a description-change event: what to type in it, which
    journal) sends words the program gave it, held, as every description in the tree,
    to no piece of a secret: the single letters of "recovery key" in the key field's
    fixed instructions are no typed character (15: s12-10; per character, the
    instructions were taken for a leak of 'vk')."""
    every_character = set("".join(SECRETS))
    own_names = SECRET_FIELDS.get(title, set())
    problems = []
    for kind, role, text, _detail in events:
        if role == "password text" and "accessible-name" in kind and text in own_names:
            continue
        if role == "password text" and "accessible-description" in kind:
            if found := leaked(text):
                problems.append(f"{title}: {kind} from password text sends {found}")
            continue
        if role == "password text" and (sent := [c for c in text if c in every_character]):
            problems.append(f"{title}: {kind} from password text sends {''.join(sent)!r}")
        elif found := leaked(text):
            problems.append(f"{title}: {kind} from {role} sends {found}")
    return problems


def name_change_problems(steps: dict[str, list[tuple[str, str, str, int]]]) -> list[str]:
    """What a screen reader caching names is told as keys move: a tab bar's new name,
    never a day cell renamed blank."""
    problems = []
    tab = "Event: the body log's tab changed"
    renamed = [
        (role, text) for kind, role, text, _d in steps.get(tab, []) if "accessible-name" in kind
    ]
    print(f"{tab}: names changed {renamed}")
    if ("page tab list", "Charts") not in renamed:
        problems.append(f"{tab}: the tab bar's name did not change to 'Charts'")
    month = "Event: the calendar's month changed and back"
    blank = [
        role
        for kind, role, text, _d in steps.get(month, [])
        if "accessible-name" in kind and role == "table cell" and not text.strip()
    ]
    if blank or month not in steps:
        problems.append(f"{month}: a day cell was renamed blank ({len(blank)} times)")
    link = "Event: a link in an article tabbed to"
    links = [
        text
        for kind, _role, text, detail in steps.get(link, [])
        if "announcement" in kind and detail == POLITE and text.startswith("Link: ")
    ]
    print(f"{link}: announced {links}")
    if not links:
        problems.append(f"{link}: no link announced")
    return problems


#: Moves after which the focus lands once, on a control with a name (break test 15 of
#: session 7, finding 3: Ctrl+4 focused a blank "filler" first; after "I have seen
#: this" the focus moved twice). Each of Together's tabs is chosen with the focus in
#: the tab before it, as its Alt key does.
ONE_FOCUS = (
    "Event: Ctrl+2 from the library",
    "Event: Ctrl+4 from the body log",
    "Event: a sign marked seen",
    "Together: Couple prompts",
    "Together: Closeness ideas",
    "Together: Recovery",
)


def focus_problems(focus_steps: dict[str, list[tuple[str, str, list[str]]]]) -> list[str]:
    """Each of `ONE_FOCUS`: one focus event, on a named object, never "Areas"."""
    problems = []
    for title in ONE_FOCUS:
        moved = [(role, name) for role, name, _cells in focus_steps.get(title, [])]
        print(f"{title}: focused {moved}")
        names = [name for _role, name in moved]
        if title not in focus_steps or len(moved) != 1 or not all(names) or "Areas" in names:
            problems.append(f"{title}: focused {moved}, not one named control")
    return problems


def sign_problems(steps: dict[str, list[tuple[str, str, str, int]]]) -> list[str]:
    """A log that shows a warning sign is heard as the sign (assertive), then "Saved the
    log for …" (polite), each once, also when its card was up already (14j)."""
    problems = []
    for title in ("Event: a fever logged", "Event: a fever logged again"):
        said = [
            ("sign" if detail == ASSERTIVE else "saved", text)
            for kind, _role, text, detail in steps.get(title, [])
            if "announcement" in kind
        ]
        print(f"{title}: announced {[what for what, _text in said]}")
        if [what for what, _text in said] != ["sign", "saved"]:
            problems.append(f"{title}: announced {said}, not the sign then 'Saved the log'")
    return problems


#: Steps where an error or a sign is said assertively while the focus moves (15: 1/15/24).
ALERT_AFTER_FOCUS = (
    "Event: wrong passphrase",
    "Event: a temperature that needs another look",
    "Event: a fever logged",
)


def alert_order_problems(steps: dict[str, list[tuple[str, str, str, int]]]) -> list[str]:
    """Each of `ALERT_AFTER_FOCUS`: its assertive announcement goes out after the last
    focus event of the step, so the focused control's name never cuts it off."""
    problems = []
    for title in ALERT_AFTER_FOCUS:
        events = steps.get(title, [])
        said = [
            i
            for i, (kind, _r, _t, d) in enumerate(events)
            if "announcement" in kind and d == ASSERTIVE
        ]
        moved = [
            i
            for i, (kind, _r, _t, d) in enumerate(events)
            if str(kind).startswith("object:state-changed:focused") and d
        ]
        print(f"{title}: focus events at {moved}, assertive announcements at {said}")
        if said and moved and moved[-1] > said[0]:
            problems.append(f"{title}: the alert went out before the focus moved")
    return problems


def unnamed_windows(title: str, app) -> list[str]:  # type: ignore[no-untyped-def]
    """Every top-level window of the app on the bus, shown or not, says what it is
    (14g: an unnamed "[dialog] ''" stood beside "About Solace")."""
    problems = []
    for i in range(app.childCount):
        window = app.getChildAtIndex(i)
        if window is None:
            continue
        try:
            role, name = window.getRole(), (window.name or "").strip()
            showing = window.getState().contains(pyatspi.STATE_SHOWING)
        except Exception:
            continue
        if not name and role in (pyatspi.ROLE_DIALOG, pyatspi.ROLE_FRAME, pyatspi.ROLE_WINDOW):
            children = [
                f"{c.getRoleName()} {c.name!r}"
                for c in (window.getChildAtIndex(n) for n in range(min(window.childCount, 4)))
                if c is not None
            ]
            problems.append(
                f"{title}: an unnamed top-level {window.getRoleName()} "
                f"({'shown' if showing else 'hidden'}), holding {children}"
            )
    return problems


def main() -> int:
    for kind in ("object:", "window:", "focus:"):
        pyatspi.Registry.registerEventListener(on_event, kind)
    python = os.environ.get("SOLACE_PYTHON", str(ROOT / ".venv" / "bin" / "python"))
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="xcb",
        QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
        QT_LOGGING_RULES="qt.accessibility.atspi=false",
    )
    app_process = subprocess.Popen(
        [python, str(HERE / "app.py")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )
    assert app_process.stdin is not None and app_process.stdout is not None
    problems: list[str] = []
    rows: list[str] = []
    steps: dict[str, list[tuple[str, str, str, int]]] = {}
    focus_steps: dict[str, list[tuple[str, str, list[str]]]] = {}
    done = False
    articles_read = 0
    try:
        while True:
            line = app_process.stdout.readline()
            done = line.startswith("DONE")
            if not line or done:
                break
            if not line.startswith("SCREEN "):
                continue
            title = line.removeprefix("SCREEN ").strip()
            pump(0.5)
            app = find_app(app_process.pid)
            if app is None:
                problems.append(f"{title}: the app is not on the accessibility bus")
            else:
                nodes, controls, unnamed, ambiguous = read_screen(app, title.startswith("Dialog"))
                rows.append(f"{title:44} {len(controls):4} {len(unnamed):4} {len(ambiguous):4}")
                for n in unnamed:
                    problems.append(f"{title}: unnamed {n.getRoleName()}")
                for n in ambiguous:
                    problems.append(f"{title}: ambiguous {n.getRoleName()} {spoken(n)!r}")
                problems += unnamed_windows(title, app)
                if "secret" in title.casefold():
                    problems += secret_tree_problems(title, nodes)
                if title == "Dialog: Recovery details":
                    problems += not_noted_problems(title, nodes)
                if title == "Journal: calendar":
                    problems += calendar_problems(title, nodes)
                if title.startswith(ARTICLE_OPEN):
                    pump(0.5)
                    problems += article_problems(title, nodes, focused)
                    articles_read += 1
                if title == "Event: a fever logged" and not any(
                    n.getRole() in (pyatspi.ROLE_ALERT, pyatspi.ROLE_NOTIFICATION) for n in nodes
                ):
                    problems.append(f"{title}: no alert in the tree")
            pump(0.5)  # events queued while the tree was read are delivered now
            steps[title] = list(heard)
            heard.clear()
            focus_steps[title] = list(focused)
            focused.clear()
            app_process.stdin.write("next\n")
            app_process.stdin.flush()
    finally:
        app_process.stdin.close()
        app_process.wait(timeout=60)

    typed = [title for title in steps if "secret" in title.casefold()]
    for title in typed:
        problems += secret_event_problems(title, steps[title])
    print(f"Secrets typed on {len(typed)} screens; the bus checked for them.")
    for title in SECRET_FIELDS:
        if title not in steps:
            problems.append(f"{title}: not walked")

    def announced(title: str, politeness: int) -> list[str]:
        return [
            text
            for kind, _role, text, detail in steps.get(title, [])
            if "announcement" in kind and detail == politeness
        ]

    expectations = {
        "Event: wrong passphrase": ("passphrase", ASSERTIVE),
        "Event: a temperature that needs another look": ("temperature", ASSERTIVE),
        "Event: a log saved": ("Saved the log", POLITE),
        "Event: a fever logged": ("Warning sign", ASSERTIVE),
        "Event: the library searched": ("found", POLITE),
        # A dialog's warning is said as it opens.
        "Dialog: Remove journal": ("cannot be undone", POLITE),
        "Dialog: Export your journal": ("not encrypted", POLITE),
        "Dialog: Summary for the doctor": ("not encrypted", POLITE),
    }
    print(f"{'screen (AT-SPI)':44} {'ctrl':>4} {'unnm':>4} {'ambg':>4}")
    print("\n".join(rows))
    for title, (words, politeness) in expectations.items():
        said = announced(title, politeness)
        how = "assertively" if politeness == ASSERTIVE else "politely"
        print(f"{title}: announced {how} {said}")
        if not any(words.casefold() in text.casefold() for text in said):
            problems.append(f"{title}: nothing announced {how} with {words!r}")
    problems += focus_problems(focus_steps)
    problems += sign_problems(steps)
    problems += alert_order_problems(steps)
    problems += name_change_problems(steps)
    problems += date_calendar_problems(focus_steps)
    problems += article_caret_problems(steps)
    if not articles_read:
        problems.append(f"{ARTICLE_OPEN}: no article was walked")
    if not done:
        problems.append("the app stopped before it had shown every screen (no DONE)")
    for title in AFTER_HARD_LOCK:
        if title not in steps:
            problems.append(f"{title}: not walked (the fresh process after the hard lock)")
    print("\n".join(problems) if problems else "Every screen named; every announcement heard.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
