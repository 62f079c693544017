"""Turn whatever a person types into a search box into a safe FTS5 MATCH query.

FTS5 has its own query language (AND/OR/NOT, NEAR(...), column filters with ``:``,
``^``, ``*``, parentheses and quotes). Passing user text through unchanged would
make ordinary words like "not" or a stray quote either change the meaning of the
search or raise a syntax error. So every token is quoted as an FTS5 string, which
switches the query language off for it, and given a trailing ``*`` so that partial
words still match ("bleed" finds "bleeding"). Tokens are joined with spaces, which
FTS5 reads as AND.

Tokens are runs of letters and numbers (Unicode categories L*, N* and private use
Co, the characters that FTS5's ``unicode61`` tokenizer keeps by default), with any
combining marks that follow them. A token made only of characters the tokenizer
drops would become an empty phrase and make the whole query match nothing, so
punctuation, symbols, underscores and emoji are treated as separators here too.
"""

from __future__ import annotations

import unicodedata

from journal.storage.word_forms import search_fold

__all__ = ["fts5_match_query", "fts5_phrase", "query_tokens"]


def _starts_token(char: str) -> bool:
    category = unicodedata.category(char)
    return category[0] in "LN" or category == "Co"


def _continues_token(char: str) -> bool:
    return _starts_token(char) or unicodedata.category(char)[0] == "M"


def query_tokens(text: str, *, max_tokens: int = 32) -> list[str]:
    """Split ``text`` into at most ``max_tokens`` distinct search tokens, in order.

    Tokens that differ only by letter case count once, since FTS5 folds case anyway.
    The text is folded as the indexes hold words' other forms
    (``journal.storage.word_forms.search_fold``): Unicode compatibility folding (NFKC:
    "ﬁnally" is "finally", "ＡＢＣ" is "ABC"), and Arabic letters written one way
    ("أمي" is "امي", harakat off).
    """
    if max_tokens < 1:
        raise ValueError("max_tokens must be at least 1")
    normalized = search_fold(text)
    tokens: list[str] = []
    seen: set[str] = set()
    current: list[str] = []

    def flush() -> None:
        if current:
            token = "".join(current)
            current.clear()
            key = token.casefold()
            if key not in seen:
                seen.add(key)
                tokens.append(token)

    for char in normalized:
        if (current and _continues_token(char)) or _starts_token(char):
            current.append(char)
            continue
        flush()
        if len(tokens) >= max_tokens:
            return tokens
    flush()
    return tokens[:max_tokens]


def fts5_phrase(token: str) -> str:
    """``token`` as a quoted FTS5 string, so none of its characters is query syntax.

    A NUL is left out: FTS5's query parser ends a string there, so ``"x\x00y"`` was
    "unterminated string", an error for a search a person typed (a Hypothesis search
    test found ``\x00¬``); an empty phrase left matches nothing and adds no condition
    beside others."""
    return '"' + token.replace("\x00", "").replace('"', '""') + '"'


def fts5_match_query(text: str, *, max_tokens: int = 32) -> str | None:
    """Return an FTS5 MATCH expression for ``text``, or None when it has no words.

    Example: ``she said "not yet"`` becomes ``"she"* "said"* "not"* "yet"*``.
    """
    tokens = query_tokens(text, max_tokens=max_tokens)
    if not tokens:
        return None
    return " ".join(fts5_phrase(token) + "*" for token in tokens)
