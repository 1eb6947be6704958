"""Paper as a channel of its own: "Skriv ut alle som venter" writes every attested timesheet
the municipality has not received as ONE PDF, with or without enrolment, and marks them as
handed over on paper (audited); they stay in the outbox, so a later bundle import or push
stores each id once at the receiver (docs/protocol.md, "Paper copies")."""

from __future__ import annotations

import io

import pdfplumber
import pytest

from bpa_desktop.workspace import Workspace
from bpa_desktop.workspace.exports import NothingToExport
from tests.sync_client.sync_client_helpers import run_json
from tests.sync_client.test_sync_client_live import DEMO_SUBMISSIONS


def _stamps(path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        text = "\n".join(page.extract_text() for page in pdf.pages)
    return [line.split()[1] for line in text.splitlines() if line.startswith("Innsending ")]


def test_without_enrolment_every_waiting_sheet_is_printed_once_in_one_file(client_db, tmp_path):
    with Workspace.open(client_db) as ws:
        (arrangement,) = ws.people.list_arrangements()
        waiting = ws.sync.list_submissions(arrangement.id)
        assert len(waiting) == DEMO_SUBMISSIONS and not any(s.paper_at for s in waiting)
        copies = ws.exports.paper_copies(arrangement.id, tmp_path / "papir.pdf")
        assert sorted(copies.submission_ids) == sorted(s.id for s in waiting)
        stamps = _stamps(copies.path)
        assert sorted(set(stamps)) == sorted(s.id for s in waiting)  # every sheet, each id on its pages
        after = ws.sync.list_submissions(arrangement.id)
        assert all(s.paper_at is not None and s.state == "queued" for s in after)  # the state stays
        assert sum(e.action == "paper" for e in ws.audit.entries(arrangement.id, 500)) == DEMO_SUBMISSIONS
        # printed again: the same sheets (nothing was received), no duplicate rows
        again = ws.exports.paper_copies(arrangement.id, tmp_path / "papir-2.pdf")
        assert sorted(again.submission_ids) == sorted(copies.submission_ids)
        assert len(ws.sync.list_submissions(arrangement.id)) == DEMO_SUBMISSIONS


def test_paper_then_bundle_imported_twice_stores_each_id_once(enrolled, tmp_path):
    with Workspace.open(enrolled.db) as ws:
        (arrangement,) = ws.people.list_arrangements()
        copies = ws.exports.paper_copies(arrangement.id, tmp_path / "papir.pdf")
    with pdfplumber.open(copies.path) as pdf:
        first = pdf.pages[0].extract_text()
    assert "(ref. " in first  # enrolled: the receiver's reference for the arrangement is printed
    bundle = enrolled.db.with_name("timelister.json")
    assert run_json("sync", "bundle", "--db", enrolled.db, "--out", bundle, env=enrolled.env)["items"] == DEMO_SUBMISSIONS
    for expected in ("stored", "duplicate"):
        results = run_json("receiver", "import", "--db", enrolled.receiver.db_url, bundle, env=enrolled.env,
                           expect=(0,))["results"]
        assert {r["result"] for r in results} == {expected}
    assert len(enrolled.stored()) == DEMO_SUBMISSIONS
    summary = enrolled.push(expect=(0,))
    assert summary["replayed"] == DEMO_SUBMISSIONS and len(enrolled.stored()) == DEMO_SUBMISSIONS
    with Workspace.open(enrolled.db) as ws:
        (arrangement,) = ws.people.list_arrangements()
        with pytest.raises(NothingToExport):  # everything is received now: nothing waits for paper
            ws.exports.paper_copies(arrangement.id, tmp_path / "tom.pdf")
