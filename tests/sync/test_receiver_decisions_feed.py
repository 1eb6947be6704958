"""The decisions feed: gap-free seq, paging by cursor, one arrangement's view, cursor_ahead."""

from __future__ import annotations

from sqlalchemy import select

from bpa_desktop.sync.receiver import database, decisions
from bpa_desktop.sync.receiver.store import StaffUser
from tests.sync.receiver_helpers import add_staff_user, enrol_device


def decide_all(db_url, items):
    add_staff_user(db_url)
    engine = database.make_engine(db_url)
    try:
        for submission_id, verdict in items:
            with database.write_session(engine) as session:
                user = session.scalars(select(StaffUser)).one()
                reason = "Feil periode" if verdict == "rejected" else None
                decisions.decide(session, submission_id, verdict, reason, user)
    finally:
        engine.dispose()


def test_feed_pages_by_cursor_and_shows_only_the_tokens_arrangement(client, db_url, device):
    other = enrol_device(client, db_url, "Ordning B")
    mine = [device.submit(employee_no=str(2000 + n))[0].submission_id for n in range(5)]
    theirs = other.submit()[0].submission_id
    decide_all(db_url, [(mine[0], "accepted"), (theirs, "accepted"), (mine[1], "rejected"),
                        (mine[2], "accepted"), (mine[3], "accepted"), (mine[4], "rejected")])

    seen, cursor = [], 0
    while True:
        page = device.decisions(since=cursor, limit=2).json()
        seen += page["decisions"]
        if page["next"] == cursor:
            break
        cursor = page["next"]
    assert [d["submission_id"] for d in seen] == [str(i) for i in mine]
    # Each arrangement counts its own decisions: B's decision (the 2nd overall) is not a gap here.
    assert [d["seq"] for d in seen] == [1, 2, 3, 4, 5]
    assert cursor == 5
    assert seen[1]["decision"] == "rejected" and seen[1]["reason"] == "Feil periode"
    assert other.decisions().json() == {"decisions": [other.decisions().json()["decisions"][0]], "next": 1}
    assert other.decisions().json()["decisions"][0]["seq"] == 1
    # Re-reading from an older cursor is harmless (applying is idempotent on the client).
    assert device.decisions(since=3).json()["decisions"][0]["seq"] == 4


def test_no_arrangement_learns_how_many_decisions_the_others_got(client, db_url, device):
    """`since` far ahead used to answer with the receiver-wide head; now only one's own."""
    other = enrol_device(client, db_url, "Ordning B")
    theirs = [other.submit(employee_no=str(3000 + n))[0].submission_id for n in range(7)]
    decide_all(db_url, [(submission_id, "accepted") for submission_id in theirs])
    ahead = device.decisions(since=1_000_000)
    assert ahead.status_code == 409 and ahead.json()["head"] == 0
    assert device.decisions().json() == {"decisions": [], "next": 0}
    mine = device.submit()[0].submission_id
    decide_all(db_url, [(mine, "rejected")])
    page = device.decisions().json()
    assert [d["seq"] for d in page["decisions"]] == [1] and page["next"] == 1


def test_cursor_beyond_head_is_cursor_ahead(device, db_url):
    body, _ = device.submit()
    decide_all(db_url, [(body.submission_id, "accepted")])
    assert device.decisions(since=1).json() == {"decisions": [], "next": 1}
    ahead = device.decisions(since=7)
    assert ahead.status_code == 409
    assert ahead.json()["code"] == "cursor_ahead"
    assert ahead.json()["head"] == 1
