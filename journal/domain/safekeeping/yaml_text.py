"""YAML read from files to import, with its two ways to explode refused.

A few hundred bytes of YAML can stand for gigabytes: an alias repeats a whole
anchored node, and nine levels of nine aliases each make 9^9 copies once turned into
text (the "billion laughs"; break test 16, N1: Import ran for minutes at 4 GB, and
neither Cancel nor the lock could stop it). Deep nesting ("[[[[…]]]]" thousands
deep) exhausts Python's recursion in the composer. Front matter and journal files
never need either, so a document with an alias, or nested deeper than
`MAX_DEPTH`, is refused as not readable YAML (`yaml.YAMLError`), at once.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.composer import ComposerError

__all__ = ["MAX_DEPTH", "FrontMatterLoader", "SafeLoader"]

MAX_DEPTH = 32  # RedNotebook's month files nest 3 levels deep; front matter 2


class _Guarded:
    """A loader mix-in: refuses aliases and nesting deeper than `MAX_DEPTH`."""

    _depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()  # type: ignore[attr-defined]
        if isinstance(event, yaml.AliasEvent):
            raise ComposerError(None, None, "an alias (Solace reads none)")
        if self._depth >= MAX_DEPTH:
            raise ComposerError(None, None, "nested too deep")
        self._depth += 1
        try:
            return super().compose_node(parent, index)  # type: ignore[misc]
        finally:
            self._depth -= 1


class FrontMatterLoader(_Guarded, yaml.BaseLoader):
    """PyYAML's base loader (every scalar a string, as written: "001" stays "001"),
    guarded."""


class SafeLoader(_Guarded, yaml.SafeLoader):
    """PyYAML's safe loader (plain types only, no tags that run code), guarded."""
