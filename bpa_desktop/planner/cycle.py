"""The pattern's cycle on a wall-clock axis: what covers the need, and what a shift is like.

The need repeats every week and the pattern every ``weeks`` weeks, both in wall-clock time
(``core.coverage`` lays the need out the way ``core.rota`` lays out a template), so coverage
is exact on a cycle of ``7 * weeks`` days in minutes, wrapping from the last Sunday into the
first Monday as the roll-out does. A segment is a stretch between two boundaries of any
template or need block; on it the same people are needed and the same cells are present.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from bpa_desktop.core import calendar as cal
from bpa_desktop.core.model import ShiftTemplate
from bpa_desktop.planner.problem import PlanProblem

DAY = 1440


def _minute(hhmm: str) -> int:
    hour, minute = cal.parse_hhmm(hhmm)
    return hour * 60 + minute


def _span(day_offset: int, start: str, end: str) -> tuple[int, int]:
    """Like ``core.rota.template_shift``: an end at or before the start is the next day."""
    s, e = _minute(start), _minute(end)
    if e <= s and end != "24:00":
        e += DAY
    return day_offset + s, day_offset + e


def template_spans(template: ShiftTemplate, k: int) -> tuple[tuple[int, int], list[tuple[int, int]]]:
    """(whole shift, active parts) of ``template`` on pattern day ``k``, in cycle minutes."""
    whole = _span(k * DAY, template.start, template.end)
    if not (template.passive_start and template.passive_end):
        return whole, [whole]
    p_day = k * DAY + (DAY if _minute(template.passive_start) < _minute(template.start) else 0)
    p_start, p_end = _span(p_day, template.passive_start, template.passive_end)
    p_start, p_end = max(p_start, whole[0]), min(p_end, whole[1])
    active = [(a, b) for a, b in ((whole[0], p_start), (p_end, whole[1])) if b > a]
    return whole, active if p_end > p_start else [whole]


@dataclass(frozen=True)
class Segment:
    start: int  # cycle minutes
    end: int
    need_active: int
    need_total: int  # active + passive need
    blocks: frozenset[int]  # need blocks (index into problem.need) over this segment
    active: tuple[int, ...]  # cell keys (k * T + t) awake here
    present: tuple[int, ...]  # cell keys at work here (awake or asleep)

    @property
    def minutes(self) -> int:
        return self.end - self.start


class Cycle:
    def __init__(self, problem: PlanProblem) -> None:
        self.problem = problem
        self.T = len(problem.templates)
        self.K = 7 * problem.weeks
        self.length = self.K * DAY
        self.spans = {}  # cell key -> (whole, active)
        for k in range(self.K):
            for t, template in enumerate(problem.templates):
                self.spans[k * self.T + t] = template_spans(template, k)
        self.need_spans = []  # (block index, (start, end), passive)
        for index, block in enumerate(problem.need):
            for week in range(problem.weeks):
                k = 7 * week + block.weekday
                self.need_spans.append((index, _span(k * DAY, block.start, block.end), block.passive))
        self.segments = self._segments()

    def _wrapped(self, span: tuple[int, int]) -> list[tuple[int, int]]:
        start, end = span
        start, end = start % self.length, start % self.length + (end - start)
        if end <= self.length:
            return [(start, end)]
        return [(start, self.length), (0, end - self.length)]

    def _segments(self) -> list[Segment]:
        cuts = {0, self.length}
        pieces = []  # (start, end, kind, payload)
        for key, (whole, active) in self.spans.items():
            for piece in self._wrapped(whole):
                pieces.append((*piece, "present", key))
            for part in active:
                for piece in self._wrapped(part):
                    pieces.append((*piece, "active", key))
        for index, span, passive in self.need_spans:
            for piece in self._wrapped(span):
                pieces.append((*piece, "passive" if passive else "need", index))
        for start, end, _, _ in pieces:
            cuts.update((start, end))
        bounds = sorted(cuts)
        n = len(bounds) - 1
        need_active, need_total = [0] * n, [0] * n
        blocks = [set() for _ in range(n)]
        active = [[] for _ in range(n)]
        present = [[] for _ in range(n)]
        staff = [b.staff for b in self.problem.need]
        for start, end, kind, payload in pieces:
            for j in range(bisect_left(bounds, start), bisect_left(bounds, end)):
                if kind == "present":
                    present[j].append(payload)
                elif kind == "active":
                    active[j].append(payload)
                else:
                    need_total[j] += staff[payload]
                    blocks[j].add(payload)
                    if kind == "need":
                        need_active[j] += staff[payload]
        return [
            Segment(bounds[j], bounds[j + 1], need_active[j], need_total[j], frozenset(blocks[j]),
                    tuple(sorted(set(active[j]))), tuple(sorted(set(present[j]))))
            for j in range(n)
        ]

    def needed_at(self, minute: int) -> bool:
        minute %= self.length
        for segment in self.segments:
            if segment.start <= minute < segment.end:
                return segment.need_total > 0
        return False

    def handover_keys(self) -> list[int]:
        """Cells whose shift starts while the need runs on (someone hands over to it)."""
        found = []
        for key, (whole, _) in self.spans.items():
            if self.needed_at(whole[0] - 1) and self.needed_at(whole[0]):
                found.append(key)
        return found

    def touches(self, key: int, lower: int, upper: int) -> bool:
        """Whether the cell's shift has time in [lower, upper) of some day-relative window
        given in cycle minutes (wrapping)."""
        whole, _ = self.spans[key]
        for start, end in self._wrapped(whole):
            for lo, hi in self._wrapped((lower, upper)):
                if start < hi and end > lo:
                    return True
        return False
