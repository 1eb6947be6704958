"""Per-assistant facts the rules share: sorted shifts, work periods, hours per day and week,
and the collector that turns figures into findings."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from bpa_desktop.core import normal_time as nt
from bpa_desktop.core import windows as win
from bpa_desktop.core.model import Shift
from bpa_desktop.core.rules.limits import Finding
from bpa_desktop.core.rules.wording import _local


HOUR = 3600.0
DAY = 24 * HOUR
WEEK = 7 * DAY


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


def _group_hours(person: _Person, key) -> dict:
    """Hours and first start / last end per group key (day or ISO week of the start)."""
    groups: dict = {}
    for start, end, day in zip(person.starts, person.ends, person.days):
        k = key(day)
        hours, first, last = groups.get(k, (0.0, start, end))
        groups[k] = (hours + (end - start) / HOUR, min(first, start), max(last, end))
    return groups


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
