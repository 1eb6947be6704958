"""A timesheet's canonical content: what attesting stores and hashes, and reading it back.

``content_json`` is a JSON text with sorted keys, UTC instants and rounded hours, so the same
content always gives the same SHA-256, on any machine. It names no database ids and no
person, only assistants' ids. Keys added later (overtime, absence pay, covers) are written
only when there is something to say, so content without them hashes as it did before.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone

from bpa_desktop.core.calendar import OSLO
from bpa_desktop.core.employer_period import AbsencePay
from bpa_desktop.core.model import Absence, AbsenceKind, Interval, PayLine, Shift, ShiftKind
from bpa_desktop.core.normal_time import Reason
from bpa_desktop.core.overtime_notes import OvertimeNote
from bpa_desktop.core.pay_period import PayPeriod
from bpa_desktop.core.timesheet import Cover, RowStatus, TimesheetDayRow, make_row

CONTENT_FORMAT = "bpa-timesheet-content/1"
HOURS_DIGITS = 6  # hours are rounded this far in the canonical content (float noise)


def _instant(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse_instant(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc).astimezone(OSLO)


def _shift_doc(shift: Shift | None) -> dict | None:
    if shift is None:
        return None
    return {
        "start": _instant(shift.start),
        "end": _instant(shift.end),
        "passive": [[_instant(p.start), _instant(p.end)] for p in shift.passive],
        "kind": ShiftKind(shift.kind).value,
        "code": shift.code,
    }


def _shift_from_doc(doc: Mapping | None, assistant: str) -> Shift | None:
    if doc is None:
        return None
    return Shift(
        assistant=assistant,
        start=_parse_instant(doc["start"]),
        end=_parse_instant(doc["end"]),
        passive=tuple(Interval(_parse_instant(a), _parse_instant(b)) for a, b in doc["passive"]),
        code=doc["code"],
        kind=ShiftKind(doc["kind"]),
    )


def content_document(
    assistant_id: int,
    period: PayPeriod,
    rows: Sequence[TimesheetDayRow],
    absences: Sequence[Absence],
    lines: Sequence[PayLine],
    *,
    profile_name: str,
    nominal: bool = False,
    overtime: Sequence[OvertimeNote] = (),
) -> dict:
    """The content as plain data (rows must be settled: worked or cancelled only). The
    overtime notes are stored only when there are some, so content without overtime is the
    same as before overtime was found."""
    if any(row.status in (RowStatus.PLANNED, RowStatus.ABSENT) for row in rows):
        raise ValueError("settle the rows (settled_rows) before storing them")
    document = {
        "format": CONTENT_FORMAT,
        "assistant_id": assistant_id,
        "period": [period.start.isoformat(), period.end.isoformat()],
        "profile": profile_name,
        "nominal_clock_hours": nominal,
        "rows": [_row_doc(row) for row in sorted(rows, key=lambda r: (r.start_key, r.status.value))],
        "absences": [
            {
                "kind": AbsenceKind(a.kind).value,
                "start": a.start.isoformat(),
                "end": a.end.isoformat(),
                "percent": a.percent,
                "comment": a.comment,
            }
            for a in sorted(absences, key=lambda a: (a.start, a.end, AbsenceKind(a.kind).value))
        ],
        "pay_lines": [
            {
                "pay_code": line.pay_code,
                "kind": line.kind,
                "description": line.description,
                "hours": round(line.hours, HOURS_DIGITS),
                "rate": line.rate,
            }
            for line in lines
        ],
    }
    if overtime:
        document["overtime"] = [
            {"day": note.day.isoformat(), "start": _instant(note.start), "end": _instant(note.end),
             "reason": note.reason.to_json()}
            for note in sorted(overtime, key=lambda n: (n.start.timestamp(), n.end.timestamp()))
        ]
    return document


def _row_doc(row: TimesheetDayRow) -> dict:
    """One row of the content; the keys about absence and covers only when the row has them,
    so content without absences hashes as it did before they existed."""
    doc = {"status": row.status.value, "shift": _shift_doc(row.shift), "planned": _shift_doc(row.planned),
           "reason": row.reason}
    if row.absence_pay is not None:
        doc["absence_pay"] = row.absence_pay.to_json()
    if row.covered_by is not None:
        doc["covered_by"] = row.covered_by
    if row.covers is not None:
        doc["covers"] = {"assistant_id": row.covers.assistant_id, "absence": row.covers.absence.value}
    return doc


def _row_links(item: Mapping) -> dict:
    links: dict = {}
    if "absence_pay" in item:
        links["absence_pay"] = AbsencePay.from_json(item["absence_pay"])
    if "covered_by" in item:
        links["covered_by"] = int(item["covered_by"])
    if "covers" in item:
        links["covers"] = Cover(int(item["covers"]["assistant_id"]), AbsenceKind(item["covers"]["absence"]))
    return links


def canonical_json(document: Mapping) -> str:
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def content_hash(text: str) -> str:
    """SHA-256 (hex) of the canonical content text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class StoredContent:
    period: PayPeriod
    rows: tuple[TimesheetDayRow, ...]
    absences: tuple[Absence, ...]
    pay_lines: tuple[PayLine, ...]
    profile_name: str
    overtime: tuple[OvertimeNote, ...] = ()
    nominal: bool = False


def parse_content(text: str) -> StoredContent:
    """Read back a ``content_json`` text (windows are recomputed from the shifts)."""
    doc = json.loads(text)
    if doc.get("format") != CONTENT_FORMAT:
        raise ValueError(f"unknown timesheet content format {doc.get('format')!r}")
    assistant = str(doc["assistant_id"])
    nominal = bool(doc.get("nominal_clock_hours", False))
    period = PayPeriod(date.fromisoformat(doc["period"][0]), date.fromisoformat(doc["period"][1]))
    rows = tuple(
        make_row(
            RowStatus(item["status"]),
            _shift_from_doc(item["shift"], assistant),
            _shift_from_doc(item["planned"], assistant),
            item["reason"],
            nominal,
            **_row_links(item),
        )
        for item in doc["rows"]
    )
    absences = tuple(
        Absence(
            id=None,
            assistant_id=int(doc["assistant_id"]),
            kind=AbsenceKind(item["kind"]),
            start=date.fromisoformat(item["start"]),
            end=date.fromisoformat(item["end"]),
            percent=item["percent"],
            comment=item["comment"],
        )
        for item in doc["absences"]
    )
    lines = tuple(
        PayLine(assistant, item["pay_code"], item["kind"], item["description"], item["hours"], item["rate"])
        for item in doc["pay_lines"]
    )
    overtime = tuple(
        OvertimeNote(date.fromisoformat(item["day"]), _parse_instant(item["start"]),
                     _parse_instant(item["end"]), Reason.from_json(item["reason"]))
        for item in doc.get("overtime", ())
    )
    return StoredContent(period, rows, absences, lines, doc["profile"], overtime, nominal)


