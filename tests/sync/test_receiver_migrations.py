"""Migration 0002 on a receiver that already holds data (written at 0001): each arrangement's
submissions and decisions are numbered per arrangement in their old order, and the counters
continue from there."""

from __future__ import annotations

import uuid

from alembic import command
from sqlalchemy import text

from bpa_desktop.sync.receiver import database
from tests.sync.receiver_helpers import enrol_device


def _at_revision(db_url: str, revision: str) -> None:
    engine = database.make_engine(db_url, foreign_keys=False)
    with engine.connect() as connection:
        command.upgrade(database._alembic_config(connection), revision)
        connection.commit()
    engine.dispose()


def test_0002_numbers_existing_rows_per_arrangement_in_their_old_order(db_url):
    _at_revision(db_url, "0001")
    engine = database.make_engine(db_url)
    now = "2026-04-01 08:00:00"
    with engine.begin() as connection:
        run = lambda sql, **values: connection.execute(text(sql), values)  # noqa: E731
        for pk, name in ((1, "A"), (2, "B")):
            run("INSERT INTO arrangement (id, ref, name, vedtak_pay_codes, created_at) VALUES (:id, :ref, :name, '', :now)",
                id=pk, ref=f"ref-{name}", name=name, now=now)
            run("INSERT INTO device_key (id, arrangement_id, key_id, public_key, device_label, enrolled_at) "
                "VALUES (:id, :id, :key_id, :raw, '', :now)", id=pk, key_id=f"{pk:016x}", raw=bytes(32), now=now)
        # Submissions 1..5 alternate between A and B; decisions on 1 (A), 2 (B), 3 (A) in that order.
        for pk in range(1, 6):
            arrangement = 1 if pk % 2 else 2
            run("INSERT INTO submission (id, submission_id, arrangement_id, device_key_id, employee_no, period, version, "
                "kind, body, sig, key_id, body_sha256, received_at, received_via, state) VALUES (:id, :sid, :a, :a, "
                ":emp, '2026-03', 1, 'attestation', :b, :sig, :key_id, :sha, :now, 'api', :state)",
                id=pk, sid=uuid.uuid4() if db_url.startswith("postgresql") else uuid.uuid4().hex, a=arrangement,
                emp=str(1000 + pk), b=b"{}", sig=bytes(64), key_id=f"{arrangement:016x}", sha="0" * 64, now=now,
                state="accepted" if pk <= 3 else "received")
        for seq, submission in ((1, 1), (2, 2), (3, 3)):
            run("INSERT INTO decision (seq, submission_pk, arrangement_id, decision, decided_at) "
                "VALUES (:seq, :s, :a, 'accepted', :now)", seq=seq, s=submission, a=1 if submission % 2 else 2, now=now)
        run("UPDATE counter SET value = 3 WHERE name = 'decision_seq'")
    engine.dispose()

    database.migrate(db_url)
    engine = database.make_engine(db_url)
    with engine.connect() as connection:
        submissions = connection.execute(text("SELECT id, arrangement_id, arrangement_seq FROM submission ORDER BY id")).all()
        decisions = connection.execute(text("SELECT seq, arrangement_id, arrangement_seq FROM decision ORDER BY seq")).all()
        heads = connection.execute(text("SELECT id, submission_head, decision_head FROM arrangement ORDER BY id")).all()
    engine.dispose()
    assert [tuple(row) for row in submissions] == [(1, 1, 1), (2, 2, 1), (3, 1, 2), (4, 2, 2), (5, 1, 3)]
    assert [tuple(row) for row in decisions] == [(1, 1, 1), (2, 2, 1), (3, 1, 2)]
    assert [tuple(row) for row in heads] == [(1, 3, 2), (2, 2, 1)]


def test_receipts_count_per_arrangement_too(client, db_url, device):
    other = enrol_device(client, db_url, "Ordning B")
    for n in range(7):
        assert other.submit(employee_no=str(4000 + n))[1].json()["seq"] == n + 1
    body, response = device.submit()
    assert response.json()["seq"] == 1  # not 8: the other arrangement's count stays its own
    status = device.http.post("/v1/submissions/status", json={"ids": [str(body.submission_id)]},
                              headers={"Authorization": f"Bearer {device.token}"}).json()
    assert status["submissions"][0]["seq"] == 1
