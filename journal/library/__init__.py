"""library layer of Solace."""
