"""The warnings' floor: a lower bound on the objective, sought beside the main search in a
thread of its own, from the objective without its fairness and preference parts.

On the whole objective CP-SAT's bound stays at the objective's constant part (24/7 with 7
assistants: 168 for 13 CPU seconds and more), while core-guided search on the warnings
alone proves their least count in a few CPU seconds (4 warnings there, in 2.4-4 s). The
floor minimises warnings, hand-overs, hours beyond the need and substitutions; with the
parts left out at their least (fairness 0, every preference bonus taken), its bound is a
bound on the whole objective, valid beside the solver's own: the rotas the main search looks
at are among those the floor was found over (the same model; cuts only take rotas away). It
is found under the weekends' promise when that is held, so the planner drops it when it
lets the promise go.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable

from ortools.sat.python import cp_model


def least(model, terms=None) -> int:
    """A bound on ``terms`` (all the objective's) from their constants alone: every part is
    at least 0 but a preference bonus, at most one per cell."""
    return sum(t.weight * t.offset + sum(coef * t.weight * model.m.proto.variables[var.Index()].domain[-1]
                                         for var, coef in t.parts if coef < 0)
               for t in (model.terms if terms is None else terms))


class WarningsFloor:
    def __init__(self, model, seconds: float, seed: int, on_bound: Callable[[float], None]) -> None:
        bounded = [t for t in model.terms if not t.name.startswith("fair:") and t.name != "preferences"]
        # The parts left out at their least: fairness 0, a preference bonus on every cell.
        self.rest = least(model, [t for t in model.terms if t not in bounded])
        self.bound: float | None = None
        self._on_bound = on_bound
        self._stopped = threading.Event()
        self._thread: threading.Thread | None = None
        if not any(t.name.startswith("warnings") for t in bounded) or seconds <= 0.1:
            return
        self.alone = model.m.clone()  # a copy: the main search goes on changing the model
        self.alone.clear_hints()
        self.alone.minimize(sum(t.weight * (t.offset + sum(var * coef for var, coef in t.parts)) for t in bounded))
        self.solver = cp_model.CpSolver()
        self.solver.parameters.max_time_in_seconds = seconds
        # One worker: beside the main search's two, on two cores (measured: with two, the main
        # search found far worse rotas in 10 s on a loaded machine).
        self.solver.parameters.num_workers = 1
        self.solver.parameters.random_seed = seed
        self.solver.parameters.subsolvers.extend(["core"])  # core-guided: bounds sums of penalties
        self._thread = threading.Thread(target=self._run, name="planner-floor", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        if self._stopped.is_set():
            return
        status = self.solver.solve(self.alone)
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE) and not self._stopped.is_set():
            self.bound = math.ceil(self.solver.best_objective_bound - 1e-6) + self.rest
            self._on_bound(self.bound)

    def stop(self) -> None:
        """Stop the search and wait for its thread (safe from any thread, more than once)."""
        self._stopped.set()
        if self._thread is not None:
            self.solver.stop_search()
            if self._thread is not threading.current_thread():
                self._thread.join()
