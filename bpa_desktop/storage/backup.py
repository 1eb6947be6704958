"""Copies of the database file, taken before anything risky (a schema upgrade).

Uses SQLite's online backup API rather than copying bytes: it gives a consistent snapshot
that includes committed pages still in the ``-wal`` file.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
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


def backup_database(path: Path, revision: str | None, now: datetime | None = None) -> Path:
    """Copy ``path`` to ``<name>.bak-<revision>-<UTC timestamp>`` beside it; return the copy."""
    stamp = (now or datetime.now(timezone.utc)).strftime("%Y%m%dT%H%M%SZ")
    base = f"{path.name}.bak-{revision or 'none'}-{stamp}"
    target = path.with_name(base)
    counter = 1
    while target.exists():  # two upgrades within one second
        counter += 1
        target = path.with_name(f"{base}-{counter}")
    source = sqlite3.connect(inspection_uri(path), uri=True)
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
    except BaseException:
        target.unlink(missing_ok=True)  # a full disk: no half copy left behind
        raise
    finally:
        source.close()
    return target
