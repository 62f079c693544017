"""storage layer of Solace."""
