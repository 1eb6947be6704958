"""Fuzz: the desktop sync client against a hostile receiver (httpx.MockTransport).

Every request gets an answer drawn from a pool of hostile ones: any status, receipts that
do and do not match, problems with any code, decision pages with wrong types and unknown
ids, Retry-After headers far in the future or malformed, garbage, huge and deeply nested
bodies, transport errors. Whatever it answers, a push never raises, loses or duplicates no
row, changes no body, marks a row delivered only on a receipt for its own id and bytes,
keeps every state one the outbox knows, and says what happened in plain lines."""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import tempfile
import uuid
from datetime import date
from pathlib import Path

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bpa_desktop.storage.sync_schema import OUTBOX_STATES
from bpa_desktop.sync import credentials, signing
from bpa_desktop.sync.client import SyncClient, SyncError
from bpa_desktop.workspace import Workspace
from tests.fuzz.conftest import FUZZ, example

REMOTE = "3f9c2b1e-7d4a-4c1b-9e2f-0a8b7c6d5e4f"
HTML = '<h1 style="color:red">GODKJENT</h1><img src="file:///etc/passwd">'
CODES = ["version_conflict", "in_flight", "bad_signature", "key_reused", "invalid_body", "token_revoked",
         "cursor_ahead", "busy", "internal", "", None, 7, HTML, "x" * 5000]
STATUSES = [200, 201, 202, 204, 301, 304, 400, 401, 403, 404, 405, 408, 409, 410, 413, 422, 425, 429,
            500, 502, 503, 504, 599]
RETRY_AFTER = [None, "", "1", "0", "-5", "1e309", "9" * 400, " 3 ", "Wed, 21 Oct 2015 07:28:00 GMT",
               "Fri, 31 Dec 9999 23:59:59 GMT", "soon", "Mon, 99 Foo 2026 99:99:99 GMT", "\t"]


@pytest.fixture(scope="module")
def enrolled_demo(tmp_path_factory):
    """The demo, enrolled offline (an enrolment row; the key in an in-memory keyring)."""
    import keyring

    from bpa_desktop.demo import build_demo
    from tests.sync.keyring_helpers import MemoryKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    path = tmp_path_factory.mktemp("fuzz-sync") / "demo.sqlite"
    arrangement_id = build_demo(path, today=date(2026, 5, 20))
    key = signing.generate_private_key()
    credentials.store_signing_key(REMOTE, key)
    credentials.store_token("https://mottak.test", REMOTE, "bpa1_token")
    with Workspace.open(path) as ws:
        ws.sync.outbox.save_enrolment(arrangement_id, receiver_url="https://mottak.test",
                                      remote_arrangement_id=REMOTE, public_key=signing.public_key_raw(key))
    yield path, arrangement_id
    keyring.set_keyring(previous)


def _json_body(rng: random.Random, request: httpx.Request, rows: dict) -> object:
    """A JSON answer, hostile in one of many ways."""
    choice = rng.randrange(9)
    if choice == 0 and request.url.path == "/v1/submissions":  # a receipt that matches
        sent = json.loads(request.content)
        sid = request.headers.get("Idempotency-Key", "")
        sha = hashlib.sha256(__import__("base64").b64decode(sent.get("body", ""))).hexdigest()
        return {"submission_id": sid, "body_sha256": sha, "received_at": "2026-06-01T10:00:00Z",
                "seq": rng.choice([1, -1, 2**63, "1", None])}
    if choice == 1:  # a receipt for another id or other bytes
        return {"submission_id": str(uuid.uuid4()), "body_sha256": "0" * 64, "received_at": "2026-06-01T10:00:00Z",
                "seq": 1}
    if choice == 2:  # a problem
        body = {"type": "about:blank", "title": rng.choice([HTML, "x" * 10_000, "", None, 3]),
                "status": rng.choice(STATUSES), "code": rng.choice(CODES)}
        if rng.random() < 0.5:
            body["head_submission_id"] = rng.choice([str(uuid.uuid4()), "' OR 1=1", None, 5, list(rows)[0]])
            body["head_version"] = rng.choice([0, 1, 3, -1, 10**12, "2", True, None])
        if rng.random() < 0.3:
            body["head"] = rng.choice([0, -1, 10**18, "x"])
        return body
    if choice == 3:  # a decisions page
        ids = list(rows) + [str(uuid.uuid4()), "not-a-uuid"]
        decisions = [
            {"seq": rng.choice([1, 2, 0, -3, 2**40, "4", True]),
             "submission_id": rng.choice(ids),
             "decision": rng.choice(["accepted", "rejected", "maybe", None]),
             "reason": rng.choice([None, "", HTML, "ø" * 600]),
             "decided_at": rng.choice(["2026-06-01T10:00:00Z", "yesterday", None, "9999-12-31T23:59:59Z"])}
            for _ in range(rng.randrange(0, 4))
        ]
        return {"decisions": decisions, "next": rng.choice([0, 1, 5, -1, 10**30, None, "3"])}
    if choice == 4:  # a status answer
        return {"submissions": [{"submission_id": rng.choice(list(rows) + [str(uuid.uuid4())]),
                                 "state": rng.choice(["unknown", "received", "accepted", "gone"]),
                                 "body_sha256": None, "seq": 1} for _ in range(rng.randrange(0, 3))]}
    if choice == 5:
        return rng.choice([[], None, 0, "x", [{}], {"decisions": None}, {"submissions": "all"}])
    if choice == 6:  # an enrol answer
        return {"arrangement_id": rng.choice([REMOTE, "", "../..", HTML, 5]), "key_id": rng.choice(["0" * 16, "x"]),
                "token": rng.choice(["bpa1_x", "", None, "t" * 10_000])}
    if choice == 7:
        return {"decisions": [], "next": rng.choice([0, 1])}
    return {"status": "ok", "protocol": "bpa-sync/1"}


def _raw_body(rng: random.Random) -> bytes:
    return rng.choice([b"", b"not json", b"{", b"\xff\xfe", b"[" * 100_000 + b"]" * 100_000, b"nan",
                       b'{"decisions": [], "next": NaN}', b"0" * 10_000, b'{"a":' * 5000 + b"1" + b"}" * 5000])


class HostileReceiver:
    def __init__(self, seed: int, rows: dict) -> None:
        self.rng = random.Random(seed)
        self.rows = rows
        self.requests = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests += 1
        rng = self.rng
        if rng.random() < 0.08:
            raise rng.choice([httpx.ConnectError("refused"), httpx.ReadTimeout("slow"),
                              httpx.RemoteProtocolError("broken")])
        headers = {}
        retry = rng.choice(RETRY_AFTER)
        if retry is not None:
            headers["Retry-After"] = retry
        if rng.random() < 0.8:
            content = json.dumps(_json_body(rng, request, self.rows), ensure_ascii=rng.random() < 0.5).encode()
            headers["Content-Type"] = rng.choice(["application/json", "application/problem+json", "text/html", ""])
        else:
            content = _raw_body(rng)
        status = rng.choice(STATUSES)
        return httpx.Response(status, headers=headers, content=content, request=request)


def _rows(path) -> dict[str, dict]:
    import sqlite3

    with sqlite3.connect(path) as connection:
        connection.row_factory = sqlite3.Row
        rows = {row["id"]: dict(row) for row in connection.execute("SELECT * FROM outbox_submission")}
    connection.close()
    return rows


@FUZZ
@given(st.integers(0, 2**32 - 1), st.integers(1, 3))
def test_a_push_against_any_answer_loses_nothing_and_raises_nothing(enrolled_demo, seed, passes):
    source, arrangement_id = enrolled_demo
    with example("receiver answers (push and decisions)"), tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.sqlite"
        shutil.copyfile(source, path)
        before = _rows(path)
        receiver = HostileReceiver(seed, before)
        with Workspace.open(path) as ws:
            for _ in range(passes):
                summary = ws.sync.push(arrangement_id, ignore_backoff=True,
                                       transport=httpx.MockTransport(receiver), timeout=1)
                for message in summary.messages:
                    assert isinstance(message, str) and message and "\n" not in message, message
        after = _rows(path)
        assert set(after) == set(before)  # nothing lost, nothing added
        for sid, row in after.items():
            assert row["state"] in OUTBOX_STATES
            if before[sid]["body"] is not None:
                assert row["body"] == before[sid]["body"]
            if row["body"] is not None:
                assert hashlib.sha256(row["body"]).hexdigest() == row["body_sha256"]
            if row["state"] == "delivered":
                receipt = json.loads(row["receipt"])
                assert receipt["submission_id"] == sid and receipt["body_sha256"] == row["body_sha256"]


@FUZZ
@given(st.integers(0, 2**32 - 1))
def test_enrolment_against_any_answer_succeeds_or_says_why(enrolled_demo, seed):
    source, arrangement_id = enrolled_demo
    with example("receiver answers (enrol)"), tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.sqlite"
        shutil.copyfile(source, path)
        receiver = HostileReceiver(seed, {str(uuid.uuid4()): {}})
        with Workspace.open(path) as ws:
            client = SyncClient(ws.sync.outbox, transport=httpx.MockTransport(receiver), timeout=1)
            try:
                enrolment = client.enrol(arrangement_id, "https://mottak.test", "ABCD-EFGH-JKLM-NPQR")
            except SyncError as error:
                assert str(error) and "\n" not in str(error) and len(str(error)) < 2000, str(error)
                return
            assert enrolment.remote_arrangement_id  # only a well-formed answer enrols
