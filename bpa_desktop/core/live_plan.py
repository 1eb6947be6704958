"""The rota pattern rolled out over its period and checked as it is edited (no Qt).

`LivePlan` keeps the pattern rolled out over the roll-out period in a `core.rules.ShiftIndex`.
An edited cell recurs every `weeks` weeks, so an edit re-rolls just those days and runs
`check_window` around each of them: the local rules (overlap, rest, day and week hours, two
Sundays in a row) are exact there. The long-window rules and the contract / vedtak hours come
from a full `check` (the Turnus page runs it in a worker when the user pauses); its result
replaces everything (measured: benchmarks/bench_turnus_ui.py).

Which pattern cells a finding concerns is judged with the rules' own windows: a Sunday-work
finding marks the shifts with work in a Sunday/holiday window (from 18:00 the day before,
15:00 on Christmas, Easter and Whitsun Eve, to 22:00), as `core.rules.sundays` counts them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from bpa_desktop.core import calendar as cal
from bpa_desktop.core.model import Agreement, Assistant, Shift, ShiftTemplate, Vedtak
from bpa_desktop.core.rota import RotaPattern, roll_out
from bpa_desktop.core.rules import WINDOW_RULES, Finding, ShiftIndex, check, check_window, sort_findings, sunday_windows

CellKey = tuple[int, int, int]  # (assistant id, week index, weekday 0=Monday)
CONTEXT_DAYS = 7  # check_window's default: a week either side of an edited day
_LOOKBACK = 2 * 86400.0
LOCAL_SPAN = 8 * 86400.0  # longer findings are about averages over weeks  # a shift can start up to this long before a finding it belongs to


@dataclass
class PlanSetup:
    """What the checks need besides the cells."""

    assistants: Sequence[Assistant]
    templates: Mapping[str, ShiftTemplate]
    agreement: Agreement = Agreement.AML
    vedtak: Sequence[Vedtak] = ()
    start: date = field(default_factory=date.today)  # a Monday: week 0 of the pattern
    end: date = field(default_factory=date.today)

    def options(self) -> dict:
        return {
            "names": {str(a.id): a.name for a in self.assistants},
            "employment_percent": {str(a.id): a.employment_percent for a in self.assistants},
            "vedtak": list(self.vedtak),
        }


class LivePlan:
    def __init__(self, setup: PlanSetup, weeks: int, cells: Mapping[CellKey, str]) -> None:
        self.setup = setup
        self.weeks = weeks
        self.cells = cells  # the model's dict: read, never written here
        self.index = ShiftIndex(self._roll(setup.start, setup.end))
        self.findings: list[Finding] = []
        # cells_of per finding, kept across edits: an edit forgets only the findings of the
        # edited assistants whose shifts it could have moved (the list marks ~1,000 a year)
        self._cells: dict[Finding, frozenset[CellKey]] = {}

    def _roll(self, first: date, last: date) -> list[Shift]:
        templates = self.setup.templates
        cells = {(str(a), w, d): code for (a, w, d), code in self.cells.items() if code in templates}
        return roll_out(RotaPattern(self.weeks, cells), templates, first, last, anchor=self.setup.start)

    def days_of(self, keys: Iterable[CellKey]) -> list[date]:
        """Every date in the period where one of the pattern cells `keys` applies."""
        found = set()
        start, end = self.setup.start, self.setup.end
        for _, week, weekday in keys:
            day = start + timedelta(days=week * 7 + weekday)
            while day <= end:
                found.add(day)
                day += timedelta(weeks=self.weeks)
        return sorted(found)

    def full_check(self) -> list[Finding]:
        return check(list(self.index), self.setup.agreement, **self.setup.options())

    def edit(self, keys: Iterable[CellKey]) -> list[Finding]:
        """Re-roll the days of the edited cells and re-check around them; returns the findings.

        The window rules judge each assistant alone, so only the edited assistants' shifts
        are checked and only their findings replaced."""
        keys = list(keys)
        days = self.days_of(keys)
        for day in days:
            self.index.replace_days(day, day, self._roll(day, day))
        options = self.setup.options()
        del options["vedtak"], options["employment_percent"]  # only the full check uses them
        assistants = {str(a) for a, _, _ in keys}
        fresh: list[Finding] = []
        spans = []
        context = timedelta(days=CONTEXT_DAYS)
        # days closer than two contexts share shifts: one check over the run is cheaper
        for first, last in _ranges(days, gap=2 * CONTEXT_DAYS):
            lower = cal.day_start(first - context).timestamp()
            upper = cal.day_start(last + context + timedelta(days=1)).timestamp()
            nearby = [s for s in self.index.between(lower, upper) if s.assistant in assistants]
            if nearby:
                fresh.extend(check_window(nearby, first, last, self.setup.agreement,
                                          context_days=CONTEXT_DAYS, **options))
            spans.append((cal.day_start(first).timestamp(), cal.day_start(last + timedelta(days=1)).timestamp()))
        kept = [f for f in self.findings
                if not (f.rule in WINDOW_RULES and f.assistant in assistants and _touches(f, spans))]
        self.findings = sort_findings(set(kept) | set(fresh))
        self._forget_cells(assistants, days)
        return self.findings

    def _forget_cells(self, assistants: set[str], days: list[date]) -> None:
        """Drop the kept cells of findings gone, and of those whose shifts the edit may have
        changed (the edited assistants', with a shift starting on an edited day in reach)."""
        runs = [(cal.day_start(first).timestamp(), cal.day_start(last + timedelta(days=1)).timestamp())
                for first, last in _ranges(days)]
        current = set(self.findings)
        self._cells = {
            finding: cells for finding, cells in self._cells.items()
            if finding in current and not (finding.assistant in assistants and any(
                finding.start.timestamp() - _LOOKBACK < upper and finding.end.timestamp() + 1 > lower
                for lower, upper in runs))
        }

    def cells_of(self, finding: Finding) -> frozenset[CellKey]:
        kept = self._cells.get(finding)
        if kept is None:
            kept = self._cells[finding] = frozenset(self._find_cells(finding))
        return kept

    def _find_cells(self, finding: Finding) -> set[CellKey]:
        """The pattern cells whose shifts a finding concerns (touching shifts count: a rest
        finding runs from one shift's end to the next one's start). A finding over many
        weeks (averages, Sundays over 26 weeks) would mark every shift, which tells nothing:
        Sunday work marks the weekend and holiday shifts, the other long ones mark none."""
        if not finding.assistant:
            return set()
        lower, upper = finding.start.timestamp(), finding.end.timestamp()
        long_span = upper - lower > LOCAL_SPAN
        if long_span and finding.rule != "sunday-work":
            return set()
        windows: list[tuple[float, float]] = []
        if finding.rule == "sunday-work":  # the rule's own windows: 18:00 (15:00 on eves) to 22:00
            first = cal.to_local(finding.start).date() - timedelta(days=1)
            windows = sunday_windows(first, cal.to_local(finding.end).date() + timedelta(days=1))
        found = set()
        for shift in self.index.between(lower - _LOOKBACK, upper + 1):
            if shift.assistant != finding.assistant or shift.end.timestamp() < lower:
                continue
            if finding.rule == "sunday-work" and not _in_window(shift, windows):
                continue
            day = cal.to_local(shift.start).date()
            offset = (day - self.setup.start).days
            found.add((int(shift.assistant), (offset // 7) % self.weeks, day.weekday()))
        return found

    def marks(self, findings: Iterable[Finding]) -> dict[CellKey, str]:
        marks: dict[CellKey, str] = {}
        for finding in findings:
            for key in self.cells_of(finding):
                if marks.get(key) != "error":
                    marks[key] = finding.severity
        return marks


def _in_window(shift: Shift, windows: Sequence[tuple[float, float]]) -> bool:
    """Whether the shift has work inside one of the Sunday/holiday windows."""
    start, end = shift.start.timestamp(), shift.end.timestamp()
    return any(start < upper and end > lower for lower, upper in windows)


def _touches(finding: Finding, spans: list[tuple[float, float]]) -> bool:
    start, end = finding.start.timestamp(), finding.end.timestamp()
    return any(start < upper and end > lower for lower, upper in spans)


def _ranges(days: list[date], gap: int = 1) -> list[tuple[date, date]]:
    """Sorted days as runs of consecutive days."""
    runs: list[tuple[date, date]] = []
    for day in days:
        if runs and (day - runs[-1][1]).days <= gap:
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs
