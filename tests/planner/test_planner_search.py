"""The search: what the model misses the checker catches (cut and solve again), progress is
reported while solving, and a cancel from another thread stops it."""

import threading
import time
from datetime import date

from bpa_desktop.core.model import Agreement
from bpa_desktop.core.rules import check
from bpa_desktop.planner import CANCELLED, LEGAL, Planner, SolveOptions, plan
from bpa_desktop.planner.verify import check_options
from tests.planner.samples import round_the_clock


def test_rules_left_out_of_the_model_are_cut_in_by_the_checker():
    problem = round_the_clock(100, 90, 80, 80, 70, 60, 60, 60, 60, agreement=Agreement.AML,
                              start=date(2026, 1, 5), end=date(2026, 3, 29))
    options = SolveOptions(time_limit=30, first_legal=True, explain=False,
                           skip_rules=frozenset({"daily-rest", "weekly-rest"}))
    result = plan(problem, options)
    assert result.status == LEGAL
    assert result.cuts > 0 and result.solves > 1  # the model proposed rotas the checker refused
    shifts = list(result.proposal.shifts)
    assert [f for f in check(shifts, problem.agreement, **check_options(problem)) if f.severity == "error"] == []


def test_cancel_from_another_thread_returns_the_best_legal_rota_so_far():
    problem = round_the_clock(100, 90, 80, 80, 70, 60, 60, start=date(2026, 1, 5), end=date(2026, 12, 27), weeks=4)
    seen = []
    planner = Planner(problem, SolveOptions(time_limit=60, explain=False), on_progress=seen.append)
    started = time.perf_counter()

    def cancel_when_improving():
        while not any(p.objective is not None for p in seen):
            if time.perf_counter() - started > 30:
                return
            time.sleep(0.05)
        planner.cancel()

    threading.Thread(target=cancel_when_improving).start()
    result = planner.run()
    assert time.perf_counter() - started < 30  # not the 60 s time limit
    assert result.status == CANCELLED and result.proposal is not None
    assert not [f for f in result.proposal.findings if f.severity == "error"]
    assert any(p.bound is not None for p in seen if p.objective is not None)


def test_cancel_before_a_first_rota_returns_nothing():
    problem = round_the_clock(100, 90, 80, 80, 70, 60, 60)
    planner = Planner(problem, SolveOptions(time_limit=30))
    planner.cancel()
    result = planner.run()
    assert result.status == CANCELLED and result.proposal is None and result.explanation is None
