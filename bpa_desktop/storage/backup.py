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


def backup_database(path: Path, revision: str | None, now: datetime | None = None) -> Path:
    """Copy ``path`` to ``<name>.bak-<revision>-<UTC timestamp>`` beside it; return the copy."""
    stamp = (now or datetime.now(timezone.utc)).strftime("%Y%m%dT%H%M%SZ")
    base = f"{path.name}.bak-{revision or 'none'}-{stamp}"
    target = path.with_name(base)
    counter = 1
    while target.exists():  # two upgrades within one second
        counter += 1
        target = path.with_name(f"{base}-{counter}")
    source = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
    return target
