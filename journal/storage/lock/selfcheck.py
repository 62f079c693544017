"""Start-up checks of the SQLCipher build Solace depends on."""

from __future__ import annotations

from dataclasses import dataclass

import sqlcipher3


@dataclass(frozen=True, slots=True)
class SelfCheck:
    """What the SQLCipher build offers that Solace depends on (`solace --self-check`): its
    and SQLite's versions, FTS5 compiled in, and temporary storage kept in memory (no
    plaintext temp files). `problems` says in words what is missing."""

    sqlcipher_version: str
    sqlite_version: str
    fts5: bool
    temp_store_memory: bool

    @property
    def problems(self) -> list[str]:
        found = []
        if not self.sqlcipher_version:
            found.append("SQLCipher encryption is not available.")
        if not self.fts5:
            found.append("Full-text search (FTS5) is not compiled into SQLCipher.")
        if not self.temp_store_memory:
            found.append("Temporary storage cannot be kept in memory.")
        return found

    @property
    def ok(self) -> bool:
        return not self.problems

    def lines(self) -> list[str]:
        def yes(flag: bool) -> str:
            return "yes" if flag else "NO"

        return [
            f"SQLCipher: {self.sqlcipher_version or 'missing'}",
            f"SQLite: {self.sqlite_version}",
            f"FTS5 compiled in: {yes(self.fts5)}",
            f"Temporary storage in memory: {yes(self.temp_store_memory)}",
        ]


def run_self_check() -> SelfCheck:
    """Checks an in-memory keyed database; touches no file."""
    connection = sqlcipher3.connect(":memory:")
    try:
        connection.execute("PRAGMA key = 'self-check'")
        row = connection.execute("PRAGMA cipher_version").fetchone()
        cipher = str(row[0]) if row else ""
        options = {str(r[0]) for r in connection.execute("PRAGMA compile_options")}
        connection.execute("PRAGMA temp_store = MEMORY")
        temp_store = connection.execute("PRAGMA temp_store").fetchone()[0] == 2
        try:
            connection.execute("CREATE VIRTUAL TABLE probe USING fts5(body)")
            fts5 = True
        except sqlcipher3.OperationalError:
            fts5 = False
        return SelfCheck(
            sqlcipher_version=cipher,
            sqlite_version=sqlcipher3.sqlite_version,
            fts5=fts5 and "ENABLE_FTS5" in options,
            temp_store_memory=temp_store,
        )
    finally:
        connection.close()
