"""Benchmark the Turnus page: time from a cell edit to the findings panel and the grid being
repainted, for a 4-week pattern rolled out over 52 weeks for 8 assistants. Prints figures;
not run as a test. Goal: median under 50 ms.

The page runs offscreen over a real Workspace (temporary file). Each edit goes through the
model's setData (what typing a code + Enter does), then the event loop runs until both the
grid's and the findings list's viewports have received a Paint event after the edit.

With --while-solving the planner makes a proposal in a worker thread meanwhile (the 24/7
arrangement of bench_planner.py: 7 assistants, 4 weeks, a year), as «Lag forslag …» does,
so the figures show what the search costs the grid (CP-SAT searches in its own threads
without the GIL; the checker between solves is Python).

Usage: QT_QPA_PLATFORM=offscreen python benchmarks/bench_turnus_ui.py [--edits N] [--weeks-pattern W]
       [--while-solving]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bpa_desktop.core.model import (  # noqa: E402
    Arrangement, ArrangementSetup, Assistant, EmployerKind, ShiftTemplate, Vedtak,
)

ASSISTANTS = 8
TEMPLATES = (
    ShiftTemplate("D", "Dagvakt", "08:00", "15:30", colour="#59a14f"),
    ShiftTemplate("A", "Kveldsvakt", "15:00", "22:30", colour="#f28e2b"),
    ShiftTemplate("N", "Nattevakt", "22:00", "08:00", "23:00", "07:00", "#4e79a7"),
)


class PaintWatch(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.painted_at: float | None = None

    def eventFilter(self, _obj, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint:
            self.painted_at = time.perf_counter()
        return False


def build_workspace(path: Path, start: date):
    from bpa_desktop.workspace import Workspace

    ws = Workspace.open(path)
    arrangement = ws.people.create_arrangement(ArrangementSetup(
        Arrangement(None, "Benk", "Mottaker", "Leder", EmployerKind.MUNICIPALITY, "Testby kommune",
                    "974760673", "Testby"),
        Vedtak(None, None, 120.0, start, start + timedelta(weeks=52, days=-1)),
        tuple(Assistant(None, None, f"Assistent {n + 1}", str(1000 + n), 50.0, start_date=start - timedelta(days=400))
              for n in range(ASSISTANTS)),
    ))
    for template in TEMPLATES:
        ws.rota.save_shift_template(arrangement.id, template)
    return ws


def pattern(model, weeks: int) -> dict:
    """Day, evening and night spread over the assistants, as a real rota might be."""
    cells = {}
    codes = "DAN"
    for row, assistant in enumerate(model.assistants):
        for week in range(weeks):
            for weekday in range(7):
                slot = (weekday + week * 7) % ASSISTANTS
                if slot in (row, (row + 3) % ASSISTANTS):
                    cells[(assistant.id, week, weekday)] = codes[(row + weekday) % 3]
    return cells


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--edits", type=int, default=60)
    parser.add_argument("--weeks-pattern", type=int, default=4)
    parser.add_argument("--while-solving", action="store_true")
    args = parser.parse_args()

    from bpa_desktop.ui.context import AppContext
    from bpa_desktop.ui.pages.rota import RotaPage
    from bpa_desktop.ui.rota.commands import SetCellsCommand

    app = QApplication.instance() or QApplication(sys.argv[:1])
    start = date.today() - timedelta(days=date.today().weekday()) + timedelta(weeks=1)
    with tempfile.TemporaryDirectory() as folder:
        ws = build_workspace(Path(folder) / "bench.sqlite", start)
        ctx = AppContext(ws)
        page = RotaPage(ctx)
        page.resize(1200, 760)
        page.show()
        ctx.load_arrangements()
        ctx.runner.wait_for_done()
        page.set_active(True)
        while not page.is_loaded:
            app.processEvents()
        page.start.setDate(page.start.date().fromString(start.strftime("%Y-%m-%d"), "yyyy-MM-dd"))
        page.end.setDate(page.end.date().fromString((start + timedelta(weeks=52, days=-1)).strftime("%Y-%m-%d"),
                                                    "yyyy-MM-dd"))
        page.weeks.setValue(args.weeks_pattern)
        model = page.model
        model.undo_stack.push(SetCellsCommand(model, pattern(model, args.weeks_pattern), "fill"))
        page.checker.start_full_check()
        ctx.runner.wait_for_done()
        app.processEvents()
        shifts = len(page.checker.plan.index)
        print(f"plan: {len(model.assistants)} assistants, {args.weeks_pattern}-week pattern, "
              f"{page.start_date} – {page.end_date}, {shifts} shifts, {len(page.checker.findings)} findings")

        grid_watch, list_watch = PaintWatch(), PaintWatch()
        page.view.viewport().installEventFilter(grid_watch)
        page.findings.list.viewport().installEventFilter(list_watch)
        planner = solver_thread = None
        if args.while_solving:
            import threading

            sys.path.insert(0, str(Path(__file__).parent))
            from bench_planner import round_the_clock

            from bpa_desktop.planner import Planner, SolveOptions

            phases = []
            planner = Planner(round_the_clock((100, 90, 80, 80, 70, 60, 60), 4), SolveOptions(time_limit=60),
                              lambda progress: phases.append(progress.phase))
            solver_thread = threading.Thread(target=planner.run)
            solver_thread.start()
            while not phases:  # the model is built, the search has begun
                time.sleep(0.01)
        times, check_times = [], []
        codes = ["D", "A", "N", ""]
        for n in range(args.edits):
            row, column = n % model.rowCount(), (n * 5) % min(21, model.columnCount())  # on screen
            current = model.code_at(row, column) or ""
            code = next(c for c in codes[n % len(codes):] + codes if c != current)  # a real change
            grid_watch.painted_at = list_watch.painted_at = None
            t0 = time.perf_counter()
            model.setData(model.index(row, column), code)
            t_checked = time.perf_counter()
            while grid_watch.painted_at is None or list_watch.painted_at is None:
                app.processEvents()
                if time.perf_counter() - t0 > 5:
                    raise SystemExit(f"no repaint within 5 s (grid {grid_watch.painted_at}, list {list_watch.painted_at})")
            times.append((max(grid_watch.painted_at, list_watch.painted_at) - t0) * 1000)
            check_times.append((t_checked - t0) * 1000)
        page.checker._idle.stop()
        if planner is not None:
            planner.cancel()
            solver_thread.join()
            print(f"the planner was searching throughout: {phases.count('solving')} progress reports, "
                  f"{phases.count('checking')} checks of a whole year")
        ctx.runner.wait_for_done()

        def figures(values):
            ordered = sorted(values)
            return (f"median {statistics.median(ordered):.1f} ms, p90 {ordered[int(0.9 * (len(ordered) - 1))]:.1f} ms, "
                    f"max {ordered[-1]:.1f} ms")

        print(f"edit -> findings computed ({args.edits} edits): {figures(check_times)}")
        print(f"edit -> findings panel and grid repainted: {figures(times)}")
        t0 = time.perf_counter()
        page.checker.plan.full_check()
        print(f"full check of the period (runs in a worker when idle): {(time.perf_counter() - t0) * 1000:.0f} ms")
        page.close()
        ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
