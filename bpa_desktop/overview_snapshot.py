"""The last Oversikt read from the database, kept beside it (``bpa.sqlite.overview``) so that
the next start shows real figures before SQLAlchemy is imported (issue 16); the page reads the
database again once it is open.

A snapshot is used only when nothing could have changed: the same database file (inode, mtime,
size, and those of its ``-wal`` file or that there is none), the same day, the same app
version. Anything else, or a file that does not read back, and it is deleted and the start
takes the normal path. Only a plain SQLite file gets one: personal data never lies in plain
text beside an encrypted database (a file without SQLite's plain header counts as encrypted).

The format is a pickle read back by an Unpickler that only finds the core's dataclasses and
enums and the few datetime/decimal types they hold: the values are frozen dataclasses with
dates, datetimes, enums and tuples, which JSON would need a codec per class for. The file is
written atomically; mkstemp makes it 0600, and os.replace keeps that.
"""

from __future__ import annotations

import dataclasses
import enum
import io
import logging
import os
import pickle
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from bpa_desktop import __version__
from bpa_desktop.atomic_write import write_bytes

log = logging.getLogger(__name__)

SUFFIX = ".overview"
FORMAT = 1
PLAIN_HEADER = b"SQLite format 3\x00"  # storage/encryption.py: any other start is an encrypted file
_ALLOWED = {("datetime", "date"), ("datetime", "datetime"), ("datetime", "time"), ("datetime", "timedelta"),
            ("datetime", "timezone"), ("decimal", "Decimal"), ("zoneinfo", "ZoneInfo"),
            ("builtins", "set"), ("builtins", "frozenset")}


@dataclasses.dataclass(frozen=True)
class Snapshot:
    arrangement_id: int
    arrangement_name: str
    today: date
    fields: dict  # OverviewData's fields by name


def snapshot_path(db_path: str | Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + SUFFIX)


def db_identity(db_path: str | Path) -> tuple | None:
    """What changes when the database does: (inode, mtime_ns, size) of the file and of its WAL
    (None when there is none). None when the file is missing or not a plain SQLite file."""
    db_path = Path(db_path)
    try:
        with open(db_path, "rb") as file:
            if file.read(len(PLAIN_HEADER)) != PLAIN_HEADER:
                return None
            main = os.fstat(file.fileno())
    except OSError:
        return None
    try:
        wal = os.stat(f"{db_path}-wal")
        wal_identity = (wal.st_ino, wal.st_mtime_ns, wal.st_size)
    except FileNotFoundError:
        wal_identity = None
    return (main.st_ino, main.st_mtime_ns, main.st_size), wal_identity


def discard(db_path: str | Path) -> None:
    try:
        snapshot_path(db_path).unlink(missing_ok=True)
    except OSError as error:
        log.warning("Could not delete the overview snapshot: %s", error.strerror)


def save(db_path: str | Path, identity: tuple | None, arrangement_id: int, arrangement_name: str, today: date,
         fields: dict) -> bool:
    """Write the snapshot if the database is still at `identity` (taken before the read) and
    plain; otherwise delete any old one. True when written."""
    if identity is None or db_identity(db_path) != identity:
        discard(db_path)
        return False
    payload = {"format": FORMAT, "version": __version__, "identity": identity, "arrangement_id": arrangement_id,
               "arrangement_name": arrangement_name, "today": today, "fields": fields}
    buffer = io.BytesIO()
    _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(payload)
    write_bytes(snapshot_path(db_path), buffer.getvalue())
    return True


def load(db_path: str | Path, today: date) -> Snapshot | None:
    """The snapshot if it is valid for the database as it is now and for `today`; else None
    (and a snapshot that was there is deleted)."""
    path = snapshot_path(db_path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError:
        discard(db_path)
        return None
    try:
        payload = _CoreUnpickler(io.BytesIO(raw)).load()
        valid = (isinstance(payload, dict) and payload.get("format") == FORMAT
                 and payload.get("version") == __version__ and payload.get("today") == today
                 and payload.get("identity") == db_identity(db_path) and payload["identity"] is not None
                 and isinstance(payload.get("arrangement_id"), int)
                 and isinstance(payload.get("arrangement_name"), str) and isinstance(payload.get("fields"), dict))
    except Exception as error:  # noqa: BLE001 (a damaged file of any kind is only a cache miss)
        log.warning("The overview snapshot is unreadable (%s); deleted", type(error).__name__)
        valid = False
    if not valid:
        discard(db_path)
        return None
    return Snapshot(payload["arrangement_id"], payload["arrangement_name"], today, payload["fields"])


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj):
        if isinstance(obj, ZoneInfo):  # its own pickle goes through builtins.getattr, not let in below
            return ZoneInfo, (obj.key,)
        return NotImplemented


class _CoreUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        if (module, name) in _ALLOWED:
            return super().find_class(module, name)
        if module.startswith("bpa_desktop.core.") and name.isidentifier():
            found = super().find_class(module, name)
            if isinstance(found, type) and (dataclasses.is_dataclass(found) or issubclass(found, enum.Enum)):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a snapshot")
