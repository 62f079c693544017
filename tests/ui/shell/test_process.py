"""Whole-process tests: a real Solace process, driven by `session_driver.py`.

* after Ctrl+L (on the lock screen's recovery-key and new-passphrase pages as in the
  journal) the process holds no copy of the data key, the passphrases, the recovery
  key or the words written (its memory is read through /proc after the hard lock);
* the screensaver's ActiveChanged(true) on the session bus, and logind's
  PrepareForSleep(true) and session Lock on a stand-in system bus, lock the app (each
  bus is a private dbus-daemon, as dbus-run-session starts, with a small service
  owning the real name);
* a full session without printing opens no AF_INET or AF_INET6 socket (strace);
* every file Solace leaves in its data folder is 0600 and every folder 0700.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from tests.ui.shell.driven import Driven

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc, runs D-Bus"),
]
STANDIN = Path(__file__).with_name("dbus_standin.py")


def fresh_secret(prefix: str) -> str:
    """A canary no file of Solace or its tests contains."""
    return f"{prefix}{secrets.token_hex(8)}"


def journal_in(data_dir: Path, passphrase: str, *, key_confirmed: bool = True) -> bytes:
    """A journal (LIGHT_KDF) in ``data_dir``; its data key. Without ``key_confirmed`` its
    recovery key counts as never shown, so the next unlock shows a new one."""
    journal, _ = JournalStore(data_dir).create("Driven", passphrase, LIGHT_KDF)
    if key_confirmed:
        journal.confirm_recovery_key()
    key = bytes(journal.data_key)
    journal.lock()
    return key


def process_memory(pid: int) -> list[bytes]:
    """The writable and anonymous memory of a process, region by region."""
    regions: list[bytes] = []
    maps = Path(f"/proc/{pid}/maps").read_text().splitlines()
    with open(f"/proc/{pid}/mem", "rb", buffering=0) as memory:
        for line in maps:
            fields = line.split()
            span, perms = fields[0], fields[1]
            name = fields[5] if len(fields) > 5 else ""
            if "r" not in perms or name in ("[vvar]", "[vsyscall]", "[vdso]"):
                continue
            if "w" not in perms and name and not name.startswith("["):
                continue  # read-only file mappings: program code and fonts
            start, end = (int(part, 16) for part in span.split("-"))
            try:
                memory.seek(start)
                regions.append(memory.read(end - start))
            except (OSError, OverflowError, ValueError):
                continue
    return regions


def copies(regions: list[bytes], needles: dict[str, list[bytes]]) -> dict[str, int]:
    """How many times each secret (in any of its forms) appears in the memory."""
    return {
        what: sum(region.count(form) for region in regions for form in forms)
        for what, forms in needles.items()
    }


def as_text(text: str) -> list[bytes]:
    """A text as Python (UTF-8) and Qt (UTF-16) keep it."""
    return [text.encode(), text.encode("utf-16-le")]


def test_after_ctrl_l_on_any_page_the_process_holds_no_key_passphrase_or_words(data_dir):
    """Ctrl+L with a replaced recovery key on screen, then in the journal with words
    written: after each, the process that shows the lock screen holds no copy of any
    of them."""
    passphrase = fresh_secret("river stone ")
    words = fresh_secret("Quillwhisper")
    data_key = journal_in(data_dir, passphrase, key_confirmed=False)
    app = Driven(data_dir, "replaced", {"passphrase": passphrase, "words": ""})
    needles = {
        "passphrase": as_text(passphrase),
        "raw key": [data_key],
        "hex key": [*as_text(data_key.hex()), *as_text(data_key.hex().upper())],
    }

    def scan(**more: str) -> dict[str, int]:
        shown, _ = app.expect("painted", "painted-in-place")
        assert shown == "painted"  # a fresh process: the lock screen of the replacement
        try:
            regions = process_memory(app.pid)
        except PermissionError:
            pytest.skip("this system does not let a test read another process's memory")
        assert sum(len(r) for r in regions) > 10_000_000  # the scan did read the process
        return copies(regions, {**needles, **{k: as_text(v) for k, v in more.items()}})

    try:
        app.expect("locking")  # Ctrl+L with the new recovery key on screen
        recovery = app.values["key"]
        shown_key = {"recovery key": recovery, "its letters": recovery.replace("-", "")}
        assert scan(**shown_key) == dict.fromkeys([*needles, *shown_key], 0)
        # That key, never confirmed, stopped opening the journal at the lock (break test
        # 14 of session 7, finding 1), so "Choose a new passphrase" is not reached with it
        # here any more; the next unlock shows another key, confirmed by the driver.
        app.send(f"write {words} {passphrase}")
        app.expect("locking")  # Ctrl+L in the journal, words written
        assert scan(words=words) == dict.fromkeys([*needles, "words"], 0)
    finally:
        app.kill()


# -- D-Bus triggers ----------------------------------------------------------------------------
@pytest.fixture
def private_bus() -> Iterator[str]:
    """A private message bus (what dbus-run-session starts); its address."""
    if shutil.which("dbus-daemon") is None:
        pytest.skip("dbus-daemon is not installed (CI installs the dbus package)")
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert daemon.stdout is not None
    address = daemon.stdout.readline().strip()
    yield address
    daemon.terminate()
    daemon.wait(timeout=10)
    daemon.stdout.close()


TRIGGERS = {
    "screensaver": (
        "session",
        "org.freedesktop.ScreenSaver",
        "/org/freedesktop/ScreenSaver",
        "org.freedesktop.ScreenSaver",
        "ActiveChanged",
        "true",
    ),
    "sleep": (
        "system",
        "org.freedesktop.login1",
        "/org/freedesktop/login1",
        "org.freedesktop.login1.Manager",
        "PrepareForSleep",
        "true",
    ),
    "session lock": (
        "system",
        "org.freedesktop.login1",
        "/org/freedesktop/login1/session/_32",
        "org.freedesktop.login1.Session",
        "Lock",
    ),
}


@pytest.mark.parametrize("trigger", list(TRIGGERS))
def test_desktop_lock_signals_lock_the_running_app(data_dir, private_bus, trigger):
    passphrase = fresh_secret("lantern ")
    journal_in(data_dir, passphrase)
    kind, *signal = TRIGGERS[trigger]
    variable = "DBUS_SESSION_BUS_ADDRESS" if kind == "session" else "DBUS_SYSTEM_BUS_ADDRESS"
    bus_env = {variable: private_bus}
    app = Driven(data_dir, "wait", {"passphrase": passphrase, "words": ""}, env=bus_env)
    try:
        app.expect("unlocked")
        standin = subprocess.run(
            [sys.executable, str(STANDIN), kind, *signal],
            env={**os.environ, **bus_env, "QT_QPA_PLATFORM": "offscreen"},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert standin.returncode == 0, standin.stderr
        shown, _ = app.expect("painted", "painted-in-place", timeout=30)
        assert shown == "painted"
    finally:
        app.kill()


# -- a full session: sockets and file modes ----------------------------------------------------
def loose_modes(data_dir: Path) -> list[str]:
    """Files not 0600 and folders not 0700 under the data folder (and itself)."""
    loose = []
    for path in [data_dir, *data_dir.rglob("*")]:
        try:
            mode = stat.S_IMODE(path.lstat().st_mode)
        except FileNotFoundError:  # a temporary file gone since the listing
            continue
        wanted = 0o700 if path.is_dir() else 0o600
        if mode != wanted:
            loose.append(f"{path.relative_to(data_dir.parent)} {oct(mode)}")
    return loose


@pytest.fixture(scope="module")
def full_session(tmp_path_factory) -> tuple[Path, str | None, list[str]]:
    """Create a journal through the UI, write, log, search, save Settings, lock, unlock
    again and quit, under strace where it is installed. (data folder, strace log, the
    loose modes seen while the app ran: the single-instance lock file exists then)."""
    root = tmp_path_factory.mktemp("session")
    data_dir = root / "data"
    trace = root / "sockets.trace"
    prefix: list[str] = []
    if shutil.which("strace"):
        prefix = ["strace", "-f", "-qq", "-e", "trace=socket", "-o", str(trace)]
    passphrase = fresh_secret("quiet harbour lantern ")
    app = Driven(
        data_dir, "full", {"passphrase": passphrase, "words": "an evening entry"}, prefix=prefix
    )
    try:
        app.expect("painted", "painted-in-place", timeout=110)
        running = loose_modes(data_dir)
        assert (data_dir / "solace.lock").exists()
        app.send(f"unlock {passphrase}")
        app.expect("unlocked", timeout=60)
    finally:
        code = app.quit()
    assert code == 0
    return data_dir, trace.read_text() if prefix else None, running


def test_a_full_session_without_printing_opens_no_network_socket(full_session):
    _data_dir, trace, _running = full_session
    if trace is None:
        pytest.skip("strace is not installed (CI installs it)")
    calls = [line for line in trace.splitlines() if "socket(" in line]
    assert calls, "strace saw no socket call at all"
    network = [line for line in calls if re.search(r"AF_INET6?\b", line)]
    assert network == []


def test_every_file_solace_leaves_is_the_owners_alone(full_session):
    data_dir, _trace, running = full_session
    assert running == []  # while it ran, with its lock file
    assert loose_modes(data_dir) == []  # and after it quit
    names = {p.name for p in data_dir.iterdir()}
    assert {"settings.ini", "journals"} <= names
    assert not (data_dir / "qt").exists()


# -- a lock when not even the sealed draft file can be written ---------------------------------


def test_words_that_fit_nowhere_on_disk_survive_the_hard_lock_and_quitting_asks(data_dir):
    """The database cannot grow (a file-size limit, as on a full disk) and the sealed
    draft file cannot be written beside it: Ctrl+L still replaces the process (its
    memory holds neither the words nor the passphrase nor the key), the lock screen
    says the words are held in memory only, quitting asks instead of exiting, and
    once there is room the next unlock puts the words back and saves them."""
    from journal.storage.lock.store import JournalStore
    from journal.ui.shell.held_words import DRAFTS_HELD, QUIT_QUESTION

    passphrase = fresh_secret("river stone ")
    words = fresh_secret("Heldwords")
    data_key = journal_in(data_dir, passphrase)
    folder = next((data_dir / "journals").iterdir())
    config = {"passphrase": passphrase, "words": words, "limit": "4096"}
    app = Driven(data_dir, "held", config)
    try:
        app.expect("locking")
        shown, _ = app.expect("painted", "painted-in-place")
        assert shown == "painted"  # the hard lock happened: a fresh process
        assert app.values["notice"] == DRAFTS_HELD
        try:
            regions = process_memory(app.pid)
        except PermissionError:
            pytest.skip("this system does not let a test read another process's memory")
        needles = {"words": as_text(words), "passphrase": as_text(passphrase), "key": [data_key]}
        assert copies(regions, needles) == {"words": 0, "passphrase": 0, "key": 0}
        app.send("quit")  # answered "Keep Solace open"; the lock screen comes back
        assert app.expect("painted", "kept-open")[0] == "painted"
        assert app.values["question"] == QUIT_QUESTION
        shutil.rmtree(folder / ".drafts.sealed.tmp")  # put there by the driver
        app.send("room")
        app.expect("room")
        app.send(f"unlock {passphrase}")
        app.expect("unlocked")
        app.send("read")
        app.expect("read")
        assert words in app.values["editor"]
    finally:
        app.kill()
    from journal.storage.entries.repository import EntryRepository

    journal = JournalStore(data_dir).unlock(folder, passphrase)
    try:
        repository = EntryRepository(journal.db)
        found = [repository.get(summary.id) for summary in repository.summaries(100)[0]]
        texts = [entry.body for entry in found if entry is not None]
    finally:
        journal.lock()
    assert any(words in text for text in texts)
