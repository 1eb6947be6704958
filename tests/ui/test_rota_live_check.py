"""The incremental live check agrees with a full check for the rules it owns; the default period."""

from __future__ import annotations

import random
from datetime import date, timedelta

from bpa_desktop.core.model import Agreement, Assistant, Vedtak
from bpa_desktop.core.live_plan import LivePlan, PlanSetup
from bpa_desktop.ui.rota.period import default_period
from tests.ui.rota_helpers import TEMPLATES

EXACT = {"overlap", "daily-rest", "daily-hours", "weekly-hours"}


def test_edits_keep_the_local_findings_equal_to_a_full_check():
    start = date(2026, 3, 2)  # the period crosses the DST change and Easter
    people = [Assistant(n, 1, f"A{n}", str(n), 50) for n in (1, 2, 3)]
    setup = PlanSetup(people, {t.code: t for t in TEMPLATES}, Agreement.AML, (), start, start + timedelta(weeks=16, days=-1))
    cells: dict = {}
    plan = LivePlan(setup, 4, cells)
    plan.findings = plan.full_check()
    rng = random.Random(4)
    for _ in range(40):
        key = (rng.choice(people).id, rng.randrange(4), rng.randrange(7))
        code = rng.choice(["D", "A", "N", None])
        if code is None:
            cells.pop(key, None)
        else:
            cells[key] = code
        live = {f for f in plan.edit([key]) if f.rule in EXACT}
        full = {f for f in plan.full_check() if f.rule in EXACT}
        assert live == full
    assert any(f.rule == "daily-rest" for f in plan.findings)


def test_cells_of_a_rest_finding_are_the_two_shifts():
    start = date(2026, 6, 1)
    people = [Assistant(1, 1, "A", "1", 50)]
    setup = PlanSetup(people, {t.code: t for t in TEMPLATES}, Agreement.AML, (), start, start + timedelta(weeks=8, days=-1))
    cells = {(1, 0, 0): "N", (1, 0, 1): "D"}
    plan = LivePlan(setup, 4, cells)
    rest = [f for f in plan.full_check() if f.rule == "daily-rest"]
    assert len(rest) == 2  # weeks 1 and 5
    assert all(plan.cells_of(f) == {(1, 0, 0), (1, 0, 1)} for f in rest)
    assert plan.days_of([(1, 0, 1)]) == [date(2026, 6, 2), date(2026, 6, 30)]


def test_default_period_follows_the_vedtak_and_the_previous_cycle():
    vedtak = Vedtak(1, 1, 40, date(2026, 1, 1), date(2027, 6, 30))
    # Thursday: the next Monday; to the vedtak's end
    assert default_period(date(2026, 11, 26), vedtak) == (date(2026, 11, 30), date(2027, 6, 30))
    # a previous roll-out from 2 November, 4 weeks: the next cycle starts 30 November, 3 weeks later 28 December
    assert default_period(date(2026, 11, 26), vedtak, 4, date(2026, 11, 2))[0] == date(2026, 11, 30)
    assert default_period(date(2026, 12, 1), vedtak, 4, date(2026, 11, 2))[0] == date(2026, 12, 28)
    # an open-ended vedtak: 52 weeks
    open_ended = Vedtak(1, 1, 40, date(2026, 1, 1), None)
    assert default_period(date(2026, 11, 30), open_ended) == (date(2026, 11, 30), date(2027, 11, 28))
