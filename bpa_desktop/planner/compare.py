"""Any pattern described the way a proposal is: its findings over the problem's period, the
need it leaves uncovered and its fairness table, so the Turnus page can show the current
pattern and a proposal side by side on the same terms."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta

from bpa_desktop.core.coverage import CoverageGap
from bpa_desktop.core.rules import Finding
from bpa_desktop.planner.fairness import FairnessRow, fairness_table
from bpa_desktop.planner.horizon import Horizon
from bpa_desktop.planner.problem import PlanProblem
from bpa_desktop.planner.verify import Assignment, judge


@dataclass(frozen=True)
class PatternDescription:
    findings: tuple[Finding, ...]
    gaps: tuple[CoverageGap, ...]
    fairness: tuple[FairnessRow, ...]

    @property
    def errors(self) -> int:
        return sum(f.severity == "error" for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity == "warning" for f in self.findings)


def describe_pattern(problem: PlanProblem, cells: Mapping[tuple[str, int, int], str]) -> PatternDescription:
    """``cells`` (assistant id, week, weekday) -> code, rolled out from the problem's anchor;
    cells outside the problem's weeks are left out."""
    kept = {key: code for key, code in cells.items() if key[1] < problem.weeks}
    assignment = Assignment(kept)
    verdict = judge(problem, assignment)
    templates = {t.code: t for t in problem.templates}
    periods = Horizon(problem).holiday_periods(timedelta(0))
    rows = fairness_table(
        assignment.pattern(problem.weeks), templates,
        [(a.id, a.name, a.employment_percent) for a in problem.assistants],
        verdict.shifts, periods, problem.full_time_hours,
    )
    return PatternDescription(verdict.findings, verdict.gaps, tuple(rows))
