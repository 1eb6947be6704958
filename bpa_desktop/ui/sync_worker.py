"""The sync worker in the GUI: passes of ``ws.sync`` as jobs on the sync lane, results by signal.

Triggers (docs/protocol.md): app start (``start``), an attestation committed
(``attestation_committed``), the network coming back (QNetworkInformation reachability
Online or Unknown: a trigger only, the /v1/health probe decides), a 60 s timer, and "Send nå"
(``send_now``, which ignores the backoff wait). Passes never overlap: a trigger during a
pass runs one more pass afterwards.

Each pass is a `Job` (ui/operations/jobs.py) on the ``SYNC`` lane, a thread of its own, so a
slow receiver never holds up the write queue; the pass goes through the same door as
`bpa sync push`, ``ws.sync`` (each of its steps is its own short transaction). A pass the person
started ("Send nå") shows in the status bar's progress and can be cancelled: it stops before its
next batch, with every answer it got recorded. Widgets never touch the pass; the GUI hears only
``sync_summary(PushSummary)``, ``submission_changed()`` and ``failed(str)``. A ``QLockFile``
next to the database keeps one GUI worker per machine and database; the claim with a lease is
what guarantees that two workers (or a CLI push) never send a row twice.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, QTimer, Signal, Slot

from bpa_desktop.ui.operations.jobs import SYNC, JobManager

log = logging.getLogger(__name__)

INTERVAL_MS = 60_000


def run_pass(workspace, client_options: dict, ignore_backoff: bool, probe_first: bool, progress):
    """One pass on the sync lane; None when the probe found no receiver."""
    sync = workspace.sync
    if probe_first:
        if not sync.probe(**client_options):
            return None
        ignore_backoff = True  # the network is back: do not wait out old backoffs
    return sync.push(ignore_backoff=ignore_backoff, should_stop=lambda: progress.cancelled,
                     on_sent=lambda summary: progress.update(summary.sent, 0, ""), **client_options)


class SyncWorker(QObject):
    sync_summary = Signal(object)  # PushSummary of the last pass
    submission_changed = Signal()  # the outbox changed: views re-read it
    busy_changed = Signal(bool)
    failed = Signal(str)

    def __init__(
        self,
        workspace,
        parent: QObject | None = None,
        *,
        interval_ms: int = INTERVAL_MS,
        watch_network: bool = True,
        client_options: dict | None = None,
        jobs: JobManager | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._client_options = client_options or {}
        self.jobs = jobs or JobManager(parent=self)
        self._lock = QLockFile(str(workspace.path) + ".sync-lock")
        self._lock.setStaleLockTime(0)  # a crashed owner's lock is recognised by its pid
        self.active = self._lock.tryLock(0)
        self._started = False
        self._busy = False
        self._job = None
        self._pending: tuple[bool, bool, bool] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.trigger)
        self._network = None
        if watch_network:
            self._watch_network()

    # -- triggers --------------------------------------------------------------------------

    def start(self) -> None:
        """App start: begin the timer and push what waits."""
        if not self.active:
            log.info("another bpa-desktop on this machine syncs this database")
            return
        self._started = True
        self._timer.start()
        self.trigger()

    @Slot()
    def trigger(self) -> None:
        self._request(False, False)

    @Slot()
    def attestation_committed(self) -> None:
        self._request(False, False)

    @Slot()
    def send_now(self) -> None:
        self._request(True, False, shown=True)

    def _request(self, ignore_backoff: bool, probe_first: bool, shown: bool = False) -> None:
        if not self.active or not self._started:
            return
        if self._busy:
            previous = self._pending or (False, False, False)
            self._pending = (previous[0] or ignore_backoff, previous[1] and probe_first, previous[2] or shown)
            return
        self._set_busy(True)
        workspace, options = self._workspace, self._client_options
        title = QCoreApplication.translate("SyncWorker", "Sending timesheets to the municipality")
        self._job = self.jobs.run(
            title, lambda progress: run_pass(workspace, options, ignore_backoff, probe_first, progress),
            lane=SYNC, visible=shown, cancellable=True,
            on_done=self._on_finished, on_error=self._on_failed, on_cancelled=self._next,
        )

    def _watch_network(self) -> None:
        try:
            from PySide6.QtNetwork import QNetworkInformation
        except ImportError:
            return
        if not QNetworkInformation.loadDefaultBackend():
            return  # no backend on this machine: the timer still runs
        self._network = QNetworkInformation.instance()
        if self._network is not None:
            self._network.reachabilityChanged.connect(self._on_reachability)

    @Slot(object)
    def _on_reachability(self, reachability) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        # Unknown must not block sending; the probe is the only proof of being online.
        if reachability in (QNetworkInformation.Reachability.Online, QNetworkInformation.Reachability.Unknown):
            self._request(False, True)

    # -- results ---------------------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    @Slot(object)
    def _on_finished(self, summary) -> None:
        if summary is not None:
            self.sync_summary.emit(summary)
            if summary.sent or summary.decisions or summary.paused_auth or summary.events or summary.shared:
                self.submission_changed.emit()
        self._next()

    def _on_failed(self, error: BaseException) -> None:
        log.error("sync pass failed", exc_info=error)
        self.failed.emit(str(error))
        self._next()

    def _next(self) -> None:
        self._job = None
        self._set_busy(False)
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self._request(*pending)

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def running(self) -> bool:
        """A pass runs or waits on the sync lane."""
        return self.jobs.busy(SYNC)

    def cancel(self) -> None:
        """Stop the running pass before its next batch."""
        if self._job is not None:
            self._job.cancel()

    def stop(self, wait_ms: int = 30_000) -> None:
        """Stop triggers, let a running pass finish, release the lock."""
        self._timer.stop()
        self._started = False
        self._pending = None
        if self.running:
            from PySide6.QtCore import QDeadlineTimer

            deadline = QDeadlineTimer(wait_ms)
            while self.running and not deadline.hasExpired():
                self.jobs.pool(SYNC).waitForDone(50)
                QCoreApplication.processEvents()
        if self.active:
            self._lock.unlock()
            self.active = False
