"""What the Turnus page reads in one go, in a worker: codes, people, vedtak, the saved version,
the year's planned and worked shifts, the need, the hour account's start, and a draft."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from bpa_desktop.ui.rota.unsaved import DRAFT_KIND


@dataclass
class RotaData:
    """What the page reads in one go (in a worker)."""

    templates: list
    assistants: list
    vedtak: list
    current: object | None  # RotaPlan of the latest saved version, or None
    planned_year: list = field(default_factory=list)
    worked_year: list = field(default_factory=list)
    need: list = field(default_factory=list)
    unregistered: tuple = ()  # planned shifts in the past nobody registered
    account_start: object | None = None  # core.budget.AccountStart
    draft: object | None = None  # workspace.drafts.Draft of the pattern not rolled out, or None


def read_rota_data(workspace, arrangement_id: int, today: date) -> RotaData:
    year_start, year_end = date(today.year, 1, 1), date(today.year, 12, 31)
    current = workspace.rota.current_rota(arrangement_id)
    need = workspace.rota.get_need_pattern(arrangement_id)
    reading = workspace.reports.hour_account(arrangement_id, today)
    return RotaData(
        templates=workspace.rota.list_shift_templates(arrangement_id),
        assistants=workspace.people.list_assistants(arrangement_id),
        vedtak=workspace.vedtak.list_vedtak(arrangement_id),
        current=current,
        planned_year=workspace.rota.list_planned_shifts(arrangement_id, year_start, year_end),
        worked_year=workspace.timesheets.list_worked_shifts(arrangement_id, year_start, min(today, year_end)),
        need=list(need),
        unregistered=reading.unregistered,
        account_start=reading.start,
        draft=workspace.drafts.load(DRAFT_KIND, arrangement_id),
    )
