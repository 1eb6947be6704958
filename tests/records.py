"""What the records of an arrangement say, without row ids: the undo tests compare these before
a change, after it, after its undo and after its redo (a shift brought back gets a new row id)."""

from __future__ import annotations

from datetime import date


def _shift(s) -> tuple:
    return (s.assistant, s.start.timestamp(), s.end.timestamp(), s.code, str(s.kind),
            tuple((p.start.timestamp(), p.end.timestamp()) for p in s.passive))


def records(ws, aid: int, first: date, last: date, sheets: tuple[date, ...] = ()) -> dict:
    """Planned and worked shifts, absences, stored changes, timesheets, and for each day in
    `sheets` every assistant's timesheet rows of that period (statuses, reasons)."""
    rows = {}
    for assistant in (a.id for a in ws.people.list_assistants(aid)):
        for day in sheets:
            detail = ws.timesheets.preview_timesheet(assistant, day)
            rows[(assistant, day)] = (
                detail.timesheet.status if detail.timesheet else None,
                sorted((r.day, r.status.value, _shift(r.shift) if r.shift else None, r.reason) for r in detail.rows),
            )
    return {
        "planned": sorted(map(_shift, ws.rota.list_planned_shifts(aid, first, last))),
        "worked": sorted(map(_shift, ws.timesheets.list_worked_shifts(aid, first, last))),
        "absences": sorted((a.assistant_id, a.kind, a.start, a.end, a.percent, a.comment)
                           for a in ws.timesheets.list_absences(aid, first, last)),
        "changes": sorted((c.kind, c.reason, c.occurrence if c.kind != "extra" else "", c.day, c.assistant_id)
                          for c in ws.rota.list_rota_overrides(aid, first, last)),
        "sheets": rows,
        "timesheets": sorted((t.assistant_id, t.period_start, t.version, t.status)
                             for t in ws.timesheets.list_timesheets(aid, all_versions=True)),
    }
