"""What every feature's domain shares: local time."""
