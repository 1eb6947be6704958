"""bpa-sync/2 on the staff pages: municipality staff approve or comment on an arrangement's newest
rota version; each answer is one receiver-signed event (role municipality, channel staff_page)."""

from __future__ import annotations

import pytest

from bpa_desktop.sync import protocol_v2 as v2
from tests.sync.receiver_helpers import add_staff_user
from tests.sync.receiver_v2_helpers import Desktop, form_for, month_view, rota_view
from tests.sync.test_receiver_web import PASSWORD, log_in


@pytest.fixture
def staff_client(client, db_url):
    add_staff_user(db_url, password=PASSWORD)
    assert log_in(client).status_code == 303
    return client


def bodies(desktop) -> list[v2.EventBody]:
    page = v2.EventsPage.model_validate(desktop.events().json())
    return [v2.EventBody.model_validate_json(envelope.body_bytes()) for envelope in page.events]


def test_staff_approve_and_comment_the_newest_rota_version(staff_client, device):
    desktop = Desktop(device)
    assert "Ingen ordning har sendt en turnus" in staff_client.get("/staff/rotas").text
    desktop.publish(month_view(desktop.arrangement_id))  # a month is not for staff: not shown
    old, _ = desktop.publish(rota_view(desktop.arrangement_id, version=1))
    new, _ = desktop.publish(rota_view(desktop.arrangement_id, version=2))
    page = staff_client.get("/staff/rotas")
    assert page.status_code == 200 and "Turnus v2 (versjon 2)" in page.text and "s1-a-kari" not in page.text
    action, form = form_for(page.text, "/answer", decision="approve")
    assert str(new.publication_id) in action
    assert staff_client.post(action, data=form, follow_redirects=False).status_code == 303
    assert staff_client.post(action, data=form, follow_redirects=False).status_code == 303  # twice: one event
    page = staff_client.get("/staff/rotas?msg=approved")
    assert "Turnusen er godkjent." in page.text and "Godkjent av saksbehandler (kommunen)" in page.text
    action, form = form_for(page.text, "/answer", decision="comment")
    assert staff_client.post(action, data={**form, "comment": "Helgene er tynne"}, follow_redirects=False).status_code == 303
    stale = staff_client.post(f"/staff/rotas/{old.publication_id}/answer",
                              data={**form, "event_id": "6b1c1a53-1111-4a1a-9a1a-1a1a1a1a1a1a"})
    assert stale.status_code == 409 and "nyere versjon" in stale.text
    assert staff_client.post(action, data={**form, "csrf_token": "feil"}).status_code == 403
    approval, comment = bodies(desktop)
    assert (approval.role, approval.channel, approval.link_id, approval.assistant_ref) == ("municipality", "staff_page", None, None)
    assert approval.approval.approved and approval.approval.approver == "saksbehandler"
    assert approval.approval.rota_version_id == 2 and approval.approval.content_hash == new.content_hash
    assert not comment.approval.approved and comment.approval.comment == "Helgene er tynne"


def test_staff_rota_page_needs_login(client):
    assert client.get("/staff/rotas", follow_redirects=False).headers["location"] == "/staff/login"
