"""A Together session: the owner's open journal and their partner's, read side by side.

Two journals: each stays its own encrypted file with its own key; the partner's is
opened here with the partner's passphrase and locked by `leave` (engine disposed,
key forgotten). One journal kept by two writers: there is no second journal, and
each writer's shared entries form one side.

Everything shown comes from `SharedItems`, whose queries return shared rows only.
Writes go to the writer's own journal: a response to the responder's, making an
item private to its author's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from journal.domain.together.ideas import IdeaText, OverlapIdea, yes_overlap
from journal.domain.together.items import Response, SharedItem, Side, attach_responses, interleave
from journal.domain.together.prompts import PromptView, both_answered, reveal
from journal.domain.together.recovery import RecoverySummary
from journal.domain.together.writers import Writers
from journal.errors import DiskFull, SolaceError
from journal.storage.journal_files import HEADER_NAME
from journal.storage.library.repository import LibraryStore
from journal.storage.lock.journal import OPEN, UPDATE, OpenJournal
from journal.storage.lock.store import JournalStore
from journal.storage.lock.vault import read_header
from journal.storage.safekeeping.backups import MAKE_BACKUP
from journal.storage.together.responses import Responses
from journal.storage.together.shared import SharedItems
from journal.storage.together.sharing import Sharing

__all__ = ["NotAPartnerJournal", "TogetherSession", "open_partner"]


class NotAPartnerJournal(SolaceError):
    """The chosen folder cannot be the partner's journal; the message says why."""


def journal_in(folder: Path, owner: OpenJournal) -> Path:
    """The journal's folder ``folder`` stands for: itself when it holds a journal
    header, else the one journal in it that is not ``owner``'s, where ``folder`` is a
    data folder (its ``journals`` folder holds them, as ``--data-dir`` names it) or
    that ``journals`` folder (break test 53, T7: the partner's data folder was refused
    as holding no journal). Otherwise ``folder``, which `check_partner_folder` then
    refuses, saying where to look when there are several. Reads folder names only."""
    if (folder / HEADER_NAME).is_file():
        return folder
    found = _journals_inside(folder, owner)
    return found[0] if len(found) == 1 else folder


def _journals_inside(folder: Path, owner: OpenJournal) -> list[Path]:
    """The journal folders (with a header) in ``folder`` or in its ``journals`` folder,
    the owner's own left out, by name; [] when it cannot be listed."""
    found: list[Path] = []
    for place in (folder / "journals", folder):
        try:
            found += sorted(p for p in place.iterdir() if (p / HEADER_NAME).is_file())
        except OSError:
            continue
    own = owner.folder.resolve()
    return [each for each in found if each.resolve() != own]


def check_partner_folder(owner: OpenJournal, folder: Path) -> None:
    """Whether ``folder`` can hold the partner's journal: it has a journal header, and it
    is not the owner's journal (by folder or by journal id, so a copy is refused too).

    Reads only the small header file, so it can run as soon as a folder is picked.
    Raises NotAPartnerJournal (the message says why) or JournalDamaged.
    """
    if not (folder / HEADER_NAME).is_file():
        several = len(_journals_inside(folder, owner))
        if several > 1:
            where = "in its “journals” folder" if (folder / "journals").is_dir() else "in it"
            raise NotAPartnerJournal(
                f"That folder holds {several} Solace journals, {where}. Choose your "
                "partner's there: a journal's folder has a file called vault.json in it. "
                "Nothing was opened or changed."
            )
        raise NotAPartnerJournal(
            "That folder does not hold a Solace journal. A journal's folder has a file "
            "called vault.json in it. Nothing was opened or changed."
        )
    header = read_header(folder)
    if folder.resolve() == owner.folder.resolve() or header.journal_id == owner.header.journal_id:
        raise NotAPartnerJournal(
            "That is the journal already open. If the two of you keep one journal, name "
            "its two writers instead, and Together opens on it alone."
        )


#: What an unlock of the partner's journal could not do for lack of room, in the words
#: said of it (`DiskFull`'s ``doing``), by what the same unlock says of one's own.
PARTNER_DOING = {
    MAKE_BACKUP: "make a backup of your partner's journal",
    OPEN: "open your partner's journal",
    UPDATE: "update your partner's journal for this version of Solace",
}


def open_partner(
    store: JournalStore, owner: OpenJournal, folder: Path, passphrase: str
) -> OpenJournal:
    """Unlock the partner's journal in ``folder`` (on this computer's list or anywhere
    else) with their passphrase. A journal an older Solace made is left as it is,
    marked `OpenJournal.needs_update`: the partner is asked before `update_partner`
    changes it, since her older Solace can no longer open it then (re-test 41, F9).

    Raises NotAPartnerJournal for a folder with no journal or the owner's own (see
    `check_partner_folder`), WrongPassphrase (nothing on disk changes in either
    journal), JournalDamaged, DatabaseTooNew, or DiskFull said of the partner's journal
    (`PARTNER_DOING`). Runs key derivation: call it off the GUI thread.
    """
    check_partner_folder(owner, folder)
    try:
        return store.unlock(folder, passphrase, update=False)
    except DiskFull as error:  # said of the partner's journal, not "your journal"
        raise _of_partner(error, owner, folder) from None


def update_partner(owner: OpenJournal, partner: OpenJournal) -> None:
    """Update the partner's journal opened by `open_partner` for this version, once the
    partner has agreed (`OpenJournal.update_now`). Raises what it raises, a DiskFull
    said of the partner's journal. Copies the file: call it off the GUI thread."""
    try:
        partner.update_now()
    except DiskFull as error:
        raise _of_partner(error, owner, partner.folder) from None


def _of_partner(error: DiskFull, owner: OpenJournal, folder: Path) -> DiskFull:
    """``error`` said of the partner's journal in ``folder``, not "your journal"."""
    doing = PARTNER_DOING.get(error.doing, error.doing)
    return DiskFull(doing, error.needed, where=_partner_drive(owner, folder))


def _partner_drive(owner: OpenJournal, folder: Path) -> str:
    """Where a partner's journal in ``folder`` lacks room, for `DiskFull`: "on this
    computer" when it is on the disk of the owner's journal, else on its own drive (a
    USB stick, whose room freeing space on the computer does not give)."""
    try:
        elsewhere = folder.stat().st_dev != owner.folder.stat().st_dev
    except OSError:
        elsewhere = False
    return "on the drive that holds your partner's journal" if elsewhere else "on this computer"


@dataclass(frozen=True, slots=True)
class Names:
    """The journal names Together shows: the owner's and the partner's."""

    owner: str
    partner: str


class TogetherSession:
    """The owner's journal and the partner's (or one journal with two writers).

    ``partner`` is owned by the session: `leave` locks it. The owner's journal is
    not: the window locks it. Raises RuntimeError once either journal is locked.
    """

    def __init__(
        self, owner: OpenJournal, partner: OpenJournal | None, names: Names | None = None
    ) -> None:
        self.owner = owner
        self.partner: OpenJournal | None = partner
        self._one_journal = partner is None
        owner_sharing = Sharing(owner.db)
        self.writers: Writers | None = owner_sharing.writers() if partner is None else None
        if partner is None and self.writers is None:
            raise NotAPartnerJournal(
                "To read together on this one journal, first name its two writers."
            )
        if names is None:
            if self.writers is not None:
                names = Names(self.writers.first, self.writers.second)
            else:
                assert partner is not None
                names = Names(
                    owner_sharing.shown_name(owner.header.name),
                    Sharing(partner.db).shown_name(partner.header.name),
                )
        self.names = names

    @property
    def one_journal(self) -> bool:
        return self._one_journal

    @property
    def first(self) -> Side:
        """The side whose mark comes first (● and blue, `journal.ui.together.marks`): in
        two journals the one whose journal id sorts first, so that each person keeps
        one mark whoever opens Together (break test 43, F4: they swapped); in one
        journal its first writer, the owner's side."""
        if self.partner is None:
            return Side.OWNER
        owner_id, partner_id = self.owner.header.journal_id, self.partner.header.journal_id
        return Side.OWNER if owner_id <= partner_id else Side.PARTNER

    def name(self, side: Side) -> str:
        return self.names.owner if side is Side.OWNER else self.names.partner

    def _journal(self, side: Side) -> OpenJournal:
        if side is Side.OWNER or self._one_journal:
            return self.owner
        if self.partner is None:
            raise RuntimeError("the partner's journal is locked")
        return self.partner

    def _shared(self, side: Side) -> SharedItems:
        return SharedItems(self._journal(side).db, side, self.name(side))

    def _sides(self) -> Iterable[Side]:
        return (Side.OWNER,) if self.one_journal else (Side.OWNER, Side.PARTNER)

    # reading ---------------------------------------------------------------------------
    def items(self) -> list[SharedItem]:
        """The shared entries of both, interleaved oldest first, with their responses."""
        if self.writers is not None:
            shared = self._shared(Side.OWNER)
            items = interleave(shared.items_by_writer(self.writers))
            responses: list[Response] = shared.responses(one_journal=True)
        else:
            items = interleave(*(self._shared(side).items() for side in self._sides()))
            responses = [r for side in self._sides() for r in self._shared(side).responses()]
        return attach_responses(items, responses)

    def prompts(self, prompts: Iterable[tuple[str, str]]) -> list[PromptView]:
        """Each couple prompt with both answers only where both answered."""
        if self.writers is not None:
            one, two = self._shared(Side.OWNER), self._shared(Side.OWNER)
            writer_two = 2
        else:
            one, two = self._shared(Side.OWNER), self._shared(Side.PARTNER)
            writer_two = 1
        mine, theirs = one.answer_states(1), two.answer_states(writer_two)
        both = both_answered(mine, theirs)
        my_words, their_words = one.answers(both, 1), two.answers(both, writer_two)
        texts = {p: (my_words.get(p, ("",))[0], their_words.get(p, ("",))[0]) for p in both}
        found = [p for p in both if p in my_words and p in their_words]
        times = {p: (my_words[p][1], their_words[p][1]) for p in found}
        zones = {p: (my_words[p][2], their_words[p][2]) for p in found}
        return reveal(prompts, mine, theirs, texts, times, zones)

    def ideas(self, ideas: Iterable[IdeaText]) -> list[OverlapIdea]:
        """The ideas both said yes to, shipped ones (``ideas``) first, then their own
        (a one-journal couple keeps one set of marks, so there it is the ideas the
        journal said yes to). An own idea of one partner can only have the other's
        yes once it was suggested and copied (`exchange_suggestions`)."""
        owner = self._shared(Side.OWNER)
        mine = owner.yes_marks()
        theirs = mine if self.one_journal else self._shared(Side.PARTNER).yes_marks()
        return yes_overlap([*ideas, *owner.own_idea_texts()], mine, theirs)

    def exchange_suggestions(self) -> None:
        """Copy each partner's suggested own ideas into the other's journal (once), so
        each can answer them privately in their Library."""
        if self.one_journal:
            return
        owner, partner = self._shared(Side.OWNER), self._shared(Side.PARTNER)
        mine, theirs = owner.suggested_ideas(), partner.suggested_ideas()
        LibraryStore(self._journal(Side.PARTNER).db).receive_suggestions(mine, self.names.owner)
        LibraryStore(self.owner.db).receive_suggestions(theirs, self.names.partner)

    def recovery(self, side: Side, today: date, now: datetime) -> RecoverySummary | None:
        """The side's recovery summary, or None unless they turned sharing it on."""
        if self.one_journal and side is Side.PARTNER:
            return None
        return self._shared(side).recovery(today, now)

    # writing (each to the writer's own journal) -------------------------------------------
    def respond(self, responder: Side, entry_id: str, text: str) -> Response:
        writer = (2 if responder is Side.PARTNER else 1) if self.one_journal else None
        return Responses(self._journal(responder).db).add(entry_id, text, responder, writer)

    def remove_response(self, response: Response) -> bool:
        return Responses(self._journal(response.side).db).remove(response.id)

    def make_private(self, item: SharedItem) -> None:
        Sharing(self._journal(item.side).db).make_private(item.entry_id)

    # leaving ---------------------------------------------------------------------------------
    def leave(self) -> None:
        """Lock the partner's journal now: its engine is disposed and its key forgotten."""
        partner, self.partner = self.partner, None
        if partner is not None and partner.is_open:
            partner.lock()
