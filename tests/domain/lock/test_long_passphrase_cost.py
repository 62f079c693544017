"""The estimate of a long generated passphrase full of symbols stays cheap: it runs on
the GUI thread when typing pauses, and zxcvbn's l33t matcher grows steeply with length
(a 72-character one froze the window for seconds under load)."""

from __future__ import annotations

import random
import string

import zxcvbn.matching

from journal.domain.lock.passphrase import Strength, assess


def test_a_pasted_long_random_passphrase_is_strong_and_zxcvbn_sees_only_its_start(
    monkeypatch,
) -> None:
    seen: list[int] = []
    real = zxcvbn.matching.omnimatch

    def counting(password: str, *args: object, **kwargs: object) -> object:
        seen.append(len(password))
        return real(password, *args, **kwargs)

    monkeypatch.setattr(zxcvbn.matching, "omnimatch", counting)
    chooser = random.Random(7)
    pasted = "".join(
        chooser.choice(string.ascii_letters + "!@#$%^&*()|<>?4301578") for _ in range(72)
    )
    report = assess(pasted, ("Journal",))
    assert report.strength is Strength.STRONG
    assert seen and max(seen) <= 48
