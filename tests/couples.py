"""Two real journals for Together tests: Sam's (the owner's) and Alex's (the partner's).

Each journal gets shared entries, private canary entries, couple-prompt answers
(some private, waiting for the other) and closeness marks of every kind. Every
private word contains ``CANARY`` so a test can look for it anywhere on screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from journal.domain.entries.entry import Entry
from journal.domain.library.closeness import IdeaResponse
from journal.storage.entries.repository import EntryRepository
from journal.storage.library.repository import LibraryStore
from journal.storage.lock.journal import OpenJournal
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from journal.storage.together.answers import CoupleAnswers
from journal.storage.together.sharing import Sharing

PARTNER_PASSPHRASE = "harbour willow evening bell"
CANARY = "CANARY"
START = datetime(2026, 2, 1, 8, tzinfo=UTC)

OWNER_SHARED = ("Sam: the garden", "Sam: a quiet walk")
PARTNER_SHARED = ("Alex: the drive home", "Alex: the letter")
BOTH_ANSWERED = "couple-miss-most"  # both answered: revealed
ONLY_OWNER = "couple-what-helped"  # Sam answered, Alex not: waiting
ONLY_PARTNER = "couple-more-of"  # Alex answered, Sam not: waiting
BOTH_YES = ("hugging", "holding-hands")
ONLY_OWNER_YES = "cuddling"  # Alex said maybe
NOT_YET_BOTH = "massage"
SUGGESTED = "Reading aloud"  # Alex's own idea, suggested to Sam, Alex said yes


@dataclass
class Couple:
    owner: OpenJournal
    partner: OpenJournal
    entry_ids: dict[str, str]  # title -> id


def entry(number: int, title: str, shared: bool) -> Entry:
    moment = START + timedelta(hours=number * 7)
    return Entry(
        id=f"00000000-0000-4000-8000-{number:012d}",
        created_at=moment,
        updated_at=moment,
        title=title,
        body=f"{title}, written plainly." if shared else f"{CANARY} private body {number}",
        shared=shared,
    )


def seed(owner: OpenJournal, partner: OpenJournal) -> Couple:
    """Fill both journals (see the module docstring); returns their shared entry ids."""
    ids: dict[str, str] = {}
    number = 0
    for journal, titles, writer in (
        (owner, OWNER_SHARED, "Sam"),
        (partner, PARTNER_SHARED, "Alex"),
    ):
        repo = EntryRepository(journal.db)
        for title in titles:
            number += 1
            made = entry(number, title, True)
            repo.save(made)
            ids[title] = made.id
            number += 1
            repo.save(entry(number, f"{CANARY} {writer} private title {number}", False))
        Sharing(journal.db).set_my_name(writer)
    mine, theirs = CoupleAnswers(owner.db), CoupleAnswers(partner.db)
    mine.answer(BOTH_ANSWERED, "Sam misses the plans we made.")
    theirs.answer(BOTH_ANSWERED, "Alex misses the future we pictured.")
    mine.answer(ONLY_OWNER, f"{CANARY} Sam's waiting answer")
    theirs.answer(ONLY_PARTNER, f"{CANARY} Alex's waiting answer")
    for library, extra in (
        (LibraryStore(owner.db), IdeaResponse.YES),
        (LibraryStore(partner.db), IdeaResponse.MAYBE),
    ):
        for idea in BOTH_YES:
            library.set_response(idea, IdeaResponse.YES)
        library.set_response(ONLY_OWNER_YES, extra)
        library.set_response(NOT_YET_BOTH, IdeaResponse.NOT_YET)
        library.set_note(NOT_YET_BOTH, f"{CANARY} not-yet note")
        library.set_note(ONLY_OWNER_YES, f"{CANARY} private maybe note")
        kept = library.add_own_idea(f"{CANARY} an idea kept private", f"{CANARY} not offered")
        library.set_response(kept.idea_id, IdeaResponse.YES)
    offered = LibraryStore(partner.db).add_own_idea(SUGGESTED, "Taking turns, a chapter a night")
    LibraryStore(partner.db).set_offered(offered.idea_id, True)
    LibraryStore(partner.db).set_response(offered.idea_id, IdeaResponse.YES)
    return Couple(owner, partner, ids)


def make_partner(store: JournalStore) -> Path:
    """Alex's journal, created on this computer and left locked; returns its folder."""
    opened, _ = store.create("Alex's journal", PARTNER_PASSPHRASE, LIGHT_KDF)
    folder = opened.folder
    opened.lock()
    return folder


def file_bytes(*folders: Path) -> dict[Path, bytes]:
    """Every file under the folders, byte for byte."""
    return {
        path: path.read_bytes()
        for folder in folders
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
