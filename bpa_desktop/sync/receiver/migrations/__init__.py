"""Alembic migrations of the receiver database (a package so it ships in the wheel)."""
