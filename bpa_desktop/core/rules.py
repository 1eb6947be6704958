"""Working-time rules (``bpa check``): shifts in, findings out.

Rule ids, severities and windows follow DOMAIN.md (contract). Conventions:

* Time is elapsed time on POSIX timestamps; "day" is the local (Europe/Oslo) calendar day a
  shift starts on and "week" the ISO week it starts in; a shift's hours all count there.
  Passive time counts as working time (gross length).
* The rest windows (24 h, 7 x 24 h) start at the start of each work period (a run of
  overlapping or touching shifts). Free time before the first shift of an assistant is not
  counted; free time after the last one is.
* Each limit has the law default (``aml``) and the preset's limit. Above the law default but
  within the preset -> ``warning``; beyond the preset -> ``error`` (``PRESETS`` below).
* One finding per breach. Rolling-window rules (average hours, overtime over 4 and 52 weeks,
  Sunday work over 26 weeks, night work over 4 weeks, weekly rest) report one finding per run
  of overlapping failing windows, spanning the run, with the worst figure in the message.
* Findings are sorted by assistant, start, end, rule, so the order of the input never matters.

Interpretations worth knowing:

* ``overtime`` counts the hours above normal time that ``core.normal_time`` finds (the same
  computation pays them): under ``aml`` above 9 h on a day plus what the week then still has
  above 40 h; under a preset that averages, only what the averaging window (8 weeks for
  ``individual``, 26 for the others, counted from ``averaging_start``) has above 40 h a week,
  spread over the window's weeks; a shift marked ``kind: overtime`` counts whole. The
  preset's limits apply per week, 4 and 52 weeks (``relief`` has the Act's).
* ``sunday-work``: a Sunday/holiday unit is a run of consecutive Sundays and holidays (their
  windows touch: 25-26 Dec, Easter and Whit Sunday-Monday, a Sunday before 17 May); its
  window runs from 18:00 the day before (15:00 on Christmas, Easter and Whitsun Eve) to 22:00
  on its last day. Any work in the window counts. With a written agreement (every preset but
  ``aml``) working two in a row is a warning, and it is an error to work more than every other
  one (more than ceil(n/2) of the n units in any 26 weeks) or to work four in a row (among any
  4 consecutive units at least one must be free).
* ``night-work`` is "regular" when at least 4 days in 4 weeks have work in the night window;
  it warns when those days average more than 8 h.
* ``contract-hours``: the assistant's average weekly hours over the ISO weeks the input spans
  against ``employment_percent`` x ``full_time_hours``: 37.5 h, or 40 when the employer says so.
* ``vedtak-hours``: the arrangement's hours in a calendar year (all assistants, passive 1:1)
  against the year's grant; hours may be spent flexibly within the year, so the warning comes
  when the year's total runs past the grant. Its finding has ``assistant`` "".

Incremental use: the planner calls ``check_window(shifts, first_day, last_day, ...)`` after an
edit. It checks only the shifts within ``context_days`` of the edited days and returns the
findings that touch them. The local rules (overlap, rests, day and week hours, weekly overtime
under ``aml``, two Sundays in a row) are exact there; the long-window rules see only the slice, so they can
miss a breach but never invent one; ``contract-hours`` and ``vedtak-hours`` are left to the full
``check`` (run it on save or when idle).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from bpa_desktop.core import calendar as cal
from bpa_desktop.core import normal_time as nt
from bpa_desktop.core import overtime_text
from bpa_desktop.core import windows as win
from bpa_desktop.core.budget import granted_hours
from bpa_desktop.core.model import Agreement, Shift, Vedtak

HOUR = 3600.0
DAY = 24 * HOUR
WEEK = 7 * DAY

RULE_IDS = (
    "overlap",
    "daily-rest",
    "weekly-rest",
    "daily-hours",
    "weekly-hours",
    "average-hours",
    "overtime",
    "sunday-work",
    "night-work",
    "contract-hours",
    "vedtak-hours",
)

#: Rules that ``check_window`` runs by default (see the module doc).
WINDOW_RULES = tuple(r for r in RULE_IDS if r not in ("contract-hours", "vedtak-hours"))


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str  # "error" | "warning"
    assistant: str
    start: datetime
    end: datetime
    message: str
    reference: str

    def to_json(self) -> dict:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "assistant": self.assistant or None,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "message": self.message,
            "reference": self.reference,
        }


@dataclass(frozen=True)
class Limits:
    """What an agreement preset allows. Law defaults are in ``LAW``."""

    basis: str  # the preset's legal basis, cited in references
    label: str  # what messages call it ("tariffavtalen")
    daily_rest: float = 11.0  # less continuous rest in 24 h is an error
    weekly_rest: float = 35.0
    daily_hours: float = 13.0  # more on one day is an error
    weekly_hours: float = 48.0
    average_hours: float = 48.0  # per week over 8 weeks
    overtime: tuple[float, float, float] = (10.0, 25.0, 200.0)  # week / 4 weeks / 52 weeks
    night_start: str = "21:00"
    sunday_agreement: bool = True  # a written agreement on Sunday work
    long_shift: float | None = None  # relief: a shift longer than this needs as much rest around it


@dataclass(frozen=True)
class _Law:
    daily_rest: float = 11.0
    weekly_rest: float = 35.0
    daily_hours_normal: float = 9.0
    daily_hours: float = 13.0
    weekly_hours_normal: float = 40.0
    weekly_hours: float = 48.0
    average_hours: float = 48.0
    overtime: tuple[float, float, float] = (10.0, 25.0, 200.0)
    night_hours: float = 8.0
    regular_night_days: int = 4


LAW = _Law()

#: A full-time week: 37.5 h unless the arrangement's employer says 40 (DOMAIN.md).
FULL_TIME_HOURS = (37.5, 40.0)

PRESETS: dict[Agreement, Limits] = {
    Agreement.AML: Limits(basis="arbeidsmiljøloven", label="loven", sunday_agreement=False),
    Agreement.INDIVIDUAL: Limits(
        basis="aml § 10-5 (1) (skriftlig individuell avtale)",
        label="den individuelle avtalen",
        daily_hours=10.0,
        weekly_hours=50.0,
    ),
    Agreement.TARIFF: Limits(
        basis="aml § 10-5 (2) og § 10-8 (3) (tariffavtale)",
        label="tariffavtalen",
        daily_rest=8.0,
        weekly_rest=28.0,
        daily_hours=12.5,
        weekly_hours=54.0,
        overtime=(20.0, 50.0, 300.0),
    ),
    Agreement.HOME_EMPLOYER: Limits(
        basis="forskrift om arbeidstid i arbeidsgivers hjem (2022)",
        label="forskriften om arbeid i arbeidsgivers hjem",
        daily_hours=10.0,
        weekly_hours=50.0,
        night_start="23:00",
    ),
    Agreement.RELIEF: Limits(
        basis="forskrift om arbeidstid for avlastere",
        label="avlasterforskriften",
        daily_rest=0.0,  # replaced by the long-shift rule
        daily_hours=56.0,
        weekly_hours=88.0,
        average_hours=60.0,
        long_shift=16.0,
    ),
}

# --- Norwegian wording --------------------------------------------------------------------

_MONTHS = (
    "januar", "februar", "mars", "april", "mai", "juni",
    "juli", "august", "september", "oktober", "november", "desember",
)
_WEEKDAY_NAMES = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")


def fmt_hours(hours: float) -> str:
    """9 -> "9", 9.5 -> "9,5", 8.25 -> "8,25" (Norwegian decimal comma)."""
    text = f"{round(hours, 2):.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def fmt_date(day: date, year: bool = False) -> str:
    text = f"{day.day}. {_MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if year else text


def fmt_dates(first: date, second: date) -> str:
    """"2. og 3. mars", "28. februar og 1. mars"."""
    if first.month == second.month and first.year == second.year:
        return f"{first.day}. og {fmt_date(second)}"
    return f"{fmt_date(first)} og {fmt_date(second)}"


def fmt_range(first: date, last: date) -> str:
    """"2.–15. mars", "28. februar–3. mars", or one date."""
    if first == last:
        return fmt_date(first)
    if first.month == last.month and first.year == last.year:
        return f"{first.day}.–{fmt_date(last)}"
    return f"{fmt_date(first)}–{fmt_date(last)}"


def _local(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, cal.OSLO)


def _day(ts: float) -> date:
    return _local(ts).date()


def _clock(ts: float) -> str:
    return _local(ts).strftime("%H:%M")


# --- per-assistant facts ------------------------------------------------------------------


@dataclass
class _Person:
    id: str
    name: str
    starts: list[float]  # shifts sorted by start
    ends: list[float]
    days: list[date]  # local start day of each shift
    clocks: list[float]  # local wall-clock seconds since midnight at each start
    blocks: list[tuple[float, float]]  # merged work periods
    marked: list[bool]  # the shift is marked kind: overtime
    _by_day: dict | None = None
    _by_week: dict | None = None

    @property
    def by_day(self) -> dict[date, tuple[float, float, float]]:
        """Hours, first start and last end per start day."""
        if self._by_day is None:
            self._by_day = _group_hours(self, lambda d: d)
        return self._by_day

    @property
    def by_week(self) -> dict[date, tuple[float, float, float]]:
        """Hours, first start and last end per ISO week (keyed by its Monday)."""
        if self._by_week is None:
            weeks: dict = {}
            for day, (hours, first, last) in self.by_day.items():
                monday = day - timedelta(days=day.weekday())
                w_hours, w_first, w_last = weeks.get(monday, (0.0, first, last))
                weeks[monday] = (w_hours + hours, min(w_first, first), max(w_last, last))
            self._by_week = weeks
        return self._by_week


def _people(shifts: Sequence[Shift], names: Mapping[str, str]) -> list[_Person]:
    rows: dict[str, list[tuple[float, float, bool]]] = {}
    for shift in shifts:
        rows.setdefault(shift.assistant, []).append(
            (shift.start.timestamp(), shift.end.timestamp(), nt.is_marked(shift))
        )
    people = []
    for assistant in sorted(rows):
        spans = sorted(rows[assistant])
        local = [_local(s) for s, _, _ in spans]
        people.append(
            _Person(
                id=assistant,
                name=names.get(assistant, assistant),
                starts=[s for s, _, _ in spans],
                ends=[e for _, e, _ in spans],
                days=[t.date() for t in local],
                clocks=[t.hour * HOUR + t.minute * 60 + t.second for t in local],
                blocks=win.merge((s, e) for s, e, _ in spans),
                marked=[m for _, _, m in spans],
            )
        )
    return people


class _Collector:
    """Builds findings; severity from a value against the law default and the preset limit."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []

    def add(self, rule, severity, person_id, start, end, message, reference) -> None:
        self.findings.append(
            Finding(rule, severity, person_id, _local(start), _local(end), message, reference)
        )


def _severity_above(value: float, law: float, preset: float) -> str | None:
    """Severity of ``value`` for a maximum: None within the law, warning within the preset."""
    eps = 1e-9
    if value <= law + eps:
        return None
    return "warning" if value <= preset + eps else "error"


def _severity_below(value: float, law: float, preset: float) -> str | None:
    """Severity of ``value`` for a minimum (rest)."""
    eps = 1e-9
    if value >= law - eps:
        return None
    return "warning" if value >= preset - eps else "error"


def _runs(items: list[tuple]) -> list[tuple]:
    """Merge overlapping (start, end, figure, *extra) windows into runs; keep the worst figure
    and what came with it.

    Callers pass windows sorted by start; "worst" is the largest figure (callers negate
    figures for minimums)."""
    runs: list[tuple] = []
    for item in items:
        start, end, figure = item[:3]
        if runs and start < runs[-1][1]:
            last = runs[-1]
            worst = item if figure > last[2] else last
            runs[-1] = (last[0], max(last[1], end), *worst[2:])
        else:
            runs.append(tuple(item))
    return runs


# --- the rules ----------------------------------------------------------------------------


def _overlap(person: _Person, limits: Limits, out: _Collector) -> None:
    latest = -math.inf
    for start, end in zip(person.starts, person.ends):
        if start < latest:
            overlap_end = min(end, latest)
            out.add(
                "overlap", "error", person.id, start, overlap_end,
                f"{person.name} står på to vakter samtidig {fmt_date(_day(start))} "
                f"kl. {_clock(start)}–{_clock(overlap_end)}",
                "arbeidsplanen (aml § 10-3): én vakt om gangen",
            )
        latest = max(latest, end)


def _longest_rest(blocks, index: int, length: float) -> tuple[float, float, bool]:
    """Longest free time in [start of block ``index``, + length): (rest, rest start, ended by
    the next block)."""
    window_end = blocks[index][0] + length
    best = (-1.0, blocks[index][1], False)
    j = index
    while True:
        free_from = blocks[j][1]
        if free_from >= window_end:
            break
        next_start = blocks[j + 1][0] if j + 1 < len(blocks) else math.inf
        rest = min(next_start, window_end) - free_from
        if rest > best[0]:
            best = (rest, free_from, next_start < window_end)
        if next_start >= window_end:
            break
        j += 1
    return (max(best[0], 0.0), best[1], best[2])


def _daily_rest(person: _Person, limits: Limits, out: _Collector) -> None:
    seen = set()
    blocks = person.blocks
    law_text = f"loven krever {fmt_hours(LAW.daily_rest)} t"
    for index, (start, _) in enumerate(blocks):
        rest, free_from, ended_by_shift = _longest_rest(blocks, index, DAY)
        severity = _severity_below(rest / HOUR, LAW.daily_rest, limits.daily_rest)
        if severity is None:
            continue
        rest_end = free_from + rest
        if (free_from, rest_end) in seen:
            continue
        seen.add((free_from, rest_end))
        if severity == "warning" and limits.long_shift is not None:
            rule_text = f"{law_text}; {limits.label} åpner for kortere hvile"
        elif severity == "warning":
            rule_text = (
                f"{law_text}; {limits.label} tillater ned til {fmt_hours(limits.daily_rest)} t "
                "mot kompenserende hvile"
            )
        else:
            rule_text = law_text if limits.daily_rest >= LAW.daily_rest else (
                f"{law_text}, og {limits.label} tillater ikke under {fmt_hours(limits.daily_rest)} t"
            )
        reference = "aml § 10-8 (1)" + ("" if severity == "error" and limits.daily_rest >= LAW.daily_rest else f"; {limits.basis}")
        if ended_by_shift:
            where = f"mellom vaktene {fmt_dates(_day(_block_start_of(blocks, free_from)), _day(rest_end))}"
            if _day(_block_start_of(blocks, free_from)) == _day(rest_end):
                where = f"mellom to vakter {fmt_date(_day(rest_end))}"
            message = f"{person.name} har {fmt_hours(rest / HOUR)} t hvile {where}; {rule_text}"
            out.add("daily-rest", severity, person.id, free_from, rest_end, message, reference)
        else:
            message = (
                f"{person.name} har bare {fmt_hours(rest / HOUR)} t sammenhengende hvile i døgnet "
                f"fra vakten {fmt_date(_day(start))} kl. {_clock(start)}; {rule_text}"
            )
            out.add("daily-rest", severity, person.id, start, start + DAY, message, reference)


def _block_start_of(blocks, block_end: float) -> float:
    """Start of the block that ends at ``block_end``."""
    index = bisect_left([b for _, b in blocks], block_end)
    return blocks[index][0]


def _long_shift_rest(person: _Person, limits: Limits, out: _Collector) -> None:
    """Relief regulation: a work period over 16 h needs 16 h off right before or after."""
    if limits.long_shift is None:
        return
    blocks = person.blocks
    need = limits.long_shift * HOUR
    for index, (start, end) in enumerate(blocks):
        if end - start <= need:
            continue
        before = start - blocks[index - 1][1] if index > 0 else 0.0  # before the input: unknown
        after = blocks[index + 1][0] - end if index + 1 < len(blocks) else math.inf
        if before >= need or after >= need:
            continue
        out.add(
            "daily-rest", "error", person.id, start, end,
            f"{person.name} har en vakt på {fmt_hours((end - start) / HOUR)} t "
            f"{fmt_date(_day(start))} uten {fmt_hours(limits.long_shift)} t fri rett før eller "
            f"etter (hvile før: {fmt_hours(before / HOUR)} t, etter: {fmt_hours(min(after, 9e9) / HOUR)} t)",
            limits.basis,
        )


def _weekly_rest(person: _Person, limits: Limits, out: _Collector) -> None:
    blocks = person.blocks
    block_starts = [b[0] for b in blocks]
    failing = []
    for index, (start, _) in enumerate(blocks):
        rest, _, _ = _longest_rest(blocks, index, WEEK)
        severity = _severity_below(rest / HOUR, LAW.weekly_rest, limits.weekly_rest)
        if severity is not None:
            last_work = blocks[bisect_left(block_starts, start + WEEK) - 1][1]
            failing.append((start, min(start + WEEK, last_work), -rest))
    for run_start, run_end, worst in _runs(failing):
        rest = -worst
        severity = _severity_below(rest / HOUR, LAW.weekly_rest, limits.weekly_rest)
        extra = (
            f"; {limits.label} tillater ned til {fmt_hours(limits.weekly_rest)} t mot kompenserende hvile"
            if severity == "warning"
            else ""
        )
        out.add(
            "weekly-rest", severity, person.id, run_start, run_end,
            f"{person.name} har ikke {fmt_hours(LAW.weekly_rest)} t sammenhengende fri i hver "
            f"7-dagersperiode {fmt_range(_day(run_start), _day(run_end))} (lengste hvile "
            f"{fmt_hours(rest / HOUR)} t); loven krever {fmt_hours(LAW.weekly_rest)} t{extra}",
            _reference("aml § 10-8 (2)", limits.weekly_rest, LAW.weekly_rest, limits),
        )


def _group_hours(person: _Person, key) -> dict:
    """Hours and first start / last end per group key (day or ISO week of the start)."""
    groups: dict = {}
    for start, end, day in zip(person.starts, person.ends, person.days):
        k = key(day)
        hours, first, last = groups.get(k, (0.0, start, end))
        groups[k] = (hours + (end - start) / HOUR, min(first, start), max(last, end))
    return groups


def _reference(paragraphs: str, preset: float, law: float, limits: Limits) -> str:
    """The law's paragraphs, plus the agreement's basis when the preset moves the limit."""
    return paragraphs + ("" if preset == law else f"; {limits.basis}")


def _hours_allowed(normal: float, preset: float, law: float, limits: Limits) -> str:
    """Normal working time and the highest the law (or the preset's agreement) allows."""
    who = "loven" if preset == law else limits.label
    return f"normal arbeidstid er {fmt_hours(normal)} t, og {who} tillater høyst {fmt_hours(preset)} t"


def _working_hours(rule: str, groups: dict, when, normal: float, preset: float, law: float,
                   person: _Person, limits: Limits, out: _Collector) -> None:
    """Findings for the days or weeks (``groups``) with more hours than normal working time;
    ``when(key)`` names the day or week in the message."""
    allowed = _hours_allowed(normal, preset, law, limits)
    reference = _reference("aml § 10-4, § 10-5, § 10-6 (8)", preset, law, limits)
    for key, (hours, first, last) in sorted(groups.items()):
        severity = _severity_above(hours, normal, preset)
        if severity is not None:
            out.add(rule, severity, person.id, first, last,
                    f"{person.name} har {fmt_hours(hours)} t arbeid {when(key)}; {allowed}", reference)


def _daily_hours(person: _Person, limits: Limits, out: _Collector) -> None:
    _working_hours("daily-hours", person.by_day, lambda day: f"{_WEEKDAY_NAMES[day.weekday()]} {fmt_date(day)}",
                   LAW.daily_hours_normal, limits.daily_hours, LAW.daily_hours, person, limits, out)


def _week_label(monday: date) -> str:
    return f"uke {monday.isocalendar()[1]} ({fmt_range(monday, monday + timedelta(days=6))})"


def _weekly_hours(person: _Person, limits: Limits, out: _Collector) -> None:
    _working_hours("weekly-hours", person.by_week, lambda monday: f"i {_week_label(monday)}",
                   LAW.weekly_hours_normal, limits.weekly_hours, LAW.weekly_hours, person, limits, out)


def _rolling(weeks: dict[date, tuple[float, float, float]], span: int):
    """For each week with hours: (window start, window end, sum of hours) over ``span`` weeks."""
    mondays = sorted(weeks)
    result = []
    for i, monday in enumerate(mondays):
        limit = monday + timedelta(weeks=span)
        total, last = 0.0, weeks[monday][2]
        j = i
        while j < len(mondays) and mondays[j] < limit:
            total += weeks[mondays[j]][0]
            last = max(last, weeks[mondays[j]][2])
            j += 1
        result.append((weeks[monday][1], last, total, monday))
    return result


def _average_hours(person: _Person, limits: Limits, out: _Collector) -> None:
    weeks = person.by_week
    failing = [(s, e, total / 8) for s, e, total, _ in _rolling(weeks, 8)
               if _severity_above(total / 8, LAW.average_hours, limits.average_hours)]
    for start, end, worst in _runs(failing):
        severity = _severity_above(worst, LAW.average_hours, limits.average_hours)
        out.add(
            "average-hours", severity, person.id, start, end,
            f"{person.name} har i snitt {fmt_hours(worst)} t per uke over 8 uker "
            f"({fmt_range(_day(start), _day(end))}); grensen er {fmt_hours(limits.average_hours)} t i snitt",
            _reference("aml § 10-5, § 10-6 (8)", limits.average_hours, LAW.average_hours, limits),
        )


def _overtime(person: _Person, limits: Limits, out: _Collector, agreement: Agreement, anchor: date | None) -> None:
    """Hours above normal time (``core.normal_time``) per week, 4 and 52 weeks."""
    spans = list(zip(person.starts, person.ends, person.days, person.marked))
    pieces = nt.pieces_of_spans(spans, agreement, anchor)
    if not pieces:
        return
    per_week = nt.weekly_overtime(pieces, person.days)
    weeks: dict[date, tuple[float, float, float]] = {}
    for monday, by_why in per_week.items():
        total = sum(by_why.values())
        if total > 1e-9:
            # A week the average spreads overtime into may hold no shift: the week itself.
            _, first, last = person.by_week.get(monday) or (
                0.0, _week_start(monday), _week_start(monday + timedelta(days=7))
            )
            weeks[monday] = (total, first, last)
    window = nt.averaging_weeks(agreement)
    for span, law, preset in zip((1, 4, 52), LAW.overtime, limits.overtime):
        failing = [(s, e, total, monday) for s, e, total, monday in _rolling(weeks, span)
                   if _severity_above(total, law, preset)]
        for start, end, worst, monday in _runs(failing):
            by_why: dict = {}
            for offset in range(span):
                for why, hours in per_week.get(monday + timedelta(weeks=offset), {}).items():
                    by_why[why] = by_why.get(why, 0.0) + hours
            first_day = monday if span == 1 else _day(start)
            last_day = monday + timedelta(days=6) if span == 1 else _day(end)
            out.add(
                "overtime", _severity_above(worst, law, preset), person.id, start, end,
                overtime_text.finding_message(person.name, worst, span, first_day, last_day, by_why,
                                              preset, window),
                _reference("aml § 10-6 (4)", preset, law, limits),
            )


def _week_start(monday: date) -> float:
    return cal.day_start(monday).timestamp()


@dataclass(frozen=True)
class _HolidayPeriod:
    start: float  # free from (18:00 or 15:00 the day before)
    end: float  # 22:00 on the last day
    first: date
    last: date

    @property
    def label(self) -> str:
        if self.first == self.last:
            name = cal.holiday_name(self.first) or _WEEKDAY_NAMES[self.first.weekday()]
            return f"{name.lower()} {fmt_date(self.first)}"
        return f"{fmt_range(self.first, self.last)}"


def _holiday_periods(first_day: date, last_day: date) -> list[_HolidayPeriod]:
    """Every Sunday/holiday period whose days fall in [first_day, last_day]."""
    periods = []
    day = first_day
    while day <= last_day:
        if not cal.is_public_holiday(day):
            day += timedelta(days=1)
            continue
        first = day
        while cal.is_public_holiday(day + timedelta(days=1)):
            day += timedelta(days=1)
        eve = first - timedelta(days=1)
        free_from = "15:00" if cal.is_christmas_easter_or_whitsun_eve(eve) else "18:00"
        periods.append(
            _HolidayPeriod(win.wall_point(eve, free_from), win.wall_point(day, "22:00"), first, day)
        )
        day += timedelta(days=1)
    return periods


def _sunday_work(person: _Person, limits: Limits, out: _Collector, periods) -> None:
    block_starts = [b[0] for b in person.blocks]

    def worked(period: _HolidayPeriod) -> bool:
        index = bisect_left(block_starts, period.end) - 1
        return index >= 0 and person.blocks[index][1] > period.start

    flags = [worked(p) for p in periods]
    reference = "aml § 10-8 (4), § 10-10 (2)"
    for i in range(1, len(periods)):
        if flags[i - 1] and flags[i]:
            a, b = periods[i - 1], periods[i]
            severity = "warning" if limits.sunday_agreement else "error"
            extra = f" ({limits.label} åpner for dette)" if limits.sunday_agreement else ""
            out.add(
                "sunday-work", severity, person.id, a.start, b.end,
                f"{person.name} arbeider både {a.label} og neste søn-/helgedag, {b.label}; "
                f"loven krever fri påfølgende søn- og helgedag{extra}",
                reference,
            )
    if not limits.sunday_agreement:
        return
    # At most every other one on average over 26 weeks.
    failing = []
    period_starts = [p.start for p in periods]
    worked_before = [0]  # prefix sums of worked periods
    for flag in flags:
        worked_before.append(worked_before[-1] + flag)
    for i, period in enumerate(periods):
        j = bisect_right(period_starts, period.start + 26 * WEEK)
        total, count = j - i, worked_before[j] - worked_before[i]
        if flags[i] and count > math.ceil(total / 2):
            failing.append((period.start, periods[j - 1].end, count / total))
    for start, end, worst in _runs(failing):
        out.add(
            "sunday-work", "error", person.id, start, end,
            f"{person.name} arbeider {fmt_hours(worst * 100)} % av søn- og helgedagene i 26 uker "
            f"fra {fmt_date(_day(start))}; også med avtale skal hver annen være fri i snitt",
            reference + f"; {limits.basis}",
        )
    # Fewer than 1 in 4 off: four in a row worked.
    run_start = None
    for i, flag in enumerate(flags + [False]):
        if flag and run_start is None:
            run_start = i
        elif not flag and run_start is not None:
            if i - run_start >= 4:
                a, b = periods[run_start], periods[i - 1]
                out.add(
                    "sunday-work", "error", person.id, a.start, b.end,
                    f"{person.name} arbeider {i - run_start} søn-/helgedager på rad fra {a.label} "
                    f"til {b.label}; minst 1 av 4 skal være fri",
                    reference + f"; {limits.basis}",
                )
            run_start = None


def _has_night_work(clock: float, length: float, night_start: float) -> bool:
    """Whether work starting at local ``clock`` (seconds after midnight) and lasting
    ``length`` seconds reaches the night (``night_start``..06:00). Clocks change only at
    night, so a shift within the day has elapsed = wall-clock length."""
    return clock < 6 * HOUR or clock + length > night_start


def _night_work(person: _Person, limits: Limits, out: _Collector) -> None:
    night_days: dict[date, tuple[float, float, float]] = {}
    hour, minute = cal.parse_hhmm(limits.night_start)
    night_start = hour * HOUR + minute * 60
    for start, end, day, clock in zip(person.starts, person.ends, person.days, person.clocks):
        if _has_night_work(clock, end - start, night_start):
            hours, first, last = night_days.get(day, (0.0, start, end))
            night_days[day] = (hours + (end - start) / HOUR, min(first, start), max(last, end))
    days_sorted = sorted(night_days)
    failing = []
    for i, day in enumerate(days_sorted):
        j = bisect_left(days_sorted, day + timedelta(weeks=4))
        window = days_sorted[i:j]
        average = sum(night_days[d][0] for d in window) / len(window)
        if len(window) >= LAW.regular_night_days and average > LAW.night_hours + 1e-9:
            failing.append((night_days[day][1], max(night_days[d][2] for d in window), average))
    for start, end, worst in _runs(failing):
        out.add(
            "night-work", "warning", person.id, start, end,
            f"{person.name} har fast nattarbeid ({limits.night_start}–06:00) med i snitt "
            f"{fmt_hours(worst)} t per arbeidsdøgn over 4 uker ({fmt_range(_day(start), _day(end))}); "
            f"grensen for nattarbeidere er {fmt_hours(LAW.night_hours)} t i snitt",
            "aml § 10-11",
        )


def _contract_hours(person: _Person, percent: float, full_time: float, weeks: int, out: _Collector) -> None:
    total = sum((e - s) / HOUR for s, e in zip(person.starts, person.ends))
    average = total / weeks
    allowed = percent / 100 * full_time
    if average > allowed + 1e-9:
        out.add(
            "contract-hours", "warning", person.id, person.starts[0], max(person.ends),
            f"{person.name} er satt opp {fmt_hours(average)} t per uke i snitt over {weeks} "
            f"{'uke' if weeks == 1 else 'uker'}; stillingen er {fmt_hours(percent)} % av "
            f"{fmt_hours(full_time)} t = {fmt_hours(allowed)} t",
            "arbeidsavtalen (aml § 14-6)",
        )


def _vedtak_hours(shifts: Sequence[Shift], vedtak_list: Sequence[Vedtak], out: _Collector) -> None:
    by_year: dict[int, list[tuple[float, float]]] = {}
    for shift in shifts:
        start = shift.start.timestamp()
        by_year.setdefault(_day(start).year, []).append((start, shift.end.timestamp()))
    for year, spans in sorted(by_year.items()):
        granted = granted_hours(vedtak_list, year)
        spans.sort()
        used = 0.0
        crossed = None
        for start, end in spans:
            used += (end - start) / HOUR
            if crossed is None and used > granted + 1e-9:
                crossed = start
        if crossed is None:
            continue
        out.add(
            "vedtak-hours", "warning", "", crossed, max(e for _, e in spans),
            f"Ordningen har {fmt_hours(used)} t i {year}, men vedtaket gir "
            f"{fmt_hours(granted)} t for året; timene går over fra {fmt_date(_day(crossed))}",
            "vedtaket om brukerstyrt personlig assistanse (helse- og omsorgstjenesteloven § 3-8)",
        )


# --- entry points ---------------------------------------------------------------------------


def _as_list(vedtak: Vedtak | Sequence[Vedtak] | None) -> list[Vedtak]:
    if vedtak is None:
        return []
    if isinstance(vedtak, Vedtak):
        return [vedtak]
    return list(vedtak)


def check(
    shifts: Sequence[Shift],
    agreement: Agreement = Agreement.AML,
    *,
    names: Mapping[str, str] | None = None,
    employment_percent: Mapping[str, float] | None = None,
    vedtak: Vedtak | Sequence[Vedtak] | None = None,
    today: date | None = None,
    full_time_hours: float = 37.5,
    averaging_start: date | None = None,
    rules: Iterable[str] | None = None,
) -> list[Finding]:
    """All findings for ``shifts`` under ``agreement`` (see the module doc).

    ``rules`` limits the rules run (ids from ``RULE_IDS``). ``today`` is accepted for callers
    that have it; no rule depends on the date of the check, so results are reproducible.
    ``full_time_hours`` is 37.5 unless the employer says 40 (DOMAIN.md). ``averaging_start``
    is the Monday the averaging windows are counted from (default: the first week of
    ``shifts``).
    """
    del today  # the rules judge the plan itself, not when it is checked
    agreement = Agreement.from_name(agreement)
    limits = PRESETS[agreement]
    if full_time_hours not in FULL_TIME_HOURS:
        raise ValueError(f"en full stilling er 37,5 eller 40 t per uke, ikke {fmt_hours(full_time_hours)}")
    wanted = set(RULE_IDS if rules is None else rules)
    unknown = wanted - set(RULE_IDS)
    if unknown:
        raise ValueError(f"ukjente regler: {', '.join(sorted(unknown))}")
    out = _Collector()
    if not shifts:
        return []
    people = _people(shifts, names or {})
    first_day = min(p.days[0] for p in people)
    last_day = max(_day(max(p.ends)) for p in people)
    periods = []
    if "sunday-work" in wanted:
        # Free time after the last shift counts, so periods run 26 weeks past the input.
        reach = timedelta(weeks=26) if limits.sunday_agreement else timedelta(weeks=1)
        periods = _holiday_periods(first_day, last_day + reach)
        periods = [p for p in periods if p.end > min(p0.starts[0] for p0 in people)]
    anchor = averaging_start or nt.plan_anchor(p.starts[0] for p in people)
    horizon_weeks = (cal.iso_monday(max(p.days[-1] for p in people)) - cal.iso_monday(first_day)).days // 7 + 1
    per_person = (
        ("overlap", _overlap),
        ("daily-rest", _daily_rest),
        ("daily-rest", _long_shift_rest),
        ("weekly-rest", _weekly_rest),
        ("daily-hours", _daily_hours),
        ("weekly-hours", _weekly_hours),
        ("average-hours", _average_hours),
        ("night-work", _night_work),
    )
    percents = employment_percent or {}
    for person in people:
        for rule, function in per_person:
            if rule in wanted:
                function(person, limits, out)
        if "overtime" in wanted:
            _overtime(person, limits, out, agreement, anchor)
        if "sunday-work" in wanted:
            _sunday_work(person, limits, out, periods)
        if "contract-hours" in wanted and percents.get(person.id) is not None:
            _contract_hours(person, percents[person.id], full_time_hours, horizon_weeks, out)
    vedtak_list = _as_list(vedtak)
    if "vedtak-hours" in wanted and vedtak_list:
        _vedtak_hours(shifts, vedtak_list, out)
    return sort_findings(out.findings)


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(
        findings,
        key=lambda f: (f.assistant, f.start.timestamp(), f.end.timestamp(), f.rule, f.severity, f.message),
    )


class ShiftIndex:
    """Shifts kept sorted by start, so the planner can swap in an edited week and slice the
    days around it without touching the rest of the year (see ``check_window``)."""

    def __init__(self, shifts: Iterable[Shift] = ()) -> None:
        pairs = sorted(((s.start.timestamp(), s) for s in shifts), key=lambda p: p[0])
        self._starts = [t for t, _ in pairs]
        self._shifts = [s for _, s in pairs]

    def __len__(self) -> int:
        return len(self._shifts)

    def __iter__(self):
        return iter(self._shifts)

    def first_start(self) -> float | None:
        """The earliest start (POSIX seconds), None when empty."""
        return self._starts[0] if self._starts else None

    def between(self, lower: float, upper: float) -> list[Shift]:
        """Shifts starting in [lower, upper) (POSIX timestamps)."""
        return self._shifts[bisect_left(self._starts, lower): bisect_left(self._starts, upper)]

    def replace_days(self, first_day: date, last_day: date, shifts: Iterable[Shift]) -> None:
        """Replace the shifts that start on ``first_day``..``last_day`` with ``shifts``."""
        lower = cal.day_start(first_day).timestamp()
        upper = cal.day_start(last_day + timedelta(days=1)).timestamp()
        i, j = bisect_left(self._starts, lower), bisect_left(self._starts, upper)
        del self._starts[i:j], self._shifts[i:j]
        for shift in shifts:
            start = shift.start.timestamp()
            k = bisect_right(self._starts, start)
            self._starts.insert(k, start)
            self._shifts.insert(k, shift)


def check_window(
    shifts: Sequence[Shift] | ShiftIndex,
    first_day: date,
    last_day: date,
    agreement: Agreement = Agreement.AML,
    *,
    context_days: int = 7,
    rules: Iterable[str] | None = None,
    **options,
) -> list[Finding]:
    """Findings that touch the days ``first_day``..``last_day``, checking only the shifts that
    start within ``context_days`` of them (fast enough to run on every edit; see module doc).
    Pass a ``ShiftIndex`` to skip scanning the whole list. Other keyword options are passed to
    ``check``; the averaging windows are counted from the first week of all of ``shifts``
    (not of the slice), as ``check`` counts them."""
    lower = cal.day_start(first_day - timedelta(days=context_days)).timestamp()
    upper = cal.day_start(last_day + timedelta(days=context_days + 1)).timestamp()
    if isinstance(shifts, ShiftIndex):
        nearby = shifts.between(lower, upper)
        first_start = shifts.first_start()
    else:
        starts = [s.start.timestamp() for s in shifts]
        nearby = [s for s, t in zip(shifts, starts) if lower <= t < upper]
        first_start = min(starts, default=None)
    if options.get("averaging_start") is None and first_start is not None:
        options["averaging_start"] = nt.plan_anchor([first_start])
    found = check(nearby, agreement, rules=WINDOW_RULES if rules is None else rules, **options)
    window_start = cal.day_start(first_day).timestamp()
    window_end = cal.day_start(last_day + timedelta(days=1)).timestamp()
    return [
        f for f in found
        if f.start.timestamp() < window_end and f.end.timestamp() > window_start
    ]
