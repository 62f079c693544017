"""Rules around the journal's credentials: passphrase strength feedback."""
