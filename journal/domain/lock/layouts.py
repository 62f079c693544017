"""A passphrase as typed on the US keys, for the keyboard layouts people type on.

zxcvbn's keyboard matcher knows the US layout (and Dvorak and the keypads) only, so a
walk along the keys of another layout looks like random letters to it: "йцукенгшщзхъ",
the top letter row of the Russian keyboard, was "Strong" (break test 14 of session
11, finding 4). Each layout here is a table from the characters its keys type to the
US key at the same place, so the same walk is rated as the US keys it was typed on
("йцукенгшщзхъ" -> "qwertyuiop[]"), and `passphrase.assess` keeps the weaker
estimate, as it does for the text typed without Shift (`forms.unshift`).

The layouts are the national standards most used besides US English (their letter
rows as printed on the keys, Microsoft's and X11's default variants): Russian ЙЦУКЕН
(ГОСТ 6431), Greek (ΕΛΟΤ 1093), Hebrew (SI 1452), German QWERTZ (DIN 2137) and French
AZERTY (NF Z71-300's older layout, the one sold). One table more is not a layout: the
US letter block read from the other side, for the walk made with the other hand
("plmoknijb" is "qazwsxedc" mirrored, a pattern every leaked-password list has).
"""

from __future__ import annotations

from journal.domain.lock.forms import keyboard_share, unshift

# Each layout: the characters its keys type (unshifted, then a few shifted ones that
# differ from US), and the US keys they are on, in the same order.
LAYOUTS: dict[str, tuple[str, str]] = {
    "Russian ЙЦУКЕН": (
        "ёйцукенгшщзхъфывапролджэячсмитьбю.№",
        "`qwertyuiop[]asdfghjkl;'zxcvbnm,./3",
    ),
    "Greek": (
        "ςερτυθιοπασδφγηξκλζχψωβνμ",
        "wertyuiopasdfghjklzxcvbnm",
    ),
    "Hebrew": (
        "קראטוןםפשדגכעיחלךףזסבהנמצתץ",
        "ertyuiopasdfghjkl;zxcvbnm,.",
    ),
    "German QWERTZ": (
        "ß´zü+öä#y-§&/()=?\"*';:_",
        "-=y[];'\\z/367890-2]\\,./",
    ),
    "French AZERTY": (
        "&é\"'(-è_çà)azqwm^$ù*,;:!°+%µ?./§¨£",
        "1234567890-qwaz;[]'\\m,./-='\\m,./[]",
    ),
    "the other hand (US mirrored)": (
        "qwertyuiopasdfghjklzxcvbnm1234567890",
        "poiuytrewqlkjhgfdsamnbvcxz0987654321",
    ),
}
_TABLES = {name: str.maketrans(keys, us) for name, (keys, us) in LAYOUTS.items()}
# The share of a form that must lie on keyboard walks for it to be rated: short walks
# turn up by chance in any text on some layout ("point" is "qwexy" mirrored), and each
# form rated costs one more zxcvbn estimate.
MIN_WALK_SHARE = 0.5


def on_us_keys(text: str) -> list[str]:
    """``text`` (a passphrase as typed) as the US keys it was typed on, once for each of
    `LAYOUTS` where that shows more of a walk along the keyboard than the text itself,
    and at least MIN_WALK_SHARE of it (`forms.keyboard_share`): "йцукенгшщзхъ" ->
    ["qwertyuiop[]"], "qaywsxedc" (German) -> ["qazwsxedc"], "quiet river" -> []. Each
    form is lowercase and without Shift (`forms.unshift`), as zxcvbn's keyboard graph
    has it; no form twice."""
    typed = unshift(text)
    typed_share = keyboard_share(typed)
    lowered = text.lower()
    forms = [unshift(lowered.translate(table)) for table in _TABLES.values()]
    walks = []
    for form in dict.fromkeys(forms):
        share = keyboard_share(form) if form != typed else 0.0
        if share > typed_share and share >= MIN_WALK_SHARE:
            walks.append(form)
    return walks
