"""Sample rota and timesheet data for the export tests and the export benchmark.

Built from plain core dataclasses, so the tests exercise the renderers exactly as the
Workspace glue will call them. Names carry æøå and Sámi letters on purpose.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dataclasses import replace

from bpa_desktop.core.model import Absence, AbsenceKind, Interval, Shift, ShiftTemplate, TimesheetStatus
from bpa_desktop.export.rota_pdf import RotaAssistant, RotaDocument
from bpa_desktop.export.timesheet_pdf import TimesheetDocument

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


ASSISTANT_ID = 7
RATES = {"ordinary": 245.5, "evening-night": 58.0, "weekend": 55.0, "holiday": 327.3, "sick": 245.5}


def month_shifts(period_start: date, period_end: date, assistant: str = str(ASSISTANT_ID)) -> list[Shift]:
    """A month of one assistant's planned shifts: D on weekdays, N on Fridays, L on some
    weekends, a day off now and then."""
    by_code = {t.code: t for t in TEMPLATES}
    shifts, day = [], period_start
    while day <= period_end:
        if day.day % 4 != 3:
            code = "N" if day.weekday() == 4 else "L" if day.weekday() >= 5 else "D"
            shifts.append(shift_from_template(assistant, day, by_code[code], f"p{day:%Y%m%d}"))
        day += timedelta(days=1)
    return shifts


def sheet_detail(period_start: date = date(2026, 3, 1), *, shifts=None, worked=(), absences=None,
                 profile_name: str = "ks", rates=None, agreement: str = "aml"):
    """A timesheet detail computed by the engine, as the Workspace makes it: rows from the plan,
    the worked record and absences, each row's pay lines, and the pay lines they sum to."""
    from bpa_desktop.core.employer_period import employer_days
    from bpa_desktop.core.pay import load_profile
    from bpa_desktop.core.pay_period import pay_period
    from bpa_desktop.core.timesheet import TimesheetDetail, build_rows
    from bpa_desktop.core.timesheet_pay import rows_pay, with_absence_pay

    period = pay_period(period_start)
    profile = load_profile(profile_name)
    shifts = month_shifts(period.start, period.end) if shifts is None else shifts
    if absences is None:
        sick_day = period.start + timedelta(days=9)
        absences = [Absence(1, ASSISTANT_ID, AbsenceKind.SELF_CERTIFIED, sick_day, sick_day + timedelta(days=1))]
    rows = build_rows(period, shifts, list(worked), [], absences, settled_plan_ids={r.planned.id for r in worked if r.planned})
    rows = with_absence_pay(rows, absences, profile.absence, employer_days(absences))
    pay = rows_pay(rows, profile, RATES if rates is None else rates, agreement=agreement)
    return TimesheetDetail(ASSISTANT_ID, period, pay.rows, tuple(absences), pay.lines, overtime=pay.overtime), profile


def timesheet_document(period_start: date = date(2026, 3, 1), *, detail=None, profile=None, **changes) -> TimesheetDocument:
    from bpa_desktop.core.model import Arrangement, Assistant, EmployerKind
    from bpa_desktop.export.timesheet_export import SheetContext, timesheet_document as document_of

    if detail is None:
        detail, profile = sheet_detail(period_start)
    arrangement = Arrangement(1, "Ordningen til Åse", "Åse Ås", "Ingrid Ås", EmployerKind.MUNICIPALITY,
                              "Åsen kommune", "937465182", "Åsen")
    assistant = Assistant(ASSISTANT_ID, 1, "Øystein Åsheim", "1042", 60.0)
    context = SheetContext({ASSISTANT_ID: "Øystein Åsheim", 8: "Máret Čeahci"}, vedtak_reference="2025/0342-2")
    document = document_of(detail, arrangement, assistant, date(2026, 4, 2), profile, context)
    values = dict(status=TimesheetStatus.ATTESTED,
                  attested_at=datetime(2026, 4, 1, 9, 14, tzinfo=OSLO), attested_by="arbeidsleder")
    values.update(changes)
    return replace(document, **values)
