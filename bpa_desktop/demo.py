"""The demo arrangement (``bpa demo``, ``bpa-desktop --demo``): realistic and always current.

Every date is relative to ``today``, so the demo always shows a year in progress: worked
history from 1 January (``history_start``) and the rest of the vedtak as plan. All people
and organisations are fictional.

- A two-year vedtak of 70 h/week from 1 January; the 62 h/week one before it ended on
  31 December. The hour account is per calendar year and unused hours do not carry over
  (docs/domain.md), so with records from 1 January it needs no start balance.
- Four permanent assistants (70, 60, 50, 40 %) and one vikar; a 4-week rota of exactly
  70 h/week made by the planner (``PLANNED_ROTA``, from ``tools/make_demo_rota.py``): a day
  shift every day, an evening on Fridays, a passive night on Saturdays, no error under the
  tariff preset from whatever Monday it starts, every handover with at least 11 hours' rest.
- A weekly need pattern (with one uncovered evening a week) and approvals of the rota: the
  employer and the union representative approved it, one assistant has only seen it.
- Worked history = the planned shifts with deviations: a two-week sykmelding and a two-day
  egenmelding covered by the vikar, one swap, one extra evening, a few shifts that ran late,
  a weekend nobody worked (the recipient was away): the year ends a little under the grant.
- Timesheets: every past pay period is attested (one was corrected and attested again as
  version 2); the current period is a draft, confirmed by the first assistant up to yesterday. The pay
  settings have numeric lønnsart codes and 2026 rates, so payroll files can be exported.
Random choices use a fixed seed, so the same ``today`` always gives the same database.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from bpa_desktop.core import calendar as cal
from bpa_desktop.core.model import (
    Absence,
    AbsenceKind,
    Agreement,
    ApprovalRole,
    Arrangement,
    ArrangementSetup,
    Assistant,
    AssistantKind,
    EmployerKind,
    NeedBlock,
    RotaApproval,
    Shift,
    ShiftTemplate,
    Vedtak,
)
from bpa_desktop.core.pay_period import pay_period, periods_between
from bpa_desktop.core.pay_settings import PaySettings
from bpa_desktop.core.timesheet_lifecycle import can_confirm
from bpa_desktop.core.rota import (
    Cancel,
    ChangeTimes,
    ExtraShift,
    Override,
    Substitute,
    Swap,
    apply_overrides,
    template_shift,
)
from bpa_desktop.i18n import t
from bpa_desktop.validation import org_no_check_digit
from bpa_desktop.workspace import WorkedEntry, Workspace

SEED = 20260611
ORG_NO_STEM = "93746518"  # fictional; the check digit is computed

TEMPLATES = (
    ShiftTemplate("D", "Dagvakt", "08:00", "15:30", colour="#59a14f"),
    ShiftTemplate("A", "Kveldsvakt", "15:00", "22:30", colour="#f28e2b"),
    ShiftTemplate("N", "Nattevakt (hvilende)", "22:00", "08:00", "23:00", "07:00", "#4e79a7"),
)

# (name, employee number, employment %, colour); the first four are in the rota.
PERMANENT = (
    ("Sara Nilsen", "10234", 70.0, "#e15759"),
    ("Amir Karimi", "10251", 60.0, "#76b7b2"),
    ("Linnea Strand", "10277", 50.0, "#edc948"),
    ("Jørgen Dahl", "10302", 40.0, "#b07aa1"),
)
SUBSTITUTE = ("Hanne Øverby", "10318", 20.0, "#9c755f")

# The 4-week rotas, one line per assistant (PERMANENT's order, then the vikar), 28 days from
# a Monday, "." = free. Made by the planner (tools/make_demo_rota.py) for PLANNED_NEED under
# the tariff preset; the demo takes the first that, in one of its four rotations, gives no
# error from its own first day (tests/workspace/test_demo_rota.py checks them again).
PLANNED_ROTAS: tuple[tuple[str, ...], ...] = (
    (
        "DD..D...DDDA..D.D.AN.D.DDD..",  # Sara Nilsen
        "..DDAN.D...D...D.DD...D..A..",  # Amir Karimi
        "............DD............N.",  # Linnea Strand
        ".....DD............DD.......",  # Jørgen Dahl
        "............N.............DD",  # Hanne Øverby (vikar)
    ),
)
ROTA_CHECK_WEEKS = 105  # what the demo rolls out: from 1 January's week to the vedtak's end
# In a year's first 14 weeks the history starts a year earlier: there are always attested
# months, the sick period three months back and the other deviations (up to 97 days) to show.
MIN_HISTORY_DAYS = 98
FRIDAY, SATURDAY, SUNDAY = 4, 5, 6


def rota_cells(assistant_ids: list[int], lines: tuple[str, ...]) -> dict[tuple[int, int, int], str]:
    """A stored pattern for the assistants' database ids."""
    return {
        (assistant_ids[row], day // 7, day % 7): code
        for row, line in enumerate(lines)
        for day, code in enumerate(line)
        if code != "."
    }


def rotated(lines: tuple[str, ...], weeks: int) -> tuple[str, ...]:
    """The same cycle starting ``weeks`` weeks later."""
    return tuple(line[7 * weeks:] + line[:7 * weeks] for line in lines)


def choose_rota(start: date, end: date, rotas=None) -> tuple[str, ...] | None:
    """The first stored pattern, in the first of its rotations, that has no error and
    covers PLANNED_NEED when rolled out over start..end (None: none does)."""
    from bpa_desktop.planner.verify import Assignment, judge

    problem = rota_problem(start, end)
    for lines in PLANNED_ROTAS if rotas is None else rotas:
        for weeks in range(4):
            candidate = rotated(lines, weeks)
            cells = {(str(row), day // 7, day % 7): code for row, line in enumerate(candidate)
                     for day, code in enumerate(line) if code != "."}
            verdict = judge(problem, Assignment(cells))
            if verdict.legal:
                return candidate
    return None


def rota_problem(start: date, end: date, band=None):
    """The planning problem the demo's rota answers: its templates, PLANNED_NEED, the four
    permanent assistants and the vikar (ids "0".."4"), the tariff preset and 70 h a week,
    over start..end. (Four alone cannot have every other Sunday free: the Saturday night and
    the Sunday day need two people every weekend.)"""
    from bpa_desktop.planner.problem import ContractBand, PlanAssistant, PlanProblem

    return PlanProblem(
        templates=TEMPLATES,
        need=PLANNED_NEED,
        assistants=tuple(PlanAssistant(str(i), name, percent, kind)
                         for i, ((name, _, percent, _), kind) in enumerate(
                             [(p, AssistantKind.PERMANENT) for p in PERMANENT]
                             + [(SUBSTITUTE, AssistantKind.SUBSTITUTE)])),
        start=start,
        end=end,
        weeks=4,
        agreement=Agreement.TARIFF,
        vedtak=(Vedtak(None, None, 70.0, start - timedelta(days=366), end + timedelta(days=366)),),
        band=band or ContractBand(),
    )


def history_start(today: date) -> date:
    """The first day of the worked history and of the 70 h vedtak: 1 January of today's year
    (of the year before in the year's first MIN_HISTORY_DAYS days)."""
    first = date(today.year, 1, 1)
    return first if (today - first).days >= MIN_HISTORY_DAYS else date(today.year - 1, 1, 1)


def demo_period(today: date) -> tuple[date, date]:
    """The rota's period: from the Monday of the history's first week (a rota cycle starts on
    a Monday) to the end of the two-year vedtak."""
    start = history_start(today)
    return cal.iso_monday(start), date(start.year + 1, 12, 31)


def months_before(day: date, months: int) -> date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    for day_of_month in range(day.day, 0, -1):
        try:
            return date(year, month + 1, day_of_month)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def build_demo(path: Path, today: date | None = None) -> int:
    """Create the demo arrangement as a new database at ``path`` (replacing a file there);
    return its id. It is built in a temporary file beside ``path`` and moved into place
    when complete, so a full disk leaves no half-built demo and an old file as it was."""
    from bpa_desktop.storage.migrate import create_filled

    return create_filled(Path(path), lambda temp: _fill_demo(temp, today))


def _fill_demo(path: Path, today: date | None) -> int:
    today = today or date.today()
    rng = random.Random(SEED)
    change = history_start(today)  # the 70 h vedtak begins with the history
    rota_start, vedtak_end = demo_period(today)

    with Workspace.open(path, actor="system") as ws:
        arrangement = ws.people.create_arrangement(
            ArrangementSetup(
                Arrangement(
                    id=None,
                    name="Emils ordning",
                    recipient_name="Emil Haugland",
                    leader_name="Ingrid Haugland",
                    employer_kind=EmployerKind.MUNICIPALITY,
                    employer_name="Lindvik kommune",
                    employer_org_no=ORG_NO_STEM + str(org_no_check_digit(ORG_NO_STEM)),
                    municipality="Lindvik",
                    agreement=Agreement.TARIFF,
                    pay_profile="ks",
                ),
                Vedtak(
                    None, None, 62.0, months_before(change, 24), None,
                    reference=f"{change.year - 3}/1187-4", services="Praktisk bistand, egenomsorg",
                ),
                tuple(
                    Assistant(
                        None, None, name, number, percent, AssistantKind.PERMANENT,
                        start_date=months_before(change, 30 - 6 * index), colour=colour,
                    )
                    for index, (name, number, percent, colour) in enumerate(PERMANENT)
                )
                + (
                    Assistant(
                        None, None, SUBSTITUTE[0], SUBSTITUTE[1], SUBSTITUTE[2],
                        AssistantKind.SUBSTITUTE, start_date=months_before(change, 12),
                        colour=SUBSTITUTE[3],
                    ),
                ),
            )
        )
        arrangement_id = arrangement.id
        ws.vedtak.add_vedtak(  # ends the 62 h vedtak the day before: history is kept
            Vedtak(
                None, arrangement_id, 70.0, change, vedtak_end,
                reference=f"{change.year - 1}/0342-2", services="Praktisk bistand, egenomsorg, fritid",
            )
        )
        templates = {t.code: ws.rota.save_shift_template(arrangement_id, t) for t in TEMPLATES}
        by_number = {a.employee_no: a for a in ws.people.list_assistants(arrangement_id)}
        permanent_ids = [by_number[number].id for _, number, _, _ in PERMANENT]
        substitute_id = by_number[SUBSTITUTE[1]].id
        lines = choose_rota(rota_start, vedtak_end) or PLANNED_ROTAS[0]
        ws.rota.save_rota(
            arrangement_id, "Turnus 4 uker", 4, rota_start, vedtak_end,
            rota_cells(permanent_ids + [substitute_id], lines),
        )
        if rota_start < change:  # last year's days of the first week: before the records begin
            ws.rota.replace_planned_shifts(arrangement_id, rota_start, change - timedelta(days=1), [],
                                           "Timelistene i appen begynner 1. januar")
        add_need_and_approvals(ws, arrangement_id, rota_start, permanent_ids)

        planned = ws.rota.list_planned_shifts(arrangement_id, change, today - timedelta(days=1))
        overrides, absences = deviations(
            planned, templates, permanent_ids, substitute_id, today, rng
        )
        for absence in absences:
            ws.timesheets.add_absence(absence)
        reasons = {_target(o): o.reason for o in overrides}
        worked = apply_overrides(planned, overrides)
        for cancel in (o for o in overrides if isinstance(o, Cancel)):  # registered as not worked
            ws.timesheets.cancel_planned_shift(arrangement_id, cancel.shift_id, cancel.reason)
        ws.timesheets.record_worked_shifts(
            arrangement_id,
            [
                WorkedEntry(
                    shift,
                    reason=reasons.get(shift.id, ""),
                    planned_shift_id=int(shift.id[1:]) if shift.id.startswith("p") else None,
                )
                for shift in worked
            ],
        )
        ws.timesheets.update_pay_settings(PaySettings(arrangement_id, **PAY_SETTINGS_VALUES))
        attest_history(ws, arrangement_id, today)
    return arrangement_id


# The employer's own lønnsart numbers (Visma Lønn needs whole numbers) and 2026 rates.
PAY_SETTINGS_VALUES = dict(
    period_start_day=1,
    hourly_rate=245.0,
    social_cost_percent=26.6,  # arbeidsgiveravgift 14.1 % + feriepenger 12 % + a little pension
    codes={
        "ordinary": "1000", "passive": "1010", "evening-night": "2010", "weekend": "2020",
        "holiday": "2030", "overtime-50": "3050", "overtime-100": "3100",
        "sick": "1500", "sick-evening-night": "1510", "sick-weekend": "1520", "sick-holiday": "1530",
    },
    rates={"evening-night": 60.0, "weekend": 65.0, "holiday": 326.7, "overtime-50": 367.5,
           "overtime-100": 490.0, "sick": 245.0, "sick-evening-night": 60.0, "sick-weekend": 65.0,
           "sick-holiday": 326.7},
)

def attest_history(ws: Workspace, arrangement_id: int, today: date) -> None:
    """Every past pay period with work is attested; one of them (two periods back, the
    first assistant) was corrected afterwards and attested again. The current period is a
    draft for everyone, confirmed by the first assistant."""
    paper = t("participants.confirmed_on_paper")  # the assistants signed their months on paper
    current = ws.timesheets.pay_period_for(arrangement_id, today)
    assistants = ws.people.list_assistants(arrangement_id)
    first_day = min(s.start.date() for s in ws.rota.list_planned_shifts(arrangement_id, date(1900, 1, 1), today))
    periods = periods_between(first_day, current.start - timedelta(days=1))
    start_day = ws.timesheets.pay_settings(arrangement_id).period_start_day
    with_work = {
        (int(s.assistant), pay_period(s.start.astimezone(cal.OSLO).date(), start_day))
        for s in ws.timesheets.list_worked_shifts(arrangement_id, first_day, current.start - timedelta(days=1))
    }
    for period in periods:
        for assistant in assistants:
            if (assistant.id, period) in with_work:  # one transaction a sheet
                ws.timesheets.attest_period(assistant.id, period.start, today=today, unconfirmed_reason=paper)

    # A correction: the first assistant's first day shift two periods back ran an hour longer.
    sara = next(a for a in assistants if a.employee_no == PERMANENT[0][1])
    corrected = periods[-2] if len(periods) >= 2 else periods[-1]
    sheet = ws.timesheets.get_or_create_timesheet(sara.id, corrected.start)
    ws.timesheets.correct_timesheet(sheet.id, "Dagvakten varte en time lenger enn registrert")
    shift = next(
        s for s in ws.timesheets.list_worked_shifts(arrangement_id, corrected.start, corrected.end)
        if s.assistant == str(sara.id) and s.code == "D"
    )
    ws.timesheets.record_worked_shift(
        arrangement_id, replace(shift, end=shift.end + timedelta(hours=1)),
        "Ventet på avløser (korrigert)",
    )
    ws.timesheets.attest_timesheet(ws.timesheets.get_or_create_timesheet(sara.id, corrected.start).id, today=today,
                                   unconfirmed_reason=paper)

    for assistant in assistants:
        if assistant.kind is AssistantKind.PERMANENT:
            sheet = ws.timesheets.get_or_create_timesheet(assistant.id, current.start)
            if assistant.id == sara.id and can_confirm(sheet.status, current, today):
                ws.timesheets.confirm_timesheet(sheet.id, today=today)  # the days that are over


# The recipient's weekly need: the day every day, Friday evening, the Saturday night asleep
# (what the rota was planned for), and Wednesday's training evening, which came later and
# the rota does not cover yet (a gap to see in Turnus, and to fill with «Finn vikar»).
PLANNED_NEED = tuple(NeedBlock(day, "08:00", "15:30") for day in range(7)) + (
    NeedBlock(FRIDAY, "15:30", "22:30"),
    NeedBlock(SATURDAY, "23:00", "07:00", passive=True),
)
NEED = PLANNED_NEED + (NeedBlock(2, "17:00", "20:00"),)


def add_need_and_approvals(
    ws: Workspace, arrangement_id: int, rota_start: date, permanent_ids: list[int]
) -> None:
    """The need pattern, and who has seen and approved the rota: the employer and the union
    representative approved it two weeks before it started; one assistant has only seen it."""
    ws.rota.save_need_pattern(arrangement_id, NEED)
    rota_id = ws.rota.current_rota(arrangement_id).id
    sent = rota_start - timedelta(days=14)
    for approval in (
        RotaApproval(None, rota_id, ApprovalRole.EMPLOYER, "Lindvik kommune", sent, sent + timedelta(days=3)),
        RotaApproval(None, rota_id, ApprovalRole.UNION_REP, "Tillitsvalgt", sent, sent + timedelta(days=5)),
        RotaApproval(None, rota_id, ApprovalRole.ASSISTANT, "", sent + timedelta(days=1),
                     assistant_id=permanent_ids[0]),
    ):
        ws.rota.record_rota_approval(approval)


def _target(override: Override) -> str:
    if isinstance(override, Swap):
        return override.first_shift_id
    if isinstance(override, ExtraShift):
        return override.shift.id
    return override.shift_id


def deviations(
    planned: list[Shift],
    templates: dict[str, ShiftTemplate],
    permanent_ids: list[int],
    substitute_id: int,
    today: date,
    rng: random.Random,
) -> tuple[list[Override], list[Absence]]:
    """The overrides that turn the plan into what was worked, and the absences behind them."""
    sara, amir, linnea, jorgen = (str(i) for i in permanent_ids)
    vikar = str(substitute_id)
    day_of = {s.id: s.start.astimezone(cal.OSLO).date() for s in planned}
    codes_on = {}
    for s in planned:
        codes_on.setdefault((s.assistant, day_of[s.id]), set()).add(s.code)

    def free_for_day_shift(assistant: str, day: date) -> bool:
        """Nothing that day, and no evening or night the day before (11 h rest)."""
        before = codes_on.get((assistant, day - timedelta(days=1)), set())
        return (assistant, day) not in codes_on and not before & {"A", "N"}

    def free_around(assistant: str, day: date) -> bool:
        return all((assistant, day + timedelta(days=d)) not in codes_on for d in (-1, 0, 1))

    overrides: list[Override] = []
    absences: list[Absence] = []
    touched: set[str] = set()

    def cover(assistant: str, first: date, last: date, reason: str) -> None:
        """The vikar takes the absent one's shifts where she is free around the day (she has
        shifts of her own in the rota), else a colleague who is; else nobody does."""
        others = [vikar] + [a for a in (sara, amir, linnea, jorgen) if a != assistant]
        for s in planned:
            if s.assistant == assistant and first <= day_of[s.id] <= last:
                day = day_of[s.id]
                who = next((a for a in others if free_around(a, day)), None)
                if who is None:
                    continue
                overrides.append(Substitute(shift_id=s.id, assistant=who, reason=reason))
                touched.add(s.id)
                codes_on.setdefault((who, day), set()).add(s.code)

    # A two-week sykmelding about three months ago.
    sick_from = cal.iso_monday(today - timedelta(days=91))
    sick_to = sick_from + timedelta(days=13)
    absences.append(Absence(None, int(linnea), AbsenceKind.SICK_NOTE, sick_from, sick_to))
    cover(linnea, sick_from, sick_to, "Vikar for sykmeldt assistent")

    # A two-day egenmelding four to six weeks ago, starting on one of Amir's shift days.
    candidates = sorted(
        day_of[s.id]
        for s in planned
        if s.assistant == amir and today - timedelta(42) <= day_of[s.id] <= today - timedelta(28)
    )
    ill_from = rng.choice(candidates)
    ill_to = ill_from + timedelta(days=1)
    absences.append(Absence(None, int(amir), AbsenceKind.SELF_CERTIFIED, ill_from, ill_to))
    cover(amir, ill_from, ill_to, "Vikar ved egenmelding")

    # Sara and Amir swap two weekday day shifts about two months ago.
    def weekday_day_shifts(assistant: str, first: date, last: date, other: str) -> list[Shift]:
        return [
            s
            for s in planned
            if s.assistant == assistant
            and s.code == "D"
            and day_of[s.id].weekday() < FRIDAY
            and first <= day_of[s.id] <= last
            and s.id not in touched
            and free_for_day_shift(other, day_of[s.id])
        ]

    mine = weekday_day_shifts(sara, today - timedelta(70), today - timedelta(42), amir)[0]
    theirs = weekday_day_shifts(
        amir, day_of[mine.id] + timedelta(1), day_of[mine.id] + timedelta(21), sara
    )[0]
    overrides.append(
        Swap(first_shift_id=mine.id, second_shift_id=theirs.id, reason="Byttet vakt etter avtale")
    )
    touched.update((mine.id, theirs.id))

    # An extra evening for Jørgen about six weeks ago, on a day nobody has an evening.
    evening_days = {day_of[s.id] for s in planned if s.code == "A"}
    extra_day = next(
        today - timedelta(days=d)
        for d in range(42, 70)
        if (today - timedelta(days=d)).weekday() == 2
        and free_around(jorgen, today - timedelta(days=d))
        and today - timedelta(days=d) not in evening_days
    )
    extra = template_shift(templates["A"], jorgen, extra_day)
    overrides.append(ExtraShift(shift=extra, reason="Ekstra kveldsvakt: familieselskap"))

    # A few day shifts that ran half an hour late (handover waited).
    late = rng.sample(
        [s for s in planned if s.code == "D" and s.id not in touched and day_of[s.id].weekday() < FRIDAY],
        3,
    )
    for s in late:
        overrides.append(
            ChangeTimes(
                shift_id=s.id, start=s.start, end=s.end + timedelta(minutes=30),
                reason="Ble 30 minutter lenger",
            )
        )

    # Emil was away with his family for a weekend three to four weeks ago: from the Saturday
    # day to the Sunday day nobody worked (so the year lands a little under the grant).
    away = [today - timedelta(days=d) for d in range(22, 29)]
    saturday = next(day for day in away if day.weekday() == SATURDAY)
    for s in planned:
        if s.id not in touched and saturday <= day_of[s.id] <= saturday + timedelta(days=1):
            overrides.append(Cancel(shift_id=s.id, reason="Emil var bortreist med familien"))
    return overrides, absences
