"""Solving: CP-SAT search, the checker's verdict on every answer, cuts, progress and cancel.

``Planner(problem, options, on_progress).run()`` blocks (run it in a worker thread);
``cancel()`` may be called from any other thread and stops the search at once (the best
legal rota found so far is still returned). ``on_progress`` is called from the solving
thread with a ``Progress`` on every new solution and every better bound.

The loop: solve; roll the best answer out over the period and run ``core.rules.check`` and
the coverage check; if the checker finds an error the model missed, add a cut per error and
solve again (with the answer as a hint). Nothing with an error is ever returned as legal.
While the objective is minimised, ``planner.floor`` bounds it from a thread of its own. The
weekends' promise of the fairness table is a hard constraint from the first legal rota on,
let go only when no rota keeps it.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from ortools.sat.python import cp_model

from bpa_desktop.core.model import Shift
from bpa_desktop.core.rota import RotaPattern, Substitute
from bpa_desktop.core.rules import Finding
from bpa_desktop.planner.fairness import FairnessRow, fairness_table
from bpa_desktop.planner.floor import WarningsFloor, least
from bpa_desktop.planner.forms import NoGood, build_forms
from bpa_desktop.planner.hints import decision_vars as _decision_vars, hint_all, hint_decisions
from bpa_desktop.planner.horizon import Horizon
from bpa_desktop.planner.model import PlanModel
from bpa_desktop.planner.problem import PlanProblem, SolveOptions
from bpa_desktop.planner.verify import Assignment, Verdict, cuts, judge

LEGAL, NO_LEGAL_ROTA, UNKNOWN, CANCELLED = "legal", "no-legal-rota", "unknown", "cancelled"
FLAWLESS_SHARE = 0.3  # of the time left: a rota with no warning and nobody above a share
BIG_ABOVE = 1000  # decision variables (24/7 x 7, 4 weeks: 588; x 12, 8 weeks: 2016)


@dataclass(frozen=True)
class Progress:
    phase: str  # "building", "solving", "checking", "explaining"
    elapsed: float  # seconds since run() started
    objective: float | None = None  # best found by the model so far (lower is better)
    bound: float | None = None  # no rota can be better than this
    solutions: int = 0
    cuts: int = 0  # checker findings the model has been taught so far

    @property
    def gap(self) -> float | None:
        """(objective - bound) / objective, 0 when proven optimal."""
        if self.objective is None or self.bound is None:
            return None
        if abs(self.objective) < 1e-9:
            return 0.0
        return max(0.0, (self.objective - self.bound) / abs(self.objective))


@dataclass(frozen=True)
class Proposal:
    pattern: RotaPattern
    anchor: object  # date: week 0 of the pattern starts here
    substitutes: tuple[Substitute, ...]  # overrides for the unavailable dates
    shifts: tuple[Shift, ...]  # the roll-out over the period, substitutes applied
    findings: tuple[Finding, ...]  # the checker's findings: warnings only
    objective: int | None  # None: the time ran out before the objective was measured
    bound: float | None
    optimal: bool
    terms: dict[str, float]  # objective parts in their own units (see planner.model)
    fairness: tuple[FairnessRow, ...]

    @property
    def gap(self) -> float | None:
        return Progress("", 0, self.objective, self.bound).gap


@dataclass(frozen=True)
class PlanResult:
    status: str  # LEGAL, NO_LEGAL_ROTA, UNKNOWN (time ran out first), CANCELLED
    proposal: Proposal | None = None
    explanation: object | None = None  # planner.explain.Explanation when NO_LEGAL_ROTA
    elapsed: float = 0.0
    first_solution: float | None = None  # seconds to the model's first answer
    first_legal: float | None = None  # seconds until an answer passed the checker
    cuts: int = 0
    solves: int = 0

    @property
    def legal(self) -> bool:
        return self.proposal is not None


@dataclass
class _Found:
    values: list[int]
    objective: float
    bound: float


class _Collector(cp_model.CpSolverSolutionCallback):
    """Keeps the last solutions and reports progress; stops after one in first-legal mode."""

    def __init__(self, planner: Planner, stop_first: bool, optimising: bool) -> None:
        super().__init__()
        self.planner = planner
        self.stop_first = stop_first
        self.optimising = optimising
        self.found: list[_Found] = []

    def on_solution_callback(self) -> None:
        values = list(self.response_proto.solution)
        found = _Found(values, self.objective_value, self.best_objective_bound)
        self.found = (self.found + [found])[-5:]
        self.planner._solution(found if self.optimising else None)
        if self.stop_first:
            self.stop_search()


@dataclass
class _State:
    solutions: int = 0
    objective: float | None = None
    bound: float | None = None
    first_solution: float | None = None
    cuts: set = field(default_factory=set)


class Planner:
    def __init__(
        self,
        problem: PlanProblem,
        options: SolveOptions = SolveOptions(),
        on_progress: Callable[[Progress], None] | None = None,
    ) -> None:
        self.problem = problem
        self.options = options
        self.on_progress = on_progress
        self._lock = threading.Lock()
        self._solver: cp_model.CpSolver | None = None
        self._cancelled = threading.Event()
        self._state = _State()
        self._held = self.problem_has_promise = False  # the weekends' promise is hard (see run)
        self._phase = ""
        self._big = False  # a big model: polished full hints, LNS alone (see _portfolio)
        self._floor_search: WarningsFloor | None = None
        self._floor: float | None = None  # a bound on the objective from the warnings' floor
        self._t0 = time.perf_counter()

    # --- threads ------------------------------------------------------------------------

    def cancel(self) -> None:
        """Stop as soon as possible (safe from any thread)."""
        self._cancelled.set()
        with self._lock:
            if self._solver is not None:
                self._solver.stop_search()
            floor = self._floor_search
        if floor is not None:
            floor.stop()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def _elapsed(self) -> float:
        return time.perf_counter() - self._t0

    def _report(self, phase: str) -> None:
        if self.on_progress is not None:
            s = self._state
            self.on_progress(Progress(phase, self._elapsed(), s.objective, s.bound, s.solutions, len(s.cuts)))

    def _solution(self, found: _Found | None) -> None:
        s = self._state
        s.solutions += 1
        if found is not None:
            s.objective, s.bound = found.objective, self._floored(found.bound)
        if s.first_solution is None:
            s.first_solution = self._elapsed()
        self._report("solving")

    def _bound(self, bound: float) -> None:
        if self._state.objective is None:
            return  # the feasibility phase has no objective
        self._state.bound = self._floored(bound)
        self._report("solving")

    # --- the run ------------------------------------------------------------------------

    def run(self) -> PlanResult:
        self._t0 = time.perf_counter()
        problem, options = self.problem, self.options
        problem.validate()
        self._report("building")
        horizon = Horizon(problem)
        forms = build_forms(horizon, problem.agreement, options.skip_rules)
        model = PlanModel(problem, horizon, forms, skip=options.skip_rules, objective=not options.first_legal)
        self._deadline = self._t0 + options.time_limit
        self._solves = 0
        # 1. A first legal rota: the model without its objective finds one fast; it keeps the
        # weekends' promise (``PlanModel.weekend_fair``) unless no rota can.
        self._held = self.problem_has_promise = model.weekend_fair is not None
        if self._held:
            model.hold(model.weekend_fair, True)
        status, best = self._first_legal(model, horizon)
        if best is None and status == cp_model.INFEASIBLE and self._held:
            self._let_go(model)
            status, best = self._first_legal(model, horizon)
        first_legal = self._elapsed() if best is not None else None
        optimal = False
        # 2. Improve it: the full objective, from the legal rota as a hint.
        if best is not None and not options.first_legal:
            status, best, optimal = self._improve(model, horizon, best)
        return self._result(problem, horizon, model, status, best, first_legal, optimal)

    def _time_left(self) -> float:
        return self._deadline - time.perf_counter()

    def _first_legal(self, model: PlanModel, horizon: Horizon):
        status = cp_model.UNKNOWN
        while not self.cancelled and self._time_left() > 0.05:
            feasibility = model.m
            collector = _Collector(self, stop_first=True, optimising=False)
            status = self._solve(feasibility, collector, self._time_left())
            if not collector.found:
                return status, None
            found = collector.found[-1]
            self._report("checking")
            assignment = read_assignment(model, found.values)
            verdict = judge(self.problem, assignment)
            if verdict.legal:
                return status, (_Found(found.values, math.inf, 0.0), assignment, verdict)
            if not self._cut(model, horizon, verdict, found.values):
                return cp_model.UNKNOWN, None
        return status, None

    def _let_go(self, model: PlanModel) -> None:
        model.hold(model.weekend_fair, False)
        self._held = False
        with self._lock:
            self._floor = self._state.bound = None  # bounds found under the promise lapse with it

    def _improve(self, model: PlanModel, horizon: Horizon, best):
        """Minimise from the legal rota ``best``, while a thread bounds the warnings alone
        (``planner.floor``). Fairness shares the totals of a rota: first the first legal
        one's, then, when a flawless rota (no warning, nobody above their share) exists,
        that one's, which may need fewer weekends in all. While the weekends' promise is
        held (a hard constraint), a bound or an optimum is among the rotas that keep it."""
        model.set_objective(best[0].values)
        self._big = len(_decision_vars(model)) > BIG_ABOVE
        self._floor_search = WarningsFloor(model, self._time_left(), self.options.seed, self._floor_found)
        try:
            return self._search(model, horizon, best)
        finally:
            self._floor_search.stop()

    def _search(self, model: PlanModel, horizon: Horizon, best):
        status = cp_model.UNKNOWN
        self._phase = "flawless"
        flawless = self._flawless(model, best)
        if flawless is not best:
            best = flawless
            model.set_objective(best[0].values)
        values = self._polish(model, best[0].values) if self._big else best[0].values
        best = (_Found(values, model.objective_value(values), 0.0), best[1], best[2])
        unfair = self._held and not model.weekends_fair(best[0].values)  # any fair rota beats it
        self._phase = "improve"
        # Best so far, with a bound: the objective's constants, or the floor once found.
        self._state.objective = best[0].objective
        self._state.bound = self._floored(least(model))
        self._report("solving")
        while not self.cancelled and self._time_left() > 0.05:
            (hint_all if self._big else hint_decisions)(model, best[0].values)
            collector = _Collector(self, stop_first=False, optimising=True)
            status = self._solve(model.m, collector, self._time_left())
            if status == cp_model.INFEASIBLE and self._held:
                self._let_go(model)  # no rota keeps the promise (with the cuts so far)
                unfair = False
                continue
            fresh: set = set()
            self._report("checking")
            for found in sorted(collector.found, key=lambda f: f.objective):
                if found.objective >= best[0].objective and not unfair:
                    break
                assignment = read_assignment(model, found.values)
                verdict = judge(self.problem, assignment)
                if verdict.legal:
                    best, unfair = (found, assignment, verdict), False
                    break
                fresh |= self._cut(model, horizon, verdict, found.values)
            floored = self._floor is not None and self._floor >= best[0].objective - 1e-9
            if not fresh:
                # Proven optimal when the solver finished (or the floor reached the best
                # rota) and the best answer was legal (or nothing beat the legal one we had).
                return status, best, (status == cp_model.OPTIMAL or floored) and not unfair
            if status != cp_model.OPTIMAL:
                return status, best, False  # the time ran out; keep the best legal one
        return status, best, False

    def _floored(self, bound: float) -> float:
        """A bound of the main search, raised to the floor's once the floor's thread has one."""
        return bound if self._floor is None else max(bound, self._floor)

    def _floor_found(self, bound: float) -> None:
        """From the floor's thread: a bound on the objective. One that reaches the best rota
        found proves it optimal: the main search can stop."""
        with self._lock:
            if not self._held and self.problem_has_promise:
                return  # found under the promise, which has been let go
            self._floor = bound
            s = self._state
            if s.bound is not None:
                s.bound = max(s.bound, bound)
            proven = self._phase == "improve" and s.objective is not None and bound >= s.objective - 1e-9
            if proven and self._solver is not None:
                self._solver.stop_search()

    def _polish(self, model: PlanModel, values: list[int]) -> list[int]:
        """The rota ``values`` with its penalties at their least: a rota found without the
        objective leaves them free, and from such a hint (24/7 x 12: ~800 warnings counted
        where the checker gives ~80) the main search often did not recover in 10 s. Every
        decision fixed, so the solve is propagation alone; the rota is the same."""
        fixed = model.m.clone()
        fixed.clear_hints()
        for var in _decision_vars(model):
            fixed.add(var == values[var.Index()])
        collector = _Collector(self, stop_first=False, optimising=False)
        seconds = min(1.0, 0.2 * self._time_left())
        self._solve(fixed, collector, seconds, main=False, solver=self.new_solver(seconds))
        return collector.found[-1].values if collector.found else values

    def _flawless(self, model: PlanModel, best):
        """Try for a rota with no warning and everyone within their fair share, as a
        feasibility problem (fast when one exists); a legal one is the hint to improve."""
        flawless = model.m.clone()
        flawless.clear_objective()
        for term in model.terms:
            if term.name.startswith("fair:") or term.name.startswith("warnings"):
                for var, _ in term.parts:
                    flawless.add(var == 0)
        collector = _Collector(self, stop_first=True, optimising=False)
        self._solve(flawless, collector, FLAWLESS_SHARE * self._time_left(), main=False)
        if collector.found:
            assignment = read_assignment(model, collector.found[-1].values)
            verdict = judge(self.problem, assignment)
            if verdict.legal:
                return (_Found(collector.found[-1].values, math.inf, 0.0), assignment, verdict)
        return best

    def _result(self, problem, horizon, model, status, best, first_legal, optimal) -> PlanResult:
        elapsed = self._elapsed()
        s = self._state
        common = dict(elapsed=elapsed, first_solution=s.first_solution, cuts=len(s.cuts), solves=self._solves)
        if best is not None:
            found, assignment, verdict = best
            bound = found.objective if optimal else self._floored(
                s.bound if s.bound is not None and model.m.has_objective() else found.bound)
            if not math.isfinite(found.objective):
                bound = None
            proposal = _proposal(problem, horizon, model, found, assignment, verdict, optimal, bound)
            return PlanResult(CANCELLED if self.cancelled else LEGAL, proposal, None,
                              first_legal=first_legal, **common)
        if self.cancelled:
            return PlanResult(CANCELLED, **common)
        if status == cp_model.INFEASIBLE:
            explanation = None
            if self.options.explain:
                from bpa_desktop.planner.explain import explain

                self._report("explaining")
                explanation = explain(problem, self.options, self, cuts=s.cuts)
                common["elapsed"] = self._elapsed()
            return PlanResult(NO_LEGAL_ROTA, None, explanation, **common)
        return PlanResult(UNKNOWN, **common)

    def _cut(self, model: PlanModel, horizon: Horizon, verdict: Verdict, values: list[int]) -> set:
        fresh = cuts(horizon, verdict) - self._state.cuts
        for form in fresh:
            for a in range(len(model.people)):
                model.add_nogood(a, form)
        if verdict.gaps and not verdict.errors:
            # Coverage is exact on the cycle, so this is a model fault: exclude this answer.
            lits = [var.Not() for var in _decision_vars(model) if values[var.Index()]]
            model.m.add_bool_or(lits)
            fresh.add(NoGood(frozenset(), "coverage"))
        self._state.cuts |= fresh
        return fresh

    def _solve(self, model: cp_model.CpModel, collector: _Collector, seconds: float,
               main: bool = True, solver: cp_model.CpSolver | None = None) -> int:
        """Solve ``model``; ``main``: it is the plan's objective (progress and bound)."""
        self._solves += 1
        if solver is None:
            solver = self.new_solver(seconds)
            self._portfolio(solver, model.has_objective())
        main = main and model.has_objective()
        if main:
            solver.best_bound_callback = self._bound
        with self._lock:
            if self.cancelled:
                return cp_model.UNKNOWN
            self._solver = solver
        try:
            status = solver.solve(model, collector)
            if main and status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
                self._state.bound = self._floored(solver.best_objective_bound)
            return status
        finally:
            with self._lock:
                self._solver = None

    def new_solver(self, seconds: float) -> cp_model.CpSolver:
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(0.01, seconds)
        solver.parameters.num_workers = self.options.workers
        solver.parameters.random_seed = self.options.seed
        return solver

    def _portfolio(self, solver: cp_model.CpSolver, optimising: bool) -> None:
        """On two cores, the LP with every clause in it ("max_lp": the default LP leaves
        clauses out, so it neither bounds the objective nor sees that the need outgrows the
        contracts), beside the default search for a first rota or the core-guided search,
        which bounds sums of small penalties well. Measured in benchmarks/bench_planner.py."""
        if optimising and self._big:
            # A big model's full search does not finish in time and the floor's thread
            # bounds it, so every worker improves the hint by large-neighbourhood search
            # (24/7 x 12: within 3.5 % of the bound in 10 s in 6 runs of 6, where full
            # search beside LNS reached 9-72 %).
            solver.parameters.use_lns_only = True
        elif self.options.workers == 2:
            solver.parameters.subsolvers.extend(["max_lp", "core" if optimising else "default_lp"])

    def solve_quietly(self, model: PlanModel, seconds: float, assumptions=()) -> tuple[int, cp_model.CpSolver]:
        """A solve for explaining: no progress reports, cancellable, assumptions as given."""
        solver = self.new_solver(seconds)
        self._portfolio(solver, model.m.has_objective())
        model.m.clear_assumptions()
        if assumptions:
            model.m.add_assumptions(list(assumptions))
        with self._lock:
            if self.cancelled:
                return cp_model.UNKNOWN, solver
            self._solver = solver
        try:
            return solver.solve(model.m), solver
        finally:
            with self._lock:
                self._solver = None


def read_assignment(model: PlanModel, values: list[int]) -> Assignment:
    p, h, T = model.p, model.h, model.T
    cells = {}
    for a, person in enumerate(model.people):
        for key, var in model.x[a].items():
            if values[var.Index()]:
                k, t = divmod(key, T)
                cells[(person.id, k // 7, k % 7)] = p.templates[t].code
    substitutes = []
    for i in h.exception_days:
        day, k = h.days[i], h.cell_of_day[i]
        for t in range(T):
            key = h.cell_keys + i * T + t
            away = [person.id for a, person in enumerate(model.people)
                    if day in person.unavailable_dates
                    and (var := model.x[a].get(k * T + t)) is not None and values[var.Index()]
                    and ((w := model.works_day[a].get(key)) is None or not values[w.Index()])]
            taking = [person.id for a, person in enumerate(model.people)
                      if (var := model.s[a].get(key)) is not None and values[var.Index()]]
            code = p.templates[t].code
            substitutes.extend((day, code, absent, sub) for absent, sub in zip(away, taking))
    return Assignment(cells, tuple(substitutes))


def _proposal(problem, horizon, model, found, assignment, verdict, optimal, bound) -> Proposal:
    terms = model.term_values(found.values)
    templates = {t.code: t for t in problem.templates}
    pattern = assignment.pattern(problem.weeks)
    periods = horizon.holiday_periods(timedelta(0))
    rows = fairness_table(
        pattern, templates, [(a.id, a.name, a.employment_percent) for a in problem.assistants],
        verdict.shifts, periods, problem.full_time_hours,
    )
    return Proposal(
        pattern=pattern,
        anchor=problem.anchor,
        substitutes=tuple(assignment.overrides()),
        shifts=verdict.shifts,
        findings=verdict.findings,
        objective=round(found.objective) if math.isfinite(found.objective) else None,
        bound=bound,
        optimal=optimal,
        terms=terms,
        fairness=tuple(rows),
    )
