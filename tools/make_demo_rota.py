"""Make the demo's 4-week rota with the planner and print it as ``demo.PLANNED_ROTA``.

The demo (``bpa_desktop/demo.py``) stores the pattern as data so that building it stays fast
and needs no solver; ``tests/workspace/test_demo_rota.py`` checks it again under the demo's
preset. The pattern is planned for the demo's four permanent assistants and its vikar over two years of
roll-out and then checked from every Monday of a year as the first day (the demo is always
relative to today, so the weeks meet Easter and Christmas differently); a pattern with an
error from any start is refused and the planner tries another seed.

Usage: python tools/make_demo_rota.py [--time-limit SECONDS]
"""

from __future__ import annotations

import argparse
from datetime import date, timedelta

from bpa_desktop import demo
from bpa_desktop.planner import ContractBand, Planner, SolveOptions
from bpa_desktop.planner.verify import Assignment, judge

FIRST_DAY = date(2026, 1, 5)  # a Monday; the problem runs two years from here


def errors_from_every_start(pattern_cells, weeks: int = 4) -> list[tuple[date, str]]:
    """(first day, rule) for every error when the pattern is rolled out from each Monday of
    a year over 18 months (what the demo and its Turnus page roll out)."""
    found = []
    for offset in range(52):
        start = FIRST_DAY + timedelta(weeks=offset)
        problem = demo.rota_problem(start, start + timedelta(weeks=78, days=-1))
        verdict = judge(problem, Assignment(pattern_cells))
        found += [(start, f.rule) for f in verdict.errors]
        found += [(start, "coverage") for _ in verdict.gaps]
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--time-limit", type=float, default=20.0)
    args = parser.parse_args()
    problem = demo.rota_problem(FIRST_DAY, FIRST_DAY + timedelta(weeks=104, days=-1), band=ContractBand(70, 100))
    for seed in range(10):
        result = Planner(problem, SolveOptions(time_limit=args.time_limit, seed=seed, workers=1)).run()
        if result.proposal is None:
            raise SystemExit(f"no legal rota: {result.status}")
        cells = result.proposal.pattern.cells
        bad = errors_from_every_start(cells)
        if not bad:
            break
        print(f"# seed {seed}: errors from some starts {sorted(set(bad))[:5]}")
    else:
        raise SystemExit("no pattern was legal from every start")
    print("PLANNED_ROTA = (")
    people = [p[0] for p in demo.PERMANENT] + [demo.SUBSTITUTE[0]]
    for index, name in enumerate(people):
        line = "".join(cells.get((str(index), w, d), ".") for w in range(4) for d in range(7))
        print(f'    "{line}",  # {name}')
    print(")")
    warnings = sum(f.severity == "warning" for f in result.proposal.findings)
    print(f"# objective {result.proposal.objective}, bound {result.proposal.bound}, warnings {warnings}")


if __name__ == "__main__":
    main()
