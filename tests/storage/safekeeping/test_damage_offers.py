"""The unlock offers a rescue only where a rescue can read something, and otherwise
what can bring the journal back (break test 16 of session 11, finding b: a 0-byte
journal.db offered "Rescue what can be read…" with nothing to read). Each kind of
damage the lock screen names is checked against a real rescue of the same files."""

from __future__ import annotations

import pytest

from journal.domain.safekeeping.rotation import Reason
from journal.errors import JournalDamaged
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.safekeeping.rescue import rescue
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.helpers import write_entries
from tests.storage.safekeeping.test_damage import CASES

NEW_PASSPHRASE = "a new long passphrase for the rescued words"


def tiny(db) -> None:  # type: ignore[no-untyped-def]
    with open(db, "r+b") as handle:
        handle.truncate(1000)  # less than one page


KINDS = {**{name: damage for name, (damage, _said) in CASES.items()}, "shorter than a page": tiny}
# Whether a page of the file can still be read: then a rescue is offered (it reads every
# entry whose own page is left; cut to half, that may be none, which it says).
READABLE = {"first page", "later page", "last page", "cut to half", "cut to an odd size"}


@pytest.mark.parametrize("case", KINDS)
def test_a_rescue_is_offered_exactly_where_a_page_can_be_read(store, data_dir, case):
    journal, _ = store.create("Mine", PASSPHRASE, LIGHT_KDF)
    write_entries(journal, 300)
    journal.backup(Reason.DAILY)
    journal.lock()
    KINDS[case](journal.folder / "journal.db")

    with pytest.raises(JournalDamaged) as raised:
        store.unlock(journal.folder, PASSPHRASE)
    assert raised.value.rescuable == (case in READABLE)
    if case in READABLE:
        assert raised.value.offer == ""  # the lock screen's offer of both
        return
    # Not offered: then no rescue could have worked, and the kept backup is offered.
    with pytest.raises((JournalDamaged, OSError)):
        rescue(data_dir, journal.folder, PASSPHRASE, "Rescued", NEW_PASSPHRASE, LIGHT_KDF)
    assert "Solace keeps its own backups of this journal beside it (1 now)" in (
        raised.value.offer
    )
    assert "nothing in it that a rescue could read" in raised.value.offer


def test_a_rescue_offered_for_a_damaged_page_reads_the_rest(store, data_dir):
    journal, _ = store.create("Mine", PASSPHRASE, LIGHT_KDF)
    write_entries(journal, 300)
    journal.lock()
    CASES["later page"][0](journal.folder / "journal.db")
    with pytest.raises(JournalDamaged) as raised:
        store.unlock(journal.folder, PASSPHRASE)
    assert raised.value.rescuable
    rescued = rescue(data_dir, journal.folder, PASSPHRASE, "Rescued", NEW_PASSPHRASE, LIGHT_KDF)
    try:
        assert rescued.entries > 0
    finally:
        rescued.journal.lock()
