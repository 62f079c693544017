"""The encrypted vault: key header, key derivation and key wrap, the SQLCipher engine, opening
and locking journals, snapshots.
"""
