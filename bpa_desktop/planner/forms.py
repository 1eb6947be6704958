"""The working-time rules of docs/domain.md as constraint *forms* over occurrence keys.

A form says what may not happen to any one assistant; ``planner.model`` turns each form
into CP-SAT constraints for every assistant. Forms are built over the real roll-out (every
day of the period, DST lengths included) and deduplicated by key, so each counts once per
pattern cell plus once for every day that differs (DST nights, exception days, holidays).
Soft forms (the checker's warnings) carry how often they occur in the roll-out.

Readings follow ``core.rules`` (the checker stays the judge; ``planner.solve`` re-checks
every answer and cuts away what a form missed):

* one assistant works at most one template per day (a pattern cell holds one code), so a
  day's hours are one shift's hours;
* rest: the 24 h / 7 x 24 h windows start at each shift; the longest free stretch in the
  window must reach the limit. It starts at the end of a shift in the window (the shift
  itself or a later one) and no shift may intersect it ("RestNeed");
* Sundays and holidays use the periods of ``horizon.holiday_periods``; the list is cut at
  the last day with need + 26 weeks, never longer than the checker's, so the "every other
  one" share is never read more loosely than the checker reads it.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta

from bpa_desktop.core.model import Agreement
from bpa_desktop.core.normal_time import averaging_weeks
from bpa_desktop.core.rules import LAW, PRESETS, Limits
from bpa_desktop.planner.horizon import Horizon

HOUR = 3600.0
EPS = 1e-6


@dataclass(frozen=True)
class NoGood:
    """Not all of ``keys`` for one assistant."""

    keys: frozenset[int]
    rule: str


@dataclass(frozen=True)
class RestNeed:
    """If ``key`` works, one of ``options`` gives the rest: (key of a shift that works,
    keys of the shifts that would cut into the free stretch after it)."""

    key: int
    options: frozenset[tuple[int, frozenset[int]]]
    rule: str


@dataclass(frozen=True)
class Cap:
    """sum(coef * works(key)) <= rhs for one assistant."""

    terms: tuple[tuple[int, int], ...]
    rhs: int
    rule: str


@dataclass
class SundayForms:
    periods: list[frozenset[int]]  # keys that work in each period, in order
    named: list[bool]  # the period holds a named holiday
    agreement: bool  # a written agreement: two in a row is a warning, not an error
    windows: list[tuple[int, int, int]] = field(default_factory=list)  # (i, j_end, cap)


@dataclass
class OvertimeForms:
    """Hours above normal time, read as ``core.normal_time`` reads them. Under ``aml``
    (``averaging`` None) each ISO week's terms: (minutes above 9 h a day, minutes); the
    week's overtime is the larger of its day excess and its minutes above 40 h. Under a
    preset that averages, ``windows`` holds the minutes of each run of ``averaging`` weeks
    from the period's first Monday; what a window has above 40 h a week is spread evenly
    over its weeks. Limits (law, preset) in minutes per week, 4 weeks and 52 weeks."""

    averaging: int | None
    weeks: list[tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]]
    windows: list[tuple[tuple[int, int], ...]]
    limits: tuple[tuple[int, int], tuple[int, int], tuple[int, int]]


@dataclass
class Forms:
    hard_nogoods: set[NoGood] = field(default_factory=set)
    soft_nogoods: Counter = field(default_factory=Counter)  # NoGood -> occurrences
    hard_rests: set[RestNeed] = field(default_factory=set)
    soft_rests: Counter = field(default_factory=Counter)
    hard_caps: set[Cap] = field(default_factory=set)
    soft_caps: Counter = field(default_factory=Counter)
    sunday: SundayForms | None = None
    overtime: OvertimeForms | None = None


def _terms(pairs) -> tuple[tuple[int, int], ...]:
    total: Counter = Counter()
    for key, coef in pairs:
        total[key] += coef
    return tuple(sorted((k, c) for k, c in total.items() if c))


class FormBuilder:
    def __init__(self, horizon: Horizon, agreement: Agreement, skip: frozenset[str] = frozenset()) -> None:
        self.h = horizon
        self.limits: Limits = PRESETS[Agreement(agreement)]
        self.skip = skip
        self.forms = Forms()
        self._blockers: dict[tuple[int, float], frozenset[int]] = {}

    def build(self) -> Forms:
        steps = (
            ("overlap", self._overlap),
            ("daily-hours", self._daily_hours),
            ("daily-rest", self._daily_rest),
            ("weekly-rest", self._weekly_rest),
            ("weekly-hours", self._weekly_hours),
            ("average-hours", self._average_hours),
            ("overtime", self._overtime),
            ("sunday-work", self._sunday_work),
        )
        for rule, step in steps:
            if rule not in self.skip:
                step()
        return self.forms

    # --- overlap and hours of a day -------------------------------------------------------

    def _overlap(self) -> None:
        for o in self.h.occurrences:
            for q in self.h.starting_in(o.start, o.end):
                if q.day_index != o.day_index:
                    self.forms.hard_nogoods.add(NoGood(frozenset((o.key, q.key)), "overlap"))

    def _daily_hours(self) -> None:
        for o in self.h.occurrences:
            hours = o.minutes / 60
            if hours > self.limits.daily_hours + EPS:
                self.forms.hard_nogoods.add(NoGood(frozenset((o.key,)), "daily-hours"))
            elif hours > LAW.daily_hours_normal + EPS:
                self.forms.soft_nogoods[NoGood(frozenset((o.key,)), "daily-hours")] += 1

    # --- rest ---------------------------------------------------------------------------

    def _blockers_after(self, o, need: float) -> frozenset[int]:
        cached = self._blockers.get((o.index, need))
        if cached is None:
            cached = frozenset(q.key for q in self.h.intersecting(o.end, o.end + need))
            self._blockers[(o.index, need)] = cached
        return cached

    def _rest(self, window: float, need_hours: float, rule: str, soft: bool) -> None:
        need = need_hours * HOUR
        for o in self.h.occurrences:
            window_end = o.start + window
            options = []
            for later in self.h.starting_in(o.start, window_end):
                if later is not o and (later.start < o.end or later.day_index == o.day_index):
                    continue  # cannot work together with o
                if later.end + need > window_end + EPS:
                    continue  # the free stretch after it would not fit in the window
                options.append((later.key, self._blockers_after(later, need)))
            form = RestNeed(o.key, frozenset(options), rule)
            if soft:
                self.forms.soft_rests[form] += 1
            else:
                self.forms.hard_rests.add(form)

    def _two_levels(self, window: float, law: float, preset: float, rule: str) -> None:
        """Hard at the preset's limit; a warning between it and the law's."""
        if preset > 0:
            self._rest(window, preset, rule, soft=False)
        if preset < law - EPS:
            self._rest(window, law, rule, soft=True)

    def _daily_rest(self) -> None:
        self._two_levels(24 * HOUR, LAW.daily_rest, self.limits.daily_rest, "daily-rest")
        if self.limits.long_shift is not None:
            self._long_shift()

    def _weekly_rest(self) -> None:
        self._two_levels(7 * 24 * HOUR, LAW.weekly_rest, self.limits.weekly_rest, "weekly-rest")

    def _long_shift(self) -> None:
        """Relief: a work period over 16 h needs 16 h off right before or right after. A
        period is one shift, or two that touch; shifts that touch it are part of it, so
        "before" and "after" are the shifts with a gap of under 16 h. (Longer chains and
        the first period of the input, which has no "before", are left to the checker.)"""
        need = self.limits.long_shift * HOUR
        periods = [(o,) for o in self.h.occurrences]
        periods += [(o, q) for o in self.h.occurrences for q in self.h.starting_in(o.end, o.end + 1)
                    if q.start == o.end]
        for period in periods:
            start, end = period[0].start, period[-1].end
            if end - start <= need + EPS:
                continue
            before = [q for q in self.h.intersecting(start - need, start) if q.end < start]
            after = [q for q in self.h.starting_in(end, end + need) if q.start > end]
            keys = tuple(o.key for o in period)
            for b in before:
                for a in after:
                    self.forms.hard_nogoods.add(NoGood(frozenset(keys + (b.key, a.key)), "daily-rest"))

    # --- hours of weeks -----------------------------------------------------------------

    def _week_terms(self, days: list[int], value) -> tuple[tuple[int, int], ...]:
        return _terms((o.key, value(o)) for i in days for o in self.h.by_day[i])

    def _weekly_hours(self) -> None:
        for days in self.h.iso_weeks:
            terms = self._week_terms(days, lambda o: o.minutes)
            self.forms.hard_caps.add(Cap(terms, round(self.limits.weekly_hours * 60), "weekly-hours"))
            if sum(c for _, c in terms) > LAW.weekly_hours_normal * 60:
                self.forms.soft_caps[Cap(terms, round(LAW.weekly_hours_normal * 60), "weekly-hours")] += 1

    def _average_hours(self) -> None:
        if self.limits.average_hours >= self.limits.weekly_hours and "weekly-hours" not in self.skip:
            return  # every single week is already within the average
        weeks = self.h.iso_weeks
        for j in range(len(weeks)):
            days = [i for w in weeks[j: j + 8] for i in w]
            terms = self._week_terms(days, lambda o: o.minutes)
            self.forms.hard_caps.add(Cap(terms, round(self.limits.average_hours * 8 * 60), "average-hours"))

    def _overtime(self) -> None:
        law, preset = LAW.overtime, self.limits.overtime
        limits = tuple((round(l * 60), round(p * 60)) for l, p in zip(law, preset))
        window = averaging_weeks(self.h.problem.agreement)
        if window is None:
            normal_day = round(LAW.daily_hours_normal * 60)
            weeks = [
                (self._week_terms(days, lambda o: max(0, o.minutes - normal_day)),
                 self._week_terms(days, lambda o: o.minutes))
                for days in self.h.iso_weeks
            ]
            self.forms.overtime = OvertimeForms(None, weeks, [], limits)
            return
        weeks = self.h.iso_weeks
        runs = [[i for w in weeks[j: j + window] for i in w] for j in range(0, len(weeks), window)]
        windows = [self._week_terms(days, lambda o: o.minutes) for days in runs]
        self.forms.overtime = OvertimeForms(window, [], windows, limits)

    # --- Sundays and holidays -----------------------------------------------------------

    def _sunday_work(self) -> None:
        agreement = self.limits.sunday_agreement
        reach = timedelta(weeks=26) if agreement else timedelta(weeks=1)
        need_days = {b.weekday for b in self.h.problem.need}
        last_need = max((d for d in self.h.days if d.weekday() in need_days), default=self.h.days[-1])
        periods = [p for p in self.h.holiday_periods(reach) if p.first <= last_need + reach]
        keysets = [frozenset(o.key for o in self.h.intersecting(p.start, p.end)) for p in periods]
        forms = SundayForms(keysets, [p.named for p in periods], agreement)
        if agreement:
            starts = [p.start for p in periods]
            for i, period in enumerate(periods):
                if not keysets[i]:
                    continue
                j = bisect_right(starts, period.start + 26 * 7 * 24 * HOUR)
                forms.windows.append((i, j, math.ceil((j - i) / 2)))
        self.forms.sunday = forms


def build_forms(horizon: Horizon, agreement: Agreement, skip: frozenset[str] = frozenset()) -> Forms:
    return FormBuilder(horizon, agreement, skip).build()
