"""Backup copies as values, their file names, and which copies a rotation keeps.

Rotation (grandfather-father-son): every copy of the last 24 hours (a manual copy, the one
before an attestation and the one before a restore are all worth keeping on their day), then
the newest copy of each of the last 7 days that have a copy, of each of the last 4 ISO weeks,
and of each of the last 12 months. Days, weeks and months are the user's local ones (``tz``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from pathlib import Path

DAILY, WEEKLY, MONTHLY = 7, 4, 12
RECENT = timedelta(hours=24)
REASONS = ("daily", "attestation", "manual", "before-restore")
SUFFIX = ".sqlite"
_STAMP = "%Y%m%dT%H%M%S%fZ"


@dataclass(frozen=True)
class BackupCopy:
    path: Path
    taken_at: datetime  # UTC
    reason: str
    size: int


@dataclass(frozen=True)
class BackupSummary:
    """What a copy holds, read from the copy itself."""

    revision: str | None
    arrangements: int
    assistants: int
    timesheets_attested: int
    last_attested_period: date | None  # the end of the newest attested period
    last_change_at: datetime | None  # the newest audit entry
    encrypted: bool


def copy_name(stem: str, taken_at: datetime, reason: str) -> str:
    return f"{stem}-{taken_at.astimezone(timezone.utc).strftime(_STAMP)}-{reason}{SUFFIX}"


def parse_copy_name(stem: str, name: str) -> tuple[datetime, str] | None:
    """(taken_at, reason) of a copy of the database ``stem``, or None for any other file."""
    match = re.fullmatch(re.escape(stem) + r"-(\d{8}T\d{12}Z)-([a-z-]+)" + re.escape(SUFFIX), name)
    if match is None or match.group(2) not in REASONS:
        return None
    taken_at = datetime.strptime(match.group(1), _STAMP).replace(tzinfo=timezone.utc)
    return taken_at, match.group(2)


def copies_to_keep(copies: Iterable[BackupCopy], tz: tzinfo, now: datetime, *, daily: int = DAILY,
                   weekly: int = WEEKLY, monthly: int = MONTHLY) -> set[Path]:
    newest_first = sorted(copies, key=lambda c: c.taken_at, reverse=True)
    keep = {copy.path for copy in newest_first if now - copy.taken_at < RECENT}

    def local(copy: BackupCopy) -> date:
        return copy.taken_at.astimezone(tz).date()

    buckets: tuple[tuple[int, Callable[[date], object]], ...] = (
        (daily, lambda day: day),
        (weekly, lambda day: day.isocalendar()[:2]),
        (monthly, lambda day: (day.year, day.month)),
    )
    for limit, bucket in buckets:
        seen: set[object] = set()
        for copy in newest_first:
            key = bucket(local(copy))
            if key in seen:
                continue
            if len(seen) == limit:
                break
            seen.add(key)
            keep.add(copy.path)
    return keep
