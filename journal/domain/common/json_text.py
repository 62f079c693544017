"""JSON read from files Solace did not necessarily write (a key file, a backup's
manifest, another app's export), where nesting thousands of levels deep made
Python's decoder raise `RecursionError`, which no caller expected: an import of a
200 KB file of ``[[[[…`` said "Something went wrong on Solace's side" (break test 16
of the eighth session, finding 9)."""

from __future__ import annotations

import json
from typing import Any


class TooDeep(json.JSONDecodeError):
    """JSON nested deeper than Python's decoder can follow (about 1,000 levels, its
    recursion limit); a `ValueError`, as every other JSON that cannot be read."""


def loads(data: str | bytes) -> Any:
    """The value of the JSON ``data`` (text, or UTF-8 bytes), as `json.loads` gives it.
    Raises `json.JSONDecodeError` (a `ValueError`) for text that is not JSON, `TooDeep`
    (one too) for JSON nested too deeply, and `UnicodeDecodeError` for bytes that are
    not UTF-8."""
    try:
        return json.loads(data)
    except RecursionError:
        raise TooDeep("nested too deeply to be read", "", 0) from None
