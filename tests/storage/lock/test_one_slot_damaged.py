"""Any damage inside one key slot leaves the other credential working (break test 14
of session 11, second round, findings 1 to 3): only numbers in a slot's `kdf` were
judged per slot; an empty salt raised `ValueError` at unlock ("Something went wrong")
while the list said nothing was wrong, and a null `kdf`, a salt not in base64, a
missing nonce, a kind or generation not as Solace writes them refused the whole key
file, though the other slot was intact. Every field of a slot is now read on its own:
a slot with any of them damaged is unusable, named in words, and never derived."""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.errors import JournalDamaged, SolaceError
from journal.storage.lock import keys
from journal.storage.lock.keys import KdfParams
from journal.storage.lock.store import JournalStore
from journal.storage.lock.vault import CHECKSUM, SlotKind, read_header
from tests.conftest import PASSPHRASE
from tests.storage.lock.test_one_part_damaged import made, within_caps

Slot = dict[str, object]
_DROP = object()  # the field taken out
# One journal per test for all its Hypothesis examples, by data folder: (its folder,
# its recovery key, its key file as made).
_MADE: dict[Path, tuple[Path, str, bytes]] = {}


@pytest.fixture
def derived(monkeypatch: pytest.MonkeyPatch) -> list[tuple[KdfParams, bytes]]:
    """The settings and salt of every key derivation in this test (the real KDF runs)."""
    seen: list[tuple[KdfParams, bytes]] = []
    real = keys.derive_kek

    def counted(secret: bytes, salt: bytes, params: KdfParams) -> bytes:
        seen.append((params, salt))
        return real(secret, salt, params)

    monkeypatch.setattr(keys, "derive_kek", counted)
    return seen


def put(name: str, value: object) -> Callable[[Slot], None]:
    return lambda slot: slot.__setitem__(name, value)


def put_kdf(name: str, value: object) -> Callable[[Slot], None]:
    return lambda slot: slot["kdf"].__setitem__(name, value)  # type: ignore[index]


def drop(name: str) -> Callable[[Slot], None]:
    return lambda slot: slot.pop(name)


# Each damage of one slot and the words that name it (break test 14 of session 11,
# second round: /tmp/break14b-k/slots.py cases 5, 6, 9 to 12, 15 to 17, 22, 23).
DAMAGES: list[tuple[str, Callable[[Slot], None], str]] = [
    ("salt empty", put("salt", ""), "its salt is 0 bytes long, not 16"),
    ("salt not base64", put("salt", "!!!"), "its salt is not base64 text"),
    ("salt not text", put("salt", 16), "its salt is 16, not text"),
    ("nonce missing", drop("nonce"), "its nonce is missing"),
    ("nonce short", put("nonce", "AAAA"), "its nonce is 3 bytes long, not 12"),
    ("wrapped key cut", put("wrapped_key", "AAAA"), "its wrapped key is 3 bytes long, not 48"),
    ("kdf null", put("kdf", None), "its key-derivation settings are null"),
    ("kdf list", put("kdf", []), "its key-derivation settings are []"),
    ("kdf missing", drop("kdf"), "its key-derivation settings are missing"),
    ("kind capital", put("kind", "Passphrase"), 'its kind is "Passphrase", not one'),
    ("kind missing", drop("kind"), "its kind is missing"),
    ("generation text", put("generation", "0"), 'its key generation is "0", not a whole'),
    ("generation negative", put("generation", -1), "its key generation is -1"),
    ("shown text", put("shown", "false"), 'its mark "shown" is "false", not true or false'),
    ("iterations 1.0", put_kdf("iterations", 1.0), "iterations is 1.0, not a whole number"),
    ("iterations text", put_kdf("iterations", "1"), 'iterations is "1", not a whole number'),
    ("iterations true", put_kdf("iterations", True), "iterations is true, not a whole number"),
    ("iterations 1e309", put_kdf("iterations", float("inf")), "iterations is Infinity, not a"),
]


def damage_slot(folder: Path, kind: str, change: Callable[[Slot], None]) -> bytes:
    """Apply ``change`` to the slot of ``kind`` in ``folder``'s key file, write its
    checksum afresh over it (as a repair tool would), and return the file's bytes."""
    path = folder / "vault.json"
    data = json.loads(path.read_text())
    (slot,) = [s for s in data["slots"] if s["kind"] == kind]
    change(slot)
    fields = {k: v for k, v in data.items() if k != CHECKSUM}
    canonical = json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    data[CHECKSUM] = hashlib.sha256(canonical.encode()).hexdigest()
    path.write_text(json.dumps(data, indent=2))
    return path.read_bytes()


#: Each damage of `DAMAGES`, as ``change`` and the ``words`` that name it.
each_damage = pytest.mark.parametrize(
    ("change", "words"), [(c, w) for _, c, w in DAMAGES], ids=[i for i, _, _ in DAMAGES]
)


@each_damage
def test_a_damaged_passphrase_slot_is_named_and_the_recovery_key_opens(
    store: JournalStore,
    derived: list[tuple[KdfParams, bytes]],
    change: Callable[[Slot], None],
    words: str,
) -> None:
    folder, recovery = made(store)
    written = damage_slot(folder, "passphrase", change)

    (listed,) = store.journals()
    assert listed.name == "Lily's journal"
    assert listed.opens and listed.recovery_opens and not listed.passphrase_opens
    assert "The passphrase part of this journal's key file (vault.json) is damaged" in (
        listed.problem
    )
    assert words in listed.problem
    if "missing" not in words:  # a value there but wrong is never called missing
        assert "missing" not in listed.problem
    assert "recovery key can still open this journal" in listed.help
    with pytest.raises(JournalDamaged) as raised:  # told, never a ValueError
        store.unlock(folder, PASSPHRASE)
    assert words in raised.value.message and "recovery key can still open" in raised.value.message
    assert (folder / "vault.json").read_bytes() == written  # nothing changed by trying

    journal = store.unlock_with_recovery_key(folder, recovery)
    assert journal.opened_with_recovery_key and journal.header.name == "Lily's journal"
    journal.change_passphrase("a new passphrase for the mended journal")
    journal.lock()
    assert all(slot.usable for slot in read_header(folder).slots)
    store.unlock(folder, "a new passphrase for the mended journal").lock()
    assert all(within_caps(p) and len(salt) == 16 for p, salt in derived)


@each_damage
def test_a_damaged_recovery_slot_is_named_and_the_passphrase_opens(
    store: JournalStore,
    derived: list[tuple[KdfParams, bytes]],
    change: Callable[[Slot], None],
    words: str,
) -> None:
    folder, recovery = made(store)
    damage_slot(folder, "recovery", change)

    (listed,) = store.journals()
    assert listed.name == "Lily's journal"
    assert listed.opens and listed.passphrase_opens and not listed.recovery_opens
    assert "The recovery-key part of this journal's key file" in listed.problem
    assert words in listed.problem
    with pytest.raises(JournalDamaged) as raised:
        store.unlock_with_recovery_key(folder, recovery)
    assert "Your passphrase still opens it" in raised.value.message

    journal = store.unlock(folder, PASSPHRASE)
    assert "Here is a new recovery key" in journal.recovery_key_problem
    journal.lock()
    assert all(within_caps(p) and len(salt) == 16 for p, salt in derived)


def test_an_unusable_slot_is_written_back_as_it_was_read(store: JournalStore) -> None:
    """An unusable slot is kept as read, so a key file written again (a recovery key
    confirmed, a kept copy made) still holds it for a kept copy to mend later."""
    folder, _ = made(store)
    damage_slot(folder, "passphrase", put("salt", "!!!"))
    before = json.loads((folder / "vault.json").read_text())["slots"]
    header = read_header(folder)
    (bad,) = [s for s in header.slots if s.kind is SlotKind.PASSPHRASE]
    assert not bad.usable and bad.kdf is None
    assert [s.to_json() for s in header.slots] == before


@pytest.mark.parametrize(
    "change",
    [put("salt", "!!!"), put("kind", "Passphrase"), drop("nonce"), put("kdf", None)],
    ids=["salt not base64", "kind capital", "nonce missing", "kdf null"],
)
def test_a_damaged_slot_with_a_kept_copy_is_mended_and_the_passphrase_opens(
    store: JournalStore, change: Callable[[Slot], None]
) -> None:
    """A kept copy of the key file (with the snapshots) holds the slot as written: the
    damaged slot is put back from it, whatever field was damaged."""
    folder, recovery = made(store, snapshot=True)
    damage_slot(folder, "passphrase", change)

    (listed,) = store.journals()
    assert listed.opens and listed.passphrase_opens
    store.unlock(folder, PASSPHRASE).lock()
    assert all(slot.usable for slot in read_header(folder).slots)
    store.unlock_with_recovery_key(folder, recovery).lock()


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=6,
)
FIELDS = ["kind", "generation", "shown", "kdf", "salt", "nonce", "wrapped_key"]


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(field=st.sampled_from(FIELDS), value=JSON_VALUES | st.just(_DROP))
def test_any_value_in_one_field_of_the_passphrase_slot_is_told_and_the_recovery_key_opens(
    store: JournalStore, field: str, value: object
) -> None:
    """Whatever one field of the passphrase slot holds, the list never raises, the
    passphrase gives a told problem (or opens, if the value is the one written), and
    the recovery key opens: never "Something went wrong"."""
    if store.data_dir not in _MADE:
        folder, recovery = made(store)
        _MADE[store.data_dir] = (folder, recovery, (folder / "vault.json").read_bytes())
    folder, recovery, pristine = _MADE[store.data_dir]
    (folder / "vault.json").write_bytes(pristine)
    damage_slot(folder, "passphrase", drop(field) if value is _DROP else put(field, value))
    store.journals()
    with contextlib.suppress(SolaceError):  # told in words, or it opens
        store.unlock(folder, PASSPHRASE).lock()
    store.unlock_with_recovery_key(folder, recovery).lock()
