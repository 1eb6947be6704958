"""bpa-sync/2 phone pages (/p/{code}) through the in-process TestClient: what each link sees,
what it may do, and what it may not (another assistant's month, revoked and expired links,
bad form tokens, rate limits). Each action is one receiver-signed event."""

from __future__ import annotations

import base64
import logging
import re
import uuid

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from fastapi.testclient import TestClient
from sqlalchemy import select

from bpa_desktop.sync import protocol_v2 as v2
from bpa_desktop.sync.receiver import database
from bpa_desktop.sync.receiver.app import create_app
from bpa_desktop.sync.receiver.settings import load as load_settings
from bpa_desktop.sync.receiver.store import AuditEvent
from tests.sync.receiver_v2_helpers import Desktop, form_for, month_view, rota_view

KARI, OLA = "a-kari", "a-ola"


@pytest.fixture
def desktop(device) -> Desktop:
    return Desktop(device)


@pytest.fixture
def published(desktop):
    """Kari's and Ola's months and a rota, with a link for each and one for the union rep."""
    kari_body, _ = desktop.publish(month_view(desktop.arrangement_id, KARI, "Kari"))
    ola_body, _ = desktop.publish(month_view(desktop.arrangement_id, OLA, "Ola", shifts=2))
    rota_body, _ = desktop.publish(rota_view(desktop.arrangement_id))
    return {
        "kari": desktop.new_link(assistant_ref=KARI, label="Kari"),
        "ola": desktop.new_link(assistant_ref=OLA, label="Ola"),
        "rep": desktop.new_link(role="union_rep", label="Tillitsvalgt"),
        "kari_month": kari_body, "ola_month": ola_body, "rota": rota_body,
    }


def event_bodies(desktop) -> list[v2.EventBody]:
    page = v2.EventsPage.model_validate(desktop.events().json())
    return [v2.EventBody.model_validate_json(envelope.body_bytes()) for envelope in page.events]


def propose(client, link, shift_ref: str, **values):
    page = client.get(f"/p/{link.code}/shift/{shift_ref}")
    assert page.status_code == 200, page.text
    action, form = form_for(page.text, "/propose", **values)
    return client.post(action, data=form, follow_redirects=False)


def test_assistant_link_shows_only_the_own_month_and_the_rota(client, published):
    page = client.get(f"/p/{published['kari'].code}")
    assert page.status_code == 200
    assert '<html lang="nb">' in page.text
    assert "Hei, Kari" in page.text and "Timene dine i mars 2026" in page.text
    assert "Sum: 24 t" in page.text
    assert str(published["kari_month"].publication_id) in page.text
    assert str(published["ola_month"].publication_id) not in page.text and "s1-a-ola" not in page.text
    assert "Turnus v1" in page.text and "ledig vakt" in page.text
    english = client.get(f"/p/{published['kari'].code}", headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert '<html lang="en">' in english.text and "Your hours in March 2026" in english.text


def test_assistant_link_proposal_and_confirmation_are_signed_gap_free_events(client, desktop, published):
    link = published["kari"]
    answer = propose(client, link, "s1-a-kari", change="stayed_longer", minutes="60", comment="Ble til 17")
    assert answer.status_code == 303 and answer.headers["location"].endswith("?msg=proposal")
    page = client.get(f"/p/{link.code}")
    action, form = form_for(page.text, "/confirm")
    assert form["content_hash"] == published["kari_month"].content_hash
    assert client.post(action, data=form, follow_redirects=False).status_code == 303
    assert client.post(action, data=form, follow_redirects=False).status_code == 303  # sent twice: one event
    assert "Du bekreftet måneden" in client.get(f"/p/{link.code}").text

    key = v2.ReceiverKey.model_validate(desktop.receiver_key().json())
    public = Ed25519PublicKey.from_public_bytes(base64.b64decode(key.public_key))
    page = v2.EventsPage.model_validate(desktop.events().json())
    for envelope in page.events:
        public.verify(envelope.sig_bytes(), v2.EVENT_SIGNATURE_CONTEXT + envelope.body_bytes())
    proposal, confirmation = event_bodies(desktop)
    assert [proposal.seq, confirmation.seq] == [1, 2]
    assert proposal.kind == "proposal" and proposal.assistant_ref == KARI and proposal.link_id == link.link_id
    assert (proposal.proposal.shift_ref, proposal.proposal.change, proposal.proposal.minutes) == ("s1-a-kari", "stayed_longer", 60)
    assert proposal.proposal.comment == "Ble til 17" and proposal.channel == "link" and proposal.role == "assistant"
    assert confirmation.confirmation.content_hash == published["kari_month"].content_hash
    assert confirmation.confirmation.period == "2026-03"


def test_assistant_link_extra_shift_and_the_shapes_the_form_refuses(client, desktop, published):
    link = published["kari"]
    page = client.get(f"/p/{link.code}/extra")
    action, form = form_for(page.text, "/propose", day="2026-03-20", start="22:00", end="07:00")
    assert client.post(action, data=form, follow_redirects=False).status_code == 303
    (extra,) = event_bodies(desktop)
    assert extra.proposal.change == "extra_shift" and extra.proposal.shift_ref is None
    assert extra.proposal.minutes == 9 * 60 and extra.proposal.ends_at > extra.proposal.starts_at
    outside = form_for(client.get(f"/p/{link.code}/extra").text, "/propose", day="2026-04-01", start="08:00", end="09:00")
    assert client.post(outside[0], data=outside[1]).status_code == 400
    no_minutes = propose(client, link, "s2-a-kari", change="late_start", minutes="")
    assert no_minutes.status_code == 400
    assert len(event_bodies(desktop)) == 1


def test_a_refused_proposal_form_shows_again_what_the_person_typed(client, published):
    link = published["kari"]
    page = client.get(f"/p/{link.code}/extra").text
    action, form = form_for(page, "/propose", day="2026-04-01", start="08:00", end="09:30", comment="Tok med <handel>")
    refused = client.post(action, data=form)
    assert refused.status_code == 400
    assert 'value="2026-04-01"' in refused.text and 'value="09:30"' in refused.text
    assert ">Tok med &lt;handel&gt;</textarea>" in refused.text  # kept, and escaped
    too_long = propose(client, link, "s2-a-kari", change="stayed_longer", minutes="9999", comment="Lang kveld")
    assert too_long.status_code == 400
    assert re.search(r'value="stayed_longer" required checked', too_long.text)
    assert 'value="9999"' in too_long.text and ">Lang kveld</textarea>" in too_long.text


def test_assistant_link_cannot_read_or_act_on_another_assistants_month(client, desktop, published):
    kari, ola_month = published["kari"], published["ola_month"]
    # Ola's shift through Kari's link: not found, like any unknown shift.
    assert client.get(f"/p/{kari.code}/shift/s1-a-ola").status_code == 404
    page = client.get(f"/p/{kari.code}/shift/s1-a-kari")
    action, form = form_for(page.text, "/propose", change="sick")
    # Kari's valid form token, but Ola's publication or Ola's shift: refused, nothing recorded.
    for other in ({"publication_id": str(ola_month.publication_id), "shift_ref": "s1-a-ola"},
                  {"publication_id": str(ola_month.publication_id)},
                  {"shift_ref": "s1-a-ola"}):
        assert client.post(action, data={**form, **other}).status_code == 404
    confirm_action, confirm = form_for(client.get(f"/p/{kari.code}").text, "/confirm")
    stolen = {**confirm, "publication_id": str(ola_month.publication_id), "content_hash": ola_month.content_hash}
    assert client.post(confirm_action, data=stolen).status_code == 404
    # An assistant's link does not approve rotas either.
    rota = published["rota"]
    approve = {"publication_id": str(rota.publication_id), "content_hash": rota.content_hash,
               "event_id": confirm["event_id"], "csrf_token": confirm["csrf_token"], "decision": "approve"}
    assert client.post(f"/p/{kari.code}/approve", data=approve).status_code == 404
    # Ola's own link never shows Kari's month.
    ola_page = client.get(f"/p/{published['ola'].code}").text
    assert "s1-a-kari" not in ola_page and str(published["kari_month"].publication_id) not in ola_page
    assert event_bodies(desktop) == []


def test_assistant_link_form_token_is_bound_to_the_link_and_the_event(client, desktop, published):
    kari, ola = published["kari"], published["ola"]
    action, form = form_for(client.get(f"/p/{kari.code}/shift/s1-a-kari").text, "/propose", change="sick")
    assert client.post(action, data={**form, "csrf_token": ""}).status_code == 403
    assert client.post(action, data={**form, "event_id": str(uuid.uuid4())}).status_code == 403
    _ola_action, ola_form = form_for(client.get(f"/p/{ola.code}/shift/s1-a-ola").text, "/propose", change="sick")
    assert client.post(action, data={**form, "csrf_token": ola_form["csrf_token"]}).status_code == 403
    assert event_bodies(desktop) == []


def test_assistant_link_revoked_or_expired_gets_the_same_404_everywhere(client, desktop, published):
    kari = published["kari"]
    action, form = form_for(client.get(f"/p/{kari.code}/shift/s1-a-kari").text, "/propose", change="sick")
    confirm_action, confirm = form_for(client.get(f"/p/{kari.code}").text, "/confirm")
    unknown = client.get("/p/" + "x" * 32)
    assert desktop.revoke(kari.link_id).status_code == 200
    expired = desktop.new_link(assistant_ref=KARI, label="Kari", days=-1)
    for code in (kari.code, expired.code):
        answers = [client.get(f"/p/{code}"), client.get(f"/p/{code}/shift/s1-a-kari"), client.get(f"/p/{code}/extra"),
                   client.post(f"/p/{code}/propose", data=form), client.post(f"/p/{code}/confirm", data=confirm),
                   client.post(f"/p/{code}/approve", data={**confirm, "decision": "approve"})]
        for answer in answers:
            assert answer.status_code == 404
            assert answer.text == unknown.text  # nothing tells revoked, expired and unknown apart
    assert "s1-a-kari" not in unknown.text and "Kari" not in unknown.text
    assert action and confirm_action and event_bodies(desktop) == []


def test_assistant_link_stale_month_is_not_confirmed(client, desktop, published):
    kari = published["kari"]
    action, form = form_for(client.get(f"/p/{kari.code}").text, "/confirm")
    desktop.publish(month_view(desktop.arrangement_id, KARI, "Kari", version=2, shifts=4))
    answer = client.post(action, data=form)
    assert answer.status_code == 409 and "ny versjon av måneden" in answer.text
    assert event_bodies(desktop) == []
    page = client.get(f"/p/{kari.code}").text
    assert "Sum: 32 t" in page  # the newest publication is the one shown


def test_approver_link_sees_the_latest_rota_and_approves_or_comments(client, desktop, published):
    rep = published["rep"]
    desktop.publish(rota_view(desktop.arrangement_id, version=2))
    page = client.get(f"/p/{rep.code}")
    assert page.status_code == 200 and "versjon 2" in page.text and "Timene dine" not in page.text
    assert str(published["kari_month"].publication_id) not in page.text
    action, form = form_for(page.text, "/approve", decision="approve")
    assert client.post(action, data=form, follow_redirects=False).status_code == 303
    assert "Du godkjente denne versjonen" in client.get(f"/p/{rep.code}").text
    action, form = form_for(client.get(f"/p/{rep.code}").text, "/approve", decision="comment")
    assert client.post(action, data={**form, "comment": ""}).status_code == 400
    assert client.post(action, data={**form, "comment": "Natt til lørdag mangler"}, follow_redirects=False).status_code == 303
    approval, comment = event_bodies(desktop)
    assert approval.kind == "approval" and approval.role == "union_rep" and approval.approval.approved
    assert approval.approval.rota_version_id == 2 and approval.approval.approver == "Tillitsvalgt"
    assert approval.assistant_ref is None and approval.link_id == rep.link_id
    assert not comment.approval.approved and comment.approval.comment == "Natt til lørdag mangler"
    # An approver's link has no month pages and cannot propose or confirm.
    assert client.get(f"/p/{rep.code}/extra").status_code == 404
    kari_month = published["kari_month"]
    data = {"publication_id": str(kari_month.publication_id), "content_hash": kari_month.content_hash,
            "event_id": form["event_id"], "csrf_token": form["csrf_token"]}
    assert client.post(f"/p/{rep.code}/confirm", data=data).status_code == 404
    assert client.post(f"/p/{rep.code}/propose", data={**data, "change": "sick", "shift_ref": "s1-a-kari"}).status_code == 404
    assert len(event_bodies(desktop)) == 2


def test_approver_link_revoked_gets_nothing(client, desktop, published):
    rep = published["rep"]
    action, form = form_for(client.get(f"/p/{rep.code}").text, "/approve", decision="approve")
    desktop.revoke(rep.link_id)
    assert client.get(f"/p/{rep.code}").status_code == 404
    assert client.post(action, data=form).status_code == 404
    assert event_bodies(desktop) == []


def test_assistant_link_rate_limits_bad_codes_per_address_and_requests_per_link(db_url, desktop, published):
    settings = load_settings(db=db_url).model_copy(update={"link_max_bad_codes": 3, "link_max_requests": 4})
    with TestClient(create_app(db_url, settings=settings), base_url="http://127.0.0.1") as limited:
        kari = published["kari"]
        for n in range(3):
            assert limited.get(f"/p/{'y' * 30}{n}").status_code == 404
        locked = limited.get("/p/" + "z" * 32)
        assert locked.status_code == 429 and int(locked.headers["Retry-After"]) > 0
        assert limited.get(f"/p/{kari.code}").status_code == 429  # the address is locked for every code
    engine = database.make_engine(db_url)
    with database.write_session(engine) as session:
        actions = session.scalars(select(AuditEvent.action).where(AuditEvent.action.like("rate_limited_%"))).all()
        assert actions == ["rate_limited_link_ip"]
        from bpa_desktop.sync.receiver import throttle
        throttle.lift(session, address="testclient", actor="test")
    engine.dispose()
    with TestClient(create_app(db_url, settings=settings), base_url="http://127.0.0.1") as limited:
        answers = [limited.get(f"/p/{published['ola'].code}").status_code for _ in range(6)]
        assert answers == [200, 200, 200, 200, 429, 429]
        assert limited.get(f"/p/{published['rep'].code}").status_code == 200  # another link: its own count


def test_assistant_link_code_is_never_logged(client, published, caplog):
    caplog.set_level(logging.DEBUG)
    kari = published["kari"]
    propose(client, kari, "s1-a-kari", change="sick")
    client.get("/p/" + "q" * 40)
    # The receiver's own loggers (the test client's httpx logs its URLs: that is not the receiver).
    text = "\n".join(f"{record.getMessage()} {record.__dict__}" for record in caplog.records
                     if record.name.startswith(("bpa_receiver", "bpa_desktop", "uvicorn")))
    assert "/p/{code}" in text  # the access log has the route template
    assert kari.code not in text and "q" * 40 not in text
    assert not re.search(r"/p/[A-Za-z0-9_-]{20,}", text)


def test_assistant_link_events_and_refusals_are_counted_in_metrics(client, published):
    propose(client, published["kari"], "s1-a-kari", change="sick")
    client.get("/p/" + "m" * 32)
    text = client.get("/metrics").text
    assert 'bpa_receiver_link_events_total{channel="link",kind="proposal"}' in text
    assert 'bpa_receiver_link_refusals_total{reason="not_found"}' in text
    assert published["kari"].code not in text and "m" * 32 not in text
