"""Together: a couple reads, side by side, what each of them chose to share."""
