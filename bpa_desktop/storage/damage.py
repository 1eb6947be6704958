"""What went wrong inside a unit of work, in words: a full disk, a read-only file, a missing
table, or a record that cannot be read (and which one).

``translate`` is called by ``unit_of_work.Database`` for every exception that leaves a unit
of work; it returns our ``DatabaseError`` for the cases above and None for everything else
(which is then raised as it was: the Workspace's own errors, programming errors).

A row SQLAlchemy cannot turn into values (an ``assistant.kind`` no version ever wrote, a
date that is not one, bytes that are not UTF-8 text after a bit flip that still passes
``quick_check``) fails somewhere inside a query with a bare LookupError or ValueError that
names no row. ``find_damaged`` then reads every table raw, on a read-only connection of its
own, through the same column types the query used, and names the first row that fails:
slow (it reads the whole file), but only ever on this error path.
"""

from __future__ import annotations

import re
import sqlite3
import traceback
from dataclasses import dataclass
from pathlib import Path

from bpa_desktop.i18n import message
from bpa_desktop.storage import errors
from bpa_desktop.storage.sqlite_uri import read_only_uri

_NO_SUCH_TABLE = re.compile(r"no such table: (?:main\.)?([A-Za-z0-9_]+)")


@dataclass(frozen=True)
class Damage:
    table: str
    row: str  # the primary key, as text
    what: str  # which column holds what, in the user's language


def _is_read_error(error: BaseException) -> bool:
    """An error raised while SQLAlchemy turned a stored value into a Python one."""
    if isinstance(error, sqlite3.OperationalError) or type(error).__name__ == "OperationalError":
        return "could not decode to utf-8" in str(error).lower()
    if not isinstance(error, (LookupError, ValueError, TypeError)):
        return False
    frames = traceback.extract_tb(error.__traceback__)
    if not frames:
        return False
    raised_in = frames[-1].filename.replace("\\", "/")
    return "/sqlalchemy/" in raised_in or raised_in.endswith("storage/types.py") or "/enum.py" in raised_in


def translate(path: Path, error: BaseException) -> errors.DatabaseError | None:
    """Our error for ``error`` (raised inside a unit of work on ``path``), or None."""
    from bpa_desktop.storage.migrate import no_space

    if isinstance(error, errors.DatabaseError):
        return None
    if no_space(error):
        return errors.DiskFullError(path, repr(error))
    text = str(getattr(error, "orig", None) or error)
    lowered = text.lower()
    if "readonly database" in lowered or "read-only" in lowered:
        return errors.DatabaseReadOnlyError(path, text, where=message("db_read_only_file"))
    missing = _NO_SUCH_TABLE.search(text)
    if missing:
        return errors.MissingTableError(path, missing.group(1), text)
    if "malformed" in lowered or "file is not a database" in lowered:
        return errors.DatabaseCorruptError(path, text)
    if "disk i/o error" in lowered:
        # SQLite says this, not "full", when a full disk refuses its -shm or a WAL frame.
        import shutil

        from bpa_desktop.storage.migrate import MIN_FREE_BYTES

        try:
            full = shutil.disk_usage(Path(path).parent).free < MIN_FREE_BYTES
        except OSError:
            full = False
        return (errors.DiskFullError if full else errors.DatabaseIOError)(path, text)
    orig = getattr(error, "orig", None)
    if _is_read_error(error) or (orig is not None and _is_read_error(orig)):
        found = find_damaged(path, limit=1)
        if found:
            return errors.DamagedRecordError(path, found[0].table, found[0].row, found[0].what, repr(error))
    return None


def _shown(value: object) -> str:
    text = value.decode("utf-8", "backslashreplace") if isinstance(value, bytes) else str(value)
    text = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in text)
    return text if len(text) <= 40 else text[:39] + "…"


def _expected(column) -> str:
    from sqlalchemy import Boolean, Date, DateTime, Enum, Float, Integer, Numeric
    from sqlalchemy.types import TypeDecorator

    kind = column.type.impl if isinstance(column.type, TypeDecorator) else column.type
    if isinstance(kind, Enum):
        return message("db_expected_choice", choices=", ".join(map(str, kind.enums)))
    if isinstance(kind, DateTime):
        return message("db_expected_time")
    if isinstance(kind, Date):
        return message("db_expected_date")
    if isinstance(kind, (Integer, Float, Numeric, Boolean)):
        return message("db_expected_number")
    return message("db_expected_text")


def _python_types(column) -> tuple[type, ...] | None:
    """The raw SQLite types a column may hold, when the column type says so."""
    from sqlalchemy import Boolean, Float, Integer, Numeric, String, Text

    kind = column.type
    if isinstance(kind, (Integer, Boolean)):
        return (int,)
    if isinstance(kind, (Float, Numeric)):
        return (int, float)
    if isinstance(kind, (String, Text)):
        return (str,)
    return None


def find_damaged(path: Path, limit: int = 1) -> list[Damage]:
    """Rows of the database at ``path`` that its column types cannot read, first ``limit``."""
    from sqlalchemy.dialects import sqlite as sqlite_dialect

    from bpa_desktop.storage.schema import (
        Base,  # with the sync tables (schema.py imports them)
    )

    dialect = sqlite_dialect.dialect()
    found: list[Damage] = []
    connection = sqlite3.connect(read_only_uri(path), uri=True)
    connection.text_factory = bytes
    try:
        present = {row[0].decode() for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        for table in Base.metadata.sorted_tables:
            if table.name not in present:
                found.append(Damage(table.name, "-", message("db_missing_table_short")))
                if len(found) >= limit:
                    return found
                continue
            keys = [c.name for c in table.primary_key.columns] or ["rowid"]
            for column in table.columns:
                processor = column.type.dialect_impl(dialect).result_processor(dialect, None)
                allowed = _python_types(column)
                query = (f'SELECT {", ".join(keys)}, "{column.name}" FROM "{table.name}" '
                         f'WHERE "{column.name}" IS NOT NULL')
                for row in connection.execute(query):
                    *key, raw = row
                    value = raw
                    try:
                        if isinstance(raw, bytes):
                            value = raw.decode("utf-8")
                        if allowed is not None and not isinstance(value, allowed):
                            raise TypeError(type(value).__name__)
                        if processor is not None:
                            processor(value)
                    except (LookupError, ValueError, TypeError):
                        what = message("db_bad_value", column=column.name, value=_shown(raw),
                                       expected=_expected(column))
                        found.append(Damage(table.name, "/".join(_shown(k) for k in key), what))
                        if len(found) >= limit:
                            return found
                        break
    finally:
        connection.close()
    return found
