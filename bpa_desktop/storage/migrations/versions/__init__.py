"""Migration scripts; Alembic loads them by file, this makes them ship in the wheel."""
