"""A proposal taken is one undoable edit of the Turnus page: the grid shows the proposal and
``ws.planner.apply_proposal`` stores it (a rota version and its substitutes, one
transaction); undo shows the grid as it was and ``ws.planner.undo_proposal`` puts the stored
version and plan back; redo stores the proposal again. The writes run in the worker one
after another (a quick Ctrl+Z, Ctrl+Shift+Z must not race)."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from PySide6.QtGui import QUndoCommand


class SerialWrites:
    """Runs workspace calls through the task runner one at a time, in order."""

    def __init__(self, runner, owner) -> None:
        self.runner = runner
        self.owner = owner
        self._queue: deque = deque()
        self._running = False

    def submit(self, fn: Callable, *args, on_done=None, on_error=None, **kwargs) -> None:
        self._queue.append((fn, args, kwargs, on_done, on_error))
        if not self._running:
            self._next()

    @property
    def idle(self) -> bool:
        return not self._running and not self._queue

    def _next(self) -> None:
        if not self._queue:
            self._running = False
            return
        self._running = True
        fn, args, kwargs, on_done, on_error = self._queue.popleft()

        def done(result, then=on_done) -> None:
            if then is not None:
                then(result)
            self._next()

        def failed(error, then=on_error) -> None:
            self._queue.clear()  # later steps build on this one
            if then is not None:
                then(error)
            self._next()

        self.runner.submit(fn, *args, **kwargs, on_done=done, on_error=failed, owner=self.owner)


class ApplyProposalCommand(QUndoCommand):
    """``page`` is the Turnus page (its model, period, name, workspace and ``writes``).
    ``applied`` is the receipt of the first store, done before the command is pushed."""

    def __init__(self, page, proposal, before: tuple[int, dict], applied, text: str) -> None:
        super().__init__(text)
        self.page = page
        self.proposal = proposal
        self.before_weeks, self.before_cells = before
        self.after_weeks = proposal.pattern.weeks
        self.after_cells = {(int(a), w, d): code for (a, w, d), code in proposal.pattern.cells.items()}
        self.applied = applied
        self.saved_before: tuple[int, dict] | None = None  # what was saved before the proposal (the page sets it)
        self._stored = True  # the first redo (on push) only shows what is stored already

    def _show(self, weeks: int, cells: dict) -> None:
        model = self.page.model
        model.resize(weeks)
        changes = {key: None for key in model.cells if key not in cells}
        changes.update({key: code for key, code in cells.items() if model.cells.get(key) != code})
        model.apply(changes)

    def redo(self) -> None:
        self._show(self.after_weeks, self.after_cells)
        if self._stored:
            self._stored = False
            return
        page, ws = self.page, self.page.ctx.workspace
        page.writes.submit(ws.planner.apply_proposal, page.ctx.arrangement_id, self.proposal,
                           name=page.name.text(), start=self.proposal.anchor, end=self.applied.end,
                           on_done=self._reapplied, on_error=page.proposal_write_failed)

    def _reapplied(self, applied) -> None:
        self.applied = applied
        self.page.proposal_stored(True, self)

    def undo(self) -> None:
        self._show(self.before_weeks, self.before_cells)
        page = self.page
        page.writes.submit(lambda: page.ctx.workspace.planner.undo_proposal(self.applied),
                           on_done=lambda _rota: page.proposal_stored(False, self),
                           on_error=page.proposal_write_failed)
