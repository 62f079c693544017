"""The partner's key file put back from its kept copy as Together opens it is told, as
the owner's own is at unlock (break test 53, T5: it was replaced without a word, a
vault.json.damaged-… left in the partner's folder)."""

from __future__ import annotations

import json
from pathlib import Path

from journal.domain.safekeeping.rotation import Reason
from tests.couples import PARTNER_PASSPHRASE
from tests.ui.together.support import open_together, seeded


def change_a_letter_of_the_wrapped_key(folder: Path) -> None:
    """One character of the passphrase's wrapped key changed, the checksum left failing
    (as the break test did by hand): the file still reads, the key does not unwrap."""
    path = folder / "vault.json"
    data = json.loads(path.read_text())
    (slot,) = [s for s in data["slots"] if s["kind"] == "passphrase"]
    first = slot["wrapped_key"][0]
    slot["wrapped_key"] = ("B" if first == "A" else "A") + slot["wrapped_key"][1:]
    path.write_text(json.dumps(data, indent=2))


def test_the_partners_key_file_put_back_is_told(qtbot, unlocked_window, store) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    folder = seeded(window, store)
    partner = store.unlock(folder, PARTNER_PASSPHRASE)
    partner.backup(Reason.DAILY)  # keeps a copy of the key file with it
    partner.lock()
    change_a_letter_of_the_wrapped_key(folder)

    open_together(qtbot, window, folder)

    (kept,) = folder.glob("vault.json.damaged-*")
    said = " ".join(window.notices.texts())
    assert "About your partner's journal, “Alex's journal”:" in said
    assert "key file (vault.json) was damaged" in said and kept.name in said
