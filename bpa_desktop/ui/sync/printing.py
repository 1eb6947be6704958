"""The paper fallback: the attested timesheet of one submission as a PDF, stamped with the
submission id, the body's SHA-256 and the key fingerprint (SYNC.md 2.7), so a paper copy and a
later electronic submission are recognisably the same item. Runs on a worker thread."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from bpa_desktop.export.timesheet_export import timesheet_document
from bpa_desktop.export.timesheet_pdf import SubmissionStamp, render_timesheet_pdf


def write_submission_pdf(workspace, submission, path: Path) -> Path:
    from bpa_desktop.workspace import WorkspaceError

    if submission.timesheet_id is None:
        raise WorkspaceError("Fant ikke timelisten til denne innsendingen.")
    detail = workspace.timesheets.timesheet_detail(submission.timesheet_id)
    arrangement = workspace.people.get_arrangement(submission.arrangement_id)
    assistant = next(a for a in workspace.people.list_assistants(arrangement.id) if a.id == detail.assistant_id)
    document = timesheet_document(detail, arrangement, assistant, printed=date.today())
    enrolment = workspace.sync.enrolment(submission.arrangement_id)
    if submission.body_sha256 and enrolment is not None:
        document = replace(document, submission=SubmissionStamp(submission.id, submission.body_sha256, enrolment.key_id))
    try:
        render_timesheet_pdf(document, path)
    except OSError as error:
        raise WorkspaceError(f"Kan ikke skrive {path}: {error.strerror}") from None
    return Path(path)
