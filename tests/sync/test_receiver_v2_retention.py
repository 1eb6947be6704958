"""Retention of bpa-sync/2 data (`bpa receiver purge`): events the desktop has read, old month
views, replaced rota views and expired or revoked link grants go; events it has not read, the
current rota and live links stay."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import select

from bpa_desktop import cli
from bpa_desktop.sync import protocol_v2 as v2
from bpa_desktop.sync.receiver import database
from bpa_desktop.sync.receiver.store import LinkEvent, LinkGrant, LinkRevocation, Publication
from tests.sync.receiver_v2_helpers import Desktop, month_view, rota_view
from tests.sync.test_receiver_v2_links import propose


def _age(db_url: str, days: int) -> None:
    """Move every bpa-sync/2 row `days` back, keeping their order."""
    engine = database.make_engine(db_url)
    with database.write_session(engine) as session:
        for row in session.scalars(select(LinkEvent)):
            row.created_at -= timedelta(days=days)
        for row in session.scalars(select(Publication)):
            row.published_at -= timedelta(days=days)
        for row in session.scalars(select(LinkRevocation)):
            row.revoked_at -= timedelta(days=days)
    engine.dispose()


def _kept(db_url: str) -> tuple[list[int], list[str], int]:
    engine = database.make_engine(db_url)
    with database.read_session(engine) as session:
        seqs = sorted(session.scalars(select(LinkEvent.seq)))
        views = sorted(f"{p.kind}:{p.rota_version_id or p.assistant_ref}" for p in session.scalars(select(Publication)))
        grants = len(session.scalars(select(LinkGrant)).all())
    engine.dispose()
    return seqs, views, grants


def test_purge_deletes_read_events_old_views_and_dead_links_and_keeps_the_rest(client, device, db_url, capsys):
    desktop = Desktop(device)
    desktop.publish(month_view(desktop.arrangement_id, "a-kari", "Kari"))
    desktop.publish(month_view(desktop.arrangement_id, "a-ola", "Ola", shifts=2))
    desktop.publish(rota_view(desktop.arrangement_id, version=1))
    kari = desktop.new_link(assistant_ref="a-kari", label="Kari")
    ola = desktop.new_link(assistant_ref="a-ola", label="Ola")
    assert propose(client, kari, "s1-a-kari", change="sick").status_code == 303
    assert propose(client, kari, "s2-a-kari", change="sick").status_code == 303
    assert len(desktop.events(since=0).json()["events"]) == 2  # read, but nothing held yet
    assert desktop.events(since=1).status_code == 200  # the desktop holds event 1
    desktop.publish(rota_view(desktop.arrangement_id, version=2))
    assert desktop.revoke(ola.link_id).status_code == 200
    _age(db_url, 401)

    assert cli.main(["receiver", "purge", "--db", db_url, "--older-than-days", "400"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert (answer["events"], answer["publications"], answer["links"]) == (1, 3, 1)
    seqs, views, grants = _kept(db_url)
    assert seqs == [2]  # not yet read by the desktop: kept however old
    assert views == ["rota:2"]  # the current rota stays for the approvers' links
    assert grants == 1  # Kari's link is still live
    # The feed goes on from where the desktop is; a purged event leaves a gap it steps over.
    page = v2.EventsPage.model_validate(desktop.events(since=1).json())
    assert [v2.EventBody.model_validate_json(e.body_bytes()).seq for e in page.events] == [2]
    assert desktop.events(since=2).json() == {"events": [], "next": 2}
    assert cli.main(["receiver", "purge", "--db", db_url, "--older-than-days", "400"]) == 0
    assert json.loads(capsys.readouterr().out)["events"] == 1
    assert _kept(db_url)[0] == []
