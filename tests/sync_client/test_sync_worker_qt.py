"""The GUI's sync worker: passes run on their own thread and report by queued signals; one
worker per database file (QLockFile)."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import httpx  # noqa: E402
import pytest  # noqa: E402

from bpa_desktop.sync import credentials, signing  # noqa: E402
from tests.sync_client.test_sync_client_live import DEMO_SUBMISSIONS  # noqa: E402

REMOTE = "7c3a0c55-1f7b-4d5e-8a4e-0c3a1f9b2d10"


class FakeReceiver:
    """Just enough of bpa-sync/1 for the wrapper: receipts for POSTs, an empty decisions feed.
    It records the thread each request ran on."""

    def __init__(self) -> None:
        self.threads: set[int] = set()
        self.stored: dict[str, str] = {}

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.threads.add(threading.get_ident())
        if request.url.path == "/v1/submissions":
            signed = json.loads(request.content)
            digest = hashlib.sha256(base64.b64decode(signed["body"])).hexdigest()
            sid = request.headers["Idempotency-Key"]
            self.stored[sid] = digest
            return httpx.Response(201, json={"submission_id": sid, "body_sha256": digest,
                                             "received_at": "2026-05-21T08:00:00Z", "seq": len(self.stored)})
        if request.url.path == "/v1/decisions":
            return httpx.Response(200, json={"decisions": [], "next": 0})
        return httpx.Response(200, json={"status": "ok"})


@pytest.fixture
def enrolled_demo(demo_workspace, demo_arrangement_id, memory_keyring):
    key = signing.generate_private_key()
    credentials.store_signing_key(REMOTE, key)
    credentials.store_token("http://mottak.test", REMOTE, "bpa1_token")
    demo_workspace.sync.outbox.save_enrolment(demo_arrangement_id, receiver_url="http://mottak.test",
                          remote_arrangement_id=REMOTE, public_key=signing.public_key_raw(key))
    return demo_workspace


def test_a_pass_runs_off_the_gui_thread_and_reports_by_signal(qtbot, enrolled_demo):
    from bpa_desktop.ui.sync_worker import SyncWorker

    fake = FakeReceiver()
    worker = SyncWorker(enrolled_demo, watch_network=False,
                        client_options={"transport": httpx.MockTransport(fake)})
    assert worker.active
    try:
        with qtbot.waitSignal(worker.sync_summary, timeout=20_000) as summary, \
                qtbot.waitSignal(worker.submission_changed, timeout=20_000):
            worker.start()
        assert summary.args[0].delivered == len(fake.stored) == DEMO_SUBMISSIONS
        assert len(fake.threads) == 1 and threading.get_ident() not in fake.threads  # one worker thread
        assert enrolled_demo.sync.status()["delivered"] == DEMO_SUBMISSIONS
        assert not worker.busy
    finally:
        worker.stop()


def test_a_second_worker_on_the_same_database_stays_idle(qtbot, enrolled_demo):
    from bpa_desktop.ui.sync_worker import SyncWorker

    first = SyncWorker(enrolled_demo, watch_network=False)
    second = SyncWorker(enrolled_demo, watch_network=False)
    try:
        assert first.active and not second.active
        second.start()
        second.send_now()
        assert not second.busy
    finally:
        first.stop()
        second.stop()
    third = SyncWorker(enrolled_demo, watch_network=False)
    assert third.active  # the lock is released on stop
    third.stop()


def test_a_cancelled_pass_stops_before_its_next_batch_with_every_answer_recorded(enrolled_demo):
    fake = FakeReceiver()
    batches = []
    waiting = enrolled_demo.sync.status()["queued"]  # the demo's attested sheets, more than one batch
    assert waiting > 20
    summary = enrolled_demo.sync.push(
        transport=httpx.MockTransport(fake), should_stop=lambda: bool(batches),
        on_sent=lambda progress: batches.append(progress.sent))
    assert batches == [20]  # one batch (the client sends 20 at a time), then the pass stopped
    assert summary.delivered == len(fake.stored) == 20
    status = enrolled_demo.sync.status()
    assert status["delivered"] == 20 and status["queued"] == waiting - 20  # the rest waits, nothing left claimed
    assert enrolled_demo.sync.push(transport=httpx.MockTransport(fake)).delivered == waiting - 20
