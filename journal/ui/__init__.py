"""ui layer of Solace."""
