"""Turning any error into words for the user, and never a traceback."""

from __future__ import annotations

import logging

from journal.errors import SolaceError

log = logging.getLogger(__name__)

UNEXPECTED = (
    "Something went wrong on Solace's side. Nothing you saved has been lost. "
    "Please try again; if it keeps happening, restarting Solace usually helps."
)


def user_message(error: BaseException) -> str:
    """The words to show for ``error``: a SolaceError's own calm message, or for anything
    else (our bug) the general UNEXPECTED message, after logging the error's type only
    (never its text, which could hold what the person wrote).
    """
    if isinstance(error, SolaceError):
        return error.message
    # Our bug: log the type and where, never the message (it could hold content).
    log.error("unexpected %s", type(error).__name__, exc_info=False)
    return UNEXPECTED
