"""Who has seen and approved which rota version, and when."""

from __future__ import annotations

from datetime import date

import pytest

from bpa_desktop.core.model import ApprovalRole, RotaApproval
from bpa_desktop.workspace import NotFoundError, ValidationError


def test_approvals_are_recorded_per_version(setup):
    ws, ids = setup.ws, setup.ids
    first = setup.save()
    ws.rota.record_rota_approval(RotaApproval(None, first, "assistant", "", date(2026, 10, 1), assistant_id=ids["101"]))
    ws.rota.record_rota_approval(RotaApproval(None, first, "union_rep", "Tillitsvalgt", None, date(2026, 10, 3)))
    employer = ws.rota.record_rota_approval(
        RotaApproval(None, first, ApprovalRole.EMPLOYER, "Kommunen", date(2026, 10, 1), date(2026, 10, 2))
    )
    # The same assistant again: their row is updated, not doubled.
    ws.rota.record_rota_approval(
        RotaApproval(None, first, "assistant", "", date(2026, 10, 1), date(2026, 10, 4), assistant_id=ids["101"])
    )
    approvals = ws.participants.approvals(first)
    assert [(a.role, a.seen_on, a.approved_on) for a in approvals] == [
        (ApprovalRole.EMPLOYER, date(2026, 10, 1), date(2026, 10, 2)),
        (ApprovalRole.UNION_REP, date(2026, 10, 3), date(2026, 10, 3)),  # approving implies seen
        (ApprovalRole.ASSISTANT, date(2026, 10, 1), date(2026, 10, 4)),
    ]
    assert approvals[0].id == employer.id
    second = setup.save()
    assert ws.participants.approvals(second) == []
    assert len(ws.participants.approvals(first)) == 3
    log = ws.audit.entries(setup.arrangement_id, limit=10)
    assert any(e.entity == "rota_approval" for e in log)
    assert not any("Tillitsvalgt" in e.detail or "Kommunen" in e.detail for e in log)


def test_approval_input_is_checked(setup):
    ws, ids = setup.ws, setup.ids
    rota = setup.save()
    with pytest.raises(ValidationError) as error:
        ws.rota.record_rota_approval(RotaApproval(None, rota, "assistant", "", date(2026, 10, 1)))
    assert "assistant_id" in error.value.errors
    with pytest.raises(ValidationError) as error:
        ws.rota.record_rota_approval(RotaApproval(None, rota, "employer", " ", date(2026, 10, 1)))
    assert "who" in error.value.errors
    with pytest.raises(ValidationError) as error:
        ws.rota.record_rota_approval(RotaApproval(None, rota, "boss", "X", date(2026, 10, 1)))
    assert "role" in error.value.errors
    with pytest.raises(ValidationError) as error:
        ws.rota.record_rota_approval(RotaApproval(None, rota, "employer", "X", date(2026, 10, 5), date(2026, 10, 4)))
    assert "approved_on" in error.value.errors
    with pytest.raises(NotFoundError):
        ws.rota.record_rota_approval(RotaApproval(None, 999, "employer", "X", date(2026, 10, 5)))
    assert ws.participants.approvals(rota) == []
