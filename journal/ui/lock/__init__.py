"""The lock screen and the credential dialogs (passphrase, recovery key, key rotation)."""
