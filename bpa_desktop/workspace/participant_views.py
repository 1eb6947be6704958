"""The views the other parties see, built inside a unit of work (bpa-sync/2 models).

* ``month_view``: one assistant's own pay period (``protocol_v2.MonthView``): their shifts with
  the minutes that count and their own absence codes; never a colleague's absence, never a
  reason or a note (``core.participants.month_entries`` decides what is in it).
* ``rota_view``: one rota version's pattern, one cycle from its first day, each shift with the
  short display name of who works it.

``view_hash`` (``protocol_v2``) of a view is what a confirmation or an approval says was seen.
Loaded on first use (pydantic), like ``ws.sync``.
"""

from __future__ import annotations

from datetime import date, timedelta

from bpa_desktop.core import calendar as cal
from bpa_desktop.core.participants import display_name, month_entries, shift_ref_of
from bpa_desktop.core.rota import RotaPattern, roll_out
from bpa_desktop.core.timesheet import TimesheetDayRow, TimesheetDetail
from bpa_desktop.message import Message
from bpa_desktop.storage import participants_repository as pr
from bpa_desktop.storage import queries
from bpa_desktop.storage import repository as repo
from bpa_desktop.storage import rota_repository as rr
from bpa_desktop.storage import timesheet_repository as tr
from bpa_desktop.storage.schema import AssistantRow
from bpa_desktop.storage.unit_of_work import UnitOfWork
from bpa_desktop.sync.protocol_v2 import MonthShift, MonthView, RotaShift, RotaView
from bpa_desktop.workspace.errors import found
from bpa_desktop.workspace.timesheet_reading import detail, period_of


def wire_arrangement_id(uow: UnitOfWork, arrangement_id: int) -> str:
    """The receiver's reference when the arrangement is enrolled, else the local id as text."""
    return pr.remote_arrangement_id(uow.session, arrangement_id) or str(arrangement_id)


def name_of(uow: UnitOfWork, assistant: AssistantRow) -> str:
    ref = pr.ref_row(uow.session, assistant.id)
    return display_name(assistant.name, ref.short_name if ref is not None else None)


def own_detail(uow: UnitOfWork, assistant_id: int, day: date) -> TimesheetDetail:
    """The assistant's newest timesheet of the period that holds ``day`` (or its preview)."""
    assistant = found(uow.get(AssistantRow, assistant_id), Message("entity_assistant"), assistant_id)
    period = period_of(uow, assistant.arrangement_id, day)
    return detail(uow, assistant, period, tr.latest(uow.session, assistant.id, period.start))


def month_view(uow: UnitOfWork, assistant_id: int, day: date, ref: str) -> MonthView:
    assistant = found(uow.get(AssistantRow, assistant_id), Message("entity_assistant"), assistant_id)
    sheet = own_detail(uow, assistant_id, day)
    own = [a for a in sheet.absences if a.assistant_id == assistant.id]  # never a colleague's
    entries = month_entries(sheet.rows, own)
    shifts = [
        MonthShift(shift_ref=e.shift_ref, starts_at=e.starts_at, ends_at=e.ends_at, minutes=e.minutes,
                   code=e.code, absence=e.absence)
        for e in entries
    ]
    return MonthView(
        arrangement_id=wire_arrangement_id(uow, assistant.arrangement_id),
        assistant_ref=ref,
        display_name=name_of(uow, assistant),
        period=sheet.period.key(),
        timesheet_version=sheet.timesheet.version if sheet.timesheet is not None else 1,
        shifts=shifts,
        total_minutes=sum(e.minutes for e in entries),
    )


def row_of_ref(sheet: TimesheetDetail, shift_ref: str) -> TimesheetDayRow | None:
    return next((row for row in sheet.rows if shift_ref_of(row) == shift_ref), None)


def rota_view(uow: UnitOfWork, rota_id: int) -> RotaView:
    rota = found(rr.rota_with_cells(uow.session, rota_id), Message("entity_rota"), rota_id)
    templates = {t.code: repo.template_to_core(t) for t in queries.template_rows(uow.session, rota.arrangement_id)}
    by_id = {t.id: t.code for t in queries.template_rows(uow.session, rota.arrangement_id)}
    pattern = RotaPattern(weeks=rota.weeks, cells={
        (str(c.assistant_id), c.week_index, c.weekday): by_id[c.template_id] for c in rota.cells})
    last = min(rota.end_date, rota.start_date + timedelta(days=7 * rota.weeks - 1))  # one cycle
    assistants = {a.id: a for a in queries.assistant_rows(uow.session, rota.arrangement_id)}
    names = {a_id: name_of(uow, a) for a_id, a in assistants.items()}
    shifts = [
        RotaShift(starts_at=s.start, ends_at=s.end, code=s.code, who=names.get(int(s.assistant)))
        for s in roll_out(pattern, templates, rota.start_date, last, anchor=rota.start_date)
        if int(s.assistant) in assistants
        and repo.assistant_to_core(assistants[int(s.assistant)]).active_on(cal.to_local(s.start).date())
    ]
    shifts.sort(key=lambda s: (s.starts_at.timestamp(), s.who or ""))
    return RotaView(
        arrangement_id=wire_arrangement_id(uow, rota.arrangement_id),
        rota_version_id=rota.id,
        label=(rota.name.strip() or str(rota.id))[:80],
        valid_from=rota.start_date,
        valid_to=rota.end_date,
        shifts=shifts,
    )
