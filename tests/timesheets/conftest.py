"""A small arrangement for the timesheet tests: two assistants, a day and a night template,
and a one-week rota rolled out over autumn 2026 (across the October DST change)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from bpa_desktop.core.model import (
    Agreement,
    Arrangement,
    ArrangementSetup,
    Assistant,
    EmployerKind,
    ShiftTemplate,
    Vedtak,
)
from bpa_desktop.validation import org_no_check_digit

ROTA_START = date(2026, 8, 31)  # a Monday
ROTA_END = date(2026, 12, 31)
# Attesting needs the period to be over; tests pass this as "today".
AFTER_ALL = date(2027, 1, 15)


@dataclass
class Setup:
    ws: object
    arrangement_id: int
    day_worker: int  # D 08:00-16:00 Monday to Wednesday
    night_worker: int  # N 22:00-08:00 (passive 00:00-06:00) on Saturdays
    after_all: date = AFTER_ALL  # a "today" after every period of the rota


@pytest.fixture
def setup(workspace) -> Setup:
    stem = "93746518"
    arrangement = workspace.people.create_arrangement(
        ArrangementSetup(
            Arrangement(
                None, "Testordning", "Mottaker", "Leder", EmployerKind.MUNICIPALITY,
                "Testkommune", stem + str(org_no_check_digit(stem)), "Testkommune",
                Agreement.TARIFF, "ks",
            ),
            Vedtak(None, None, 20.0, date(2026, 1, 1), None),
            (
                Assistant(None, None, "Dagny Dag", "501", 50.0),
                Assistant(None, None, "Natan Natt", "502", 30.0),
            ),
        )
    )
    aid = arrangement.id
    day, night = sorted(workspace.people.list_assistants(aid), key=lambda a: a.employee_no)
    workspace.rota.save_shift_template(aid, ShiftTemplate("D", "Dag", "08:00", "16:00"))
    workspace.rota.save_shift_template(aid, ShiftTemplate("N", "Natt", "22:00", "08:00", "00:00", "06:00"))
    cells = {(day.id, 0, weekday): "D" for weekday in (0, 1, 2)}
    cells[(night.id, 0, 5)] = "N"
    workspace.rota.save_rota(aid, "Høst", 1, ROTA_START, ROTA_END, cells)
    return Setup(workspace, aid, day.id, night.id)
