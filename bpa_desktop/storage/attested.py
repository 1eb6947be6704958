"""Attested timesheet content, checked before use: the one way to read it.

An attested (locked) version keeps its content document (``bpa-timesheet-content/1``), the
SHA-256 of that text in ``timesheet.content_hash``, and its pay lines as rows. SQLite
triggers refuse changes to all three, but anyone with the file can go around triggers. So
every reader (the timesheet shown on screen, its PDF, the payroll file, the submission sent
to the municipality, the bundle, the reports) gets the content through ``attested_content``
or ``attested_pay_lines`` here, which re-hash the text and compare its pay lines with the
stored pay line rows, and refuse with ``AttestedContentChangedError`` saying what differs.
Nothing else in the package reads ``timesheet_snapshot.content`` or ``timesheet_pay_line``
(a test holds it to that).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from bpa_desktop.core.model import PayLine
from bpa_desktop.core.pay_period import PayPeriod
from bpa_desktop.core.timesheet_content import StoredContent, content_hash, parse_content
from bpa_desktop.i18n import get_language, message
from bpa_desktop.storage.errors import AttestedContentChangedError, DamagedRecordError
from bpa_desktop.storage.schema import (
    TimesheetPayLineRow,
    TimesheetRow,
    TimesheetSnapshotRow,
)


def _path(session: Session) -> str:
    return session.get_bind().url.database or ""


def _hours(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if get_language() == "nb" else text


def _pay_line_rows(session: Session, timesheet_ids: Sequence[int]) -> dict[int, list[TimesheetPayLineRow]]:
    result: dict[int, list[TimesheetPayLineRow]] = {i: [] for i in timesheet_ids}
    if timesheet_ids:
        rows = session.scalars(
            select(TimesheetPayLineRow)
            .where(TimesheetPayLineRow.timesheet_id.in_(timesheet_ids))
            .order_by(TimesheetPayLineRow.timesheet_id, TimesheetPayLineRow.position)
        )
        for line in rows:
            result[line.timesheet_id].append(line)
    return result


def _differences(content: StoredContent, rows: Sequence[TimesheetPayLineRow]) -> list[str]:
    """Pay lines where the content and the stored pay line rows disagree, in words."""
    in_content = {(line.kind, line.pay_code): line for line in content.pay_lines}
    in_rows = {(row.kind, row.pay_code): row for row in rows}
    found = []
    for key in sorted(set(in_content) | set(in_rows)):
        a, b = in_content.get(key), in_rows.get(key)
        hours_a = a.hours if a is not None else 0.0
        hours_b = b.hours if b is not None else 0.0
        if abs(hours_a - hours_b) > 1e-6 or (a and b and (a.rate != b.rate)):
            name = (a or b).description
            found.append(message("attested_line_differs", line=name, code=key[1],
                                 content=_hours(hours_a), rows=_hours(hours_b)))
    return found


def _check(session: Session, row: TimesheetRow, text: str | None,
           lines: Sequence[TimesheetPayLineRow]) -> StoredContent:
    period = PayPeriod(row.period_start, row.period_end).label(get_language())
    if text is None:
        raise DamagedRecordError(_path(session), "timesheet_snapshot", row.id, message("attested_missing"))
    try:
        content = parse_content(text)
    except (ValueError, KeyError, TypeError, AttributeError, IndexError):
        content = None
    differences = _differences(content, lines) if content is not None else [message("attested_not_json")]
    actual = content_hash(text)
    if actual != row.content_hash and content is not None and not differences:
        differences = [message("attested_hash_differs", stored=(row.content_hash or "-")[:16], actual=actual[:16])]
    if differences:
        raise AttestedContentChangedError(
            _path(session), timesheet_id=row.id, version=row.version, period=period, what="; ".join(differences),
        )
    return content


def attested_content(session: Session, row: TimesheetRow) -> StoredContent:
    """The content of a locked version, after the checks in the module text."""
    text = session.scalar(select(TimesheetSnapshotRow.content).where(TimesheetSnapshotRow.timesheet_id == row.id))
    return _check(session, row, text, _pay_line_rows(session, [row.id])[row.id])


def check_attested(session: Session, timesheet_id: int) -> None:
    """Raise as ``attested_content`` does when the version's content is not as attested."""
    row = session.get(TimesheetRow, timesheet_id)
    if row is not None and row.content_hash is not None:
        attested_content(session, row)


def attested_pay_lines(session: Session, rows: Sequence[TimesheetRow]) -> dict[int, list[PayLine]]:
    """The stored pay lines of attested versions, by timesheet id, each version checked."""
    texts = dict(session.execute(
        select(TimesheetSnapshotRow.timesheet_id, TimesheetSnapshotRow.content)
        .where(TimesheetSnapshotRow.timesheet_id.in_([r.id for r in rows]))
    ).all())
    lines = _pay_line_rows(session, [r.id for r in rows])
    result = {}
    for row in rows:
        _check(session, row, texts.get(row.id), lines[row.id])
        result[row.id] = [
            PayLine(str(row.assistant_id), line.pay_code, line.kind, line.description, line.hours, line.rate)
            for line in lines[row.id]
        ]
    return result
