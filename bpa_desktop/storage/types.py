"""Column types SQLite lacks.

SQLite has no time zone support: SQLAlchemy writes ``DateTime`` as a naive ISO string and
``DateTime(timezone=True)`` changes nothing. ``UTCDateTime`` accepts only aware datetimes,
stores them as UTC, and hands them back aware (UTC), so an instant survives any DST change.
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import DateTime
from sqlalchemy.types import TypeDecorator


class NaiveDatetimeError(ValueError):
    """A datetime without tzinfo reached storage: its instant is unknown."""


class UTCDateTime(TypeDecorator[datetime]):
    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise NaiveDatetimeError(f"naive datetime {value.isoformat()} cannot be stored")
        return value.astimezone(timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc)
