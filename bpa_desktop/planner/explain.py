"""Why no legal rota exists, and what would help: from CP-SAT's assumptions, not a guess.

The model is built again with every group of constraints behind an assumption literal (a
need block, an assistant's unavailable weekdays / dates / shift codes, a contract band, a
preset rule, a locked cell; ``planner.model``), plus one or two extra assistants whose
absence is an assumption too. CP-SAT's sufficient assumptions for infeasibility give a set
of groups that cannot hold together; it is shrunk by dropping one group at a time while the
rest stays infeasible. Then every help is measured by solving again:

* each group in the core that the leader could change: solve with all groups but that one;
* "1 assistent til på 30 %": solve with the extra assistant present, minimising their hours;
* "tillat tariff-unntak": solve the same problem under a more permissive preset;
* a longer cycle (more weeks): solve again with it;
* which need hours cannot be covered: the need made soft (slack per stretch), every other
  rule hard, the uncovered time minimised.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, replace

from ortools.sat.python import cp_model

from bpa_desktop.core.model import Agreement
from bpa_desktop.planner.cycle import DAY
from bpa_desktop.planner.forms import build_forms
from bpa_desktop.planner.horizon import Horizon
from bpa_desktop.planner.model import PlanModel
from bpa_desktop.planner.problem import PlanProblem, SolveOptions
from bpa_desktop.planner.reasons import Reason

#: Presets to try when a rule is in the core, from the current one.
MORE_PERMISSIVE = {
    Agreement.AML: (Agreement.INDIVIDUAL, Agreement.TARIFF),
    Agreement.INDIVIDUAL: (Agreement.TARIFF,),
    Agreement.HOME_EMPLOYER: (Agreement.TARIFF,),
    Agreement.TARIFF: (),
    Agreement.RELIEF: (),
}
SHRINK_SHARE = 0.375  # of a step: a group whose removal is not shown infeasible in this time stays
MANY = 4  # this many need blocks or bands, and more than half of them, are told as one reason


@dataclass(frozen=True)
class UncoveredNeed:
    week: int  # 1-based pattern week
    weekday: int
    start: str  # HH:MM
    end: str
    missing: int  # people
    needed: int
    passive: bool

    def reason(self) -> Reason:
        key = "plan_uncovered_passive" if self.passive else "plan_uncovered"
        return Reason(key, {"week": self.week, "weekday": self.weekday, "start": self.start,
                            "end": self.end, "missing": self.missing, "needed": self.needed})


@dataclass(frozen=True)
class Explanation:
    uncovered: tuple[UncoveredNeed, ...]
    reasons: tuple[Reason, ...]  # groups of constraints that cannot all hold
    helps: tuple[Reason, ...]  # changes that were shown to give a legal rota
    complete: bool  # False: the explaining time ran out before every step was done

    def to_json(self) -> dict:
        return {
            "uncovered": [u.reason().to_json() | {"week": u.week, "weekday": u.weekday,
                                                   "start": u.start, "end": u.end,
                                                   "missing": u.missing, "passive": u.passive}
                          for u in self.uncovered],
            "reasons": [r.to_json() for r in self.reasons],
            "helps": [h.to_json() for h in self.helps],
            "complete": self.complete,
        }


class _Explainer:
    def __init__(self, problem: PlanProblem, options: SolveOptions, planner, cuts) -> None:
        self.p = problem
        self.options = options
        self.planner = planner
        self.cuts = cuts
        self.deadline = time.perf_counter() + options.explain_time_limit
        self.complete = True
        self.horizon = Horizon(problem)
        self.forms = build_forms(self.horizon, problem.agreement, options.skip_rules)

    def left(self) -> float:
        return self.deadline - time.perf_counter()

    def _solve(self, model: PlanModel, assumptions, step: float | None = None) -> tuple[int, cp_model.CpSolver]:
        seconds = min(step or self.options.explain_step, self.left())
        if seconds <= 0.05 or self.planner.cancelled:
            self.complete = False
            return cp_model.UNKNOWN, None
        status, solver = self.planner.solve_quietly(model, seconds, assumptions)
        if status == cp_model.UNKNOWN:
            self.complete = False
        return status, solver

    def _model(self, problem: PlanProblem | None = None, **kw) -> PlanModel:
        problem = problem or self.p
        horizon = self.horizon if problem is self.p else Horizon(problem)
        forms = self.forms if problem is self.p else build_forms(horizon, problem.agreement, self.options.skip_rules)
        model = PlanModel(problem, horizon, forms, objective=False, skip=self.options.skip_rules, **kw)
        for form in self.cuts:
            if form.keys:
                for a in range(len(model.people)):
                    model.add_nogood(a, form)
        return model

    # --- the core -------------------------------------------------------------------------

    def core(self, model: PlanModel) -> list | None:
        names = {lit.Index(): name for name, lit in model.group_lits.items()}
        status, solver = self._solve(model, model.assumptions, 3 * self.options.explain_step)
        if status != cp_model.INFEASIBLE:
            return None
        core = [names[i] for i in solver.sufficient_assumptions_for_infeasibility() if i in names]
        # Shrink it, but leave most of the time to measuring what would help.
        stop = time.perf_counter() + 0.4 * self.left()
        for name in list(core):
            if name not in core or len(core) == 1:
                continue
            if time.perf_counter() >= stop:
                break
            trial = [n for n in core if n != name]
            status, solver = self._solve(model, [model.group_lits[n] for n in trial],
                                         SHRINK_SHARE * self.options.explain_step)
            if status == cp_model.INFEASIBLE:
                smaller = [names[i] for i in solver.sufficient_assumptions_for_infeasibility() if i in names]
                core = smaller if smaller and set(smaller) <= set(trial) else trial
        return core

    def feasible_without(self, model: PlanModel, dropped: set) -> bool:
        kept = [lit for name, lit in model.group_lits.items() if name not in dropped]
        status, _ = self._solve(model, kept)
        return status in (cp_model.OPTIMAL, cp_model.FEASIBLE)

    # --- helps ----------------------------------------------------------------------------

    def extra_help(self) -> Reason | None:
        """One or two more assistants (free of every wish, within 100 %): the fewest hours
        they would need."""
        for count in (1, 2):
            model = self._model(extras=count)
            model.m.minimize(sum(v * c for v, c in model.extra_hours))
            status, solver = self._solve(model, ())
            if status == cp_model.INFEASIBLE:
                continue
            if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
                return None
            minutes = solver.objective_value / self.horizon.period_weeks
            percent = 5 * math.ceil(minutes / 60 / self.p.full_time_hours * 100 / 5 - 1e-9)
            key = "plan_help_extra" if count == 1 else "plan_help_extras"
            return Reason(key, {"count": count, "percent": max(5, percent)})
        return None

    def preset_helps(self) -> list[Reason]:
        helps = []
        for preset in MORE_PERMISSIVE[self.p.agreement]:
            if self.left() <= 0.05:
                self.complete = False
                break
            model = self._model(replace(self.p, agreement=preset))
            status, _ = self._solve(model, ())
            if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
                helps.append(Reason("plan_help_preset", {"preset": preset.value}))
        return helps

    def weeks_help(self) -> Reason | None:
        """A longer cycle gives more ways to share Sundays and holidays."""
        for weeks in {min(8, 2 * self.p.weeks)} - {self.p.weeks}:
            if self.left() <= 0.05:
                self.complete = False
                return None
            locked = {k: v for k, v in self.p.locked.items() if k[1] < weeks}
            status, _ = self._solve(self._model(replace(self.p, weeks=weeks, locked=locked)), ())
            if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
                return Reason("plan_help_weeks", {"weeks": weeks})
        return None

    def uncovered(self) -> list[UncoveredNeed]:
        model = self._model(cover_slack=True)
        status, solver = self._solve(model, ())
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return []
        found, by_segment = [], {}
        for var, segment, total in model.slack:
            missing = solver.value(var)
            if missing and missing > by_segment.get(segment.start, (0,))[0]:
                need = segment.need_total if total else segment.need_active
                by_segment[segment.start] = (missing, need, total and segment.need_active == 0, segment)
        runs: list[list] = []  # [start, end, missing, need, passive] in cycle minutes
        for start in sorted(by_segment):
            missing, need, passive, segment = by_segment[start]
            if runs and runs[-1][1] == start and runs[-1][2:] == [missing, need, passive]:
                runs[-1][1] = segment.end
            else:
                runs.append([start, segment.end, missing, need, passive])
        for start, end, missing, need, passive in runs:
            week, rest = divmod(start, 7 * DAY)
            weekday, minute = divmod(rest, DAY)
            found.append(UncoveredNeed(week + 1, weekday, _hhmm(minute), _hhmm(end % DAY), missing, need, passive))
        return found


def _hhmm(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def _reason(problem: PlanProblem, name: tuple) -> Reason | None:
    kind, what = name
    if kind == "need":
        block = problem.need[what]
        return Reason("plan_reason_need", {"weekday": block.weekday, "start": block.start,
                                           "end": block.end, "staff": block.staff})
    if kind == "rule":
        if what.startswith("cut:") or what == "coverage":
            return Reason("plan_reason_cut", {"rule": what.removeprefix("cut:")})
        return Reason("plan_reason_rule", {"rule": what, "preset": problem.agreement.value})
    if kind == "extra":
        return None
    if kind == "locked":
        assistant_id, week, weekday = what
        person = problem.assistant(assistant_id)
        code = problem.locked[what]
        params = {"name": person.name, "weekday": weekday, "week": week + 1}
        if code is None:
            return Reason("plan_reason_locked_free", params)
        return Reason("plan_reason_locked", params | {"code": code})
    person = problem.assistant(what)
    if kind == "weekdays":
        return Reason("plan_reason_weekdays", {"name": person.name, "weekdays": sorted(person.unavailable_weekdays)})
    if kind == "dates":
        return Reason("plan_reason_dates", {"name": person.name, "dates": sorted(person.unavailable_dates)})
    if kind == "cannot":
        return Reason("plan_reason_cannot", {"name": person.name, "codes": sorted(person.cannot)})
    low, high = problem.band_of(person)
    percent = low if kind == "band-min" else high
    hours = problem.contract_minutes(person) / 60 * percent / 100
    key = "plan_reason_band_min" if kind == "band-min" else "plan_reason_band_max"
    return Reason(key, {"name": person.name, "percent": float(percent), "hours": float(hours)})


def _help(reason: Reason) -> Reason:
    """The help that lifting a reason's group would be ("Hanne kan jobbe lørdag likevel")."""
    key = reason.key.replace("plan_reason_", "plan_help_")
    if reason.key == "plan_reason_locked_free":
        key = "plan_help_locked"
    params = dict(reason.params)
    if key in ("plan_help_band_min", "plan_help_band_max"):
        params.pop("hours", None)
    return Reason(key, params)


def _told(problem: PlanProblem, core: list) -> list[Reason]:
    """The core's groups as reasons; many need blocks or many bands as one reason each
    (a core that needs them all says: the hours do not add up)."""
    needs = [name for name in core if name[0] == "need"]
    bands = [name for name in core if name[0] == "band-max"]
    many_needs = len(needs) >= MANY and 2 * len(needs) > len(problem.need)
    many_bands = len(bands) >= MANY and 2 * len(bands) > len(problem.assistants)
    reasons = []
    if many_needs:
        hours = sum(_block_hours(problem.need[b]) for _, b in needs)
        reasons.append(Reason("plan_reason_need_many", {"count": len(needs), "total": len(problem.need),
                                                        "hours": float(hours)}))
    if many_bands:
        people = [problem.assistant(a) for _, a in bands]
        hours = sum(problem.contract_minutes(p) / 60 * problem.band_of(p)[1] / 100 for p in people)
        reasons.append(Reason("plan_reason_band_many", {"count": len(people), "hours": float(hours)}))
    for name in core:
        if (name in needs and many_needs) or (name in bands and many_bands):
            continue
        reason = _reason(problem, name)
        if reason is not None:
            reasons.append(reason)
    return reasons


def _block_hours(block) -> float:
    start, end = (int(t[:2]) * 60 + int(t[3:]) for t in (block.start, block.end))
    return block.staff * ((end - start) % DAY or DAY) / 60


LIFTABLE = ("weekdays", "dates", "cannot", "band-min", "band-max", "locked", "need")


def explain(problem: PlanProblem, options: SolveOptions, planner, cuts=()) -> Explanation:
    """Why ``problem`` has no legal rota (``planner`` runs the solves and can cancel them).

    What would help comes first (each is one solve of the plain model: fast); then the core
    (the model with every group behind an assumption: slower), and what lifting each of its
    groups would do; last, which need hours stay uncovered."""
    ex = _Explainer(problem, options, planner, cuts)
    helps = []
    extra = ex.extra_help()
    if extra is not None:
        helps.append(extra)
    helps.extend(ex.preset_helps())
    longer = ex.weeks_help()
    if longer is not None:
        helps.append(longer)
    model = ex._model(groups=True)
    core = ex.core(model)
    if core is None:
        return Explanation((), (), tuple(helps), False)
    reasons = _told(problem, core)
    for name in core:
        if name[0] in LIFTABLE and name[0] != "need" and ex.feasible_without(model, {name}):
            helps.append(_help(_reason(problem, name)))
    uncovered = ex.uncovered() if any(name[0] == "need" for name in core) else []
    return Explanation(tuple(uncovered), tuple(reasons), tuple(helps), ex.complete)
