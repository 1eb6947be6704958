"""Run slow calls (anything that touches disk) off the GUI thread.

A page hands a function to `TaskRunner.submit`; it runs on a QThreadPool thread and the
result (or the exception) comes back on the GUI thread through a queued signal. The
Workspace is safe to call from worker threads (a fresh session per call), so the function
is usually a bound Workspace method.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

DoneCallback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


class _JobSignals(QObject):
    """Carries one job's outcome back. Lives in the GUI thread, emitted from the worker."""

    finished = Signal(int, bool, object)  # job id, succeeded, result or exception


class _Job(QRunnable):
    def __init__(self, job_id: int, fn: Callable[..., Any], args: tuple, kwargs: dict) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.signals = _JobSignals()
        self._job_id = job_id
        self._fn = fn
        self._args = args
        self._kwargs = kwargs

    def run(self) -> None:
        try:
            result = self._fn(*self._args, **self._kwargs)
        except BaseException as error:  # noqa: BLE001 - every failure must reach the GUI
            self.signals.finished.emit(self._job_id, False, error)
        else:
            self.signals.finished.emit(self._job_id, True, result)


class TaskRunner(QObject):
    """Queues calls on a thread pool and calls back on the GUI thread.

    `busy_changed(bool)` tells the window whether anything is running (for a status hint).
    A callback whose `owner` widget has been deleted meanwhile is skipped.
    """

    busy_changed = Signal(bool)
    unhandled_error = Signal(object)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool(self)
        self._ids = itertools.count(1)
        # job id -> (signals object kept alive until delivery, on_done, on_error, owner)
        self._pending: dict[int, tuple[_JobSignals, DoneCallback | None, ErrorCallback | None, QObject | None]] = {}

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: DoneCallback | None = None,
        on_error: ErrorCallback | None = None,
        owner: QObject | None = None,
        **kwargs: Any,
    ) -> int:
        job_id = next(self._ids)
        job = _Job(job_id, fn, args, kwargs)
        job.signals.finished.connect(self._deliver)
        was_idle = not self._pending
        self._pending[job_id] = (job.signals, on_done, on_error, owner)
        if was_idle:
            self.busy_changed.emit(True)
        self._pool.start(job)
        return job_id

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    @property
    def pool(self) -> QThreadPool:
        """The pool reads run on (the job manager's read lane shares it)."""
        return self._pool

    def wait_for_done(self, msecs: int = 30000) -> bool:
        """Block until every job has run (tests and shutdown); then deliver the results."""
        from PySide6.QtCore import QCoreApplication

        finished = self._pool.waitForDone(msecs)
        # queued deliveries are pending in the event loop; let them through
        for _ in range(100):
            if not self._pending:
                break
            QCoreApplication.processEvents()
        return finished and not self._pending

    @Slot(int, bool, object)
    def _deliver(self, job_id: int, succeeded: bool, payload: object) -> None:
        entry = self._pending.pop(job_id, None)
        if not self._pending:
            self.busy_changed.emit(False)
        if entry is None:
            return
        _signals, on_done, on_error, owner = entry
        if owner is not None and not shiboken6.isValid(owner):
            return
        if succeeded:
            if on_done is not None:
                on_done(payload)
        elif on_error is not None:
            on_error(payload)  # type: ignore[arg-type]
        else:
            log.error("Background task failed", exc_info=payload)  # type: ignore[arg-type]
            self.unhandled_error.emit(payload)
