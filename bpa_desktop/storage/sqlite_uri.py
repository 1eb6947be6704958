"""URIs that open a database file for reading without changing anything beside it."""

from __future__ import annotations

from pathlib import Path


def read_only_uri(path: Path) -> str:
    return f"{Path(path).resolve().as_uri()}?mode=ro"


def inspection_uri(path: Path) -> str:
    """A URI that reads ``path`` without creating anything beside it.

    A read-only connection to a database in WAL mode still makes ``-wal`` and ``-shm``
    files. Without a ``-wal`` file every commit is in the database file itself, so the file
    can be opened ``immutable`` (no locks, no companions); with one, its pages must be read,
    and the companions already exist."""
    path = Path(path)
    if path.with_name(path.name + "-wal").exists():
        return read_only_uri(path)
    return f"{path.resolve().as_uri()}?mode=ro&immutable=1"
