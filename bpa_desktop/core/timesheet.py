"""A timesheet's content: the rows of one assistant's pay period, and its canonical form.

A timesheet starts as the planned shifts; the worked record adds deviations on top. Each
planned or worked shift of the period becomes one row:

* ``worked``    registered as worked (as planned, or a deviation with its reason);
* ``planned``   planned and not yet registered: it counts as worked until someone changes it;
* ``cancelled`` planned, registered as not worked, with a reason;
* ``absent``    planned on a day of full absence (egenmelding, ferie ...): not worked.

Attesting turns ``planned`` rows into worked records and ``absent`` rows into cancellations
(``settled_rows``), so the stored worked record and the attested content say the same thing.

The canonical content (``content_json``) is what attesting stores and hashes: a JSON text
with sorted keys, UTC instants and rounded hours, so the same content always gives the same
SHA-256, on any machine. It names no database ids and no person, only the assistant's id.
"""

from __future__ import annotations

import enum
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timezone

from bpa_desktop.core.calendar import OSLO
from bpa_desktop.core.model import Absence, AbsenceKind, Agreement, Interval, PayLine, Shift, ShiftKind, Timesheet
from bpa_desktop.core.normal_time import Reason
from bpa_desktop.core.overtime_notes import OvertimeNote, RowsPay, notes_of
from bpa_desktop.core.pay import PayProfile, record_line_hours, sum_pay_lines, window_hours
from bpa_desktop.core.pay_period import PayPeriod

CONTENT_FORMAT = "bpa-timesheet-content/1"
HOURS_DIGITS = 6  # hours are rounded this far in the canonical content (float noise)

ABSENCE_LABELS = {
    AbsenceKind.SELF_CERTIFIED: "Egenmelding",
    AbsenceKind.SICK_NOTE: "Sykmelding",
    AbsenceKind.HOLIDAY: "Ferie",
    AbsenceKind.LEAVE: "Permisjon",
    AbsenceKind.CHILD_SICK: "Sykt barn",
}

class RowStatus(str, enum.Enum):
    WORKED = "worked"
    PLANNED = "planned"
    CANCELLED = "cancelled"
    ABSENT = "absent"


@dataclass(frozen=True)
class WorkedRecord:
    """A stored worked shift with its reason and the planned shift it replaces, if any."""

    shift: Shift
    reason: str = ""
    planned: Shift | None = None


@dataclass(frozen=True)
class NotWorked:
    """A planned shift registered as not worked."""

    planned: Shift
    reason: str = ""


@dataclass(frozen=True)
class TimesheetDayRow:
    day: date  # the Oslo day the shift starts
    status: RowStatus
    shift: Shift | None  # what counts (worked or planned-as-worked); None when not worked
    planned: Shift | None = None
    reason: str = ""
    windows: Mapping[str, float] = field(default_factory=dict)  # docs/domain.md pay windows

    @property
    def counted(self) -> bool:
        return self.status in (RowStatus.WORKED, RowStatus.PLANNED)

    @property
    def hours(self) -> float:
        return self.windows.get("total", 0.0) if self.counted else 0.0

    @property
    def passive_hours(self) -> float:
        return self.windows.get("passive", 0.0) if self.counted else 0.0

    @property
    def deviations(self) -> tuple[str, ...]:
        """How this row differs from the plan (words for them: bpa_desktop.words.deviation_label)."""
        if self.status is RowStatus.CANCELLED:
            return ("not_worked",)
        if self.status is RowStatus.ABSENT:
            return ("absence",)
        if self.status is RowStatus.PLANNED or self.shift is None:
            return ()
        found = []
        kind = ShiftKind(self.shift.kind)
        if kind is not ShiftKind.PLANNED:
            found.append(kind.value)
        elif self.planned is None:
            found.append("extra")
        if self.planned is not None:
            if (self.shift.start.timestamp(), self.shift.end.timestamp()) != (
                self.planned.start.timestamp(),
                self.planned.end.timestamp(),
            ):
                found.append("changed_times")
            if _passive_hours(self.shift) + 1e-9 < _passive_hours(self.planned):
                found.append("passive_active")
        return tuple(found)

    @property
    def start_key(self) -> float:
        shift = self.shift or self.planned
        return shift.start.timestamp() if shift else 0.0


@dataclass(frozen=True)
class TimesheetDetail:
    """Everything one timesheet shows: rows, absences and pay lines, with its versions."""

    assistant_id: int
    period: PayPeriod
    rows: tuple[TimesheetDayRow, ...]
    absences: tuple[Absence, ...]
    pay_lines: tuple[PayLine, ...]
    timesheet: Timesheet | None = None  # None: a preview, nothing stored yet
    versions: tuple[Timesheet, ...] = ()  # every version of this period, oldest first
    stored: bool = False  # True: read from the attested (locked) content
    overtime: tuple[OvertimeNote, ...] = ()  # the overtime in the pay lines, and why

    @property
    def counted_shifts(self) -> list[Shift]:
        return [row.shift for row in self.rows if row.counted and row.shift is not None]

    @property
    def total_hours(self) -> float:
        return sum(row.hours for row in self.rows)

    @property
    def passive_hours(self) -> float:
        return sum(row.passive_hours for row in self.rows)

    def window_totals(self) -> dict[str, float]:
        totals: dict[str, float] = {}
        for row in self.rows:
            if row.counted:
                for key, value in row.windows.items():
                    totals[key] = totals.get(key, 0.0) + value
        return totals

    @property
    def replaces_version(self) -> int | None:
        if self.timesheet is None or self.timesheet.supersedes_id is None:
            return None
        for version in self.versions:
            if version.id == self.timesheet.supersedes_id:
                return version.version
        return self.timesheet.version - 1

    def absence_days(self) -> list[tuple[date, Absence]]:
        """(day, absence) for every day of absence inside the period, in day order."""
        days = []
        for absence in self.absences:
            first, last = max(absence.start, self.period.start), min(absence.end, self.period.end)
            for ordinal in range(first.toordinal(), last.toordinal() + 1):
                days.append((date.fromordinal(ordinal), absence))
        return sorted(days, key=lambda item: (item[0], item[1].id or 0))


def start_day(shift: Shift) -> date:
    """The Oslo calendar day a shift starts on: the day it is attributed to."""
    return shift.start.astimezone(OSLO).date()


def _passive_hours(shift: Shift) -> float:
    return sum(p.hours for p in shift.passive)


def absence_label(kind: AbsenceKind | str) -> str:
    try:
        return ABSENCE_LABELS[AbsenceKind(kind)]
    except ValueError:
        return str(kind)


def full_absence_on(absences: Iterable[Absence], day: date) -> Absence | None:
    """The 100 % absence that covers ``day``, if any (graded leave still works part time)."""
    for absence in absences:
        if absence.percent >= 100 and absence.start <= day <= absence.end:
            return absence
    return None


def _row(status: RowStatus, shift: Shift | None, planned: Shift | None, reason: str, nominal: bool) -> TimesheetDayRow:
    counted = status in (RowStatus.WORKED, RowStatus.PLANNED)
    anchor = shift if shift is not None else planned
    return TimesheetDayRow(
        day=start_day(anchor),
        status=status,
        shift=shift if counted else None,
        planned=planned,
        reason=reason,
        windows=window_hours(shift, nominal=nominal) if counted else {},
    )


def build_rows(
    period: PayPeriod,
    planned: Sequence[Shift],
    worked: Sequence[WorkedRecord],
    not_worked: Sequence[NotWorked],
    absences: Sequence[Absence],
    *,
    settled_plan_ids: Iterable[str] = (),
    use_plan: bool = True,
    nominal: bool = False,
) -> list[TimesheetDayRow]:
    """The rows of one assistant's period, ordered by start.

    ``planned``, ``worked`` and ``not_worked`` are that assistant's shifts starting in the
    period. ``settled_plan_ids`` are ids of planned shifts that some record (worked by anyone,
    or not worked) already accounts for. Without ``use_plan`` (once a version was attested,
    the worked record is complete) planned shifts add no rows.
    """
    rows = [
        _row(RowStatus.WORKED, record.shift, record.planned, record.reason, nominal)
        for record in worked
        if period.contains(start_day(record.shift))
    ]
    rows += [
        _row(RowStatus.CANCELLED, None, item.planned, item.reason, nominal)
        for item in not_worked
        if period.contains(start_day(item.planned))
    ]
    if use_plan:
        settled = set(settled_plan_ids)
        for shift in planned:
            if shift.id in settled or not period.contains(start_day(shift)):
                continue
            absence = full_absence_on(absences, start_day(shift))
            if absence is not None:
                reason = f"Fravær: {absence_label(absence.kind)}"
                rows.append(_row(RowStatus.ABSENT, None, shift, reason, nominal))
            else:
                rows.append(_row(RowStatus.PLANNED, shift, shift, "", nominal))
    return sorted(rows, key=lambda row: (row.start_key, row.status.value))


def settled_rows(rows: Sequence[TimesheetDayRow]) -> list[TimesheetDayRow]:
    """The rows as attesting stores them: planned ones worked, absent ones not worked."""
    settled = []
    for row in rows:
        if row.status is RowStatus.PLANNED:
            row = replace(row, status=RowStatus.WORKED)
        elif row.status is RowStatus.ABSENT:
            row = replace(row, status=RowStatus.CANCELLED)
        settled.append(row)
    return settled


def counted_shifts(rows: Sequence[TimesheetDayRow]) -> list[Shift]:
    return [row.shift for row in rows if row.counted and row.shift is not None]


def rows_pay(
    rows: Sequence[TimesheetDayRow],
    profile: PayProfile,
    rates: Mapping[str, float] | None = None,
    *,
    agreement: Agreement | str = Agreement.AML,
    context: Sequence[Shift] = (),
    anchor: date | None = None,
) -> RowsPay:
    """Pay lines of the counted rows under ``profile``, with the overtime found in them
    (core.pay does the splitting). ``context``: the assistant's earlier worked shifts in the
    same week or averaging window (they use up normal time; they are paid in their own
    period); ``anchor``: the Monday averaging windows count from."""
    paid = record_line_hours(counted_shifts(rows), profile, agreement=agreement, context=context, anchor=anchor)
    return RowsPay(tuple(sum_pay_lines(paid, profile, rates)), notes_of(paid))


# --- canonical content and its hash ---------------------------------------------------------


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
        "rows": [
            {
                "status": row.status.value,
                "shift": _shift_doc(row.shift),
                "planned": _shift_doc(row.planned),
                "reason": row.reason,
            }
            for row in sorted(rows, key=lambda r: (r.start_key, r.status.value))
        ],
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


def parse_content(text: str) -> StoredContent:
    """Read back a ``content_json`` text (windows are recomputed from the shifts)."""
    doc = json.loads(text)
    if doc.get("format") != CONTENT_FORMAT:
        raise ValueError(f"unknown timesheet content format {doc.get('format')!r}")
    assistant = str(doc["assistant_id"])
    nominal = bool(doc.get("nominal_clock_hours", False))
    period = PayPeriod(date.fromisoformat(doc["period"][0]), date.fromisoformat(doc["period"][1]))
    rows = tuple(
        _row(
            RowStatus(item["status"]),
            _shift_from_doc(item["shift"], assistant),
            _shift_from_doc(item["planned"], assistant),
            item["reason"],
            nominal,
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
    return StoredContent(period, rows, absences, lines, doc["profile"], overtime)


def activate_passive(shift: Shift, start: datetime, end: datetime) -> Shift:
    """``shift`` with [start, end) taken out of its passive time (passive time that became
    active work). Raises ValueError when [start, end) is not inside one passive interval."""
    a, b = start.timestamp(), end.timestamp()
    if b <= a:
        raise ValueError("end must be after start")
    passive: list[Interval] = []
    found = False
    for interval in shift.passive:
        p_start, p_end = interval.start.timestamp(), interval.end.timestamp()
        if not found and p_start <= a and b <= p_end:
            found = True
            if p_start < a:
                passive.append(Interval(interval.start, start))
            if b < p_end:
                passive.append(Interval(end, interval.end))
        else:
            passive.append(interval)
    if not found:
        raise ValueError("the time is not inside the shift's passive time")
    return replace(shift, passive=tuple(passive))


@dataclass(frozen=True)
class PayrollBatch:
    """What one period's payroll file holds, and who is left out (not attested)."""

    period: PayPeriod
    pay_lines: tuple[PayLine, ...]
    employee_numbers: Mapping[str, str]  # PayLine.assistant -> employee number
    included: tuple[Timesheet, ...]
    not_attested: tuple[int, ...]  # assistant ids with work or a timesheet in the period
