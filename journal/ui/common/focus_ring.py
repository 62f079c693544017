"""The colours of the keyboard focus ring, light (False) and dark (True) theme: the
style sheet draws them around buttons and fields (`journal.ui.common.theme`), and the
app's style where Fusion draws its focus rectangle (`journal.ui.common.indicators`).

At least 3:1 against the button, field and window colours of its theme (WCAG 2.2,
1.4.11 non-text contrast), and, for `FOCUS_ON_HIGHLIGHT`, on the default button's fill.
"""

from __future__ import annotations

FOCUS_COLOUR = {False: "#1e4b5b", True: "#b9dcea"}
FOCUS_ON_HIGHLIGHT = {False: "#1b1a19", True: "#0b0c0e"}
