"""The offline guidance library: articles from ``resources/articles``, their links and the
closeness ideas, as plain dataclasses (no Qt)."""
