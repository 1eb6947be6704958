"""Working-time rules (``bpa check``): shifts in, findings out.

Rule ids, severities and windows follow docs/domain.md (contract). Conventions:

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

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta

from bpa_desktop.core import calendar as cal
from bpa_desktop.core import normal_time as nt
from bpa_desktop.core.model import Agreement, Shift, Vedtak
from bpa_desktop.core.rules.facts import _Collector, _people
from bpa_desktop.core.rules.hours import (
    _average_hours,
    _contract_hours,
    _daily_hours,
    _overtime,
    _vedtak_hours,
    _weekly_hours,
)
from bpa_desktop.core.rules.limits import FULL_TIME_HOURS, LAW, PRESETS, RULE_IDS, WINDOW_RULES, Finding, Limits
from bpa_desktop.core.rules.night import _night_work
from bpa_desktop.core.rules.rest import _daily_rest, _long_shift_rest, _overlap, _weekly_rest
from bpa_desktop.core.rules.sundays import _holiday_periods, _sunday_work, sunday_windows
from bpa_desktop.core.rules.wording import _day, fmt_date, fmt_dates, fmt_hours, fmt_range
from bpa_desktop.i18n import t

__all__ = [
    "FULL_TIME_HOURS", "LAW", "PRESETS", "RULE_IDS", "WINDOW_RULES", "Finding", "Limits", "ShiftIndex", "check",
    "check_window", "fmt_date", "fmt_dates", "fmt_hours", "fmt_range", "sort_findings", "sunday_windows",
]


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
    ``full_time_hours`` is 37.5 unless the employer says 40 (docs/domain.md). ``averaging_start``
    is the Monday the averaging windows are counted from (default: the first week of
    ``shifts``).
    """
    del today  # the rules judge the plan itself, not when it is checked
    agreement = Agreement.from_name(agreement)
    limits = PRESETS[agreement]
    if full_time_hours not in FULL_TIME_HOURS:
        raise ValueError(t("findings.full_time_hours", hours=fmt_hours(full_time_hours)))
    wanted = set(RULE_IDS if rules is None else rules)
    unknown = wanted - set(RULE_IDS)
    if unknown:
        raise ValueError(t("findings.unknown_rules", rules=", ".join(sorted(unknown))))
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
