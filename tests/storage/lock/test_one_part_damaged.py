"""One damaged key slot leaves the other credential working (break test 14 of session
11, finding 1): a key file whose passphrase slot asks for key-derivation settings
beyond Solace's caps was refused whole, and the intact recovery slot was never tried.
Each slot is now judged on its own; only a key file with no usable slot is refused,
and no key derivation ever runs with settings beyond the caps."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from journal.errors import JournalDamaged, WrongRecoveryKey
from journal.storage.lock import keys
from journal.storage.lock.keys import LIGHT_KDF, KdfParams
from journal.storage.lock.store import JournalStore
from journal.storage.lock.vault import CHECKSUM, SlotKind, read_header
from tests.conftest import PASSPHRASE

NEW = "a new passphrase for the mended journal"
# What break test 14 of session 11 wrote into one slot: each beyond the caps.
BAD_SETTINGS = [{"iterations": 0}, {"memory_kib": 4294967296}]


def made(store: JournalStore, *, snapshot: bool = False) -> tuple[Path, str]:
    """A journal "Lily's journal" with its recovery key confirmed, locked."""
    journal, recovery = store.create("Lily's journal", PASSPHRASE, LIGHT_KDF)
    journal.confirm_recovery_key()
    if snapshot:
        journal.snapshot("manual")
    journal.lock()
    return journal.folder, recovery


def damage(folder: Path, kinds: list[str], change: dict[str, int], *, checksum: bool) -> None:
    """Change the KDF settings of the slots of ``kinds`` in ``folder``'s key file, and
    write its checksum afresh over the change when ``checksum`` (as an attacker or a
    repair tool would), else leave it failing."""
    path = folder / "vault.json"
    data = json.loads(path.read_text())
    for slot in data["slots"]:
        if slot["kind"] in kinds:
            slot["kdf"].update(change)
    if checksum:
        fields = {k: v for k, v in data.items() if k != CHECKSUM}
        canonical = json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        data[CHECKSUM] = hashlib.sha256(canonical.encode()).hexdigest()
    path.write_text(json.dumps(data, indent=2))


@pytest.fixture
def derivations(monkeypatch: pytest.MonkeyPatch) -> list[KdfParams]:
    """Every set of KDF settings Argon2id runs with in this test (the real KDF runs)."""
    seen: list[KdfParams] = []
    real = keys.derive_kek

    def counted(secret: bytes, salt: bytes, params: KdfParams) -> bytes:
        seen.append(params)
        return real(secret, salt, params)

    monkeypatch.setattr(keys, "derive_kek", counted)
    return seen


def within_caps(params: KdfParams) -> bool:
    return (
        1 <= params.iterations <= keys.MAX_ITERATIONS
        and 8 * params.lanes <= params.memory_kib <= keys.MAX_MEMORY_KIB
        and params.iterations * params.memory_kib <= keys.MAX_WORK_KIB
    )


@pytest.mark.parametrize("checksum", [True, False])
@pytest.mark.parametrize("change", BAD_SETTINGS)
def test_a_damaged_passphrase_slot_leaves_the_recovery_key_working(
    store: JournalStore, derivations: list[KdfParams], change: dict[str, int], checksum: bool
) -> None:
    folder, recovery = made(store)
    damage(folder, ["passphrase"], change, checksum=checksum)

    (listed,) = store.journals()
    assert listed.name == "Lily's journal"
    assert listed.opens and listed.recovery_opens and not listed.passphrase_opens
    assert "passphrase part of this journal's key file" in listed.problem
    assert f"{next(iter(change))} is {next(iter(change.values()))}" in listed.problem
    assert "recovery key can still open this journal" in listed.help
    assert "Use recovery key…" in listed.help
    assert "neither" not in f"{listed.problem} {listed.help}"

    with pytest.raises(JournalDamaged) as raised:  # the passphrase's part is the damaged one
        store.unlock(folder, PASSPHRASE)
    assert "recovery key can still open" in raised.value.message

    journal = store.unlock_with_recovery_key(folder, recovery)
    assert journal.header.name == "Lily's journal"
    assert journal.opened_with_recovery_key
    journal.change_passphrase(NEW)  # the lock screen's "choose a new passphrase"
    journal.confirm_recovery_key()
    journal.lock()

    assert all(slot.usable for slot in read_header(folder).slots)
    (listed,) = store.journals()
    assert listed.readable and listed.passphrase_opens
    store.unlock(folder, NEW).lock()
    store.unlock_with_recovery_key(folder, recovery).lock()  # the key she holds still works
    assert derivations and all(within_caps(p) for p in derivations)


@pytest.mark.parametrize("change", BAD_SETTINGS)
def test_a_damaged_recovery_slot_leaves_the_passphrase_working_and_a_new_key_is_shown(
    store: JournalStore, derivations: list[KdfParams], change: dict[str, int]
) -> None:
    folder, old_recovery = made(store)
    damage(folder, ["recovery"], change, checksum=True)

    (listed,) = store.journals()
    assert listed.name == "Lily's journal"
    assert listed.opens and listed.passphrase_opens and not listed.recovery_opens
    assert "recovery-key part of this journal's key file" in listed.problem
    assert "Your passphrase still opens it" in listed.help

    with pytest.raises(JournalDamaged):  # never tried with settings beyond the caps
        store.unlock_with_recovery_key(folder, old_recovery)

    journal = store.unlock(folder, PASSPHRASE)
    said = journal.recovery_key_problem
    assert "the recovery key you had no longer opens this journal" in said
    assert "Your passphrase\n" not in said and "Here is a new recovery key" in said
    new_recovery = journal.new_recovery_key()  # what the lock screen does first
    journal.recovery_key_shown()
    journal.confirm_recovery_key()
    assert journal.recovery_key_problem == ""
    journal.lock()

    assert all(slot.usable for slot in read_header(folder).slots)
    store.unlock_with_recovery_key(folder, new_recovery).lock()
    with pytest.raises(WrongRecoveryKey):
        store.unlock_with_recovery_key(folder, old_recovery)
    assert derivations and all(within_caps(p) for p in derivations)


@pytest.mark.parametrize("change", BAD_SETTINGS)
def test_with_both_slots_damaged_the_journal_is_refused_as_before(
    store: JournalStore, derivations: list[KdfParams], change: dict[str, int]
) -> None:
    folder, recovery = made(store)
    damage(folder, ["passphrase", "recovery"], change, checksum=True)
    derivations.clear()  # those of making the journal

    (listed,) = store.journals()
    assert listed.name == "Lily's journal"
    assert "asks for key-derivation settings Solace cannot use" in listed.problem
    assert "neither the passphrase nor the recovery key can open this journal" in listed.help
    assert not listed.opens
    for unlock, secret in ((store.unlock, PASSPHRASE), (store.unlock_with_recovery_key, recovery)):
        with pytest.raises(JournalDamaged) as raised:
            unlock(folder, secret)
        assert "key-derivation settings Solace cannot use" in raised.value.message
    assert derivations == []  # none started


def test_a_damaged_slot_with_a_kept_copy_is_mended_and_the_passphrase_opens(
    store: JournalStore, derivations: list[KdfParams]
) -> None:
    """A kept copy of the key file (with the snapshots) holds the slot as it was
    written: the damaged slot alone is put back from it, even with the checksum
    written afresh over the change."""
    folder, recovery = made(store, snapshot=True)
    damage(folder, ["passphrase"], {"iterations": 0}, checksum=True)

    (listed,) = store.journals()
    assert listed.opens and listed.passphrase_opens and listed.recovery_opens
    store.unlock(folder, PASSPHRASE).lock()
    assert list(folder.glob("vault.json.damaged-*"))  # kept, as every mended key file
    header = read_header(folder)
    assert all(slot.usable for slot in header.slots)
    assert next(s for s in header.slots if s.kind is SlotKind.PASSPHRASE).kdf == LIGHT_KDF
    store.unlock_with_recovery_key(folder, recovery).lock()
    assert all(within_caps(p) for p in derivations)
