"""The working-time rules' forms as CP-SAT constraints for one assistant (``PlanModel``
inherits this): hard forms as constraints (behind the rule's group when explaining), soft
forms (the checker's warnings) as penalty literals for the objective."""

from __future__ import annotations

from collections import Counter

from bpa_desktop.core.rules import LAW, PRESETS
from bpa_desktop.planner.cycle import _minute, template_spans
from bpa_desktop.planner.forms import Cap, NoGood, RestNeed


class RuleConstraints:
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
