"""Alembic migrations of the bpa-desktop database (shipped as package data)."""
