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
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ortools.sat.python import cp_model

from bpa_desktop.core.budget import granted_hours
from bpa_desktop.core.model import AssistantKind
from bpa_desktop.core.rules import LAW, PRESETS
from bpa_desktop.planner.cycle import DAY, Cycle, _minute, template_spans
from bpa_desktop.planner.forms import Cap, Forms, NoGood, RestNeed
from bpa_desktop.planner.horizon import Horizon
from bpa_desktop.planner.problem import PlanAssistant, PlanProblem

GroupName = tuple  # ("need", block) | ("weekdays", id) | ("dates", id) | ("cannot", id)
# | ("band-min", id) | ("band-max", id) | ("rule", rule id) | ("locked", (id, week, day))
# | ("extra", n)


@dataclass(frozen=True)
class Term:
    """One named part of the objective: sum(coef * var), reported in its own unit."""

    name: str
    weight: int
    parts: tuple[tuple[object, int], ...]


def _overlap(span: tuple[int, int], lower: int, upper: int) -> int:
    return max(0, min(span[1], upper) - max(span[0], lower))


def category_of(template) -> str | None:
    """"night" (at least 2 h in 00-06), "evening" (else at least 2 h in 17-21) or None."""
    whole, _ = template_spans(template, 0)
    if _overlap(whole, 0, 360) + _overlap(whole, DAY, DAY + 360) >= 120:
        return "night"
    if _overlap(whole, 17 * 60, 21 * 60) >= 120:
        return "evening"
    return None


class PlanModel:
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

    def _rules_for(self, a: int) -> None:
        f = self.forms
        for form in f.hard_nogoods:
            self.add_nogood(a, form)
        for form in f.hard_rests:
            self._rest(a, form, None)
        for form in f.hard_caps:
            self._cap(a, form, None)
        if self.soft_on:
            for form, count in f.soft_nogoods.items():
                self._soft_nogood(a, form, count)
            for form, count in f.soft_rests.items():
                self._rest(a, form, count)
            for form, count in f.soft_caps.items():
                self._cap(a, form, count)
        if f.sunday is not None:
            self._sunday(a)
        if f.overtime is not None:
            self._overtime(a)
        if self.soft_on:
            self._night_work(a)

    def _warn(self, rule: str, lit, count: int) -> None:
        """A warning the checker would give ``count`` times in the roll-out, weighed per
        cycle of the pattern (so a warning counts like one weekend above a share, whatever
        the period)."""
        self._soft[rule].append((lit, max(1, round(count / self.cycles))))

    @property
    def warnings_by_rule(self) -> dict[str, list[tuple[object, int]]]:
        return self._soft

    def add_nogood(self, a: int, form: NoGood) -> None:
        lits = [self.lit(a, key) for key in form.keys]
        if any(lit is None for lit in lits):
            return
        self._clause([lit.Not() for lit in lits], ("rule", form.rule))

    def _soft_nogood(self, a: int, form: NoGood, count: int) -> None:
        lits = [self.lit(a, key) for key in form.keys]
        if any(lit is None for lit in lits):
            return
        if len(lits) == 1:
            self._warn(form.rule, lits[0], count)
            return
        penalty = self.m.new_bool_var("")
        self.m.add_bool_or([lit.Not() for lit in lits] + [penalty])
        self._warn(form.rule, penalty, count)

    def _rest_option(self, a: int, key: int, blockers: frozenset[int]):
        """A literal true when person a works ``key`` and none of ``blockers`` (cached: the
        same option recurs in many windows)."""
        cache = self._r_cache[a]
        option = (key, blockers)
        if option in cache:
            return cache[option]
        start = self.lit(a, key)
        r = start
        if start is not None:
            cut_in = [lit for lit in (self.lit(a, b) for b in blockers) if lit is not None]
            if cut_in:
                r = self.m.new_bool_var("")
                self.m.add_bool_and([start] + [lit.Not() for lit in cut_in]).only_enforce_if(r)
        cache[option] = r
        return r

    def _rest(self, a: int, form: RestNeed, count: int | None) -> None:
        first = self.lit(a, form.key)
        if first is None:
            return
        options = []
        for key, blockers in form.options:
            option = self._rest_option(a, key, blockers)
            if option is first:
                return  # the shift's own free time after it is always long enough
            if option is not None:
                options.append(option)
        if count is None:
            self._clause([first.Not()] + options, ("rule", form.rule))
        else:
            penalty = self.m.new_bool_var("")
            self.m.add_bool_or([first.Not(), penalty] + options)
            self._warn(form.rule, penalty, count)

    def _cap(self, a: int, form: Cap, count: int | None) -> None:
        terms = [(lit, c) for lit, c in ((self.lit(a, k), c) for k, c in form.terms) if lit is not None]
        most = sum(c for _, c in terms)
        if most <= form.rhs:
            return
        expr = sum(lit * c for lit, c in terms)
        if count is None:
            self._enforce(self.m.add(expr <= form.rhs), ("rule", form.rule))
        else:
            penalty = self.m.new_bool_var("")
            self.m.add(expr <= form.rhs + (most - form.rhs) * penalty)
            self._warn(form.rule, penalty, count)

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

    def _sunday(self, a: int) -> None:
        forms = self.forms.sunday
        worked = [self.period_worked(a, keys) for keys in forms.periods]
        group = ("rule", "sunday-work")
        for i in range(len(worked) - 1):
            first, second = worked[i], worked[i + 1]
            if first is None or second is None:
                continue
            if forms.agreement:
                if not self.soft_on:
                    continue
                penalty = self.m.new_bool_var("")
                self.m.add_bool_or([first.Not(), second.Not(), penalty])
                self._warn("sunday-work", penalty, 1)
            else:
                self._clause([first.Not(), second.Not()], group)
        if not forms.agreement:
            return
        for i in range(len(worked) - 3):
            run = worked[i: i + 4]
            if all(w is not None for w in run):
                self._clause([w.Not() for w in run], group)
        for i, j, cap in forms.windows:
            if worked[i] is None:
                continue
            window = [w for w in worked[i:j] if w is not None]
            if len(window) > cap:
                self._enforce(self.m.add(sum(window) <= cap), group, worked[i])

    def _terms(self, a: int, terms) -> list[tuple[object, int]]:
        return [(lit, c) for lit, c in ((self.lit(a, k), c) for k, c in terms) if lit is not None]

    def _overtime(self, a: int) -> None:
        """Overtime per week as ``core.normal_time`` reads it, within the preset's limits
        per week, 4 and 52 weeks (a warning above the law's, an error above the preset's).
        Every constraint is multiplied by ``scale`` (the averaging window's weeks), so a
        window's overtime spread over its weeks stays in whole minutes."""
        forms = self.forms.overtime
        normal_week = round(LAW.weekly_hours_normal * 60)
        series: list[tuple[object, int] | None] = []  # per week: (overtime x scale, its bound)
        if forms.averaging is None:
            scale, cache = 1, {}
            for excess, hours in forms.weeks:
                e_terms, h_terms = self._terms(a, excess), self._terms(a, hours)
                bound = max(sum(c for _, c in e_terms), sum(c for _, c in h_terms) - normal_week, 0)
                if bound == 0:
                    series.append(None)
                    continue
                if (excess, hours) not in cache:
                    ot = self.m.new_int_var(0, bound, "")
                    self.m.add(ot >= sum(lit * c for lit, c in e_terms))
                    self.m.add(ot >= sum(lit * c for lit, c in h_terms) - normal_week)
                    cache[(excess, hours)] = ot
                series.append((cache[(excess, hours)], bound))
        else:
            scale = forms.averaging
            for hours in forms.windows:
                h_terms = self._terms(a, hours)
                bound = max(sum(c for _, c in h_terms) - normal_week * scale, 0)
                excess = None
                if bound:
                    excess = self.m.new_int_var(0, bound, "")
                    self.m.add(excess >= sum(lit * c for lit, c in h_terms) - normal_week * scale)
                # each week of the window carries excess / scale: scaled, the whole excess
                series.extend([(excess, bound) if excess is not None else None] * scale)
        seen = set()
        for span, (law, preset) in zip((1, 4, 52), forms.limits):
            for j in range(len(series)):
                window = [item for item in series[j: j + span] if item is not None]
                signature = tuple(id(v) for v, _ in window)
                if (span, signature) in seen:
                    continue
                seen.add((span, signature))
                most = sum(b for _, b in window)
                if most <= law * scale:
                    continue
                expr = sum(v for v, _ in window)
                if most > preset * scale:
                    self._enforce(self.m.add(expr <= preset * scale), ("rule", "overtime"))
                if preset > law and self.soft_on:
                    penalty = self.m.new_bool_var("")
                    self.m.add(expr <= law * scale + (min(most, preset * scale) - law * scale) * penalty)
                    self._warn("overtime", penalty, 1)

    def _night_work(self, a: int) -> None:
        """A warning (never an error): regular night work averaging over 8 h a night-day.
        Measured on the cycle: the 28 days from each pattern day."""
        night_start = _minute(PRESETS[self.p.agreement].night_start)
        nights = {}
        for t, template in enumerate(self.p.templates):
            whole, _ = template_spans(template, 0)
            if whole[0] < 6 * 60 or whole[1] > night_start:
                nights[t] = whole[1] - whole[0]
        limit = round(LAW.night_hours * 60)
        if "night-work" in self.skip or all(length <= limit for length in nights.values()):
            return
        lits = {(k, t): var for k in range(self.K) for t in nights
                if (var := self.x[a].get(k * self.T + t)) is not None}
        if len(lits) < LAW.regular_night_days:
            return
        warn = self.m.new_bool_var("")
        seen = set()
        for first in range(self.K):
            count = Counter(d % self.K for d in range(first, first + 28))
            signature = tuple(sorted(count.items()))
            if signature in seen:
                continue
            seen.add(signature)
            items = [(var, count[k], nights[t]) for (k, t), var in lits.items() if count[k]]
            if sum(c for _, c, _ in items) < LAW.regular_night_days:
                continue
            few, short = self.m.new_bool_var(""), self.m.new_bool_var("")
            self.m.add(sum(v * c for v, c, _ in items) <= LAW.regular_night_days - 1).only_enforce_if(few)
            self.m.add(sum(v * c * (length - limit) for v, c, length in items) <= 0).only_enforce_if(short)
            self.m.add_bool_or([few, short, warn])
        self._warn("night-work", warn, 1)

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

    # --- objective ----------------------------------------------------------------------

    def _objective_terms(self) -> None:
        """Every term but fairness, and the counts fairness is measured on (``set_objective``
        adds fairness once a first legal rota gives the totals to share)."""
        w = self.p.weights
        pattern = [a for a, person in enumerate(self.people) if person.in_pattern and not person.id.startswith("+")]
        cats = {t: category_of(template) for t, template in enumerate(self.p.templates)}
        T = self.T

        def cells(a, test):
            return [(var, 1) for key, var in self.x[a].items() if test(key)]

        weekend = {}
        for a in pattern:
            flags = []
            for week in range(self.p.weeks):
                lo = week * 7 * DAY + 5 * DAY
                lits = [var for key, var in self.x[a].items() if self.cycle.touches(key, lo, lo + 2 * DAY)]
                if lits:
                    flag = self.m.new_bool_var("")
                    self.m.add_max_equality(flag, lits)
                    flags.append((flag, 1))
            weekend[a] = flags
        hours = {t: round((template_spans(tp, 0)[0][1] - template_spans(tp, 0)[0][0]) / 60)
                 for t, tp in enumerate(self.p.templates)}
        self.fair_counts = {
            "weekends": (w.weekends, weekend),
            "nights": (w.nights, {a: cells(a, lambda k: cats[k % T] == "night") for a in pattern}),
            "evenings": (w.evenings, {a: cells(a, lambda k: cats[k % T] == "evening") for a in pattern}),
            "hours": (w.hours, {a: [(v, hours[k % T]) for k, v in self.x[a].items()] for a in pattern}),
        }
        if self.forms.sunday is not None:
            named = [keys for keys, is_named in zip(self.forms.sunday.periods, self.forms.sunday.named) if is_named]
            holiday = {}
            for a in pattern:
                flags = [self.period_worked(a, keys) for keys in named]
                holiday[a] = [(f, 1) for f in flags if f is not None]
            self.fair_counts["holidays"] = (w.holidays, holiday)
        self._hours_slack = max(hours.values(), default=0) // 2

        handover = set(self.cycle.handover_keys())
        self._term("handovers", w.handovers, [(v, 1) for a in pattern for k, v in self.x[a].items() if k in handover])
        prefs = []
        for a in pattern:
            person = self.people[a]
            for key, var in self.x[a].items():
                code = self.p.templates[key % T].code
                if code in person.prefers:
                    prefs.append((var, -1))
                elif code in person.avoids:
                    prefs.append((var, 1))
        self._term("preferences", w.preferences, prefs)
        self._term("warnings", w.warnings, [item for items in self._soft.values() for item in items])
        self._term("substitutions", w.substitutions, [(v, 1) for a in range(len(self.people)) for v in self.s[a].values()])
        self._overstaffing(w.overstaffing)
        self._vedtak(w.warnings)

    def set_objective(self, values: list[int]) -> None:
        """Add the fairness terms, sharing the totals of the rota ``values`` by employment
        percent, and minimise the whole objective (again: a later call shares the totals of
        a better rota and replaces the fairness terms).

        Fairness counts, per assistant, what lies *above* their share (rounded up): every
        weekend, night, evening, holiday or hour (beyond half the longest shift) above it is
        one unit. Only "above" counts: the totals are what the need asks for, so one
        assistant below their share puts another above theirs; and a rota that needs fewer
        weekends in all is never pushed back up. A share met costs nothing, so the objective
        is a sum of small penalties that core-guided search can bound.
        """
        self.terms = [t for t in self.terms if not t.name.startswith("fair:")]
        self._above: dict[int, tuple[list, int]] = {}
        for name, (weight, counts) in self.fair_counts.items():
            eligible = {a: parts for a, parts in counts.items() if parts}
            if weight == 0 or len(eligible) < 2:
                continue
            total = sum(values[v.Index()] * c for parts in eligible.values() for v, c in parts)
            total_pct = sum(self.people[a].employment_percent for a in eligible)
            slack = self._hours_slack if name == "hours" else 0
            parts_out = []
            for a, parts in eligible.items():
                share = total * self.people[a].employment_percent / total_pct
                upper = math.ceil(share - 1e-9) + slack
                most = sum(c for _, c in parts)
                if most > upper:
                    above = self.m.new_int_var(0, most - upper, "")
                    self.m.add(above >= sum(v * c for v, c in parts) - upper)
                    parts_out.append((above, 1))
                    self._above[above.Index()] = (parts, upper)
            self._term(f"fair:{name}", weight, parts_out)
        self.m.minimize(sum(var * coef * term.weight for term in self.terms for var, coef in term.parts if coef))

    def term_values(self, values: list[int]) -> dict[str, int]:
        """Each objective term of a solution vector in its own unit: fairness counted from
        the decisions (so a rota found before the fairness terms existed can be measured),
        the rest as the vector has it (an upper bound where the solver did not minimise)."""
        def value(var) -> int:
            if var.Index() in self._above:
                parts, upper = self._above[var.Index()]
                return max(0, sum(values[v.Index()] * c for v, c in parts) - upper)
            return values[var.Index()]

        return {term.name: sum(value(var) * coef for var, coef in term.parts) for term in self.terms}

    def objective_value(self, values: list[int]) -> int:
        weights = {term.name: term.weight for term in self.terms}
        return sum(weights[name] * value for name, value in self.term_values(values).items())

    def _term(self, name: str, weight: int, parts: list) -> None:
        if weight and parts:
            self.terms.append(Term(name, weight, tuple(parts)))

    def _overstaffing(self, weight: int) -> None:
        if not weight:
            return
        parts = []
        people = range(len(self.people))
        for segment in self.cycle.segments:
            lits = [self.x[a][k] for a in people for k in segment.present if k in self.x[a]]
            if len(lits) <= segment.need_total:
                continue
            quarters = max(1, round(segment.minutes / 15))
            excess = self.m.new_int_var(0, len(lits), "")
            self.m.add(excess >= sum(lits) - segment.need_total)
            parts.append((excess, quarters))
        self._term("overstaffing", weight, parts)

    def _vedtak(self, weight: int) -> None:
        if not self.p.vedtak or not weight:
            return
        by_year: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
        for o in self.h.occurrences:
            by_year[o.day.year][o.key] += o.minutes
        parts = []
        for year, minutes in by_year.items():
            granted = round(granted_hours(self.p.vedtak, year) * 60)
            terms = [(lit, c) for a in range(len(self.people)) for k, c in minutes.items()
                     if (lit := self.lit(a, k)) is not None]
            most = sum(c for _, c in terms)
            if most <= granted:
                continue
            penalty = self.m.new_bool_var("")
            self.m.add(sum(lit * c for lit, c in terms) <= granted + (most - granted) * penalty)
            parts.append((penalty, 1))
        self._term("warnings:vedtak", weight, parts)

