"""The body log in the encrypted database: models, repository, CSV export."""
