"""The checker is the judge: roll a proposal out, run ``core.rules.check`` and the coverage
check over the whole period, and turn every error into a cut for the model.

A cut is a ``NoGood`` over the keys of the assistant's shifts around the error: those shifts
together break a rule, for anyone (the rules judge each assistant alone and the same way),
so the model may not give that combination to any assistant again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from bpa_desktop.core import calendar as cal
from bpa_desktop.core.coverage import CoverageGap, coverage_gaps
from bpa_desktop.core.model import Shift
from bpa_desktop.core.rota import RotaPattern, Substitute, apply_overrides, roll_out
from bpa_desktop.core.rules import Finding, check
from bpa_desktop.planner.forms import NoGood
from bpa_desktop.planner.horizon import Horizon
from bpa_desktop.planner.problem import PlanProblem

MARGIN = timedelta(days=1)
SUBSTITUTE_REASON = "Utilgjengelig denne dagen (turnusforslag)"


@dataclass(frozen=True)
class Assignment:
    """A solution read back from the model."""

    cells: Mapping[tuple[str, int, int], str]  # (assistant, week, weekday) -> code
    substitutes: tuple[tuple[date, str, str, str], ...] = ()  # (day, code, absent id, substitute id)

    def pattern(self, weeks: int) -> RotaPattern:
        return RotaPattern(weeks, dict(self.cells))

    def overrides(self) -> list[Substitute]:
        return [
            Substitute(shift_id=f"{absent}:{day.isoformat()}:{code}", assistant=substitute,
                       reason=SUBSTITUTE_REASON)
            for day, code, absent, substitute in self.substitutes
        ]


@dataclass(frozen=True)
class Verdict:
    shifts: tuple[Shift, ...]
    findings: tuple[Finding, ...]
    gaps: tuple[CoverageGap, ...]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def legal(self) -> bool:
        return not self.errors and not self.gaps


def check_options(problem: PlanProblem) -> dict:
    """The keyword options ``core.rules.check`` needs for the problem's assistants."""
    return {
        "names": {a.id: a.name for a in problem.assistants},
        "employment_percent": {a.id: a.employment_percent for a in problem.assistants},
        "vedtak": list(problem.vedtak),
        "full_time_hours": problem.full_time_hours,
    }


def roll(problem: PlanProblem, assignment: Assignment) -> list[Shift]:
    templates = {t.code: t for t in problem.templates}
    shifts = roll_out(assignment.pattern(problem.weeks), templates, problem.start, problem.end,
                      anchor=problem.anchor)
    return apply_overrides(shifts, assignment.overrides())


def judge(problem: PlanProblem, assignment: Assignment) -> Verdict:
    shifts = roll(problem, assignment)
    findings = check(shifts, problem.agreement, **check_options(problem))
    gaps = coverage_gaps(problem.need, shifts, problem.start, problem.end) if problem.need else []
    return Verdict(tuple(shifts), tuple(findings), tuple(gaps))


def cuts(horizon: Horizon, verdict: Verdict) -> set[NoGood]:
    """One cut per error: the keys of the assistant's shifts around it."""
    by_person: dict[str, list[Shift]] = {}
    for shift in verdict.shifts:
        by_person.setdefault(shift.assistant, []).append(shift)
    code_index = {t.code: i for i, t in enumerate(horizon.templates)}
    first = horizon.days[0]
    found = set()
    for finding in verdict.errors:
        lower = (finding.start - MARGIN).timestamp()
        upper = (finding.end + MARGIN).timestamp()
        keys = set()
        for shift in by_person.get(finding.assistant, ()):
            if shift.start.timestamp() < upper and shift.end.timestamp() > lower:
                day = (cal.to_local(shift.start).date() - first).days
                keys.add(horizon.by_day[day][code_index[shift.code]].key)
        if keys:
            found.add(NoGood(frozenset(keys), finding.rule))
    return found

