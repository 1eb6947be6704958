"""`bpa sync` in subprocesses against the real receiver (uvicorn) on loopback, through a proxy
that fails on purpose: docs/protocol.md, failure cases 3–7, 10–13, 16, 18."""

from __future__ import annotations

import base64
import hashlib
import json
import subprocess
import time
from datetime import date, datetime, timedelta, timezone

import pytest

from bpa_desktop.message import Message
from bpa_desktop.sync.client import BATCH

from tests.sync.receiver_helpers import issue_code
from tests.sync_client.sync_client_helpers import (
    BPA,
    Enrolled,
    give_fresh_submission_ids,
    outbox_rows,
    run_bpa,
    run_faulty_bpa,
    run_json,
)

DEMO_SUBMISSIONS = 21  # Jan-Apr attested for five assistants, and the March correction


@pytest.fixture
def enrolled_later(tmp_path, sync_env, proxy, shared_receiver, arrangement_name) -> Enrolled:
    """The demo as on 20 July, enrolled: six attested months, more sheets than one batch."""
    from bpa_desktop.demo import build_demo

    path = tmp_path / "later.sqlite"
    build_demo(path, today=date(2026, 7, 20))
    give_fresh_submission_ids(path)
    code = issue_code(shared_receiver.db_url, arrangement_name)
    run_json("sync", "enrol", "--db", path, "--url", proxy.url, "--code", code, env=sync_env, expect=(0,))
    return Enrolled(path, sync_env, proxy, shared_receiver, arrangement_name)


def _parse(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


def test_push_delivers_everything_once_and_the_body_holds_only_what_privacy_allows(enrolled):
    assert enrolled.status()["queued"] == DEMO_SUBMISSIONS
    summary = enrolled.push(expect=(0,))
    assert summary["delivered"] == DEMO_SUBMISSIONS and summary["replayed"] == 0
    assert summary["waiting"] == 0
    assert enrolled.status()["delivered"] == DEMO_SUBMISSIONS

    stored = enrolled.stored()
    local = outbox_rows(enrolled.db)
    assert sorted(stored) == sorted((row["id"], row["body_sha256"]) for row in local.values())
    for row in local.values():
        body = json.loads(row["body"])
        assert set(body) == {"submission_id", "arrangement_id", "employee_no", "period", "version", "supersedes",
                             "kind", "lines", "attested_by_role", "attested_at", "app_version"}
        assert hashlib.sha256(row["body"]).hexdigest() == row["body_sha256"]
        assert json.loads(row["receipt"])["body_sha256"] == row["body_sha256"]
    assert "Sara" not in "".join(row["body"].decode() for row in local.values())

    again = enrolled.push(expect=(0,))  # nothing due: nothing sent
    assert again["sent"] == 0


def test_killed_after_the_server_stored_but_before_the_receipt_was_saved(enrolled):
    """Case 3: the retry gets the same receipt (200) and the receiver keeps one row."""
    killed = run_faulty_bpa("exit_after_response", "sync", "push", "--db", enrolled.db, "--lease", "1",
                            env=enrolled.env)
    assert killed.returncode == 137
    assert len(enrolled.stored()) == 1
    sending = [row for row in outbox_rows(enrolled.db).values() if row["state"] == "sending"]
    assert len(sending) == 20 and all(row["receipt"] is None for row in sending)  # the claimed batch

    time.sleep(1.2)  # the dead process's lease runs out
    summary = enrolled.push(expect=(0,))
    assert summary["delivered"] == DEMO_SUBMISSIONS and summary["replayed"] == 1
    stored = enrolled.stored()
    assert len(stored) == len({sid for sid, _ in stored}) == DEMO_SUBMISSIONS


def test_killed_mid_request_the_lease_expires_and_the_row_is_sent_once(enrolled):
    """Case 4."""
    killed = run_faulty_bpa("exit_before_response", "sync", "push", "--db", enrolled.db, "--lease", "1",
                            env=enrolled.env)
    assert killed.returncode == 137
    assert enrolled.stored() == []
    assert enrolled.status()["sending"] == 20  # claimed under the dead process's lease
    time.sleep(1.2)
    summary = enrolled.push(expect=(0,))
    assert summary["delivered"] == DEMO_SUBMISSIONS and summary["replayed"] == 0
    assert len(enrolled.stored()) == DEMO_SUBMISSIONS


def test_receiver_down_queues_with_a_readable_error_then_delivers(enrolled):
    """Case 5: connection refused."""
    enrolled.proxy.stop()
    summary = enrolled.push(expect=(1,))
    assert summary["delivered"] == 0 and summary["counts"]["queued"] == DEMO_SUBMISSIONS
    listed = run_json("sync", "status", "--db", enrolled.db, "--list", env=enrolled.env, expect=(0,))
    errors = {s["last_error"] for s in listed["submissions"] if s["attempts"]}
    assert errors and all(e.startswith("Kommunen svarer ikke – prøver igjen") for e in errors)
    assert summary["messages"][0].startswith("Kommunen svarer ikke – prøver igjen kl. ")

    enrolled.proxy.start()
    assert enrolled.push("--now", expect=(0,))["delivered"] == DEMO_SUBMISSIONS


def test_503_with_retry_after_is_honoured_then_delivered(enrolled_later):
    """Case 6. (The demo of 20 May has one row more than a batch, and that one is a
    correction that waits for its first version: the later demo leaves rows never tried.)"""
    enrolled = enrolled_later
    total = enrolled.status()["queued"]
    assert total > BATCH + 1
    enrolled.proxy.mode, enrolled.proxy.failures_left, enrolled.proxy.retry_after = "fail", 1, "120"
    before = datetime.now(timezone.utc)
    summary = enrolled.push(expect=(1,))
    assert summary["retried"] == 20 and summary["delivered"] == 0  # the server asked to wait: pass stops
    rows = [r for r in outbox_rows(enrolled.db).values() if r["attempts"]]
    assert rows and all(_parse(r["next_attempt_at"]) >= before + timedelta(seconds=119) for r in rows)
    assert all(str(Message.from_json(r["last_error_message"])).startswith("Kommunens mottak er opptatt – prøver igjen") for r in rows)
    assert enrolled.push(expect=(1,))["sent"] >= 1  # the rows never tried go; the others wait
    assert not {r["id"] for r in rows} & {sid for sid, _ in enrolled.stored()}
    assert enrolled.push("--now", expect=(0,))["waiting"] == 0
    assert len(enrolled.stored()) == total


def test_500_is_retried_and_the_row_is_not_lost(enrolled):
    enrolled.proxy.mode, enrolled.proxy.failures_left, enrolled.proxy.fail_status = "fail", 3, 500
    summary = enrolled.push(expect=(1,))
    assert summary["retried"] == 3 and summary["delivered"] == DEMO_SUBMISSIONS - 3
    assert enrolled.push("--now", expect=(0,))["delivered"] == 3
    assert len(enrolled.stored()) == DEMO_SUBMISSIONS


def test_a_hanging_receiver_times_out_and_the_rows_stay_queued(enrolled):
    """Case 7."""
    enrolled.proxy.mode, enrolled.proxy.hang_seconds = "hang", 2
    started = time.monotonic()
    summary = enrolled.push("--timeout", "0.5", expect=(1,))
    assert time.monotonic() - started < 10
    assert summary["counts"]["queued"] == DEMO_SUBMISSIONS and summary["delivered"] == 0
    assert summary["messages"][0].startswith("Kommunen svarer ikke (ingen svar innen fristen)")
    enrolled.proxy.mode = None
    assert enrolled.push("--now", expect=(0,))["delivered"] == DEMO_SUBMISSIONS


def test_a_payload_altered_in_transit_is_refused_and_the_local_copy_is_intact(enrolled):
    """Case 12."""
    enrolled.proxy.mode = "flip"
    run_json("sync", "bundle", "--db", enrolled.db, "--out", enrolled.db.with_name("seal.json"), env=enrolled.env)
    before = outbox_rows(enrolled.db)
    summary = enrolled.push(expect=(1,))
    assert summary["delivered"] == 0
    assert enrolled.stored() == []
    after = outbox_rows(enrolled.db)
    blocked = [row for row in after.values() if row["state"] == "blocked"]
    assert len(blocked) == summary["blocked"] >= 20
    assert {row["last_error_code"] for row in blocked} == {"bad_signature"}
    assert "Din kopi er uendret" in str(Message.from_json(blocked[0]["last_error_message"]))
    for row in after.values():
        assert row["body"] == before[row["id"]]["body"]
        if row["body"] is None:  # a correction waits for its earlier version's answer
            assert row["version"] > 1
            continue
        assert hashlib.sha256(row["body"]).hexdigest() == row["body_sha256"]


def test_a_revoked_token_pauses_everything_with_a_clear_message_and_resumes_after_re_enrolment(enrolled):
    """Case 13."""
    db_url = enrolled.receiver.db_url
    run_json("receiver", "revoke-token", "--db", db_url, "--arrangement", enrolled.name, env=enrolled.env)
    summary = enrolled.push(expect=(1,))
    assert summary["counts"]["paused_auth"] == DEMO_SUBMISSIONS
    assert any("Registrer maskinen på nytt" in m and "Ingenting er tapt" in m for m in summary["messages"])
    assert enrolled.push("--now", expect=(1,))["sent"] == 0  # paused, not hammering

    code = issue_code(db_url, enrolled.name)
    run_json("sync", "enrol", "--db", enrolled.db, "--url", enrolled.proxy.url, "--code", code, env=enrolled.env,
             expect=(0,))
    assert enrolled.push(expect=(0,))["delivered"] == DEMO_SUBMISSIONS


def test_three_processes_pushing_one_outbox_send_each_submission_once(enrolled):
    """Case 10: the claim (BEGIN IMMEDIATE + lease) hands every row to one process."""
    command = [*BPA, "sync", "push", "--db", str(enrolled.db)]
    processes = [subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=enrolled.env) for _ in range(3)]
    summaries = [json.loads(p.communicate(timeout=60)[0]) for p in processes]
    assert sum(s["sent"] for s in summaries) == DEMO_SUBMISSIONS
    assert sum(s["delivered"] for s in summaries) == DEMO_SUBMISSIONS
    assert sum(s["replayed"] for s in summaries) == 0
    assert len(enrolled.stored()) == DEMO_SUBMISSIONS


def test_bundle_imported_twice_then_pushed_online_stores_each_id_once(enrolled):
    """Case 18."""
    bundle = enrolled.db.with_name("timelister.json")
    assert run_json("sync", "bundle", "--db", enrolled.db, "--out", bundle, env=enrolled.env)["items"] == DEMO_SUBMISSIONS
    for expected in ("stored", "duplicate"):
        results = run_json("receiver", "import", "--db", enrolled.receiver.db_url, bundle, env=enrolled.env,
                           expect=(0,))["results"]
        assert {r["result"] for r in results} == {expected}
    assert enrolled.status()["queued"] == DEMO_SUBMISSIONS  # only a receipt confirms delivery
    summary = enrolled.push(expect=(0,))
    assert summary["delivered"] == summary["replayed"] == DEMO_SUBMISSIONS
    assert len(enrolled.stored()) == DEMO_SUBMISSIONS
    item = json.loads(bundle.read_text())["items"][0]
    assert json.loads(base64.b64decode(item["body"]))["employee_no"]


def test_no_keyring_enrol_refuses_with_clear_text_and_the_outbox_still_fills(
    tmp_path, sync_env, shared_receiver, arrangement_name
):
    """Case 16: attesting needs no keyring (the demo attests 21 timesheets under the fail backend)."""
    env = {**sync_env, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    db = tmp_path / "offline.sqlite"
    assert run_bpa("demo", "--db", db, "--today", "2026-05-20", env=env).returncode == 0
    assert run_json("sync", "status", "--db", db, env=env, expect=(0,))["queued"] == DEMO_SUBMISSIONS
    code = issue_code(shared_receiver.db_url, arrangement_name)
    refused = run_bpa("sync", "enrol", "--db", db, "--url", shared_receiver.base_url, "--code", code, env=env)
    assert refused.returncode == 2
    assert "nøkkelring" in refused.stderr and "attestere" in refused.stderr
    summary = run_json("sync", "push", "--db", db, env=env, expect=(1,))
    assert summary["counts"]["queued"] == DEMO_SUBMISSIONS
    assert summary["messages"] == ["Maskinen er ikke registrert hos kommunen ennå. Registrer den med koden du har "
                                   "fått fra kommunen."]
