"""The warnings' floor: a lower bound on the objective, sought beside the main search in a
thread of its own, from the objective without its fairness and preference parts.

On the whole objective CP-SAT's bound stays at the objective's constant part (24/7 with 7
assistants: 168 for 13 CPU seconds and more), while core-guided search on the warnings
alone proves their least count in a few CPU seconds (4 warnings there, in 2.2-3.3 s). The
floor minimises warnings, hand-overs, hours beyond the need and substitutions together
(the demo: 212, its optimum, in 4 s; the LP adds what the need costs in hours beyond it),
then, if that was not proven, the warnings alone; with the parts left out at their least
(fairness 0, every preference bonus taken), each bound is a bound on the whole objective,
valid beside the solver's own: the rotas the main search looks at are among those the floor
was found over (the same model; cuts only take rotas away). It is found under the weekends'
promise when that is held, so the planner drops it when it lets the promise go.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable

from ortools.sat.python import cp_model


TOGETHER_SHARE = 0.25  # of the time: the parts together, then the warnings alone (0.4: 24/7 x 7 unproven)


def least(model, terms=None) -> int:
    """A bound on ``terms`` (all the objective's) from their constants alone: every part is
    at least 0 but a preference bonus, at most one per cell."""
    return sum(t.weight * t.offset + sum(coef * t.weight * model.m.proto.variables[var.Index()].domain[-1]
                                         for var, coef in t.parts if coef < 0)
               for t in (model.terms if terms is None else terms))


class WarningsFloor:
    def __init__(self, model, seconds: float, seed: int, on_bound: Callable[[float], None]) -> None:
        bounded = [t for t in model.terms if not t.name.startswith("fair:") and t.name != "preferences"]
        warnings = [t for t in bounded if t.name.startswith("warnings")]
        others = [t for t in model.terms if t not in bounded]
        # Each objective with the parts it leaves out at their least (fairness 0, a
        # preference bonus on every cell), and the share of the time it may take.
        self._steps = [(bounded, least(model, others), TOGETHER_SHARE),
                       (warnings, least(model, [t for t in model.terms if t not in warnings]), 1.0)]
        self.bound: float | None = None
        self._on_bound = on_bound
        self._seed = seed
        self._stopped = threading.Event()
        self._lock = threading.Lock()
        self._solver: cp_model.CpSolver | None = None
        self._thread: threading.Thread | None = None
        if not warnings or seconds <= 0.1:
            return
        self._deadline = time.perf_counter() + seconds
        self.alone = model.m.clone()  # a copy: the main search goes on changing the model
        self.alone.clear_hints()
        self._thread = threading.Thread(target=self._run, name="planner-floor", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        for terms, rest, share in self._steps:
            seconds = share * (self._deadline - time.perf_counter())
            if seconds <= 0.1:
                return
            self.alone.minimize(sum(t.weight * (t.offset + sum(v * c for v, c in t.parts)) for t in terms))
            solver = cp_model.CpSolver()
            solver.parameters.max_time_in_seconds = seconds
            # One worker: beside the main search's two, on two cores (measured: with two, the
            # main search found far worse rotas in 10 s on a loaded machine).
            solver.parameters.num_workers = 1
            solver.parameters.random_seed = self._seed
            solver.parameters.subsolvers.extend(["core"])  # core-guided: bounds sums of penalties
            with self._lock:
                if self._stopped.is_set():
                    return
                self._solver = solver
            status = solver.solve(self.alone)
            if self._stopped.is_set():
                return
            if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
                bound = math.ceil(solver.best_objective_bound - 1e-6) + rest
                if self.bound is None or bound > self.bound:
                    self.bound = bound
                    self._on_bound(bound)
                if status == cp_model.OPTIMAL:
                    return  # the parts together proven: the warnings alone cannot say more

    def stop(self) -> None:
        """Stop the search and wait for its thread (safe from any thread, more than once)."""
        self._stopped.set()
        with self._lock:
            if self._solver is not None:
                self._solver.stop_search()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join()
