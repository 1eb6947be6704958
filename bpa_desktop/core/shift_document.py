"""The ``bpa-shifts/1`` rota file (a contract: docs/architecture.md) from and to core values.

Pure functions: the Workspace reads the database (``ws.exports.rota_json``) and writes an
import (``ws.rota.import_shift_file``); this module builds and checks the file itself.

* assistants are named by their **employee number** (``id``), so a file moves between
  databases of the same employer; ``name`` is the first name by default (``names="full"``
  writes the whole name, ``names="none"`` leaves it out);
* ``agreement`` is the arrangement's preset, ``vedtak`` the vedtak that touch the period;
* every shift has ``id`` (employee number @ UTC start: stable, free of database ids),
  ``code``, ``kind`` and ``passive``; times are Europe/Oslo wall clock, with an offset only
  for the second pass through the autumn repeat hour;
* two additions the schema allows: ``period`` (``from``/``to``: the days the file covers,
  so importing it replaces exactly those days) and ``rota`` (name and version).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timezone

from bpa_desktop.core import calendar as cal
from bpa_desktop.core import shiftfile
from bpa_desktop.core.input_file import shown
from bpa_desktop.core.model import Arrangement, Assistant, RotaPlan, Shift, Vedtak
from bpa_desktop.i18n import t

NAME_CHOICES = ("first", "full", "none")


class RotaFileError(ValueError):
    """A rota file that cannot be exported or imported; the message (current language) says why."""


def wall_text(instant: datetime) -> str:
    """Europe/Oslo wall time ("2026-03-28T22:00"), with the offset only where the wall time
    alone would mean another instant (the second 02:00-03:00 of the autumn change)."""
    local = cal.to_local(instant)
    text = local.strftime("%Y-%m-%dT%H:%M" + (":%S" if local.second else ""))
    first_pass = local.replace(fold=0)
    if first_pass.utcoffset() != local.utcoffset():
        offset = local.strftime("%z")
        text += f"{offset[:3]}:{offset[3:]}"
    return text


def shift_file_id(employee_no: str, shift: Shift) -> str:
    return f"{employee_no}@{shift.start.astimezone(timezone.utc):%Y%m%dT%H%MZ}"


def _person(assistant: Assistant, names: str) -> dict:
    entry: dict = {"id": assistant.employee_no}
    if names == "full":
        entry["name"] = assistant.name
    elif names == "first":
        entry["name"] = assistant.name.split()[0] if assistant.name.split() else ""
    entry["employment_percent"] = assistant.employment_percent
    return entry


def shift_document(
    arrangement: Arrangement,
    assistants: Sequence[Assistant],
    shifts: Sequence[Shift],
    start: date,
    end: date,
    *,
    rota: RotaPlan | None = None,
    vedtak: Sequence[Vedtak] = (),
    assistant_id: int | None = None,
    names: str = "first",
) -> dict:
    """The planned ``shifts`` starting on ``start``..``end`` as a ``bpa-shifts/1`` document."""
    if names not in NAME_CHOICES:
        raise RotaFileError(t("core.shifts.unknown_names_choice", names=names, choices=", ".join(NAME_CHOICES)))
    by_id = {a.id: a for a in assistants}
    shifts = [s for s in shifts if assistant_id is None or int(s.assistant) == assistant_id]
    shifts.sort(key=lambda s: (s.start.timestamp(), by_id[int(s.assistant)].employee_no, s.end.timestamp()))
    present = {int(s.assistant) for s in shifts} | ({assistant_id} if assistant_id else set())
    document: dict = {
        "format": shiftfile.FORMAT,
        "timezone": cal.OSLO.key,
        "agreement": arrangement.agreement.value,
        "period": {"from": start.isoformat(), "to": end.isoformat()},
    }
    if rota is not None:
        document["rota"] = {"name": rota.name, "version": rota.version}
    document["assistants"] = [_person(a, names) for a in by_id.values() if a.id in present]
    touching = [
        {
            "hours_per_week": v.hours_per_week,
            "from": v.valid_from.isoformat(),
            "to": v.valid_to.isoformat() if v.valid_to else None,
            "reference": v.reference,
        }
        for v in sorted(vedtak, key=lambda v: v.valid_from)
        if v.valid_from <= end and (v.valid_to is None or v.valid_to >= start)
    ]
    if touching:
        document["vedtak"] = touching
    document["shifts"] = [_shift_entry(s, by_id[int(s.assistant)].employee_no) for s in shifts]
    return document


def _shift_entry(shift: Shift, employee_no: str) -> dict:
    entry = {
        "id": shift_file_id(employee_no, shift),
        "assistant": employee_no,
        "start": wall_text(shift.start),
        "end": wall_text(shift.end),
    }
    if shift.code:
        entry["code"] = shift.code
    entry["kind"] = shift.kind.value
    if shift.passive:
        entry["passive"] = [{"start": wall_text(p.start), "end": wall_text(p.end)} for p in shift.passive]
    return entry


def json_bytes(document: dict) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# --- import ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportResult:
    start: date
    end: date
    shifts: int
    kept: int
    inserted: int
    deleted: int
    agreement_differs: bool  # the file's agreement is not the arrangement's (not changed)


@dataclass(frozen=True)
class ParsedImport:
    """A checked file: its shifts (assistants as database ids) and the days it replaces."""

    shifts: list[Shift]
    start: date
    end: date
    agreement: object
    names_agreement: bool  # the file says which agreement it follows


def parse_import(text: str, assistants: Sequence[Assistant], codes: set[str]) -> ParsedImport:
    """Read and check a file against the arrangement's assistants and shift codes: the
    schema and meaning (``core.shiftfile``), known assistants and codes, the period.
    Raises RotaFileError with the reason."""
    try:
        data = shiftfile.document(text)
        file = shiftfile.parse(data)
    except shiftfile.ShiftFileError as error:
        raise RotaFileError(str(error)) from None
    mapping = _match_assistants(file, assistants)
    for index, shift in enumerate(file.shifts):
        if shift.code is not None and shift.code not in codes:
            raise RotaFileError(t("core.shifts.unknown_code", number=index + 1, index=index, code=shown(shift.code),
                                  codes=", ".join(sorted(codes)) or t("core.shifts.no_codes")))
    shifts = [
        replace(s, assistant=str(mapping[s.assistant]), start=cal.to_local(s.start), end=cal.to_local(s.end))
        for s in file.shifts
    ]
    start, end = _file_period(data, shifts)
    return ParsedImport(shifts, start, end, file.agreement, "agreement" in data)


def _match_assistants(file: shiftfile.ShiftFile, assistants: Sequence[Assistant]) -> dict[str, int]:
    """File assistant id -> database id: by employee number, else by database id."""
    by_number = {a.employee_no: a.id for a in assistants}
    by_id = {str(a.id): a.id for a in assistants}
    names = {s.assistant for s in file.shifts} | {a.id for a in file.assistants}
    mapping, unknown = {}, []
    for name in sorted(names):
        if name in by_number:
            mapping[name] = by_number[name]
        elif name in by_id:
            mapping[name] = by_id[name]
        else:
            unknown.append(name)
    if unknown:
        names = ", ".join(f"«{shown(name)}»" for name in unknown[:5])
        if len(unknown) > 5:
            raise RotaFileError(t("core.shifts.assistants_not_in_arrangement_more", names=names))
        raise RotaFileError(t("core.shifts.assistants_not_in_arrangement", names=names, count=len(unknown)))
    return mapping


def _file_period(data: dict, shifts: Sequence[Shift]) -> tuple[date, date]:
    period = data.get("period")
    if isinstance(period, dict) and "from" in period and "to" in period:
        if not (isinstance(period["from"], str) and isinstance(period["to"], str)):
            raise RotaFileError(t("core.shifts.period_dates"))
        try:
            start = shiftfile.parse_date(period["from"], t("core.shifts.field", field="period.from"))
            end = shiftfile.parse_date(period["to"], t("core.shifts.field", field="period.to"))
        except shiftfile.ShiftFileError as error:
            raise RotaFileError(str(error)) from None
        if end < start:
            raise RotaFileError(t("core.shifts.to_before_from", where=t("core.shifts.field", field="period"),
                                  end=end, start=start))
    elif shifts:
        days = [cal.to_local(s.start).date() for s in shifts]
        start, end = min(days), max(days)
    else:
        raise RotaFileError(t("core.shifts.nothing_to_import"))
    for index, shift in enumerate(shifts):
        if not start <= cal.to_local(shift.start).date() <= end:
            raise RotaFileError(t("core.shifts.outside_period", number=index + 1, index=index, start=start, end=end))
    return start, end
