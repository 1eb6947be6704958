"""The links, end to end in the browser: the desktop (the demo, connected to the real receiver)
publishes an assistant's month and the rota version and makes two links; in Chromium the
assistant proposes "stayed 1 h longer" on a shift and confirms the month, the union
representative approves the rota version; the next sync pass brings all three back, signed
by the receiver, each applied once through ws.participants (here the contract's stand-in;
test_assistant_link_flow_desktop.py runs the same with the real one and the leader's steps)."""

from __future__ import annotations

from datetime import date

from tests.e2e.assistant_link_steps import approve_rota, confirm_month, phone, propose_stayed_longer
from tests.sync.receiver_helpers import issue_code
from tests.sync_client.sharing_fakes import StubParticipants


def test_assistant_link_flow_phone_answers_come_back_to_the_desktop(demo_workspace, demo_arrangement_id,
                                                                    memory_keyring, receiver_under_test, chromium,
                                                                    _bokmal):
    ws, arrangement_id = demo_workspace, demo_arrangement_id
    stub = StubParticipants()
    ws.sync._participants = lambda: stub
    ws.sync.enrol(arrangement_id, receiver_under_test.base_url, issue_code(receiver_under_test.db_url, "Linkflyt"))
    assistant = ws.people.list_assistants(arrangement_id)[0]
    month = ws.sync.sharing.publish_month(assistant.id, date(2026, 2, 1))
    rota = ws.sync.sharing.publish_rota(ws.rota.list_rota_versions(arrangement_id)[0].id)
    kari = ws.sync.sharing.create_link("assistant", assistant_id=assistant.id, label="Kari")
    rep = ws.sync.sharing.create_link("union_rep", label="Tillitsvalgt", arrangement_id=arrangement_id)
    assert ws.sync.push(arrangement_id).shared == 4

    context = phone(chromium, receiver_under_test.base_url)
    try:
        page = context.new_page()
        propose_stayed_longer(page, kari.url, 60, shot="link-1-assistant-propose")
        confirm_month(page, kari.url, shot="link-2-assistant-confirmed")
        approve_rota(page, rep.url, shot="link-3-union-rep-approved")
    finally:
        context.close()

    summary = ws.sync.push(arrangement_id)
    assert summary.events == 3, summary.messages
    (proposal,) = stub.proposals.values()
    assert proposal["change"] == "stayed_longer" and proposal["minutes"] == 60 and proposal["channel"] == "link"
    assert proposal["assistant_id"] == assistant.id and proposal["period_start"] == date(2026, 2, 1)
    (confirmation,) = stub.confirmations.values()
    assert confirmation["seen_hash"] == month.content_hash
    (approval,) = stub.approvals.values()
    assert approval["role"] == "union_rep" and approval["approved"] and approval["rota_id"] == rota.rota_id
    assert ws.sync.push(arrangement_id).events == 0  # nothing applied twice
