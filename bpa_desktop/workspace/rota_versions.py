"""Writing a rota version inside someone's unit of work: the new rota row, its roll-out over
the period with every stored single-occurrence change re-applied (and any new ones the
caller adds in the same transaction), the plan written as a difference.

``ws.rota.save_rota`` is this and its audit entry; ``ws.planner.apply_proposal`` is this with
the proposal's substitutes as new changes, so a proposal is one transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from bpa_desktop.core import calendar as cal
from bpa_desktop.core.model import RotaChange
from bpa_desktop.core.rota import RotaPattern, roll_out
from bpa_desktop.core.rota_changes import reapply
from bpa_desktop.i18n import message
from bpa_desktop.storage import queries
from bpa_desktop.storage import repository as repo
from bpa_desktop.storage import rota_repository as rr
from bpa_desktop.storage.rota_repository import PlanWrite
from bpa_desktop.storage.schema import RotaCellRow, RotaRow
from bpa_desktop.storage.unit_of_work import UnitOfWork
from bpa_desktop.workspace.checks import arrangement as arrangement_row
from bpa_desktop.workspace.errors import ValidationError, raise_if

Cells = Mapping[tuple[int, int, int], str]


@dataclass(frozen=True)
class VersionWritten:
    rota_id: int
    planned: int  # planned shifts in the period after the write
    written: PlanWrite
    change_ids: tuple[int, ...]  # the new changes stored with it


def version_errors(name: str, weeks: int, start: date, end: date, cells: Cells) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not name.strip():
        errors["name"] = message("required")
    if not 1 <= weeks <= 52:
        errors["weeks"] = message("rota_weeks_range")
    if end < start:
        errors["end"] = message("end_before_start_date")
    if any(not (0 <= w < weeks and 0 <= d <= 6) for _, w, d in cells):
        errors["cells"] = message("rota_cell_outside")
    return errors


def write_version(
    uow: UnitOfWork,
    arrangement_id: int,
    name: str,
    weeks: int,
    start: date,
    end: date,
    cells: Cells,
    new_changes: Sequence[RotaChange] = (),
) -> VersionWritten:
    """A new rota version rolled out over ``start``..``end`` (week 0 starts at ``start``).
    ``new_changes`` are stored after the rota row (so they belong to it) and applied after
    the stored ones. Shifts already registered, or in attested periods, stay as they are."""
    raise_if(version_errors(name, weeks, start, end, cells))
    arrangement_row(uow, arrangement_id)
    templates = {t.code: t for t in queries.template_rows(uow.session, arrangement_id)}
    unknown = sorted(set(cells.values()) - set(templates))
    if unknown:
        raise ValidationError({"cells": message("rota_unknown_code", codes=", ".join(unknown))})
    assistants = {a.id: repo.assistant_to_core(a) for a in queries.assistant_rows(uow.session, arrangement_id)}
    named = {a for a, _, _ in cells} | {c.assistant_id for c in new_changes if c.assistant_id is not None}
    if any(a not in assistants for a in named):
        raise ValidationError({"cells": message("assistant_not_in_arrangement")})
    rota = RotaRow(
        arrangement_id=arrangement_id,
        name=name.strip(),
        weeks=weeks,
        start_date=start,
        end_date=end,
        created_at=repo.utc_now(),
        cells=[
            RotaCellRow(assistant_id=a, week_index=w, weekday=d, template_id=templates[code].id)
            for (a, w, d), code in cells.items()
        ],
    )
    uow.session.add(rota)
    uow.flush()
    pattern = RotaPattern(weeks=weeks, cells={(str(a), w, d): code for (a, w, d), code in cells.items()})
    core_templates = {code: repo.template_to_core(t) for code, t in templates.items()}
    rolled = [
        s
        for s in roll_out(pattern, core_templates, start, end, anchor=start)
        if assistants[int(s.assistant)].active_on(cal.to_local(s.start).date())
    ]
    changes = [rr.change_to_core(r) for r in rr.change_rows(uow.session, arrangement_id, start, end)]
    stored = [rr.add_change(uow.session, arrangement_id, change) for change in new_changes]
    wanted = reapply(rolled, changes + [rr.change_to_core(r) for r in stored])
    written = rr.write_plan(uow.session, arrangement_id, start, end, wanted, rota.id)
    return VersionWritten(rota.id, len(wanted), written, tuple(r.id for r in stored))
