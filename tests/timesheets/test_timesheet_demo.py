"""The demo arrangement has attested history with a correction and an open current period,
and its payroll exports as a Visma Lønn file."""

from __future__ import annotations

from datetime import timedelta

from bpa_desktop import cli
from bpa_desktop.core.model import TimesheetStatus


def test_demo_timesheets(demo_workspace, demo_arrangement_id, demo_today, tmp_path, capsys):
    ws, aid = demo_workspace, demo_arrangement_id
    current = ws.timesheets.pay_period_for(aid, demo_today)
    sheets = ws.timesheets.list_timesheets(aid, all_versions=True)
    past = [t for t in sheets if t.period_end < current.start]
    assert len([t for t in past if t.status is TimesheetStatus.ATTESTED]) >= 3
    assert all(t.status is TimesheetStatus.ATTESTED for t in past)
    assert all(ws.timesheets.verify_timesheet(t.id) for t in past)
    (correction,) = [t for t in sheets if t.version == 2]
    original = next(t for t in sheets if t.id == correction.supersedes_id)
    assert correction.correction_reason and correction.content_hash != original.content_hash
    assert ws.timesheets.timesheet_detail(correction.id).total_hours == ws.timesheets.timesheet_detail(original.id).total_hours + 1

    now = ws.timesheets.list_timesheets(aid, current.start)
    assert {t.status for t in now} == {TimesheetStatus.DRAFT}  # the month is not over: nothing is confirmed whole
    assert [t.confirmed_through for t in now if t.confirmed_through] == [demo_today - timedelta(days=1)]

    previous = ws.timesheets.pay_period_for(aid, current.start - timedelta(days=1))
    out = tmp_path / "visma.txt"
    assert cli.main(["export", "payroll", "--db", str(ws.path), "--period", previous.key(),
                     "--format", "visma", "--out", str(out)]) == 0
    assert len(out.read_bytes().splitlines()) >= 10
    capsys.readouterr()
