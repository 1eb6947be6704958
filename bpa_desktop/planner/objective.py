"""The objective's terms (``PlanModel`` inherits this): fairness, hand-overs, preferences,
warnings, substitutions, hours beyond the need and the vedtak; each a weighted sum of small
penalties (see ``planner.model``)."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from bpa_desktop.core.budget import granted_hours
from bpa_desktop.planner.cycle import DAY, template_spans


@dataclass(frozen=True)
class Term:
    """One named part of the objective: sum(coef * var), reported in its own unit."""

    name: str
    weight: int
    parts: tuple[tuple[object, int], ...]
    offset: int = 0  # a constant part of the term (in its unit), left out of ``parts``


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


class ObjectiveTerms:
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
        self.weekend_fair = self._fair_weekends(weekend)
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

        self._handovers(w.handovers, pattern)
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
        self.m.minimize(sum(var * coef * term.weight for term in self.terms for var, coef in term.parts if coef)
                        + sum(term.offset * term.weight for term in self.terms))

    def term_values(self, values: list[int]) -> dict[str, int]:
        """Each objective term of a solution vector in its own unit: fairness counted from
        the decisions (so a rota found before the fairness terms existed can be measured),
        the rest as the vector has it (an upper bound where the solver did not minimise)."""
        def value(var) -> int:
            if var.Index() in self._above:
                parts, upper = self._above[var.Index()]
                return max(0, sum(values[v.Index()] * c for v, c in parts) - upper)
            return values[var.Index()]

        return {term.name: term.offset + sum(value(var) * coef for var, coef in term.parts) for term in self.terms}

    def objective_value(self, values: list[int]) -> int:
        weights = {term.name: term.weight for term in self.terms}
        return sum(weights[name] * value for name, value in self.term_values(values).items())

    def _term(self, name: str, weight: int, parts: list, offset: int = 0) -> None:
        if weight and (parts or offset):
            self.terms.append(Term(name, weight, tuple(parts), offset))

    def _fair_weekends(self, weekend: dict) -> object | None:
        """The fairness table's promise as a constraint: nobody works more than one weekend a
        cycle above their share of all the weekends worked (shared by employment percent over
        every assistant, as ``fairness_table`` shares). With P the percents' sum, linear in
        the counts: count x P <= total x percent + P. It holds only while its literal is
        fixed true (``hold``): the planner holds it, and lets go when no rota meets it."""
        flags = {a: [v for v, _ in parts] for a, parts in weekend.items() if parts}
        if len(flags) < 2:
            return None
        self._weekend_flags = flags
        self._percent = {a: round(self.people[a].employment_percent * 100) for a in flags}
        self._percents = sum(round(p.employment_percent * 100) for p in self.p.assistants)
        total = sum(v for vs in flags.values() for v in vs)
        lit = self.m.new_bool_var("fair-weekends")
        for a, vs in flags.items():
            self.m.add(_within_share(sum(vs), total, self._percent[a], self._percents)).only_enforce_if(lit)
        return lit

    def hold(self, lit, on: bool) -> None:
        """Fix a switch literal true (its constraints hold) or let it go free."""
        self.m.proto.variables[lit.Index()].domain[0] = 1 if on else 0  # [low, high]

    def weekends_fair(self, values: list[int]) -> bool:
        """Whether the rota ``values`` keeps the fairness table's weekend promise."""
        if self.weekend_fair is None:
            return True
        counts = {a: sum(values[v.Index()] for v in vs) for a, vs in self._weekend_flags.items()}
        total = sum(counts.values())
        return all(_within_share(c, total, self._percent[a], self._percents) for a, c in counts.items())

    def _handovers(self, weight: int, pattern: list[int]) -> None:
        """Shifts that start while the need runs on. A cell that alone covers some need
        (nothing else is at work there) holds at least that many of them in every rota: that
        many count as the term's constant offset, and only the people beyond it as a
        variable, the same sum written so that the solver's bound starts from the constant
        instead of having to find it one cell at a time (it did not, in 10 s, for 24/7)."""
        if not weight:
            return
        handover = set(self.cycle.handover_keys())
        by_key: dict[int, list] = defaultdict(list)
        for a in pattern:
            for key, var in self.x[a].items():
                if key in handover:
                    by_key[key].append(var)
        floor: dict[int, int] = defaultdict(int)
        if not self.groups and not self.cover_slack and len(pattern) == len(self.people):
            for segment in self.cycle.segments:  # coverage is hard here: a sure floor
                if len(segment.present) == 1 and segment.present[0] in by_key:
                    key = segment.present[0]
                    floor[key] = max(floor[key], min(segment.need_total, len(by_key[key])))
        parts, offset = [], 0
        for key, lits in by_key.items():
            if floor[key] == 0:
                parts.extend((v, 1) for v in lits)
                continue
            beyond = self.m.new_int_var(0, len(lits) - floor[key], "")
            self.m.add(beyond == sum(lits) - floor[key])
            parts.append((beyond, 1))
            offset += floor[key]
        self._term("handovers", weight, parts, offset)

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


def _within_share(count, total, percent: int, percents: int):
    """At most one weekend above the share ``total x percent / percents``, multiplied out so that
    it is linear: the model's constraint on its variables, and the same test on a rota's counts."""
    return count * percents <= total * percent + percents
