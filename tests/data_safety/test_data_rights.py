"""Data rights: export of all data (JSON per table valid against its schema, the PDFs), and
erasure of a departed assistant after the retention time, attested versions still verifiable."""

from __future__ import annotations

import json
import zipfile
from dataclasses import replace
from datetime import date

import jsonschema
import pytest

from bpa_desktop.workspace import WorkspaceError
from bpa_desktop.workspace.data_rights import retention_until


def test_export_all_holds_every_table_valid_against_its_schema_and_the_pdfs(demo_workspace, tmp_path):
    result = demo_workspace.data_rights.export_all(tmp_path / "alle.zip")
    with zipfile.ZipFile(result.path) as archive:
        names = archive.namelist()
        tables = [n[len("data/"):-len(".json")] for n in names if n.startswith("data/")]
        assert {"arrangement", "assistant", "timesheet", "timesheet_snapshot", "audit_log"} <= set(tables)
        for table in tables:
            rows = json.loads(archive.read(f"data/{table}.json"))
            jsonschema.validate(rows, json.loads(archive.read(f"schemas/{table}.schema.json")))
        pdfs = [n for n in names if n.startswith("pdf/")]
        assert len(pdfs) == result.pdfs > 0
        assert all(archive.read(n).startswith(b"%PDF") for n in pdfs)
        assistants = json.loads(archive.read("data/assistant.json"))
    arrangement = demo_workspace.people.list_arrangements()[0]
    assert {a["name"] for a in assistants} == {a.name for a in demo_workspace.people.list_assistants(arrangement.id)}
    assert demo_workspace.audit.entries(None, 5) is not None


def test_retention_is_five_years_from_the_end_of_the_last_payroll_year():
    assert retention_until(date(2026, 1, 31)) == date(2031, 12, 31)
    assert retention_until(date(2026, 12, 31)) == date(2031, 12, 31)


def departed(ws, last_day=date(2026, 4, 30)):
    arrangement = ws.people.list_arrangements()[0]
    for assistant in ws.people.list_assistants(arrangement.id):
        if ws.data_rights.erasable_from(assistant.id) is None and assistant.end_date is None:
            ended = ws.people.update_assistant(replace(assistant, end_date=last_day))
            return arrangement, ended
    raise AssertionError("no assistant to end")


def test_erasure_waits_for_the_retention_then_keeps_attested_versions_verifiable(demo_workspace):
    ws = demo_workspace
    arrangement = ws.people.list_arrangements()[0]
    assistant = ws.people.list_assistants(arrangement.id)[0]
    with pytest.raises(WorkspaceError, match="ikke sluttet"):
        ws.data_rights.erase_assistant(assistant.id)
    arrangement, assistant = departed(ws)
    attested = [t for t in ws.timesheets.list_timesheets(arrangement.id) if t.assistant_id == assistant.id
                and t.content_hash]
    assert attested, "the demo has attested timesheets for the assistant"
    erasable = ws.data_rights.erasable_from(assistant.id)
    assert erasable == date(2032, 1, 1)
    with pytest.raises(WorkspaceError, match="31.12.2031"):
        ws.data_rights.erase_assistant(assistant.id, today=date(2031, 12, 31))
    ws.data_rights.erase_assistant(assistant.id, today=erasable)
    erased = next(a for a in ws.people.list_assistants(arrangement.id) if a.id == assistant.id)
    assert assistant.name not in erased.name and erased.employee_no == f"slettet-{assistant.id}"
    for timesheet in attested:
        assert ws.timesheets.verify_timesheet(timesheet.id)  # the hash never covered the name
    entries = [e for e in ws.audit.entries(arrangement.id, 1000) if e.action == "erase_personal_data"]
    assert len(entries) == 1 and entries[0].entity_id == assistant.id and assistant.name not in entries[0].detail
    with pytest.raises(WorkspaceError, match="allerede"):
        ws.data_rights.erase_assistant(assistant.id, today=erasable)
