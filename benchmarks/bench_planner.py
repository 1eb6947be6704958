"""Benchmark the turnus planner (issue 11). Prints figures; not run as a test.

For each arrangement: the time to the first legal rota (``first_legal`` mode: the model
without its objective, then the checker over the whole period), and in the normal mode with
a 10 s limit: the time to the first legal rota, the time the best one was found, its
objective and CP-SAT's bound, and the gap between them. Every rota counted here passed
``core.rules.check`` over the whole period (the planner returns nothing else).

Arrangements (a year of roll-out, 2026, Europe/Oslo: DST changes, Easter, Whitsun, Christmas):
* 24/7: day 07-15, evening 15-23, sleeping night 23-07 (passive 23:30-06:30), every day;
  7 assistants (100, 90, 80, 80, 70, 60, 60 %) in a 4-week pattern, and 12 assistants
  (80 % down to 40 %) in an 8-week pattern; tariff preset (under the law alone, with no
  agreement, 7 assistants cannot share Easter's and Ascension's runs of holidays; the
  "aml" line shows how long it takes to say so and why);
* the demo arrangement (``bpa demo``, planned from its database from 1 June 2026).

Targets on the 2-core machine: first legal rota < 1 s for 4 weeks x 7; proven optimal or
within 5 % of the bound in 10 s; no assistant more than one weekend above their fair share.
The bound is a lower bound of the objective printed (the same sum, hand-overs' constant part
included); while the weekends' promise is held it is a bound among the rotas that keep it.
CP-SAT counts wall time, so a loaded machine gets less done in 10 s: each line gives the load
average and the CPU seconds the run had (``time.process_time``, all threads). The `holidays` package is imported before timing (the app
has it loaded; a cold first call costs about 0.2 s more).

Usage: python benchmarks/bench_planner.py [--limit SECONDS] [--repeat N] [--only NAME]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

from bpa_desktop.core import calendar as cal
from bpa_desktop.core.model import Agreement, NeedBlock, ShiftTemplate, Vedtak
from bpa_desktop.planner import PlanAssistant, PlanProblem, Planner, SolveOptions

TEMPLATES = (
    ShiftTemplate("D", "Dag", "07:00", "15:00"),
    ShiftTemplate("A", "Kveld", "15:00", "23:00"),
    ShiftTemplate("N", "Natt", "23:00", "07:00", "23:30", "06:30"),
)
NEED = tuple(NeedBlock(d, "07:00", "23:00") for d in range(7)) + tuple(
    NeedBlock(d, "23:00", "07:00", passive=True) for d in range(7))
YEAR = (date(2026, 1, 5), date(2026, 12, 27))


def round_the_clock(percents, weeks, agreement=Agreement.TARIFF) -> PlanProblem:
    people = tuple(PlanAssistant(f"a{i}", f"Assistent {i + 1}", p) for i, p in enumerate(percents))
    return PlanProblem(TEMPLATES, NEED, people, *YEAR, weeks, agreement,
                       (Vedtak(None, None, 168, date(2026, 1, 1), date(2026, 12, 31)),))


def demo_problem(folder: Path) -> PlanProblem:
    from bpa_desktop.demo import build_demo
    from bpa_desktop.workspace import Workspace

    path = folder / "demo.sqlite"
    arrangement_id = build_demo(path, today=date(2026, 5, 20))
    with Workspace.open(path) as ws:
        return ws.planner.problem(arrangement_id, date(2026, 6, 1))


def first_legal(problem: PlanProblem) -> tuple[float, str]:
    result = Planner(problem, SolveOptions(time_limit=30, first_legal=True)).run()
    return (result.first_legal if result.first_legal is not None else result.elapsed), result.status


def improve(problem: PlanProblem, limit: float) -> dict:
    improved = []

    def progress(p):
        if p.phase == "solving" and p.objective is not None and (not improved or p.objective < improved[-1][1]):
            improved.append((p.elapsed, p.objective))

    cpu = time.process_time()
    result = Planner(problem, SolveOptions(time_limit=limit), progress).run()
    cpu = time.process_time() - cpu
    proposal = result.proposal
    if proposal is None:
        return {"status": result.status, "elapsed": result.elapsed, "cpu": cpu}
    best_at = next((t for t, o in improved if o == proposal.objective), improved[-1][0] if improved else result.first_legal)
    return {
        "status": result.status, "elapsed": result.elapsed, "cpu": cpu, "first_legal": result.first_legal,
        "best_at": best_at, "objective": proposal.objective, "bound": proposal.bound,
        "gap": proposal.gap, "optimal": proposal.optimal, "cuts": result.cuts,
        "warnings": sum(f.severity == "warning" for f in proposal.findings),
        "errors": sum(f.severity == "error" for f in proposal.findings),
        "weekends_above": max(r.weekends - r.weekends_share for r in proposal.fairness),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=float, default=10.0)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--only")
    args = parser.parse_args()
    cal.is_public_holiday(date(2026, 1, 1))  # load the holidays package before timing
    with tempfile.TemporaryDirectory() as folder:
        cases = {
            "24/7, 7 assistants, 4 weeks": round_the_clock((100, 90, 80, 80, 70, 60, 60), 4),
            "24/7, 12 assistants, 8 weeks": round_the_clock((80, 80, 70, 70, 60, 60, 60, 50, 50, 50, 40, 40), 8),
            "demo arrangement, 4 weeks": demo_problem(Path(folder)),
        }
        for name, problem in cases.items():
            if args.only and args.only not in name:
                continue
            firsts = [first_legal(problem) for _ in range(args.repeat)]
            runs = [improve(problem, args.limit) for _ in range(args.repeat)]
            print(f"{name}  ({len(problem.assistants)} assistants, {problem.agreement.value}, "
                  f"{problem.start}..{problem.end})")
            print(f"  first legal rota (first-legal mode): {statistics.median(t for t, _ in firsts):.2f} s "
                  f"[{', '.join(f'{t:.2f}' for t, _ in firsts)}] {firsts[0][1]}")
            for run in runs:
                if run["status"] not in ("legal", "cancelled"):
                    print(f"  {args.limit:.0f} s run: {run['status']} after {run['elapsed']:.1f} s")
                    continue
                gap = f"{100 * run['gap']:.1f} %" if run["gap"] is not None else "n/a"
                print(f"  {args.limit:.0f} s run (load {os.getloadavg()[0]:.1f}, {run['cpu']:.1f} CPU s): "
                      f"first legal {run['first_legal']:.2f} s, best at "
                      f"{run['best_at']:.2f} s, objective {run['objective']}, bound {run['bound']:.0f}, "
                      f"gap {gap}{' (optimal)' if run['optimal'] else ''}; {run['warnings']} warnings, "
                      f"{run['errors']} errors, {run['cuts']} cuts; most weekends above share "
                      f"{run['weekends_above']:+.2f}")
        if not args.only or "aml" in args.only:
            problem = replace(cases["24/7, 7 assistants, 4 weeks"], agreement=Agreement.AML)
            started = time.perf_counter()
            result = Planner(problem, SolveOptions(time_limit=args.limit, first_legal=True)).run()
            print(f"24/7, 7 assistants, aml: {result.status} in {time.perf_counter() - started:.1f} s")
            if result.explanation is not None:
                for reason in result.explanation.reasons:
                    print(f"  because: {reason.text()}")
                for help_ in result.explanation.helps:
                    print(f"  would help: {help_.text()}")


if __name__ == "__main__":
    main()
