"""The desktop's bpa-sync/2 side against the real receiver (uvicorn on loopback, shared with the
other sync client tests): the demo arrangement is enrolled, a month and the rota are published,
links granted; the assistant's page answers with the month; a confirmation made on that page
comes back signed by the receiver, is applied once through ws.participants (in memory here
until the real one is merged), and a revoked link answers 404 like an unknown one."""

from __future__ import annotations

import re
from datetime import date

import httpx
import pytest

from tests.sync.receiver_helpers import issue_code
from tests.sync_client.sharing_fakes import StubParticipants


def hidden(html: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]*)"', html)
    assert found, name
    return found.group(1)


@pytest.fixture
def enrolled_ws(demo_workspace, demo_arrangement_id, memory_keyring, shared_receiver, arrangement_name):
    ws = demo_workspace
    stub = StubParticipants()
    ws.sync._participants = lambda: stub
    code = issue_code(shared_receiver.db_url, arrangement_name)
    enrolment = ws.sync.enrol(demo_arrangement_id, shared_receiver.base_url, code)
    stub.arrangement_id = enrolment.remote_arrangement_id
    return ws, demo_arrangement_id, stub, shared_receiver


def test_publish_link_confirm_on_the_page_and_pull_it_back(enrolled_ws):
    ws, arrangement_id, stub, receiver = enrolled_ws
    assistant = ws.people.list_assistants(arrangement_id)[0]
    month = ws.sync.sharing.publish_month(assistant.id, date(2026, 2, 1))
    link = ws.sync.sharing.create_link("assistant", assistant_id=assistant.id, label="Kari")
    rep = ws.sync.sharing.create_link("union_rep", label="Tillitsvalgt", arrangement_id=arrangement_id)
    summary = ws.sync.push(arrangement_id)
    assert summary.shared == 3, summary.messages
    assert ws.sync.enrolment(arrangement_id) is not None
    assert ws.sync.sharing.pinned_key(arrangement_id) is not None

    with httpx.Client(follow_redirects=True, timeout=10) as browser:
        page = browser.get(link.url)
        assert page.status_code == 200 and "Kari" in page.text
        assert hidden(page.text, "publication_id") == month.publication_id
        form = {name: hidden(page.text, name) for name in ("publication_id", "content_hash", "event_id", "csrf_token")}
        answer = browser.post(link.url + "/confirm", data=form)
        assert answer.status_code == 200, answer.text
        again = browser.post(link.url + "/confirm", data=form)  # the same form twice: one event
        assert again.status_code in (200, 409)

    summary = ws.sync.push(arrangement_id)
    assert summary.events == 1, summary.messages
    (confirmation,) = stub.confirmations.values()
    assert confirmation == {"assistant_id": assistant.id, "seen_hash": month.content_hash, "channel": "link"}
    assert ws.sync.sharing.events_cursor(arrangement_id) == 1
    assert ws.sync.push(arrangement_id).events == 0

    assert ws.sync.sharing.revoke_link(rep.link_id)
    ws.sync.push(arrangement_id)
    assert ws.sync.sharing.links(arrangement_id)[1].revoke_sent_at is not None
    with httpx.Client(timeout=10) as browser:
        gone = browser.get(rep.url)
        unknown = browser.get(receiver.base_url + "/p/" + "x" * 32)
    assert gone.status_code == unknown.status_code == 404
    assert gone.text == unknown.text
