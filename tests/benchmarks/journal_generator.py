"""A deterministic journal of realistic entries, for benchmarks.

`build_journal(folder, size)` writes `size` entries (moods, feelings, tags,
bodies of a few sentences to a few paragraphs) into a new encrypted journal,
in one transaction through the bulk path an import uses. The same seed gives the same journal.
`cached_journal(size)` builds it once into a folder under the temp directory
and reuses it in later runs.
"""

from __future__ import annotations

import random
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from journal.domain.entries.entry import Entry, make_headline
from journal.domain.entries.feelings import FEELINGS, Mood
from journal.storage.lock.journal import OpenJournal

try:
    from journal.storage.ngrams import index_grams as entry_grams
except ImportError:  # the code before issue 9, measured for comparison
    try:
        from journal.storage.ngrams import entry_grams  # type: ignore[attr-defined,no-redef]
    except ImportError:
        try:
            from journal.storage.ngrams import grams_text as entry_grams
        except ImportError:

            def entry_grams(*texts: str) -> str:
                return ""


try:
    from journal.storage.types import pack_text
except ImportError:  # the code before issue 12 stores bodies as plain text

    def pack_text(text: str) -> str:  # type: ignore[misc]
        return text


from journal.storage import migrate
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore

VERSION = 7  # 4: some sentences in Chinese, Japanese and Thai; 5: no FTS5 optimize;
# 6: written through the bulk path, as an import writes (`fill`); 7: then compacted, as a
# large import now is
SEED = 20240310
STORED = "%Y-%m-%d %H:%M:%S.%f"  # how the entries table keeps a UTC time
PASSPHRASE = "benchmark journal passphrase"

SENTENCES = (
    "I woke up early again and lay there listening to the rain.",
    "The hospital called about the follow-up appointment next week.",
    "Walked by the river with Sam and neither of us said much.",
    "Some moments today felt almost ordinary, and then they didn't.",
    "I keep thinking about the due date and what that week will be like.",
    "My body still feels tired, heavier than I expected.",
    "A friend sent flowers and a card, and I cried reading it.",
    "I didn't want to talk to anyone at work, so I mostly didn't.",
    "Made soup and ate it slowly at the window.",
    "The bleeding is lighter now; the nurse said that is expected.",
    "I felt angry at the waiting room, at the posters on the wall.",
    "Tonight I am grateful for the quiet and for the blanket on the sofa.",
    "Mum asked how I was and I said fine, which was not true.",
    "We talked about whether to tell people, and how much.",
    "I noticed I am jealous of friends who are pregnant, and ashamed of that.",
    "The garden needs weeding; maybe that can be something for the weekend.",
    "Sleep came late, after reading the same page four times.",
    "It has been three weeks and some days are harder than the first ones.",
    "I wrote a letter I will not send, and it helped a little.",
    "Coffee at the café on the corner, the one with the blue chairs.",
    "Naïve of me to think it would all feel lighter by now.",
    "The counsellor suggested writing a little each evening.",
    "Remembering the scan, the small flicker on the screen.",
    "I felt numb most of the day, like watching from behind glass.",
)
# About one entry in twenty has a sentence written without spaces (issue 9).
SPACELESS_SENTENCES = (
    "我今天很难过。",
    "身体还是很累，但是天气很好。",
    "今日はとても悲しい日でした。",
    "病院の予約は来週です。",
    "วันนี้ฉันรู้สึกเศร้ามาก",
)
TITLES = (
    "A slow morning",
    "After the appointment",
    "Rain",
    "Letter to myself",
    "Evening",
    "The walk",
    "What I didn't say",
    "Three weeks",
    "Small things",
    "Before sleep",
)
TAGS = (
    "grief",
    "body",
    "sleep",
    "work",
    "family",
    "appointments",
    "partner",
    "river",
    "friends",
    "remembering",
    "garden",
    "food",
)


def _body(rng: random.Random) -> str:
    paragraphs = []
    for _ in range(rng.choice((1, 1, 2, 2, 3, 4))):
        count = rng.randint(2, 7)
        paragraphs.append(" ".join(rng.choice(SENTENCES) for _ in range(count)))
    if rng.random() < 0.05:
        paragraphs[0] += " " + rng.choice(SPACELESS_SENTENCES)
    if rng.random() < 0.2:
        paragraphs.append(f"#{rng.choice(TAGS)}")
    return "\n\n".join(paragraphs) + "\n"


def entries(size: int, seed: int = SEED) -> Iterator[dict[str, object]]:
    """`size` entry rows, oldest first, with feelings and tags."""
    rng = random.Random(seed)
    moment = datetime(2025, 1, 1, tzinfo=UTC) - timedelta(hours=6 * size)
    for _ in range(size):
        moment += timedelta(minutes=rng.randint(30, 690))
        title = rng.choice(TITLES) if rng.random() < 0.4 else ""
        body = _body(rng)
        feelings = tuple(dict.fromkeys(rng.choice(FEELINGS) for _ in range(rng.randint(0, 4))))
        tags = tuple(sorted({rng.choice(TAGS) for _ in range(rng.randint(0, 3))}))
        stored = moment.replace(tzinfo=None).strftime(STORED)
        yield {
            "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "created_at": stored,
            "updated_at": stored,
            "title": title,
            "body": body,
            "headline": make_headline(title, body),
            "mood": rng.randint(1, 5) if rng.random() < 0.75 else None,
            "shared": int(rng.random() < 0.2),
            "prompt_id": None,
            "tags": "\n".join(tags),
            "feelings": "\n".join(feelings),
        }


def fill(journal: OpenJournal, size: int, seed: int = SEED) -> None:
    """Write the entries as Safekeeping's import writes them: through the storage
    API's bulk path (`insert_entries`, one transaction, the word index filled in
    chunks of 500), then compacted as a large import is (`compact_after_import`).
    Before, the rows went in with executemany and the word index's trigger wrote them
    one by one, which the bulk path stopped doing in issue 12: the 1k journal's file
    was 18 pages (6 %) larger than an import of the same entries (issue 12, session
    51). Code from before the bulk path is filled the old way."""
    try:
        from journal.storage.entries.repository import insert_entries
    except ImportError:  # the code before the bulk path, measured for comparison
        _fill_rows(journal, size, seed)
        return
    with journal.db.session() as session:
        insert_entries(session, [_entry(row) for row in entries(size, seed)])
    try:  # as an import ends: a large one leaves the file compacted (session 51)
        from journal.storage.safekeeping.importer import compact_after_import
    except ImportError:  # the code before it
        pass
    else:
        compact_after_import(journal.db, size)
    with journal.db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def _entry(row: dict[str, object]) -> Entry:
    """A generated row as the `Entry` an import hands the bulk path."""
    moment = datetime.strptime(str(row["created_at"]), STORED).replace(tzinfo=UTC)
    mood = row["mood"]
    return Entry(
        id=str(row["id"]),
        created_at=moment,
        updated_at=moment,
        title=str(row["title"]),
        body=str(row["body"]),
        mood=Mood(int(mood)) if isinstance(mood, int) else None,
        feelings=tuple(f for f in str(row["feelings"]).split("\n") if f),
        tags=tuple(t for t in str(row["tags"]).split("\n") if t),
        shared=bool(row["shared"]),
    )


def _fill_rows(journal: OpenJournal, size: int, seed: int) -> None:
    """The rows in one transaction (executemany); the FTS triggers index them."""
    rows = list(entries(size, seed))
    columns = list(rows[0])
    insert_entries = (
        f"INSERT INTO entries ({', '.join(columns)}) VALUES ({', '.join(':' + c for c in columns)})"
    )
    raw = journal.db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.executemany(insert_entries, [{**r, "body": pack_text(str(r["body"]))} for r in rows])
        seqs = dict(cursor.execute("SELECT id, seq FROM entries").fetchall())
        cursor.executemany(
            "INSERT INTO entry_feelings (entry_seq, feeling) VALUES (?, ?)",
            [(seqs[r["id"]], f) for r in rows for f in str(r["feelings"]).split("\n") if f],
        )
        cursor.executemany(
            "INSERT INTO entry_tags (entry_seq, tag) VALUES (?, ?)",
            [(seqs[r["id"]], t) for r in rows for t in str(r["tags"]).split("\n") if t],
        )
        if cursor.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'entries_grams'"
        ).fetchone():  # the pairs index is written by the repository, not a trigger
            cursor.executemany(
                "INSERT INTO entries_grams (rowid, grams) VALUES (?, ?)",
                [
                    (seqs[r["id"]], grams)
                    for r in rows
                    if (grams := entry_grams(str(r["title"]), str(r["body"]), str(r["tags"])))
                ],
            )
        # One implicit transaction, as the bulk path writes (no FTS5 'optimize': the
        # app never runs it, and it leaves the old segments' pages free in the file).
        raw.commit()
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cursor.close()
    finally:
        raw.close()


def build_journal(data_dir: Path, size: int, seed: int = SEED) -> Path:
    """A new journal of `size` entries under `data_dir`; returns its folder."""
    journal, _ = JournalStore(data_dir).create("Benchmark", PASSPHRASE, LIGHT_KDF)
    try:
        fill(journal, size, seed)
    finally:
        journal.lock()
    return journal.folder


def cached_journal(size: int, cache: Path | None = None) -> tuple[Path, Path]:
    """(data folder, journal folder) of a journal of `size` entries, built once
    under `cache` (the temp directory by default) and reused afterwards."""
    base = cache or Path(tempfile.gettempdir())
    schema = "+".join(sorted(migrate.head_revisions()))  # a new schema builds anew
    root = base / f"solace-journal-bench-v{VERSION}" / schema / str(size)
    done = root / "complete"
    if not done.exists():
        shutil.rmtree(root, ignore_errors=True)
        root.mkdir(parents=True)
        data = root / "data"
        data.mkdir(mode=0o700)
        folder = build_journal(data, size)
        done.write_text(str(folder))
    return root / "data", Path(done.read_text())


def private_copy(size: int, into: Path, cache: Path | None = None) -> tuple[Path, Path]:
    """(data folder, journal folder) of a copy under ``into`` of the cached journal of
    ``size`` entries, for a benchmark to open: the cache is shared by every session on
    this machine, and a journal opened in place by two processes at once was left with
    a WAL that another run's check then read as damage."""
    data, folder = cached_journal(size, cache)
    copy = into / "data"
    shutil.copytree(data, copy)
    return copy, copy / "journals" / folder.name
