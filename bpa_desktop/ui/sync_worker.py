"""The sync worker in the GUI: passes of ``ws.sync`` on a QThread, results back by signal.

Triggers (docs/protocol.md): app start (``start``), an attestation committed
(``attestation_committed``), the network coming back (QNetworkInformation reachability
Online or Unknown: a trigger only, the /v1/health probe decides), a 60 s timer, and "Send nå"
(``send_now``, which ignores the backoff wait). Passes never overlap: a trigger during a
pass runs one more pass afterwards.

The worker goes through the same door as `bpa sync push`: the Workspace's ``ws.sync``
(each of its steps opens its own unit of work, so it is safe on the worker thread). Widgets
never touch it; the GUI hears only ``sync_summary(PushSummary)``, ``submission_changed()``
and ``failed(str)`` through queued connections. A ``QLockFile`` next to the database keeps
one GUI worker per machine and database; the claim with a lease is what guarantees that two
workers (or a CLI push) never send a row twice.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QLockFile, QObject, QThread, QTimer, Signal, Slot

log = logging.getLogger(__name__)

INTERVAL_MS = 60_000


class _SyncJob(QObject):
    """Lives on the worker thread; runs one pass of ``ws.sync`` there."""

    finished = Signal(object)  # PushSummary
    failed = Signal(str)

    def __init__(self, workspace, client_options: dict) -> None:
        super().__init__()
        self._workspace = workspace
        self._client_options = client_options

    @Slot(bool, bool)
    def run_pass(self, ignore_backoff: bool, probe_first: bool) -> None:
        try:
            sync = self._workspace.sync
            if probe_first:
                if not sync.probe(**self._client_options):
                    return self.finished.emit(None)
                ignore_backoff = True  # the network is back: do not wait out old backoffs
            self.finished.emit(sync.push(ignore_backoff=ignore_backoff, **self._client_options))
        except Exception as error:  # noqa: BLE001 - the GUI must hear about every failure
            log.exception("sync pass failed")
            self.failed.emit(str(error))


class SyncWorker(QObject):
    sync_summary = Signal(object)  # PushSummary of the last pass
    submission_changed = Signal()  # the outbox changed: views re-read it
    busy_changed = Signal(bool)
    failed = Signal(str)
    _run = Signal(bool, bool)  # to the job: ignore_backoff, probe_first

    def __init__(
        self,
        workspace,
        parent: QObject | None = None,
        *,
        interval_ms: int = INTERVAL_MS,
        watch_network: bool = True,
        client_options: dict | None = None,
    ) -> None:
        super().__init__(parent)
        self._lock = QLockFile(str(workspace.path) + ".sync-lock")
        self._lock.setStaleLockTime(0)  # a crashed owner's lock is recognised by its pid
        self.active = self._lock.tryLock(0)
        self._busy = False
        self._pending: tuple[bool, bool] | None = None
        self._thread = QThread(self)
        self._thread.setObjectName("bpa-sync")
        self._job = _SyncJob(workspace, client_options or {})
        self._job.moveToThread(self._thread)
        self._run.connect(self._job.run_pass)
        self._job.finished.connect(self._on_finished)
        self._job.failed.connect(self._on_failed)
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
        self._thread.start()
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
        self._request(True, False)

    def _request(self, ignore_backoff: bool, probe_first: bool) -> None:
        if not self.active or not self._thread.isRunning():
            return
        if self._busy:
            previous = self._pending or (False, False)
            self._pending = (previous[0] or ignore_backoff, previous[1] and probe_first)
            return
        self._set_busy(True)
        self._run.emit(ignore_backoff, probe_first)

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
            if summary.sent or summary.decisions or summary.paused_auth:
                self.submission_changed.emit()
        self._next()

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.failed.emit(message)
        self._next()

    def _next(self) -> None:
        self._set_busy(False)
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self._request(*pending)

    @property
    def busy(self) -> bool:
        return self._busy

    def stop(self, wait_ms: int = 30_000) -> None:
        """Stop triggers, let a running pass finish, release the lock."""
        self._timer.stop()
        if self._thread.isRunning():
            self._thread.quit()
            self._thread.wait(wait_ms)
        if self.active:
            self._lock.unlock()
            self.active = False
