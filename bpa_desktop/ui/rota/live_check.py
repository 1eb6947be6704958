"""Working-time findings for the pattern while it is edited: the Qt side of `core.live_plan`.

`LiveChecker` runs the incremental check of `core.live_plan.LivePlan` after each edit and a
full check in a worker when the user pauses; `findings_changed` carries the result.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QObject, QTimer, Signal

from bpa_desktop.core.live_plan import CellKey, LivePlan, PlanSetup
from bpa_desktop.core.rules import Finding, check

IDLE_CHECK_MS = 400


class LiveChecker(QObject):
    """Qt side: `findings_changed(findings)` after each edit (synchronous, incremental) and
    again when the full check in the worker has finished. `checked_all` says the list is complete."""

    findings_changed = Signal(list)

    def __init__(self, runner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.plan: LivePlan | None = None
        self.checked_all = False
        self._generation = 0
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(IDLE_CHECK_MS)
        self._idle.timeout.connect(self.start_full_check)

    @property
    def findings(self) -> list[Finding]:
        return self.plan.findings if self.plan else []

    def configure(self, setup: PlanSetup, weeks: int, cells: Mapping[CellKey, str]) -> None:
        """A new period, templates, weeks or agreement: roll out afresh, check everything."""
        self._generation += 1
        self.plan = LivePlan(setup, weeks, cells)
        self.start_full_check()

    def cells_edited(self, keys: list) -> None:
        if self.plan is None:
            return
        self._generation += 1
        self.checked_all = False
        self.findings_changed.emit(self.plan.edit(keys))
        self._idle.start()

    def start_full_check(self) -> None:
        if self.plan is None:
            return
        self._idle.stop()
        self.checked_all = False
        generation, plan = self._generation, self.plan
        shifts = list(plan.index)
        setup = plan.setup
        self.runner.submit(check, shifts, setup.agreement, **setup.options(),
                           on_done=lambda found: self._full_done(generation, plan, found), owner=self)

    def _full_done(self, generation: int, plan: LivePlan, findings: list[Finding]) -> None:
        if generation != self._generation or plan is not self.plan:
            return  # an edit came in meanwhile; its own idle check follows
        plan.findings = findings
        self.checked_all = True
        self.findings_changed.emit(findings)
