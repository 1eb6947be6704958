"""The CP-SAT model: who works which template in which pattern cell.

Variables, per assistant: ``x`` for every pattern cell and template (at most one template
per cell), and on days when someone is unavailable, ``s`` (takes a shift as a substitute)
and ``works`` for that day alone. The working-time rules come from ``planner.forms``; need
coverage is exact on the cycle (``planner.cycle``); the contract band is on the real
roll-out's hours.

With ``groups`` the model is built for explaining: every group of constraints (a need
block, an assistant's unavailable days, a band, a preset rule, a locked cell, an extra
assistant's absence) is enforced by an assumption literal, and ``assumptions`` lists them.

Objective (minimised, integers): a weighted sum of small penalties, one unit each: a warning
the checker would give (per cycle of the pattern), a hand-over, a quarter hour
beyond the need, a substitution, a preferred (bonus) or avoided shift, and for fairness every
weekend, night, evening, holiday or hour above the assistant's share (``set_objective``).
Hand-overs a cell must carry (it alone covers some need) are a constant offset of their term.
Hard beside it, behind a switch literal: nobody more than one weekend above their share, as
the fairness table counts (``weekend_fair``).

The rules' constraints are written in ``planner.model_rules``, the objective's terms in
``planner.objective``; this module holds the variables, the need and the contract band.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable

from ortools.sat.python import cp_model

from bpa_desktop.core.model import AssistantKind
from bpa_desktop.planner.cycle import Cycle
from bpa_desktop.planner.forms import Forms, NoGood
from bpa_desktop.planner.horizon import Horizon
from bpa_desktop.planner.model_rules import RuleConstraints
from bpa_desktop.planner.objective import ObjectiveTerms, Term
from bpa_desktop.planner.problem import PlanAssistant, PlanProblem

GroupName = tuple  # ("need", block) | ("weekdays", id) | ("dates", id) | ("cannot", id)
# | ("band-min", id) | ("band-max", id) | ("rule", rule id) | ("locked", (id, week, day))
# | ("extra", n)


class PlanModel(RuleConstraints, ObjectiveTerms):
    def __init__(
        self,
        problem: PlanProblem,
        horizon: Horizon,
        forms: Forms,
        *,
        groups: bool = False,
        cover_slack: bool = False,
        extras: int = 0,
        objective: bool = True,
        skip: frozenset[str] = frozenset(),
    ) -> None:
        self.p = problem
        self.h = horizon
        self.forms = forms
        self.cycle = Cycle(problem)
        self.groups = groups
        self.cover_slack = cover_slack
        self.skip = skip
        self.soft_on = objective
        self.m = cp_model.CpModel()
        self.T, self.K = horizon.T, horizon.K
        self.cycles = max(1.0, len(horizon.days) / horizon.K)
        self.people: list[PlanAssistant] = list(problem.assistants) + [
            PlanAssistant(f"+{n + 1}", f"+{n + 1}", 100.0) for n in range(extras)
        ]
        self.group_lits: dict[GroupName, cp_model.IntVar] = {}
        self.terms: list[Term] = []
        self.weekend_fair = None  # the switch of the weekends' hard promise (objective mode)
        self._above: dict[int, tuple[list, int]] = {}  # fairness var -> (its count, share)
        self.slack: list[tuple[object, object, bool]] = []  # cover slack (var, segment, of all present)
        self.x: list[dict[int, cp_model.IntVar]] = [{} for _ in self.people]
        self.s: list[dict[int, cp_model.IntVar]] = [{} for _ in self.people]  # per-day key -> var
        self.works_day: list[dict[int, object]] = [{} for _ in self.people]
        self._r_cache: list[dict] = [{} for _ in self.people]
        self._w_cache: list[dict] = [{} for _ in self.people]
        self.extra_hours: list[tuple[object, int]] = []
        self._soft: dict[str, list[tuple[object, int]]] = defaultdict(list)
        self._build(objective)

    # --- groups and literals ------------------------------------------------------------

    def group(self, name: GroupName):
        """The assumption literal of a group (groups mode), else None (always enforced)."""
        if not self.groups:
            return None
        lit = self.group_lits.get(name)
        if lit is None:
            lit = self.m.new_bool_var(f"g{len(self.group_lits)}")
            self.group_lits[name] = lit
        return lit

    @property
    def assumptions(self) -> list:
        return list(self.group_lits.values())

    def _clause(self, lits: Iterable, group: GroupName | None = None) -> None:
        lits = list(lits)
        g = self.group(group) if group else None
        if g is not None:
            lits.append(g.Not())
        self.m.add_bool_or(lits)

    def _enforce(self, constraint, group: GroupName | None, *more) -> None:
        lits = [lit for lit in more if lit is not None]
        g = self.group(group) if group else None
        if g is not None:
            lits.append(g)
        if lits:
            constraint.only_enforce_if(lits)

    def lit(self, a: int, key: int):
        """Whether person ``a`` works the occurrence ``key`` (None: never)."""
        if key < self.h.cell_keys:
            return self.x[a].get(key)
        return self.works_day[a].get(key)

    # --- building -----------------------------------------------------------------------

    def _build(self, objective: bool) -> None:
        self._pattern_vars()
        self._exception_days()
        for a in range(len(self.people)):
            self._rules_for(a)
            self._band(a)
        self._coverage()
        if objective:
            self._objective_terms()
        elif self.cover_slack:
            self.m.minimize(sum(v * segment.minutes for v, segment, _ in self.slack))

    def _cell_blocks(self, person: PlanAssistant, k: int, t: int) -> list[GroupName]:
        """Why person may not work template t in cell k (groups that forbid it)."""
        why = []
        week, weekday = divmod(k, 7)
        code = self.p.templates[t].code
        if weekday in person.unavailable_weekdays:
            why.append(("weekdays", person.id))
        if code in person.cannot:
            why.append(("cannot", person.id))
        locked = self.p.locked.get((person.id, week, weekday), "")
        if locked != "" and locked != code:
            why.append(("locked", (person.id, week, weekday)))
        return why

    def _pattern_vars(self) -> None:
        for a, person in enumerate(self.people):
            if not person.in_pattern:
                continue
            # An extra assistant (explaining) is absent only as an assumption of the core.
            extra = ("extra", person.id) if person.id.startswith("+") and self.groups else None
            for k in range(self.K):
                cell = []
                for t in range(self.T):
                    why = self._cell_blocks(person, k, t)
                    if why and not self.groups:
                        continue
                    var = self.m.new_bool_var(f"x{a}_{k}_{t}")
                    self.x[a][k * self.T + t] = var
                    cell.append(var)
                    for name in why + ([extra] if extra else []):
                        self._enforce(self.m.add(var == 0), name)
                if len(cell) > 1:
                    self.m.add_at_most_one(cell)
            for (pid, week, weekday), code in self.p.locked.items():
                if pid != person.id or code is None:
                    continue
                var = self.x[a].get((7 * week + weekday) * self.T + self._t(code))
                if var is None:
                    self.m.add_bool_or([])  # locked to a cell the person cannot take
                else:
                    self._enforce(self.m.add(var == 1), ("locked", (pid, week, weekday)))

    def _t(self, code: str) -> int:
        return next(i for i, t in enumerate(self.p.templates) if t.code == code)

    def _exception_days(self) -> None:
        """On a day someone is unavailable, their pattern shift goes to someone free that day."""
        for i in self.h.exception_days:
            day = self.h.days[i]
            k = self.h.cell_of_day[i]
            handed = defaultdict(list)  # t -> shifts handed away
            taken = defaultdict(list)  # t -> substitutes
            for a, person in enumerate(self.people):
                away = day in person.unavailable_dates
                pattern = [self.x[a].get(k * self.T + t) for t in range(self.T)]
                day_lits = []
                for t in range(self.T):
                    key = self.h.cell_keys + i * self.T + t
                    x = pattern[t]
                    if away:
                        if not self.groups:
                            if x is not None:
                                handed[t].append(x)
                            continue
                        if x is None:
                            continue
                        cancel = self.m.new_bool_var("")
                        self.m.add_implication(cancel, x)
                        works = self.m.new_bool_var("")
                        self.m.add(works == x - cancel)
                        self._enforce(self.m.add(works == 0), ("dates", person.id))
                        handed[t].append(cancel)
                        self.works_day[a][key] = works
                        day_lits.append(works)
                        continue
                    sub = None
                    if self._may_substitute(person, day, t):
                        sub = self.m.new_bool_var(f"s{a}_{i}_{t}")
                        self.s[a][key] = sub
                        taken[t].append(sub)
                        if person.id.startswith("+") and self.groups:
                            self._enforce(self.m.add(sub == 0), ("extra", person.id))
                    if x is None and sub is None:
                        continue
                    if sub is None:
                        works = x
                    elif x is None:
                        works = sub
                    else:
                        works = self.m.new_bool_var("")
                        self.m.add(works == x + sub)
                    self.works_day[a][key] = works
                    day_lits.append(works)
                subs = [self.s[a][self.h.cell_keys + i * self.T + t] for t in range(self.T)
                        if (self.h.cell_keys + i * self.T + t) in self.s[a]]
                if subs:  # a substitute shift only on a day free in the pattern
                    self.m.add(sum(subs) + sum(x for x in pattern if x is not None) <= 1)
                if len(day_lits) > 1:
                    self.m.add_at_most_one(day_lits)
            for t in range(self.T):
                if handed[t] or taken[t]:
                    self.m.add(sum(taken[t]) == sum(handed[t]))

    def _may_substitute(self, person: PlanAssistant, day, t: int) -> bool:
        code = self.p.templates[t].code
        return not (code in person.cannot or day.weekday() in person.unavailable_weekdays)

    # --- working-time rules -------------------------------------------------------------

    def _warn(self, rule: str, lit, count: int) -> None:
        """A warning the checker would give ``count`` times in the roll-out, weighed per
        cycle of the pattern (so a warning counts like one weekend above a share, whatever
        the period)."""
        self._soft[rule].append((lit, max(1, round(count / self.cycles))))


    def add_nogood(self, a: int, form: NoGood) -> None:
        lits = [self.lit(a, key) for key in form.keys]
        if any(lit is None for lit in lits):
            return
        self._clause([lit.Not() for lit in lits], ("rule", form.rule))

    def period_worked(self, a: int, keys: frozenset[int]):
        """Whether person a works in a Sunday/holiday period (exactly: OR of its shifts)."""
        if keys in self._w_cache[a]:
            return self._w_cache[a][keys]
        lits = [lit for lit in (self.lit(a, k) for k in keys) if lit is not None]
        if not lits:
            worked = None
        elif len(lits) == 1:
            worked = lits[0]
        else:
            worked = self.m.new_bool_var("")
            self.m.add_max_equality(worked, lits)
        self._w_cache[a][keys] = worked
        return worked

    # --- contract band ------------------------------------------------------------------

    def key_minutes(self) -> dict[int, int]:
        """Minutes over the whole period of each key."""
        if not hasattr(self, "_key_minutes"):
            minutes: dict[int, int] = defaultdict(int)
            for o in self.h.occurrences:
                minutes[o.key] += o.minutes
            self._key_minutes = minutes
        return self._key_minutes

    def hours_expr(self, a: int) -> tuple[list[tuple[object, int]], int]:
        terms = [(self.lit(a, k), c) for k, c in self.key_minutes().items()]
        terms = [(lit, c) for lit, c in terms if lit is not None]
        return terms, sum(c for _, c in terms)

    def _band(self, a: int) -> None:
        person = self.people[a]
        terms, most = self.hours_expr(a)
        if not terms:
            return
        expr = sum(lit * c for lit, c in terms)
        if person.id.startswith("+"):
            self.extra_hours.extend(terms)
            return
        weeks = self.h.period_weeks
        contract = self.p.contract_minutes(person) * weeks
        low, high = self.p.band_of(person)
        if person.band is None and person.kind is not AssistantKind.PERMANENT:
            low = 0.0  # a vikar fills in: no floor unless the leader gives them one
        if low > 0:
            self._enforce(self.m.add(expr >= math.ceil(contract * low / 100 - 1e-6)), ("band-min", person.id))
        upper = math.floor(contract * high / 100 + 1e-6)
        if most > upper:
            self._enforce(self.m.add(expr <= upper), ("band-max", person.id))
        full = math.floor(contract + 1e-6)
        if self.soft_on and min(most, upper) > full:
            penalty = self.m.new_bool_var("")
            self.m.add(expr <= full + (min(most, upper) - full) * penalty)
            self._warn("contract-hours", penalty, 1)

    # --- need coverage ------------------------------------------------------------------

    def _coverage(self) -> None:
        people = range(len(self.people))
        for segment in self.cycle.segments:
            if segment.need_total == 0:
                continue
            groups = [self.group(("need", b)) for b in segment.blocks]
            for keys, need, total in ((segment.active, segment.need_active, False),
                                      (segment.present, segment.need_total, True)):
                if need == 0:
                    continue
                lits = [self.x[a][k] for a in people for k in keys if k in self.x[a]]
                expr = sum(lits)
                if self.cover_slack:
                    slack = self.m.new_int_var(0, need, "")
                    self.slack.append((slack, segment, total))
                    expr = expr + slack
                constraint = self.m.add(expr >= need)
                if self.groups:
                    constraint.only_enforce_if([g for g in groups if g is not None])

