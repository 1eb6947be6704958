"""A rota in and out of the database: ``bpa-shifts/1`` JSON, PDF and iCalendar.

Used by the Turnus page and by ``bpa export rota`` / ``bpa import rota``. The renderers are
``export/rota_pdf.py`` and ``export/ical.py``; the shift-file parser is ``core/shiftfile.py``.

The JSON file (DESIGN.md, contract ``bpa-shifts/1``) is the arrangement's own rota file:

* assistants are named by their **employee number** (``id``), so a file moves between
  databases of the same employer; ``name`` is the first name by default (``names="full"``
  writes the whole name, ``names="none"`` leaves it out);
* ``agreement`` is the arrangement's preset, ``vedtak`` the vedtak that touch the period;
* every shift has ``id`` (employee number @ UTC start: stable, free of database ids),
  ``code``, ``kind`` and ``passive``; times are Europe/Oslo wall clock, with an offset only
  for the second pass through the autumn repeat hour;
* two additions the schema allows: ``period`` (``from``/``to``: the days the file covers,
  so importing it replaces exactly those days) and ``rota`` (name and version).

Importing validates everything first (the schema and meaning via ``core.shiftfile``, then
known assistants and codes, then the locks) and writes in one transaction: a file that does
not validate changes nothing, and the error says why. The file's ``agreement`` and
``vedtak`` are information; importing does not change the arrangement.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timezone
from pathlib import Path

from bpa_desktop.core import calendar as cal
from bpa_desktop.core import shiftfile
from bpa_desktop.core.model import Assistant, Shift

NAME_CHOICES = ("first", "full", "none")


class RotaFileError(ValueError):
    """A rota file that cannot be exported or imported; the message (nb) says why."""


# --- period --------------------------------------------------------------------------------


def default_period(ws, arrangement_id: int, today: date | None = None) -> tuple[date, date]:
    """The current rota's period; without a rota, the vedtak in force (a year at most)."""
    rota = ws.current_rota(arrangement_id)
    if rota is not None:
        return rota.start, rota.end
    today = today or date.today()
    vedtak = ws.current_vedtak(arrangement_id, today)
    if vedtak is not None:
        last = vedtak.valid_to or date(vedtak.valid_from.year + 1, vedtak.valid_from.month, 1)
        return vedtak.valid_from, last
    raise RotaFileError("ordningen har ingen turnus og intet gjeldende vedtak; oppgi --from og --to")


# --- JSON ----------------------------------------------------------------------------------


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
    ws,
    arrangement_id: int,
    start: date,
    end: date,
    assistant_id: int | None = None,
    names: str = "first",
) -> dict:
    """The planned shifts starting on ``start``..``end`` as a ``bpa-shifts/1`` document."""
    if names not in NAME_CHOICES:
        raise RotaFileError(f"ukjent navnevalg «{names}» (gyldige: {', '.join(NAME_CHOICES)})")
    arrangement = ws.get_arrangement(arrangement_id)
    assistants = {a.id: a for a in ws.list_assistants(arrangement_id)}
    shifts = [
        s
        for s in ws.list_planned_shifts(arrangement_id, start, end)
        if assistant_id is None or int(s.assistant) == assistant_id
    ]
    shifts.sort(key=lambda s: (s.start.timestamp(), assistants[int(s.assistant)].employee_no, s.end.timestamp()))
    present = {int(s.assistant) for s in shifts} | ({assistant_id} if assistant_id else set())
    document: dict = {
        "format": shiftfile.FORMAT,
        "timezone": cal.OSLO.key,
        "agreement": arrangement.agreement.value,
        "period": {"from": start.isoformat(), "to": end.isoformat()},
    }
    rota = ws.current_rota(arrangement_id)
    if rota is not None:
        document["rota"] = {"name": rota.name, "version": rota.version}
    document["assistants"] = [
        _person(a, names) for a in assistants.values() if a.id in present
    ]
    vedtak = [
        {
            "hours_per_week": v.hours_per_week,
            "from": v.valid_from.isoformat(),
            "to": v.valid_to.isoformat() if v.valid_to else None,
            "reference": v.reference,
        }
        for v in sorted(ws.list_vedtak(arrangement_id), key=lambda v: v.valid_from)
        if v.valid_from <= end and (v.valid_to is None or v.valid_to >= start)
    ]
    if vedtak:
        document["vedtak"] = vedtak
    document["shifts"] = [_shift_entry(s, assistants[int(s.assistant)].employee_no) for s in shifts]
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


def render_json(document: dict, path: str | Path | None = None) -> bytes:
    data = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    if path is not None:
        Path(path).write_bytes(data)
    return data


# --- PDF and iCalendar -------------------------------------------------------------------


def rota_document(
    ws,
    arrangement_id: int,
    start: date,
    end: date,
    assistant_id: int | None = None,
    printed: date | None = None,
):
    """The printable rota (export/rota_pdf.RotaDocument) of the current version."""
    from bpa_desktop.export.rota_pdf import RotaAssistant, RotaDocument

    arrangement = ws.get_arrangement(arrangement_id)
    rota = ws.current_rota(arrangement_id)
    shifts = [
        s
        for s in ws.list_planned_shifts(arrangement_id, start, end)
        if assistant_id is None or int(s.assistant) == assistant_id
    ]
    present = {int(s.assistant) for s in shifts} | ({assistant_id} if assistant_id else set())
    return RotaDocument(
        arrangement_name=arrangement.name,
        rota_name=rota.name if rota else "Plan",
        version=rota.version if rota else "–",
        period_start=start,
        period_end=end,
        assistants=[
            RotaAssistant(str(a.id), a.name) for a in ws.list_assistants(arrangement_id) if a.id in present
        ],
        templates=ws.list_shift_templates(arrangement_id),
        shifts=shifts,
        printed=printed or date.today(),
    )


def render_pdf(ws, arrangement_id: int, start: date, end: date, path=None, assistant_id=None, printed=None) -> bytes:
    from bpa_desktop.export.rota_pdf import render_rota_pdf

    return render_rota_pdf(rota_document(ws, arrangement_id, start, end, assistant_id, printed), path)


def render_ics(
    ws, arrangement_id: int, assistant_id: int, start: date, end: date, path=None, generated_at=None
) -> bytes:
    """One assistant's planned shifts as an .ics file (no one else's shifts, no names)."""
    from bpa_desktop.export.ical import render_ical

    shifts = ws.list_planned_shifts(arrangement_id, start, end)
    return render_ical(
        str(assistant_id), shifts, ws.list_shift_templates(arrangement_id), path,
        generated_at=generated_at,
    )


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
        raise RotaFileError(
            "assistenten «" + "», «".join(unknown) + "» finnes ikke i ordningen "
            "(id i filen må være ansattnummer eller assistent-id)"
        )
    return mapping


def _file_period(data: dict, shifts: Sequence[Shift]) -> tuple[date, date]:
    period = data.get("period")
    if isinstance(period, dict) and "from" in period and "to" in period:
        try:
            start, end = date.fromisoformat(period["from"]), date.fromisoformat(period["to"])
        except (TypeError, ValueError):
            raise RotaFileError("feltet «period» må ha «from» og «to» som datoer (ÅÅÅÅ-MM-DD)") from None
        if end < start:
            raise RotaFileError(f"feltet «period»: «to» ({end}) er før «from» ({start})")
    elif shifts:
        days = [cal.to_local(s.start).date() for s in shifts]
        start, end = min(days), max(days)
    else:
        raise RotaFileError("filen har verken vakter eller «period»: ingenting å importere")
    for index, shift in enumerate(shifts):
        if not start <= cal.to_local(shift.start).date() <= end:
            raise RotaFileError(f"vakt nr. {index + 1} (shifts[{index}]) starter utenfor perioden {start}–{end}")
    return start, end


def import_rota(ws, arrangement_id: int, text: str) -> ImportResult:
    """Replace the planned shifts of the file's period with the file's shifts (all or
    nothing). Raises RotaFileError with the reason; nothing is written then."""
    from bpa_desktop.workspace import WorkspaceError

    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise RotaFileError(f"filen er ikke gyldig JSON (linje {error.lineno}, kolonne {error.colno})") from None
    try:
        file = shiftfile.parse(data)
    except shiftfile.ShiftFileError as error:
        raise RotaFileError(str(error)) from None
    mapping = _match_assistants(file, ws.list_assistants(arrangement_id))
    codes = {t.code for t in ws.list_shift_templates(arrangement_id)}
    for index, shift in enumerate(file.shifts):
        if shift.code is not None and shift.code not in codes:
            raise RotaFileError(
                f"vakt nr. {index + 1} (shifts[{index}]): ukjent vaktkode «{shift.code}» "
                f"(ordningen har {', '.join(sorted(codes)) or 'ingen vaktkoder'})"
            )
    shifts = [
        replace(s, assistant=str(mapping[s.assistant]), start=cal.to_local(s.start), end=cal.to_local(s.end))
        for s in file.shifts
    ]
    start, end = _file_period(data, shifts)
    try:
        written = ws.replace_planned_shifts(arrangement_id, start, end, shifts, "import")
    except WorkspaceError as error:
        details = getattr(error, "errors", None)
        raise RotaFileError("; ".join(details.values()) if details else str(error)) from None
    agreement = ws.get_arrangement(arrangement_id).agreement
    return ImportResult(
        start, end, len(shifts), written.kept, written.inserted, written.deleted,
        agreement_differs="agreement" in data and file.agreement != agreement,
    )


def read_text(path: str | Path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RotaFileError(f"finner ikke filen {path}") from None
    except UnicodeDecodeError:
        raise RotaFileError(f"{path} er ikke UTF-8-tekst") from None
    except OSError as error:
        raise RotaFileError(f"kan ikke lese {path}: {error.strerror}") from None

