"""Coverage: the recipient's weekly need for help against the planned shifts.

The need is a weekly pattern of ``NeedBlock``s in wall-clock time (e.g. 07-23 every day and
a passive night 23-07). Each block is laid out on the days ``start``..``end`` the way a
shift template is (``core.rota.template_shift``), so it keeps its wall times across a DST
change and a night block is 7 or 9 elapsed hours on those nights.

At every instant the need asks for ``staff`` people. An *active* block is covered only by
active time (a shift less its passive intervals); a *passive* block by anyone on a shift,
asleep or awake. A gap is a stretch where fewer are planned than needed; gaps are merged
while the shortage stays the same, and measured in elapsed time.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone

from bpa_desktop.core import calendar as cal
from bpa_desktop.core.model import NeedBlock, Shift, ShiftTemplate
from bpa_desktop.core.rota import template_shift


@dataclass(frozen=True)
class CoverageGap:
    start: datetime  # Europe/Oslo-aware
    end: datetime
    needed: int  # people needed in the gap (active people when ``passive`` is False)
    planned: int  # people planned in the gap, counted the same way
    passive: bool = False  # True: the shortage is in a passive need block

    @property
    def hours(self) -> float:
        return cal.elapsed_hours(self.start, self.end)

    @property
    def missing(self) -> int:
        return self.needed - self.planned


def need_intervals(
    need: Sequence[NeedBlock], start: date, end: date
) -> list[tuple[datetime, datetime, int, bool]]:
    """(start, end, staff, passive) of every need block laid out on the days start..end."""
    by_weekday: dict[int, list[NeedBlock]] = {}
    for block in need:
        by_weekday.setdefault(block.weekday, []).append(block)
    intervals = []
    for day in cal.days(start, end):
        for block in by_weekday.get(day.weekday(), ()):
            # A block is laid out exactly like a shift template, so the two always agree.
            occurrence = template_shift(ShiftTemplate("need", "", block.start, block.end), "", day)
            intervals.append((occurrence.start, occurrence.end, block.staff, block.passive))
    return intervals


def _active_spans(shift: Shift) -> list[tuple[float, float]]:
    """The shift's active time as [start, end) timestamps: the shift less its passive time."""
    spans = []
    cursor = shift.start.timestamp()
    for interval in sorted(shift.passive, key=lambda i: i.start.timestamp()):
        p_start, p_end = interval.start.timestamp(), interval.end.timestamp()
        if p_start > cursor:
            spans.append((cursor, p_start))
        cursor = max(cursor, p_end)
    if shift.end.timestamp() > cursor:
        spans.append((cursor, shift.end.timestamp()))
    return spans


def _changes(spans: Iterable[tuple[float, float, int]]) -> dict[float, int]:
    """Step function as {instant: change in count}."""
    delta: dict[float, int] = {}
    for begin, finish, count in spans:
        if finish > begin:
            delta[begin] = delta.get(begin, 0) + count
            delta[finish] = delta.get(finish, 0) - count
    return delta


def coverage_gaps(
    need: Sequence[NeedBlock], shifts: Iterable[Shift], start: date, end: date
) -> list[CoverageGap]:
    """The gaps in the need blocks laid out on ``start``..``end`` (inclusive), in time order.

    ``shifts`` may include shifts that start before ``start``: all of them count wherever
    they overlap a need block.
    """
    needs = need_intervals(need, start, end)
    if not needs:
        return []
    shifts = list(shifts)
    active_need = _changes((s.timestamp(), e.timestamp(), n) for s, e, n, passive in needs if not passive)
    passive_need = _changes((s.timestamp(), e.timestamp(), n) for s, e, n, passive in needs if passive)
    present = _changes((s.start.timestamp(), s.end.timestamp(), 1) for s in shifts)
    active = _changes((b, f, 1) for s in shifts for b, f in _active_spans(s))
    steps = (active_need, passive_need, present, active)
    instants = sorted(set().union(*steps))

    gaps: list[CoverageGap] = []
    levels = [0, 0, 0, 0]
    for here, after in zip(instants, instants[1:]):
        for index, step in enumerate(steps):
            levels[index] += step.get(here, 0)
        need_active, need_passive, people, awake = levels
        if awake < need_active:
            shortage = (need_active, awake, False)
        elif people < need_active + need_passive:
            shortage = (need_active + need_passive, people, True)
        else:
            continue
        gap_start = datetime.fromtimestamp(here, timezone.utc).astimezone(cal.OSLO)
        gap_end = datetime.fromtimestamp(after, timezone.utc).astimezone(cal.OSLO)
        previous = gaps[-1] if gaps else None
        if previous and previous.end == gap_start and (
            previous.needed, previous.planned, previous.passive
        ) == shortage:
            gaps[-1] = CoverageGap(previous.start, gap_end, *shortage)
        else:
            gaps.append(CoverageGap(gap_start, gap_end, *shortage))
    return gaps


def needed_hours(need: Sequence[NeedBlock], start: date, end: date) -> float:
    """Person-hours the need asks for on ``start``..``end`` (elapsed time)."""
    return sum(n * cal.elapsed_hours(s, e) for s, e, n, _ in need_intervals(need, start, end))
