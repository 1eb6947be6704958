"""Sample rota and timesheet data for the export tests and the export benchmark.

Built from plain core dataclasses, so the tests exercise the renderers exactly as the
Workspace glue will call them. Names carry æøå and Sámi letters on purpose.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bpa_desktop.core.model import Interval, PayLine, Shift, ShiftTemplate, TimesheetStatus
from bpa_desktop.export.rota_pdf import RotaAssistant, RotaDocument
from bpa_desktop.export.timesheet_pdf import TimesheetDocument, TimesheetRow

OSLO = ZoneInfo("Europe/Oslo")

TEMPLATES = (
    ShiftTemplate("D", "Dagvakt", "08:00", "16:00", colour="#4e79a7"),
    ShiftTemplate("K", "Kveldsvakt", "15:00", "23:00", colour="#f28e2b"),
    ShiftTemplate("N", "Nattevakt", "22:00", "08:00", "00:00", "06:00", colour="#59a14f"),
    ShiftTemplate("L", "Langvakt lørdag/søndag", "09:00", "21:00", colour="#e15759"),
)

ASSISTANTS = (
    RotaAssistant("a1", "Kari Nordmann"),
    RotaAssistant("a2", "Øystein Åsheim"),
    RotaAssistant("a3", "Ærlend Bø"),
    RotaAssistant("a4", "Máret Čeahci-Ŋuolja"),
)


def wall(day: date, hhmm: str) -> datetime:
    hour, minute = map(int, hhmm.split(":"))
    return datetime.combine(day, time(hour, minute), tzinfo=OSLO)


def shift_from_template(assistant: str, day: date, template: ShiftTemplate, shift_id: str) -> Shift:
    """Wall-clock template times on `day`; an end at or before the start is the next day."""
    start = wall(day, template.start)
    end_day = day + timedelta(days=1) if template.end <= template.start else day
    end = wall(end_day, template.end)
    passive: tuple[Interval, ...] = ()
    if template.passive_start and template.passive_end:
        p_day = day + timedelta(days=1) if template.passive_start < template.start else day
        p_start = wall(p_day, template.passive_start)
        p_end_day = p_day + timedelta(days=1) if template.passive_end <= template.passive_start else p_day
        passive = (Interval(p_start, wall(p_end_day, template.passive_end)),)
    return Shift(assistant, start, end, passive, id=shift_id, code=template.code)


def rota_shifts(start: date, weeks: int, assistants=ASSISTANTS) -> list[Shift]:
    """Each assistant works a rolling D, K, N pattern on weekdays and L on some weekends."""
    by_code = {t.code: t for t in TEMPLATES}
    shifts = []
    for offset in range(weeks * 7):
        day = start + timedelta(days=offset)
        for index, assistant in enumerate(assistants):
            if (offset + index) % 4 == 3:
                continue  # a day off
            code = "L" if day.weekday() >= 5 else "DKN"[(offset + index) % 3]
            shifts.append(shift_from_template(assistant.id, day, by_code[code], f"s-{assistant.id}-{day:%Y%m%d}"))
    return shifts


def rota_document(start: date = date(2026, 3, 2), weeks: int = 8, assistants=ASSISTANTS) -> RotaDocument:
    return RotaDocument(
        arrangement_name="Ordningen til Åse",
        rota_name="Vår 2026",
        version=3,
        period_start=start,
        period_end=start + timedelta(days=weeks * 7 - 1),
        assistants=assistants,
        templates=TEMPLATES,
        shifts=rota_shifts(start, weeks, assistants),
        printed=date(2026, 2, 20),
    )


def timesheet_rows(period_start: date, count: int = 20) -> list[TimesheetRow]:
    """`count` worked days spread over the month, with a night, a weekend day and an absence."""
    rows = []
    day = period_start
    while len(rows) < count:
        if day.weekday() == 6 and len(rows) % 5 == 0:
            rows.append(TimesheetRow(day, None, None, 0.0, 0.0, {}, "egenmelding", "Sykt barn hjemme"))
        elif day.weekday() == 4:
            rows.append(
                TimesheetRow(day, time(22, 0), time(8, 0), 6.0, 10.0,
                             {"evening": 0.0, "night": 8.0, "saturday": 8.0}, "", "")
            )
        else:
            saturday = 7.5 if day.weekday() == 5 else 0.0
            sunday = 7.5 if day.weekday() == 6 else 0.0
            rows.append(
                TimesheetRow(day, time(8, 0), time(15, 30), 0.0, 7.5,
                             {"saturday": saturday, "sunday": sunday}, "", "Tur på Bygdøy" if day.day == 17 else "")
            )
        day += timedelta(days=1)
    return rows


def pay_lines_for(rows: list[TimesheetRow], assistant: str = "a1") -> list[PayLine]:
    hours = sum(r.hours for r in rows)
    night = sum(r.windows.get("night", 0.0) for r in rows)
    weekend = sum(r.windows.get("saturday", 0.0) + r.windows.get("sunday", 0.0) for r in rows)
    return [
        PayLine(assistant, "1010", "ordinary", "Timelønn", hours, 245.5),
        PayLine(assistant, "1210", "evening-night", "Kvelds- og nattillegg", night, 58.0),
        PayLine(assistant, "1220", "weekend", "Lørdags- og søndagstillegg", weekend, 55.0),
    ]


def timesheet_document(period_start: date = date(2026, 3, 1), **changes) -> TimesheetDocument:
    period_end = (period_start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    rows = timesheet_rows(period_start)
    values = dict(
        arrangement_name="Ordningen til Åse",
        assistant_name="Øystein Åsheim",
        employee_no="1042",
        period_start=period_start,
        period_end=period_end,
        status=TimesheetStatus.ATTESTED,
        version=1,
        rows=rows,
        pay_lines=pay_lines_for(rows),
        printed=date(2026, 4, 2),
    )
    values.update(changes)
    return TimesheetDocument(**values)
