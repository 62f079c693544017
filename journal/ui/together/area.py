"""The Together area: open a session with the partner's journal (or one journal kept by
two), read what each shared, respond, see couple prompts and the ideas both welcome.

While a session is open the window shows nothing else (`exclusive`), so nobody
at the keyboard can wander into either person's private pages. Leaving locks the
partner's journal at once and asks the window to lock, so the owner's passphrase
is needed before any private view returns. Any lock of the window (Ctrl+L, idle,
screen lock) clears this area, which locks the partner's journal too.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from journal.domain.common.bidi import isolated, quoted
from journal.domain.entries.prompts import Audience, Prompt, load_prompts, prompts_dir
from journal.domain.library.ideas import load_closeness_ideas
from journal.domain.together.ideas import IdeaText
from journal.domain.together.items import Response, SharedItem, Side
from journal.domain.together.writers import same_name
from journal.errors import SolaceError, WrongPassphrase
from journal.paths import journals_dir
from journal.settings import FONT_SCALE, THEME, Setting
from journal.storage.lock.journal import OpenJournal, updated_words
from journal.storage.lock.store import JournalStore
from journal.storage.safekeeping.cut_log import cut_log_words
from journal.storage.together.answers import CoupleAnswers
from journal.storage.together.session import (
    TogetherSession,
    check_partner_folder,
    journal_in,
    open_partner,
    update_partner,
)
from journal.storage.together.sharing import Sharing
from journal.ui.common.accessibility import announce
from journal.ui.common.area import AppContext, Area
from journal.ui.common.confirm import Question
from journal.ui.common.local_time import now_utc, today_local
from journal.ui.common.messages import user_message
from journal.ui.common.page_focus import focus_placed_on_show
from journal.ui.common.stacks import CurrentPageStack
from journal.ui.common.workers import Task, run_in_background
from journal.ui.together.marks import follow_session
from journal.ui.together.prompts import MyAnswersPage
from journal.ui.together.session_page import SessionPage
from journal.ui.together.sharing import WhatIShare
from journal.ui.together.start import RECOVERY_PRIVATE, RECOVERY_SHARED, StartPage

__all__ = ["TogetherArea"]

log = logging.getLogger(__name__)
# Said of words typed when Solace last locked or closed: sealed drafts are kept at both
# (break test 53, T9: "Solace locked" was said after the window had been closed).
GIVEN_BACK = (
    "You were writing this when Solace last locked or closed. Your words are back; "
    "they are not kept or shared until you choose to."
)
RESPONSE_KEPT = (
    "You were writing a response in Together when Solace last locked or closed. It was "
    "not shared, and it will be back in its box, under its entry, when you open Together "
    "again."
)


def stranded_words(responses: Iterable[str]) -> str:
    """What is said of ``responses`` (their words, typed but not kept) whose entries are
    no longer shared, so they have no box to go back to: the words themselves, and that
    they are kept (`TogetherArea._give_back_response`)."""
    texts = [f"“{isolated(text.strip())}”" for text in responses]
    if len(texts) == 1:
        return (
            "What you were writing under an entry that is no longer shared has no box to "
            f"go back to. It was not shared: {texts[0]}. It is kept, and goes back under "
            "its entry if that entry is shared again."
        )
    return (
        f"What you were writing under {len(texts)} entries that are no longer shared has "
        f"no box to go back to. None of it was shared: {', '.join(texts)}. It is kept, "
        "and each goes back under its entry if that entry is shared again."
    )


LINK_PROMPTS = "solace://together/prompts"
# Two journals shown by one name: "Sam, respond to Sam", the name twice in the list of
# whose entries (break test 39, left alone then). Refused as two writers of one journal
# with one name are (`check_writers`).
SAME_NAME = (
    "Your partner's journal is shown as “{name}” in Together too. Please choose a "
    "different name for yourself here, so each entry shows who wrote it, then open "
    "Together again."
)

#: Asked before a partner's journal made by an older Solace is updated (re-test 41, F9).
UPDATE_QUESTION = "Update “{name}” for this version of Solace?"
UPDATE_TITLE = "Update your partner's journal"  # the question, cut in a title bar
UPDATE_DETAIL = (
    "It was last opened by an older version of Solace. To open it in Together, Solace "
    "first updates it, keeping a copy from before the update with its backups. After "
    "that, an older version of Solace can no longer open it, on this computer or another."
)
NOT_UPDATED = "“{name}” was not opened, and is unchanged."


class TogetherArea(Area):
    """Together: a couple's shared reading, couple prompts, closeness ideas and recovery,
    from each partner's journal (or one journal with two writers).
    """

    area_id = "together"
    title = "Together"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journal: OpenJournal | None = None
        self._store: JournalStore | None = None
        self.session: TogetherSession | None = None
        self._task: Task | None = None
        # The partner's journal, opened without its update, while she is asked to allow it.
        self._waiting_partner: OpenJournal | None = None
        self._prompts: tuple[Prompt, ...] = ()
        self._ideas: tuple[IdeaText, ...] = ()
        self._stale: set[int] = set()  # session tabs (by index) not read since the last change
        # Responses typed in a session but not kept when Solace locked (or the session
        # was left): entry id -> text, back in their boxes in the next session.
        self._held_responses: dict[str, str] = {}
        # Of those, the entries that were no longer shared at the last session's start
        # (`_give_back_response`), said as such at the next unlock.
        self._stranded: set[str] = set()

        self.start = StartPage()
        self.shared = WhatIShare()
        self.answers = MyAnswersPage()
        self.session_page = SessionPage()
        self.pages = CurrentPageStack()  # as wide as the page shown, not the widest
        for page in (self.start, self.shared, self.answers, self.session_page):
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

        self.start.open_requested.connect(self.open_with_partner)
        self.start.folder_chosen.connect(self._check_folder)
        self.start.partner.currentIndexChanged.connect(self._forget_tries)
        self._tries = 0  # wrong partner passphrases in a row, said with the message
        self.start.open_one_journal.connect(self.open_one_journal)
        self.start.writers_named.connect(self._name_writers)
        self.start.name_changed.connect(self._set_my_name)
        self.start.share_recovery.connect(self._share_recovery)
        self.start.show_shared.connect(self.show_shared)
        self.start.show_prompts.connect(self.show_my_answers)
        self.shared.back.connect(self.show_start)
        self.shared.make_private.connect(self._make_entry_private)
        self.answers.back.connect(self.show_start)
        self.answers.answer.connect(self._answer)
        self.answers.pass_on.connect(self._pass_on)
        self.answers.forget.connect(self._forget_answer)
        self.answers.writer.currentIndexChanged.connect(self._load_my_answers)
        reader = self.session_page.reader
        reader.respond.connect(self._respond)
        reader.remove_response.connect(self._remove_response)
        reader.make_private.connect(self._make_item_private)
        self.session_page.leave_button.clicked.connect(self.leave)
        self.session_page.tabs.currentChanged.connect(self._load_tab)

    # the area contract ---------------------------------------------------------------------
    def prepare(self) -> None:
        """Read the shipped couple prompts and closeness ideas now, before any unlock."""
        self._load_texts()

    def open_journal(self, context: AppContext) -> None:
        journal = context.journal
        self._journal = journal
        data_dir = journal.folder.parent.parent
        # The owner's journal was opened from this computer's list, so its folder sits in
        # <data dir>/journals; the partner's may be anywhere and is picked by folder.
        self._store = (
            JournalStore(data_dir) if journals_dir(data_dir) == journal.folder.parent else None
        )
        self._load_texts()
        self.show_start()

    def held_back(self) -> str | None:
        """Responses typed in a session and an answer to a couple prompt, typed but not
        kept: Together never keeps or shares them without the person (JSON, for
        `restore_draft`)."""
        held: dict[str, object] = {}
        responses = dict(self._held_responses)
        if self.session is not None:
            responses.update(self.session_page.reader.page.unsent())
        if responses:
            held["responses"] = responses
            held["stranded"] = sorted(self._stranded & set(responses))
        answer = self.answers.unkept() if self._journal is not None else None
        if answer is not None:
            held["answer"] = {
                "prompt": answer[0],
                "text": answer[1],
                "writer": self.answers.writer.currentIndex(),
            }
        return json.dumps(held, ensure_ascii=False) if held else None

    def restore_draft(self, draft: str) -> None:
        """Put back what `held_back` kept at the last lock: the answer in its prompt, the
        responses for the next session (said on the start page)."""
        try:
            held = json.loads(draft)
            responses, answer = held.get("responses"), held.get("answer")
        except (ValueError, AttributeError):
            log.error("a kept Together draft could not be read")
            return
        if isinstance(responses, dict) and responses:
            self._held_responses = {str(k): str(v) for k, v in responses.items()}
            stranded = held.get("stranded")
            self._stranded = set(map(str, stranded)) if isinstance(stranded, list) else set()
            self.start.kept_note.setText(self._kept_words())
        if isinstance(answer, dict):
            self.show_my_answers(focus=False)
            self.answers.writer.setCurrentIndex(int(answer.get("writer", 0)))
            self.answers.give_back(str(answer["prompt"]), str(answer["text"]), GIVEN_BACK)

    def close_connections(self) -> None:
        """Lock the partner's journal at every lock, before the owner's: a lock that
        replaces the process takes no view apart (`clear` is not called), and the
        partner's journal was left to the process's end, what was read of its notes
        never written (re-test 42, F1: a note read in Together came back). One being
        updated is locked once its update ends (`_answered`)."""
        if self.session is not None:
            self.session.leave()
        waiting, self._waiting_partner = self._waiting_partner, None
        if waiting is not None and self._task is None:  # asked, not being updated
            waiting.lock()

    def clear(self) -> None:
        """Forget everything shown and lock the partner's journal (the window is locking),
        as `close_connections` does."""
        self.close_connections()
        self._held_responses = {}
        self._stranded = set()
        self.start.kept_note.setText("")
        self._end_session()
        self._journal = None
        self._store = None
        self.start.clear()
        self.shared.clear()
        self.answers.clear()
        self.pages.setCurrentWidget(self.start)

    def showEvent(self, event: QShowEvent) -> None:
        """Each visit lists the journals on this computer afresh (one may have been added)."""
        super().showEvent(event)
        if self.session is None and self.pages.currentWidget() is self.start:
            self.show_start()

    def open_url(self, url: str) -> bool:
        if url == LINK_PROMPTS and self._journal is not None and self.session is None:
            self.show_my_answers()
            return True
        return False

    # pages --------------------------------------------------------------------------------
    def _load_texts(self) -> None:
        if not self._prompts:
            try:
                self._prompts = load_prompts(prompts_dir()).for_audience(Audience.COUPLE)
            except (OSError, ValueError):
                log.error("the couple prompts could not be read")
        if not self._ideas:
            try:
                self._ideas = tuple(
                    IdeaText(i.id, i.title, i.description) for i in load_closeness_ideas()
                )
            except (OSError, ValueError):
                log.error("the closeness ideas could not be read")

    def _sharing(self) -> Sharing:
        if self._journal is None:
            raise RuntimeError("no journal is open")
        return Sharing(self._journal.db)

    def show_start(self) -> None:
        journal = self._journal
        if journal is None:
            return
        sharing = self._sharing()
        others = []
        if self._store is not None:
            others = [
                i for i in self._store.journals() if i.journal_id != journal.header.journal_id
            ]
        self.start.set_journals(others)
        self.start.my_name.setText(sharing.my_name(journal.header.name))
        # Left empty, the name shown is the journal's (`Sharing.shown_name`): said there.
        self.start.my_name.setPlaceholderText(journal.header.name)
        writers = sharing.writers()
        self.start.set_writers((writers.first, writers.second) if writers else None)
        self.start.recovery.blockSignals(True)
        self.start.recovery.setChecked(sharing.shares_recovery)
        self.start.recovery.blockSignals(False)
        self.pages.setCurrentWidget(self.start)

    def show_shared(self) -> None:
        self.shared.show_entries(self._sharing().shared_entries())
        self.pages.setCurrentWidget(self.shared)
        self.shared.back_button.setFocus()

    def show_my_answers(self, *, focus: bool = True) -> None:
        """Show the couple prompts' page, the focus on its prompt unless ``focus`` is
        False: an answer given back at the unlock (`restore_draft`) comes while the
        area is hidden, and the focus it took from the entry the window then showed
        was moved to the area list, where the first words typed went (break test 47,
        F1)."""
        writers = self._sharing().writers()
        self.answers.set_writers([writers.first, writers.second] if writers else [])
        self._load_my_answers()
        self.pages.setCurrentWidget(self.answers)
        if focus:
            self.answers.prompt.setFocus()

    def _load_my_answers(self) -> None:
        if self._journal is None:
            return
        mine = CoupleAnswers(self._journal.db, self.answers.writer_number()).mine()
        self.answers.show_answers(self._prompts, mine)

    # the person's own choices ------------------------------------------------------------------
    def _name_writers(self, first: str, second: str) -> None:
        problem = self._sharing().set_writers(first, second)
        if problem:
            self.start.refuse_names(problem)
            return
        self.show_start()

    def _set_my_name(self, name: str) -> None:
        if self._journal is not None and name.strip():
            self._sharing().set_my_name(name)

    def _share_recovery(self, on: bool) -> None:
        """The switch "Share a summary of my recovery" turned by the person: kept, and
        said, as sharing an entry is: only its checked state changed, and nothing told
        that health information was now shown to the partner (break test 15 of session
        29, F14)."""
        self._sharing().set_shares_recovery(on)
        announce(self.start.recovery, RECOVERY_SHARED if on else RECOVERY_PRIVATE)

    def _make_entry_private(self, entry_id: str) -> None:
        """ "Make private" in What I share: the entry is private again, the page shows
        what is still shared (the focus on Back), and that is said politely once the
        focus has landed ("Made private: <title or first words>."), as sharing an entry
        is said: nothing was heard (issue 15 break test)."""
        headline = self.shared.headline(entry_id)
        self._sharing().make_private(entry_id)
        self.show_shared()
        words = headline if headline.endswith("…") else f"{headline.rstrip('.')}."
        said = f"Made private: {words}" if headline else "Made private."
        announce(self.shared, said, after_focus=True)

    def _answer(self, prompt_id: str, text: str) -> None:
        if self._journal is None:
            return
        try:
            CoupleAnswers(self._journal.db, self.answers.writer_number()).answer(prompt_id, text)
        except SolaceError as error:
            self.answers.show_problem(user_message(error))
            return
        self._load_my_answers()

    def _pass_on(self, prompt_id: str) -> None:
        if self._journal is not None:
            CoupleAnswers(self._journal.db, self.answers.writer_number()).pass_on(prompt_id)
            self._load_my_answers()

    def _forget_answer(self, prompt_id: str) -> None:
        if self._journal is not None:
            CoupleAnswers(self._journal.db, self.answers.writer_number()).forget(prompt_id)
            self._load_my_answers()

    # opening -----------------------------------------------------------------------------------
    def _check_folder(self, folder: Path) -> None:
        """Check the folder picked for the partner's journal; a data folder holding
        one journal besides this one stands for it (`journal_in`)."""
        if self._journal is None:
            return
        found = journal_in(folder, self._journal)
        if found != folder:
            self.start.set_other_folder(found)  # checked again, as the journal's own
            return
        try:
            check_partner_folder(self._journal, folder)
        except SolaceError as error:
            self.start.refuse_folder(user_message(error))

    def _forget_tries(self) -> None:
        self._tries = 0

    def open_with_partner(self, folder: Path, passphrase: str) -> None:
        """Unlock the partner's journal off the GUI thread, then start the session."""
        owner, store = self._journal, self._store
        if owner is None or self._task is not None:
            return
        # Unlocking reads only the chosen folder, so a journal kept elsewhere needs no list.
        store = store or JournalStore(folder.parent.parent)
        self.start.set_busy(True)
        self.start.show_problem("")

        def done(partner: object) -> None:
            self._task = None
            self._tries = 0
            self.start.set_busy(False)
            self.start.passphrase.clear()
            if self._journal is not owner or not isinstance(partner, OpenJournal):
                if isinstance(partner, OpenJournal):  # locked while the key was derived
                    partner.lock()
                return
            if partner.needs_update:
                self._ask_to_update(owner, partner)
            else:
                self._open_with(owner, partner)

        def failed(error: BaseException) -> None:
            self._task = None
            self.start.set_busy(False)
            self.start.passphrase.clear()
            message = user_message(error)
            if isinstance(error, WrongPassphrase):
                self._tries += 1
                if self._tries > 1:  # so each new try is seen to have been checked
                    message = f"{message} (That was try {self._tries}.)"
            self.start.show_problem(message)
            self.start.passphrase.setFocus()

        self._task = run_in_background(
            lambda: open_partner(store, owner, folder, passphrase), done, failed, owner=self
        )

    def _open_with(self, owner: OpenJournal, partner: OpenJournal) -> None:
        """Begin the session of ``owner`` and the unlocked ``partner`` (refused when the
        two are called by one name); a partner's journal updated as it opened is told."""
        session = TogetherSession(owner, partner)
        if same_name(session.names.owner, session.names.partner):
            partner.lock()
            self.start.refuse_my_name(SAME_NAME.format(name=isolated(session.names.partner)))
            return
        self._begin(session)
        # Its key file put back from the copy kept with its backups, or its log found cut
        # short, as the owner's own unlock tells (break test 53, T5: the partner's key
        # file was mended without a word).
        cut, partner.cut_log = partner.cut_log, None
        note, partner.key_file_note = partner.key_file_note, ""
        for words in (cut_log_words(cut) if cut else "", note):
            if words:
                about = f"About your partner's journal, {quoted(partner.header.name)}: "
                self.told.emit(about + words, None)
        if partner.updated:  # an older Solace of the partner's cannot open it now
            partner.updated = False
            self.told.emit(updated_words(partner.header.name), partner.update_note_read)

    def _ask_to_update(self, owner: OpenJournal, partner: OpenJournal) -> None:
        """Ask before updating the partner's journal, made by an older Solace, which her
        Solace could then no longer open (re-test 41, F9: it was updated, then told).
        "Don't open" (the default, and Escape) locks it unchanged."""
        name = isolated(partner.header.name)
        self._waiting_partner = partner
        question = Question(
            self,
            UPDATE_QUESTION.format(name=name),
            UPDATE_DETAIL,
            "Update and open",
            UPDATE_TITLE,
            keep="Don't open",
        )
        answer: list[bool] = []
        question.said_yes.connect(lambda: answer.append(True))
        question.finished.connect(lambda _code: self._answered(owner, partner, bool(answer)))
        question.open()

    def _answered(self, owner: OpenJournal, partner: OpenJournal, yes: bool) -> None:
        """Update and open the partner's journal, off the GUI thread, or lock it as it
        is. A lock meanwhile (`clear`) has locked it already."""
        if self._waiting_partner is not partner:
            return
        if not yes or self._journal is not owner:
            self._waiting_partner = None
            partner.lock()
            self.start.show_problem(NOT_UPDATED.format(name=isolated(partner.header.name)))
            self.start.passphrase.setFocus()
            return
        self.start.set_busy(True)

        def updated(_nothing: object) -> None:
            self._task = None
            self._waiting_partner = None
            self.start.set_busy(False)
            if self._journal is not owner:  # locked while it was updated
                partner.lock()
                return
            self._open_with(owner, partner)

        def failed(error: BaseException) -> None:
            self._task = None
            self._waiting_partner = None
            self.start.set_busy(False)
            partner.lock()
            self.start.show_problem(user_message(error))
            self.start.passphrase.setFocus()

        self._task = run_in_background(
            lambda: update_partner(owner, partner), updated, failed, owner=self
        )

    def open_one_journal(self) -> None:
        if self._journal is None:
            return
        try:
            session = TogetherSession(self._journal, None)
        except SolaceError as error:
            self.start.show_writers_problem(user_message(error))
            return
        self._begin(session)

    def _begin(self, session: TogetherSession) -> None:
        self.session = session
        follow_session(session.first)
        session.exchange_suggestions()
        self.exclusive.emit(True)
        self.session_page.set_names(session.names.owner, session.names.partner, self._own())
        self.refresh()
        reader = self.session_page.reader
        # The focus goes once, straight to what is read, as the page is shown: the start
        # page it hides gave it first to "Leave Together", heard before the entry (break
        # test 15 of session 14, finding 9); and that Together is open is said.
        with focus_placed_on_show(self.session_page, reader.focus_reading) as placing:
            self.pages.setCurrentWidget(self.session_page)
        if not placing.done:
            reader.focus_reading()
        shared = reader.model.rowCount()
        announce(
            self,
            f"Together is open, with {shared} shared entr{'y' if shared == 1 else 'ies'}.",
            after_focus=True,
        )
        self._give_back_response()

    def _give_back_response(self) -> None:
        """The responses kept at the last lock, back with their entries; the reader goes
        to the first of them. Those whose entries are no longer shared stay held (kept
        at every lock, back in their boxes if their entries are shared again), and
        their words are said, on the start page and in the window's notes
        (`stranded_words`). They were kept out of sight, and dropped when another
        response was given back (break test 53, T1)."""
        held, reader = self._held_responses, self.session_page.reader
        placed = {entry: text for entry, text in held.items() if reader.model.row_of(entry) >= 0}
        self._held_responses = {e: text for e, text in held.items() if e not in placed}
        self._stranded = set(self._held_responses)
        self.start.kept_note.setText(self._kept_words())
        if self._stranded:
            self.told.emit(self._kept_words(), None)
        if placed:
            reader.page.take_unsent(placed)
            reader.go(min(map(reader.model.row_of, placed)))
            reader.page.kept_note.setText(GIVEN_BACK)

    def _kept_words(self) -> str:
        """What the start page says of the responses held (`RESPONSE_KEPT`, and the
        words of those whose entries were no longer shared, `stranded_words`)."""
        held = self._held_responses
        stranded = [text for entry, text in held.items() if entry in self._stranded]
        waiting = len(stranded) < len(held)
        return " ".join(
            ([RESPONSE_KEPT] if waiting else []) + ([stranded_words(stranded)] if stranded else [])
        )

    def _own(self) -> frozenset[Side]:
        """The sides whose journal is the one this window opened: their entries may be
        made private and their responses removed here. The partner's are changed from
        a Together opened on the partner's own journal; a journal kept by two is both's."""
        if self.session is None:
            return frozenset()
        return frozenset(Side) if self.session.one_journal else frozenset({Side.OWNER})

    def setting_changed(self, setting: Setting[Any]) -> None:
        """A theme or text size change redraws what an open session shows (the partner
        colours have a light and a dark shade; response rows and cards are rebuilt)."""
        if setting in (THEME, FONT_SCALE) and self.session is not None:
            names = self.session.names
            self.session_page.set_names(names.owner, names.partner, self._own())
            self.refresh()

    def refresh(self) -> None:
        """Read what the session shows again (after any change). The shared items come
        first; the other tabs are read when they are first looked at."""
        session = self.session
        if session is None:
            return
        self.session_page.reader.set_items(session.items())
        self._stale = {1, 2, 3}
        self._load_tab(self.session_page.tabs.currentIndex())

    def _load_tab(self, tab: int) -> None:
        session, page = self.session, self.session_page
        if session is None or tab not in self._stale:
            return
        self._stale.discard(tab)
        owner, partner = isolated(session.names.owner), isolated(session.names.partner)
        if tab == 1:
            views = session.prompts([(p.id, p.text) for p in self._prompts])
            page.prompts.show_views(views, owner, partner)
        elif tab == 2:
            page.ideas.show_ideas(session.ideas(self._ideas), owner, partner)
        elif tab == 3:
            summaries = []
            for side in (Side.OWNER, Side.PARTNER):
                summary = session.recovery(side, today_local(), now_utc())
                if summary is not None:
                    summaries.append((side, isolated(session.name(side)), summary))
            page.recovery.show_summaries(summaries)

    # in a session -------------------------------------------------------------------------
    def _respond(self, item: SharedItem, text: str) -> None:
        if self.session is None:
            return
        responder = Side.PARTNER if item.side is Side.OWNER else Side.OWNER
        try:
            self.session.respond(responder, item.entry_id, text)
        except SolaceError as error:
            self.session_page.reader.page.show_problem(user_message(error))
            return
        self.session_page.reader.page.response_kept(self.session.name(responder))
        self.session_page.reader.set_items(self.session.items())

    def _remove_response(self, response: Response) -> None:
        if self.session is not None:
            self.session.remove_response(response)
            reader = self.session_page.reader
            reader.set_items(self.session.items())
            writer = isolated(self.session.name(response.side))
            reader.page.show_status(f"{writer}'s response is removed.")
            reader.focus_reading()

    def _make_item_private(self, item: SharedItem) -> None:
        if self.session is not None:
            self.session.make_private(item)
            reader = self.session_page.reader
            reader.set_items(self.session.items())
            writer = isolated(item.writer)
            reader.page.show_status(
                f"{writer}'s entry is private again and has left Together. "
                f"{writer} can share it again from the Journal."
            )
            reader.focus_reading()

    # leaving -------------------------------------------------------------------------------------
    def leave(self) -> None:
        """Lock the partner's journal now, then ask the window to lock (the owner's
        passphrase is needed before any private view returns). Responses typed but not
        kept are held back like those typed when Solace locks (see `held_back`)."""
        session = self.session
        if session is not None:
            self._held_responses.update(self.session_page.reader.page.unsent())
            session.leave()
        # The session's pages go with the window's lock (`clear`), after the lock
        # screen has the focus: emptied here first, the focus went through the tab
        # bar and the start page before the lock screen's Passphrase (break test 15 of
        # session 18, finding 11).
        self.lock_requested.emit()

    def _end_session(self) -> None:
        session, self.session = self.session, None
        follow_session(Side.OWNER)
        self._stale = set()
        self.session_page.clear()
        if session is not None:
            session.leave()
            self.exclusive.emit(False)
        if self.pages.currentWidget() is self.session_page:
            self.pages.setCurrentWidget(self.start)
