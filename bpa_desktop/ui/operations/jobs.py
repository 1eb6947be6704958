"""The one job base: background work with progress, cancel, and its outcome by signal.

A `Job` wraps a function that takes a `Progress` (report done/total/text, check for cancel) and
runs on a *lane* of the `JobManager`:

- ``WRITE``: the serial write queue. Every change a person makes (operations, undo, redo) and
  every job that writes the database as one piece (a backup, a planner's result) run here one at
  a time, in the order they were asked for, so an undo never overtakes the change it undoes.
- ``READ``: reads and renders, in parallel on the task runner's pool.
- any other name is a serial lane of its own: ``SYNC`` (passes never overlap; each of a pass's
  steps is its own short transaction, so a slow receiver never holds up the write queue),
  ``FILES`` (batch exports write one file at a time).

Cancelling is cooperative (as Vorta's jobs): `cancel()` drops a job that has not started and
asks a running one to stop at its next `Progress.check()`; jobs check between whole pieces of
work (one PDF, one batch of submissions), so a cancelled job leaves only whole files and
committed transactions behind. Work that stops by being told (the planner's
`Planner.cancel()`) registers that with `Progress.on_cancel`. The outcome arrives on the GUI thread as exactly one of `succeeded`,
`failed` or `cancelled`, then `finished`.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

WRITE, READ, SYNC, FILES = "write", "read", "sync", "files"


class Cancelled(Exception):
    """Raised inside a job at a check point after the person cancelled it."""


class Progress:
    """What the work function gets: `update(done, total, text)` and `check()` (thread-safe)."""

    def __init__(self, job: Job) -> None:
        self._job = job

    def update(self, done: int, total: int, text: str = "") -> None:
        self._job._report(done, total, text)

    def check(self) -> None:
        """Raise Cancelled if the person has cancelled the job."""
        if self._job.cancel_requested:
            raise Cancelled

    @property
    def cancelled(self) -> bool:
        return self._job.cancel_requested

    def on_cancel(self, stop: Callable[[], None]) -> None:
        """Call `stop` (from the GUI thread) when the person cancels, e.g. ``planner.cancel``."""
        self._job._hooks.append(stop)
        if self._job.cancel_requested:
            stop()


class Job(QObject):
    """One piece of background work. `title` is what the progress widget says it is doing.

    `visible` jobs show in the status bar's progress widget (long work the person asked for);
    `cancellable` ones offer Cancel there.
    """

    progressed = Signal(int, int, str)  # done, total (0 = unknown), text
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    cancelled = Signal()
    finished = Signal()

    _ids = itertools.count(1)

    def __init__(self, title: str, work: Callable[[Progress], Any], *, lane: str = READ,
                 visible: bool = False, cancellable: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.id = next(self._ids)
        self.title = title
        self.lane = lane
        self.visible = visible
        self.cancellable = cancellable
        self._work = work
        self._cancel = threading.Event()
        self._hooks: list[Callable[[], None]] = []
        self.state = "new"  # new -> queued -> running -> done
        self.done, self.total, self.text = 0, 0, title
        self.progressed.connect(self._remember)

    def _remember(self, done: int, total: int, text: str) -> None:
        self.done, self.total, self.text = done, total, text

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        """Drop the job if it waits; ask it to stop at its next check if it runs."""
        if self.state in ("new", "queued", "running") and self.cancellable and not self._cancel.is_set():
            self._cancel.set()
            for stop in list(self._hooks):
                stop()

    # --- worker side ------------------------------------------------------------------------
    def _report(self, done: int, total: int, text: str) -> None:
        self.progressed.emit(done, total, text or self.title)

    def _run(self) -> tuple[str, Any]:
        if self._cancel.is_set():
            return "cancelled", None
        try:
            result = self._work(Progress(self))
        except Cancelled:
            return "cancelled", None
        except BaseException as error:  # noqa: BLE001 - every failure must reach the GUI
            return "failed", error
        return "succeeded", result


class _Runnable(QRunnable):
    def __init__(self, job: Job, carrier: _Carrier) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._job, self._carrier = job, carrier

    def run(self) -> None:
        self._carrier.started.emit(self._job.id)
        outcome, payload = self._job._run()
        self._carrier.done.emit(self._job.id, outcome, payload)


class _Carrier(QObject):
    """Lives on the GUI thread; its signals carry a job's start and outcome back there."""

    started = Signal(int)
    done = Signal(int, str, object)


class JobManager(QObject):
    """Runs jobs on their lanes and tells the window what runs (`jobs_changed`).

    `read_pool` is the task runner's pool (reads share it); each serial lane has a pool of one
    thread, which runs its jobs in the order they were submitted.
    """

    jobs_changed = Signal()
    job_failed = Signal(object, object)  # job, exception: for jobs nobody else listens to

    def __init__(self, read_pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pools: dict[str, QThreadPool] = {READ: read_pool or QThreadPool(self)}
        self._jobs: dict[int, Job] = {}
        self._carrier = _Carrier(self)
        self._carrier.started.connect(self._started)
        self._carrier.done.connect(self._done)

    def pool(self, lane: str) -> QThreadPool:
        if lane not in self._pools:
            pool = QThreadPool(self)
            pool.setMaxThreadCount(1)  # serial: one at a time, first in first out
            pool.setExpiryTimeout(-1)  # one long-lived thread per lane
            self._pools[lane] = pool
        return self._pools[lane]

    def submit(self, job: Job) -> Job:
        # The manager holds the job until its outcome is delivered; then it goes with its last
        # reference (no Qt parent: a parent's deletion and a deleteLater would race).
        job.state = "queued"
        self._jobs[job.id] = job
        self.pool(job.lane).start(_Runnable(job, self._carrier))
        self.jobs_changed.emit()
        return job

    def run(self, title: str, work: Callable[[Progress], Any], *, lane: str = READ, visible: bool = False,
            cancellable: bool = False, on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None,
            on_cancelled: Callable[[], None] | None = None) -> Job:
        """Submit `work` as a job and connect its outcome."""
        job = Job(title, work, lane=lane, visible=visible, cancellable=cancellable)
        if on_done is not None:
            job.succeeded.connect(on_done)
        if on_error is not None:
            job.failed.connect(on_error)
        else:
            job.failed.connect(lambda error, job=job: self.job_failed.emit(job, error))
        if on_cancelled is not None:
            job.cancelled.connect(on_cancelled)
        return self.submit(job)

    @property
    def jobs(self) -> list[Job]:
        """Jobs waiting or running, oldest first."""
        return list(self._jobs.values())

    def visible_jobs(self) -> list[Job]:
        return [j for j in self._jobs.values() if j.visible]

    def busy(self, lane: str | None = None) -> bool:
        return any(lane is None or j.lane == lane for j in self._jobs.values())

    def cancel_all(self) -> None:
        for job in self.jobs:
            job.cancel()

    def wait_for_done(self, msecs: int = 30000) -> bool:
        """Block until every lane is idle, then deliver the outcomes (tests and shutdown)."""
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer

        deadline = QDeadlineTimer(msecs)
        while self._jobs and not deadline.hasExpired():
            for pool in list(self._pools.values()):
                pool.waitForDone(max(1, min(50, deadline.remainingTime())))
            QCoreApplication.processEvents()
        return not self._jobs

    @Slot(int)
    def _started(self, job_id: int) -> None:
        job = self._jobs.get(job_id)
        if job is not None:
            job.state = "running"
            self.jobs_changed.emit()

    @Slot(int, str, object)
    def _done(self, job_id: int, outcome: str, payload: object) -> None:
        job = self._jobs.pop(job_id, None)
        if job is None:
            return
        job.state = "done"
        try:
            if outcome == "succeeded":
                job.succeeded.emit(payload)
            elif outcome == "failed":
                if not isinstance(payload, Exception):
                    log.error("job %s stopped by %r", job.title, payload)
                job.failed.emit(payload)
            else:
                job.cancelled.emit()
            job.finished.emit()
        finally:
            self.jobs_changed.emit()
