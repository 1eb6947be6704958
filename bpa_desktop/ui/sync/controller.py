"""Runs the sync worker while some arrangement of the open database is enrolled.

The worker (ui/sync_worker.py) is only created once an enrolment exists, so a database that
was never connected to a municipality (the demo, tests, a screenshot) makes no network
traffic. Its triggers: app start (``SyncWorker.start``), an attestation committed
(``AppContext.attestation_committed``), the network coming back and its 60 s timer (both
inside the worker), and "Send nå" (``send_now``). Results arrive by queued signals; the
widgets then re-read the outbox through the Workspace, never through the worker's session.
"""

from __future__ import annotations

import logging
from PySide6.QtCore import QObject, Signal

from bpa_desktop.ui.context import AppContext

log = logging.getLogger(__name__)


class SyncController(QObject):
    outbox_changed = Signal()  # re-read the outbox (a pass ended, an enrolment, a retry)
    busy_changed = Signal(bool)
    running_changed = Signal(bool)

    def __init__(self, ctx: AppContext, *, enabled: bool = True, worker_options: dict | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.enabled = enabled
        self.worker_options = dict(worker_options or {})
        self.worker = None
        self._checking = False
        ctx.arrangements_changed.connect(lambda _arrangements: self.check_enrolment())
        ctx.attestation_committed.connect(self._attested)

    @property
    def running(self) -> bool:
        return self.worker is not None and self.worker.active

    @property
    def busy(self) -> bool:
        return self.worker is not None and self.worker.busy

    def check_enrolment(self) -> None:
        """Start the worker if an arrangement is enrolled (read in a worker thread)."""
        if not self.enabled or self.worker is not None or self._checking:
            return
        ids = [a.id for a in self.ctx.arrangements]
        if not ids:
            return
        self._checking = True
        workspace = self.ctx.workspace
        self.ctx.runner.submit(
            lambda: any(workspace.sync.enrolment(i) is not None for i in ids),
            on_done=self._enrolment_checked, on_error=self._check_failed, owner=self,
        )

    def _check_failed(self, error: BaseException) -> None:
        self._checking = False
        log.error("Could not read the sync enrolment", exc_info=error)

    def _enrolment_checked(self, enrolled: bool) -> None:
        self._checking = False
        if enrolled and self.worker is None and self.enabled:
            self._start_worker()

    def _start_worker(self) -> None:
        from bpa_desktop.ui.sync_worker import SyncWorker

        worker = SyncWorker(self.ctx.workspace, self, jobs=self.ctx.jobs, **self.worker_options)
        worker.sync_summary.connect(lambda _summary: self.outbox_changed.emit())
        worker.busy_changed.connect(self.busy_changed)
        worker.failed.connect(lambda _message: self.outbox_changed.emit())  # logged by the worker; rows tell the rest
        self.worker = worker
        worker.start()  # the "app start" trigger: one pass now
        self.running_changed.emit(self.running)

    def enrolled(self) -> None:
        """An arrangement was just enrolled: start the worker, or push now with the new token."""
        self.outbox_changed.emit()
        if self.worker is None:
            self.check_enrolment()
        else:
            self.worker.send_now()

    def send_now(self) -> bool:
        """'Send nå': one pass now, waiting out no backoff. False when no worker runs here."""
        if not self.running:
            return False
        self.worker.send_now()
        return True

    def _attested(self) -> None:
        if self.worker is not None:
            self.worker.attestation_committed()
        else:
            self.check_enrolment()

    def stop(self) -> None:
        """Quit: let a running pass finish and end the worker thread (idempotent)."""
        if self.worker is not None:
            worker, self.worker = self.worker, None
            worker.stop()
            worker.deleteLater()
            self.running_changed.emit(False)
