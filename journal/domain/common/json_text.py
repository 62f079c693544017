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
    """The value of the JSON ``data`` (text, or UTF-8 bytes), as `json.loads` gives it,
    except that an integer too long for Python to convert (over 4,300 digits: its
    guard against slow conversions) is kept as its digits, a `str`: JSON allows it,
    some tools write such ids, and Python's `ValueError` for it was told as "Something
    went wrong on Solace's side" (break test 16 of session 12, finding 2). A field
    that must be a number then refuses it as any other value of the wrong kind.
    Raises `json.JSONDecodeError` (a `ValueError`) for text that is not JSON, `TooDeep`
    (one too) for JSON nested too deeply, and `UnicodeDecodeError` for bytes that are
    not UTF-8."""
    try:
        try:
            return json.loads(data)
        except json.JSONDecodeError:
            raise
        except ValueError:  # an integer too long to convert: read again, kept as text
            return json.loads(data, parse_int=_integer)
    except RecursionError:
        raise TooDeep("nested too deeply to be read", "", 0) from None


def _integer(digits: str) -> int | str:
    """A JSON integer's value, or its ``digits`` when too long to convert."""
    try:
        return int(digits)
    except ValueError:
        return digits
