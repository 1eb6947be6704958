"""Make the demo's 4-week rotas with the planner and print them as ``demo.PLANNED_ROTAS``.

The demo (``bpa_desktop/demo.py``) stores the patterns as data so that building it stays
fast and needs no solver; ``tests/workspace/test_demo_rota.py`` checks them again. The demo
is always relative to today, so its weeks meet Easter, Christmas and the other holidays
differently from one day to the next. Two people are needed every Sunday (the Saturday
night, the Sunday day): whoever works every other weekend may not also work a weekday that
can be a holiday, or "every other Sunday and holiday free" breaks in some years. So the
three smallest positions are planned for weekends only (unavailable Monday to Friday) and
the two largest may go up to 130 % of their contract (a warning, not an error). The demo takes
the first stored pattern, in one of its four rotations, that gives no error from its own
first day; this script keeps planning until every Monday of the years checked has one.

Usage: python tools/make_demo_rota.py [--years N] [--time-limit SECONDS]
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import date, timedelta

from bpa_desktop import demo
from bpa_desktop.planner import Planner, SolveOptions

FIRST_DAY = date(2026, 1, 5)  # a Monday


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--years", type=int, default=3)
    parser.add_argument("--time-limit", type=float, default=8.0)
    args = parser.parse_args()
    starts = [FIRST_DAY + timedelta(weeks=n) for n in range(52 * args.years)]
    chosen: list[tuple[str, ...]] = []
    open_starts = list(starts)
    for attempt in range(40):
        if not open_starts:
            break
        first = open_starts[0]
        problem = demo.rota_problem(first, first + timedelta(weeks=demo.ROTA_CHECK_WEEKS, days=-1))
        problem = replace(problem, assistants=tuple(
            replace(a, unavailable_weekdays=frozenset(range(5)), band=(0.0, 100.0)) if index >= 2
            else replace(a, band=(0.0, 130.0)) for index, a in enumerate(problem.assistants)))
        result = Planner(problem, SolveOptions(time_limit=args.time_limit, seed=attempt, workers=1)).run()
        if result.proposal is None:
            print(f"# attempt {attempt} from {first}: {result.status}")
            continue
        cells = result.proposal.pattern.cells
        lines = tuple("".join(cells.get((str(i), w, d), ".") for w in range(4) for d in range(7))
                      for i in range(len(demo.PERMANENT) + 1))
        trial = tuple(chosen) + (lines,)
        still = [s for s in open_starts
                 if demo.choose_rota(s, s + timedelta(weeks=demo.ROTA_CHECK_WEEKS, days=-1), trial) is None]
        if len(still) < len(open_starts):
            chosen.append(lines)
            print(f"# attempt {attempt} from {first}: kept, {len(still)} starts left")
            open_starts = still
    if open_starts:
        print(f"# {len(open_starts)} starts without a legal choice, the first {open_starts[0]}")
    names = [p[0] for p in demo.PERMANENT] + [demo.SUBSTITUTE[0]]
    print("PLANNED_ROTAS = (")
    for lines in chosen:
        print("    (")
        for line, name in zip(lines, names):
            print(f'        "{line}",  # {name}')
        print("    ),")
    print(")")


if __name__ == "__main__":
    main()
