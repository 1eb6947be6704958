"""Copies of the database file, taken before anything risky (a schema upgrade).

Uses SQLite's online backup API rather than copying bytes: it gives a consistent snapshot
that includes committed pages still in the ``-wal`` file.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from bpa_desktop.storage import encryption


def backup_database(path: Path, revision: str | None, now: datetime | None = None) -> Path:
    """Copy ``path`` to ``<name>.bak-<revision>-<UTC timestamp>`` beside it; return the copy."""
    stamp = (now or datetime.now(timezone.utc)).strftime("%Y%m%dT%H%M%SZ")
    base = f"{path.name}.bak-{revision or 'none'}-{stamp}"
    target = path.with_name(base)
    counter = 1
    while target.exists():  # two upgrades within one second
        counter += 1
        target = path.with_name(f"{base}-{counter}")
    source = encryption.connect(path, read_only=True)
    try:
        copy = encryption.connect_like(path, target)  # a copy of an encrypted file is encrypted
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
