"""The Synk page and the status-bar line: the demo's queue, enrolment without a keyring,
a receiver that does not answer, the 24-hour escalation (file and PDF) and "Prøv igjen"."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta, timezone

import keyring
import keyring.backends.fail
import pdfplumber
import pytest

from bpa_desktop.i18n import t
from bpa_desktop.core.calendar import OSLO
from bpa_desktop.sync import credentials
from tests.ui.sync_ui_helpers import column, enrol_offline, open_window, show_sync_page


@pytest.fixture
def dead_url():
    """A loopback address where nothing listens: connecting is refused at once."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def test_the_demo_queue_shows_and_nothing_is_sent_before_enrolment(qtbot, demo_workspace, demo_arrangement_id,
                                                                   _bokmal):
    expected = demo_workspace.sync.list_submissions(demo_arrangement_id)
    assert len(expected) >= 3
    window = open_window(qtbot, demo_workspace)
    page = show_sync_page(qtbot, window)

    assert page.model.rowCount() == len(expected)
    assert set(column(page, "state")) == {"I kø"}
    assert {s.id for s in page.model.submissions()} == {s.id for s in expected}
    assert "Ikke tilkoblet" in page.enrolment_text.text()
    assert not page.send_button.isEnabled() and not page.bundle_button.isEnabled()
    qtbot.waitUntil(lambda: window.sync_status.text() == f"Synk: {len(expected)} i kø · ikke koblet til kommunen")
    window.ctx.runner.wait_for_done()
    assert window.sync.worker is None  # never enrolled: no sync thread, no network


def test_enrolment_without_a_keyring_explains_in_plain_words_and_keeps_the_input(qtbot, demo_workspace,
                                                                                 demo_arrangement_id, dead_url,
                                                                                 _bokmal):
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        window = open_window(qtbot, demo_workspace)
        page = show_sync_page(qtbot, window)
        dialog = page.open_enrol_dialog()
        qtbot.waitUntil(dialog.isVisible)
        dialog.url_field.setText(dead_url)
        dialog.code_field.setText("ABCD-EFGH")
        dialog.connect_button.click()
        qtbot.waitUntil(lambda: dialog.error_label.text() == t("sync.no_keyring"))
        assert dialog.isVisible() and dialog.buttons.isEnabled()
        assert (dialog.url_field.text(), dialog.code_field.text()) == (dead_url, "ABCD-EFGH")
        assert demo_workspace.sync.enrolment(demo_arrangement_id) is None
        assert demo_workspace.sync.status(demo_arrangement_id)["queued"] == page.model.rowCount()
        dialog.reject()
        qtbot.waitUntil(lambda: page.dialog is None)
    finally:
        keyring.set_keyring(previous)


def test_a_receiver_that_does_not_answer_shows_the_next_try_time(qtbot, demo_workspace, demo_arrangement_id,
                                                                 memory_keyring, dead_url, _bokmal):
    key_id = enrol_offline(demo_workspace, demo_arrangement_id, dead_url)
    window = open_window(qtbot, demo_workspace, sync_options={"watch_network": False})
    qtbot.waitUntil(lambda: window.sync.worker is not None, timeout=10_000)  # enrolled: started at app start
    qtbot.waitUntil(lambda: "Kommunen svarer ikke – prøver igjen kl. " in window.sync_status.text(), timeout=20_000)

    retrying = [s for s in demo_workspace.sync.list_submissions(demo_arrangement_id) if s.attempts]
    assert retrying and all(s.state == "queued" for s in retrying)
    first = min(retrying, key=lambda s: s.next_attempt_at)
    next_try = first.next_attempt_at.astimezone(OSLO)
    assert first.next_attempt_at > first.created_at  # backoff (full jitter, 0-5 s after the first failure)
    when = f"{next_try:%H:%M}" if next_try.date() == datetime.now(OSLO).date() else f"{next_try:%d.%m.}"
    assert when in window.sync_status.text()
    assert window.sync_status.text().endswith(f"Synk: {len(demo_workspace.sync.list_submissions(demo_arrangement_id))} i kø")

    page = show_sync_page(qtbot, window)
    assert key_id[:4] + " " + key_id[4:8] in page.enrolment_text.text()
    page.select_submission(first.id)
    assert page.model.text(first, "message") == first.last_error_text
    assert first.last_error_text in page.detail.text()
    worker = window.sync.worker
    window.close()  # stops the worker thread; the fixture's teardown must not hang
    assert window.sync.worker is None and not worker.running


def _age(path, hours: float) -> None:
    """Pretend every submission was attested `hours` ago (the content trigger is lifted for
    the moment: outside tests nothing may change created_at)."""
    then = (datetime.now(timezone.utc) - timedelta(hours=hours)).strftime("%Y-%m-%d %H:%M:%S.%f")
    trigger = "outbox_submission_content_locked"
    with sqlite3.connect(path) as connection:
        (create,) = connection.execute("SELECT sql FROM sqlite_master WHERE name = ?", (trigger,)).fetchone()
        connection.execute(f"DROP TRIGGER {trigger}")
        connection.execute("UPDATE outbox_submission SET created_at = ?", (then,))
        connection.execute(create)
    connection.close()


def test_after_24_hours_the_page_offers_the_file_and_the_pdf(qtbot, tmp_path, demo_workspace, demo_arrangement_id,
                                                             memory_keyring, dead_url, _bokmal):
    enrol_offline(demo_workspace, demo_arrangement_id, dead_url)
    fresh = demo_workspace.sync.list_submissions(demo_arrangement_id)
    assert not any(s.stuck for s in fresh)
    _age(demo_workspace.path, 25)
    window = open_window(qtbot, demo_workspace, start_sync=False)
    page = show_sync_page(qtbot, window)
    assert page.stuck_box.isVisible()
    assert f"har ikke mottatt {len(fresh)} timelister etter mer enn 24 timer" in page.stuck_text.text()
    assert "ikke mottatt etter 24 timer" in column(page, "state")[0]

    bundle = tmp_path / "til-kommunen.json"
    page.make_bundle(bundle)
    qtbot.waitUntil(lambda: bundle.exists() and page.message.text().startswith(f"{len(fresh)} timelister lagret"))
    items = json.loads(bundle.read_text())["items"]
    assert len(items) == len(fresh)
    qtbot.waitUntil(lambda: page.is_loaded and page.model.submissions()[0].exported_at is not None)
    assert "Lagret i fil for kommunen" in page.detail.text()

    oldest = demo_workspace.sync.list_submissions(demo_arrangement_id)[0]
    page.select_submission(oldest.id)
    pdf = tmp_path / "timeliste.pdf"
    page.print_submission(pdf)
    qtbot.waitUntil(lambda: page.message.text().startswith("Timelisten er lagret som"))
    with pdfplumber.open(pdf) as document:
        text = "\n".join(p.extract_text() or "" for p in document.pages)
    assert f"Innsending {oldest.id}" in text  # the paper copy names the same submission


def test_try_again_queues_a_blocked_submission(qtbot, demo_workspace, demo_arrangement_id, _bokmal):
    chosen = demo_workspace.sync.list_submissions(demo_arrangement_id)[0]
    with sqlite3.connect(demo_workspace.path) as connection:
        connection.execute(
            "UPDATE outbox_submission SET state='blocked', last_error_code='bad_signature', last_error_message=? "
            "WHERE id=?", ('{"key": "sync.bad_signature", "params": {}}', chosen.id))
    connection.close()
    window = open_window(qtbot, demo_workspace)
    page = show_sync_page(qtbot, window)
    page.select_submission(chosen.id)
    assert page.model.text(page.selected(), "state") == "Stoppet"
    assert page.retry_button.isEnabled()
    qtbot.waitUntil(lambda: "1 timeliste trenger oppfølging – se Synk" in window.sync_status.text())
    page.retry_button.click()
    qtbot.waitUntil(lambda: page.message.text() == "Lagt i kø igjen.")
    qtbot.waitUntil(lambda: page.is_loaded and page.model.text(page.selected(), "state") == "I kø")
    assert demo_workspace.sync.status(demo_arrangement_id)["blocked"] == 0


class CountingReceiver:
    """Receipts for every POST, an empty decisions feed; counts what it was asked."""

    def __init__(self) -> None:
        self.posts = 0
        self.decision_reads = 0

    def __call__(self, request):
        import base64
        import hashlib

        import httpx

        if request.url.path == "/v1/submissions":
            self.posts += 1
            signed = json.loads(request.content)
            digest = hashlib.sha256(base64.b64decode(signed["body"])).hexdigest()
            return httpx.Response(201, json={"submission_id": request.headers["Idempotency-Key"],
                                             "body_sha256": digest, "received_at": "2026-05-21T12:02:00Z",
                                             "seq": self.posts})
        if request.url.path == "/v1/decisions":
            self.decision_reads += 1
            return httpx.Response(200, json={"decisions": [], "next": 0})
        return httpx.Response(200, json={"status": "ok"})


def test_app_start_attestation_and_send_now_each_run_a_pass(qtbot, demo_workspace, demo_arrangement_id,
                                                            memory_keyring, _bokmal):
    import httpx

    enrol_offline(demo_workspace, demo_arrangement_id, "http://mottak.test")
    fake = CountingReceiver()
    total = len(demo_workspace.sync.list_submissions(demo_arrangement_id))
    window = open_window(qtbot, demo_workspace, sync_options={
        "watch_network": False, "client_options": {"transport": httpx.MockTransport(fake)}})
    # app start: the first pass sends everything
    qtbot.waitUntil(lambda: fake.posts == total and not window.sync.busy, timeout=20_000)
    qtbot.waitUntil(lambda: window.sync_status.text().startswith("Synk: alt er sendt · sist sendt "))
    reads = fake.decision_reads

    # an attestation committed elsewhere in the app (the Timelister page calls ctx.notify_attested)
    with qtbot.waitSignal(window.sync.worker.sync_summary, timeout=20_000):
        window.ctx.notify_attested()
    assert fake.decision_reads == reads + 1

    page = show_sync_page(qtbot, window)
    assert set(column(page, "state")) == {"Levert"}
    with qtbot.waitSignal(window.sync.worker.sync_summary, timeout=20_000):
        page.send_button.click()
    assert fake.decision_reads == reads + 2 and fake.posts == total  # nothing sent twice
    qtbot.waitUntil(lambda: page.message.text() == "Sendingen er ferdig. Se status for hver timeliste nedenfor.")


def test_send_now_does_not_wait_out_the_backoff(qtbot, demo_workspace, demo_arrangement_id, memory_keyring,
                                               dead_url, _bokmal):
    enrol_offline(demo_workspace, demo_arrangement_id, dead_url)
    window = open_window(qtbot, demo_workspace, sync_options={"watch_network": False})
    qtbot.waitUntil(lambda: window.sync.worker is not None, timeout=10_000)
    qtbot.waitUntil(lambda: "prøver igjen kl." in window.sync_status.text() and not window.sync.busy, timeout=20_000)

    def attempts():
        return sum(s.attempts for s in demo_workspace.sync.list_submissions(demo_arrangement_id))

    before = attempts()
    page = show_sync_page(qtbot, window)
    with qtbot.waitSignal(window.sync.worker.sync_summary, timeout=20_000):
        page.send_now()
    assert attempts() > before  # tried again at once, not at the stored next try time
