"""Screenshots of Together: two partners' shared entries with a response, a couple
prompt both answered, and the closeness ideas both said yes to."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from screenshots import PASSPHRASE, settle, unlock

from journal.domain.entries.entry import Entry
from journal.domain.library.closeness import IdeaResponse
from journal.domain.together.items import Side
from journal.storage.entries.repository import EntryRepository
from journal.storage.library.repository import LibraryStore
from journal.storage.lock.journal import OpenJournal
from journal.storage.lock.store import JournalStore
from journal.storage.together.answers import CoupleAnswers
from journal.storage.together.session import TogetherSession
from journal.storage.together.sharing import Sharing
from journal.ui.shell.main_window import MainWindow
from journal.ui.together.area import TogetherArea

START = datetime.now(UTC).replace(hour=8, minute=30, second=0, microsecond=0) - timedelta(days=9)

SAM = (
    (
        "The garden",
        "I sat outside this morning with my tea. The roses we planted in spring "
        "have opened. I kept thinking how much I wanted to show them to someone who will "
        "never see them. It hurt, and it was also a little peaceful.",
    ),
    (
        "A quiet walk",
        "We walked to the river after dinner and did not say much. "
        "Holding your hand was enough. I think I needed the quiet more than words.",
    ),
)
ALEX = (
    (
        "The drive home",
        "On the drive home from the hospital I kept my eyes on the road "
        "because I did not know what else to do. I want you to know I was not far away. "
        "I was trying to hold everything together and did not know how.",
    ),
    (
        "What I keep coming back to",
        "I keep coming back to the first scan, and the sound "
        "of the heartbeat. I have not said it out loud until now.",
    ),
)


def _entry(number: int, title: str, body: str) -> Entry:
    moment = START + timedelta(days=number * 2, hours=number)
    return Entry(
        id=f"00000000-0000-4000-8000-{number:012d}",
        created_at=moment,
        updated_at=moment,
        title=title,
        body=body,
        shared=True,
    )


def _seed(owner: OpenJournal, partner: OpenJournal) -> None:
    number = 0
    for journal, entries, name in ((owner, SAM, "Sam"), (partner, ALEX, "Alex")):
        repo = EntryRepository(journal.db)
        for title, body in entries:
            number += 1
            repo.save(_entry(number, title, body))
        Sharing(journal.db).set_my_name(name)
    CoupleAnswers(owner.db).answer(
        "couple-miss-most", "The plans we made in the evenings, and the names we tried out."
    )
    CoupleAnswers(partner.db).answer(
        "couple-miss-most", "Imagining the three of us on the beach next summer."
    )
    CoupleAnswers(owner.db).answer("couple-what-helped", "You made dinner every night.")
    for journal in (owner, partner):
        library = LibraryStore(journal.db)
        for idea in ("hugging", "holding-hands", "long-talks"):
            library.set_response(idea, IdeaResponse.YES)
    LibraryStore(owner.db).set_note("hugging", "Long ones, when either of us comes home")
    LibraryStore(owner.db).set_note_shared("hugging", True)
    LibraryStore(owner.db).set_response("massage", IdeaResponse.NOT_YET)
    LibraryStore(partner.db).set_response("cuddling", IdeaResponse.MAYBE)


def _together(window: MainWindow, store: JournalStore) -> TogetherArea:
    unlock(window)
    settle(100)
    owner = window.journal
    assert owner is not None
    folder = next(j.folder for j in store.journals() if j.folder != owner.folder)
    partner = store.unlock(folder, PASSPHRASE)
    _seed(owner, partner)
    session = TogetherSession(owner, partner)
    session.respond(
        Side.OWNER, ALEX_ID, "Thank you for telling me. I did not know, and I am glad I do now."
    )
    area = next(a for a in window.areas if isinstance(a, TogetherArea))
    window.show_area(area)
    area._begin(session)
    settle(200)
    return area


ALEX_ID = "00000000-0000-4000-8000-000000000003"


def together_read(window: MainWindow, store: JournalStore) -> None:
    area = _together(window, store)
    reader = area.session_page.reader
    reader.go(reader.model.row_of(ALEX_ID))
    reader.page.body.setFocus()  # read from the keyboard: the entry's words, ringed
    settle(100)


def together_list(window: MainWindow, store: JournalStore) -> None:
    area = _together(window, store)
    area.session_page.reader.as_list.click()
    settle(100)


def together_prompts(window: MainWindow, store: JournalStore) -> None:
    area = _together(window, store)
    area.session_page.tabs.setCurrentWidget(area.session_page.prompts)
    settle(100)


def together_ideas(window: MainWindow, store: JournalStore) -> None:
    area = _together(window, store)
    area.session_page.tabs.setCurrentWidget(area.session_page.ideas)
    settle(100)


def together_start(window: MainWindow, store: JournalStore) -> None:
    unlock(window)
    settle(100)
    area = next(a for a in window.areas if isinstance(a, TogetherArea))
    window.show_area(area)
    area.start.passphrase.setFocus()
    settle(100)


SCENES = {
    "together-start": (together_start, 2),
    "together-read": (together_read, 2),
    "together-list": (together_list, 2),
    "together-prompts": (together_prompts, 2),
    "together-ideas": (together_ideas, 2),
}
