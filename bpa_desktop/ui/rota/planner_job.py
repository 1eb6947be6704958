"""One planning run off the GUI thread: read the problem through ``ws.planner``, solve it,
and describe the current pattern on the same terms. Progress comes back as a queued signal;
``cancel()`` is safe at any moment (the best legal rota found so far is kept).

CP-SAT releases the GIL while it searches (its own threads); the checker between solves is
Python and shares the GIL with the GUI, in short steps (benchmarks/bench_turnus_ui.py
measures edit latency while a proposal is being made)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QObject, Signal


@dataclass(frozen=True)
class PlanRequest:
    arrangement_id: int
    start: date
    end: date
    weeks: int
    band: tuple[float, float]
    weights: dict[str, int]
    locked: dict  # (assistant id, week, weekday) -> code or None
    current: dict  # the grid's cells, (assistant id, week, weekday) -> code
    time_limit: float = 10.0


@dataclass(frozen=True)
class PlanOutcome:
    request: PlanRequest
    problem: object  # planner.PlanProblem
    result: object  # planner.PlanResult
    current: object  # planner.compare.PatternDescription of the grid's pattern
    current_groups: tuple = ()  # findings_panel.FindingGroup: counted as the Turnus page counts
    proposal_groups: tuple = ()


class PlanJob(QObject):
    """``progressed(Progress)`` from the solving thread, delivered on the GUI thread."""

    progressed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._planner = None
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True
        planner = self._planner
        if planner is not None:
            planner.cancel()

    def run(self, workspace, request: PlanRequest) -> PlanOutcome:
        """In a worker thread."""
        from dataclasses import replace

        from bpa_desktop.planner import ContractBand, Planner, SolveOptions, Weights
        from bpa_desktop.planner.compare import describe_pattern

        problem = workspace.planner.problem(
            request.arrangement_id, request.start, end=request.end, weeks=request.weeks,
            band=ContractBand(*request.band), weights=replace(Weights(), **request.weights),
            locked=request.locked,
        )
        planner = Planner(problem, SolveOptions(time_limit=request.time_limit), self.progressed.emit)
        self._planner = planner
        if self._cancelled:
            planner.cancel()
        result = planner.run()
        current = describe_pattern(problem, {(str(a), w, d): code for (a, w, d), code in request.current.items()})
        proposal = result.proposal
        proposal_groups = () if proposal is None else grouped(problem, proposal.findings, {
            (int(a), w, d): code for (a, w, d), code in proposal.pattern.cells.items()})
        return PlanOutcome(request, problem, result, current,
                           grouped(problem, current.findings, request.current), proposal_groups)


def grouped(problem, findings, cells) -> tuple:
    """``findings`` of the pattern ``cells`` (assistant id as int) in groups, one per assistant,
    rule and severity, as the Turnus page's findings list has them, so the counts
    beside a proposal are the page's counts."""
    from bpa_desktop.core.live_plan import LivePlan, PlanSetup
    from bpa_desktop.ui.rota.findings_panel import group_findings

    setup = PlanSetup((), {t.code: t for t in problem.templates}, problem.agreement, (), problem.start, problem.end)
    plan = LivePlan(setup, problem.weeks, {key: code for key, code in cells.items() if key[1] < problem.weeks})
    return tuple(group_findings(findings, plan.cells_of, {str(a.id): a.name for a in problem.assistants}))
