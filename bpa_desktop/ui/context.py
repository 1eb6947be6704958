"""What every page shares: the open Workspace, the task runner, the job manager, the undo
history and the chosen arrangement; and the one broadcast of what a write changed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from bpa_desktop.ui.operations.changes import Changes
from bpa_desktop.ui.operations.history import UndoHistory
from bpa_desktop.ui.operations.jobs import JobManager
from bpa_desktop.ui.workers import TaskRunner

if TYPE_CHECKING:  # the window paints before the core's model is imported
    from bpa_desktop.core.model import Arrangement


class AppContext(QObject):
    """The one place that knows which arrangement (ordning) is shown.

    Pages listen to `arrangement_changed` and to `changed(Changes, initiator)`: every write goes
    through an operation (ui/operations/operation.py) that broadcasts the typed `Changes` it made
    once it has committed, so a change made on one page shows on the others. `initiator` is the
    widget that asked for it (it may already show the change). `attestation_committed` fires
    after a timesheet was attested: the sync worker pushes the new outbox row at once.
    """

    arrangements_changed = Signal(list)  # list[Arrangement]
    arrangement_changed = Signal(object)  # Arrangement | None
    changed = Signal(object, object)  # Changes, the initiating widget or None
    attestation_committed = Signal()
    workspace_ready = Signal()  # set_workspace(): the database is open (app start opens it in a worker)

    def __init__(self, workspace, runner: TaskRunner | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.runner = runner or TaskRunner(self)
        self.jobs = JobManager(self.runner.pool, self)  # reads share the runner's pool
        self.history = UndoHistory(self)
        self.arrangements: list[Arrangement] = []
        self.arrangement: Arrangement | None = None
        self.arrangements_loaded = False
        self.sync = None  # the SyncController, set by the main window (ui/sync/controller.py)
        self._arrangements_wanted: tuple | None = None  # asked for before the workspace was open

    def set_workspace(self, workspace) -> None:
        """The Workspace opened in a worker after the window painted: read the arrangements now."""
        self.workspace = workspace
        self.workspace_ready.emit()
        if self._arrangements_wanted is not None:
            self.load_arrangements(*self._arrangements_wanted)

    @property
    def arrangement_id(self) -> int | None:
        return self.arrangement.id if self.arrangement else None

    def load_arrangements(self, select_id: int | None = None) -> None:
        """Read the arrangement list in a worker; keeps the current choice when it still exists.
        Before the workspace is open, once it is."""
        if self.workspace is None:
            self._arrangements_wanted = (select_id,)
            return
        self._arrangements_wanted = None
        wanted = select_id if select_id is not None else self.arrangement_id
        self.runner.submit(
            self.workspace.people.list_arrangements,
            on_done=lambda arrangements: self._set_arrangements(arrangements, wanted),
            owner=self,
        )

    def _set_arrangements(self, arrangements: list[Arrangement], wanted: int | None) -> None:
        self.arrangements = list(arrangements)
        self.arrangements_loaded = True
        self.arrangements_changed.emit(self.arrangements)
        chosen = next((a for a in self.arrangements if a.id == wanted), None)
        if chosen is None and self.arrangements:
            chosen = self.arrangements[0]
        self.select_arrangement(chosen, force=True)

    def select_arrangement(self, arrangement: Arrangement | None, force: bool = False) -> None:
        if not force and arrangement == self.arrangement:
            return
        self.arrangement = arrangement
        self.arrangement_changed.emit(arrangement)

    def select_arrangement_id(self, arrangement_id: int | None) -> None:
        chosen = next((a for a in self.arrangements if a.id == arrangement_id), None)
        self.select_arrangement(chosen)

    def replace_arrangement(self, arrangement: Arrangement) -> None:
        """After an edit: update the list without a reload from disk (the edit's operation then
        broadcasts what changed)."""
        self.arrangements = [arrangement if a.id == arrangement.id else a for a in self.arrangements]
        self.arrangements_changed.emit(self.arrangements)
        if self.arrangement is not None and self.arrangement.id == arrangement.id:
            self.arrangement = arrangement

    def broadcast(self, changes: Changes, initiator: object = None) -> None:
        """Tell every view what a committed write changed (operations call this)."""
        if changes:
            self.changed.emit(changes, initiator)

    def notify_attested(self) -> None:
        """A timesheet was attested (its outbox row is committed): push it and refresh the Synk page."""
        self.attestation_committed.emit()
        self.broadcast(Changes(timesheets=True, sync=True))

    def wait_for_done(self, msecs: int = 30000) -> bool:
        """Block until reads, writes and jobs are done and delivered (tests and shutdown)."""
        jobs = self.jobs.wait_for_done(msecs)
        return self.runner.wait_for_done(msecs) and jobs
