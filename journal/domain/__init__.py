"""Pure Python rules and data of Solace: no Qt, no SQLAlchemy."""
