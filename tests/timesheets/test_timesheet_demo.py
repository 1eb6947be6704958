"""The demo arrangement has attested history with a correction and an open current period,
and its payroll exports as a Visma Lønn file."""

from __future__ import annotations

from datetime import date, timedelta

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


def test_the_demo_sick_period_and_its_vikar_on_paper(demo_workspace, demo_arrangement_id, tmp_path):
    """The demo's sykmelding covered by vikars: the sick assistant's PDF has the sick-pay line
    and "dekket av", each vikar's "for … (syk)", and on every sheet each column adds up to its
    pay line."""
    import pdfplumber

    from tests.export.test_export_timesheet_pdf import pay_line_hours, sum_line

    ws, aid = demo_workspace, demo_arrangement_id
    people = {a.name: a for a in ws.people.list_assistants(aid)}
    sick = next(a for a in ws.timesheets.list_absences(aid, date(2000, 1, 1), date(2100, 1, 1))
                if a.kind.value == "sykmelding")
    sick_name = next(name for name, a in people.items() if a.id == sick.assistant_id)

    def sheet(name: str) -> str:
        path = ws.exports.timesheet_pdf(people[name].id, sick.start, tmp_path / f"{name}.pdf").path
        with pdfplumber.open(path) as pdf:
            text = "\n".join(page.extract_text() for page in pdf.pages)
        detail = ws.timesheets.preview_timesheet(people[name].id, sick.start)
        codes = [line.pay_code for line in detail.pay_lines]
        assert sum_line(text)[1:] == [pay_line_hours(text, code) for code in codes]
        return " ".join(text.split())  # a note may wrap onto the next line

    sick_text = sheet(sick_name)
    assert "1500 Sykelønn i arbeidsgiverperioden" in sick_text and "Sykmelding · AGP dag" in sick_text
    vikars = {name for name in people if f"dekket av {name}" in sick_text}
    assert vikars, "the sick assistant's sheet names who covered"
    for vikar in vikars:
        assert f"for {sick_name} (syk)" in sheet(vikar)
