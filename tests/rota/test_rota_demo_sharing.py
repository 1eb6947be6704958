"""The demo arrangement's need pattern, coverage and rota approvals."""

from __future__ import annotations

from datetime import timedelta

from bpa_desktop.core import calendar as cal
from bpa_desktop.core.model import ApprovalRole


def test_demo_need_is_covered_except_the_wednesday_evening(demo_workspace, demo_arrangement_id, demo_today):
    ws, aid = demo_workspace, demo_arrangement_id
    assert len(ws.rota.get_need_pattern(aid)) == 10
    monday = cal.iso_monday(demo_today) + timedelta(weeks=1)
    gaps = ws.rota.coverage_gaps(aid, monday, monday + timedelta(weeks=4) - timedelta(days=1))
    assert len(gaps) == 4
    assert all(cal.to_local(g.start).weekday() == 2 and g.hours == 3 and not g.passive for g in gaps)


def test_demo_rota_is_approved_by_employer_and_union_and_seen_by_one_assistant(demo_workspace, demo_arrangement_id):
    ws, aid = demo_workspace, demo_arrangement_id
    rota = ws.rota.current_rota(aid)
    approvals = ws.participants.approvals(rota.id)
    assert [a.role for a in approvals] == [ApprovalRole.EMPLOYER, ApprovalRole.UNION_REP, ApprovalRole.ASSISTANT]
    assert all(a.approved_on and a.approved_on <= rota.start for a in approvals[:2])
    assistant = approvals[2]
    assert assistant.seen_on and assistant.approved_on is None
    assert assistant.assistant_id in {a.id for a in ws.people.list_assistants(aid)}
