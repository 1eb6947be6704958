"""A small arrangement with a two-week rota over the autumn DST change of 2026 (for
tests/rota; the ``setup`` fixture in conftest.py builds it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bpa_desktop.core.model import (
    Agreement,
    Arrangement,
    ArrangementSetup,
    Assistant,
    AssistantKind,
    EmployerKind,
    ShiftTemplate,
    Vedtak,
)

START, END = date(2026, 10, 12), date(2026, 11, 8)  # four weeks, 25 October inside
TEMPLATES = (
    ShiftTemplate("D", "Dagvakt", "07:00", "15:00", colour="#59a14f"),
    ShiftTemplate("A", "Kveldsvakt", "15:00", "23:00", colour="#f28e2b"),
    ShiftTemplate("N", "Nattevakt", "23:00", "07:00", "23:00", "07:00", "#4e79a7"),
)


@dataclass
class Setup:
    ws: object
    arrangement_id: int
    ids: dict[str, int]  # employee number -> assistant id

    def cells(self):
        """Every day: 101 and 102 share the day (D) and evening (A), 103 has the passive
        night (N), so 07:00-07:00 is covered."""
        cells = {}
        for week in range(2):
            for weekday in range(7):
                first, second = ("101", "102") if (week + weekday) % 2 == 0 else ("102", "101")
                cells[(self.ids[first], week, weekday)] = "D"
                cells[(self.ids[second], week, weekday)] = "A"
                cells[(self.ids["103"], week, weekday)] = "N"
        return cells

    def save(self, cells=None, name="Høstturnus"):
        return self.ws.rota.save_rota(self.arrangement_id, name, 2, START, END, cells or self.cells())

    def planned(self, start=START, end=END):
        return self.ws.rota.list_planned_shifts(self.arrangement_id, start, end)


def make_setup(ws) -> Setup:
    arrangement = ws.people.create_arrangement(
        ArrangementSetup(
            Arrangement(
                None, "Testordning", "Mottaker Test", "Leder Test", EmployerKind.MUNICIPALITY,
                "Testvik kommune", "974760673", "Testvik", Agreement.TARIFF, "ks",
            ),
            Vedtak(None, None, 112.0, date(2026, 1, 1), date(2026, 12, 31), reference="2026/1"),
            (
                Assistant(None, None, "Kari Nordmann", "101", 100.0),
                Assistant(None, None, "Per Hansen", "102", 100.0),
                Assistant(None, None, "Ola Berg", "103", 100.0),
                Assistant(None, None, "Vera Vikar", "104", 20.0, AssistantKind.SUBSTITUTE),
            ),
        )
    )
    for template in TEMPLATES:
        ws.rota.save_shift_template(arrangement.id, template)
    ids = {a.employee_no: a.id for a in ws.people.list_assistants(arrangement.id)}
    return Setup(ws, arrangement.id, ids)

