"""``ws.exports``: the one export service the UI and the CLI share. Timesheet PDFs (also the
paper copy of a submission, stamped with its id, hash and key fingerprint), payroll files
(Visma Lønn import or plain CSV) and the rota as PDF, iCalendar or ``bpa-shifts/1`` JSON.

It reads through the other areas and hands plain data to the renderers in ``export/``;
every file is written atomically (``atomic_write``). ReportLab loads with the first PDF.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from bpa_desktop.core import shift_document as shift_file
from bpa_desktop.core.model import Assistant, TimesheetStatus
from bpa_desktop.core.pay_period import PayPeriod
from bpa_desktop.core.shift_document import RotaFileError
from bpa_desktop.core.timesheet import TimesheetDetail
from bpa_desktop.export.payroll import render_pay_lines_csv, render_visma_lonn
from bpa_desktop.export.timesheet_export import SheetContext, batch_payroll_lines, timesheet_document
from bpa_desktop.export.timesheet_pdf import SubmissionStamp
from bpa_desktop.i18n import get_language, message
from bpa_desktop.storage import outbox_repository as outbox_repo
from bpa_desktop.storage.sync_schema import NOT_YET_STORED
from bpa_desktop.storage.unit_of_work import Database
from bpa_desktop.workspace.errors import WorkspaceError
from bpa_desktop.workspace.people import People
from bpa_desktop.workspace.rota import Rota
from bpa_desktop.workspace.timesheets import Timesheets
from bpa_desktop.workspace.vedtak import VedtakArea


class NothingToExport(WorkspaceError):
    """The file would hold nothing (or the asked-for version does not exist)."""


@dataclass(frozen=True)
class TimesheetFile:
    path: Path
    status: TimesheetStatus
    version: int
    hours: float


@dataclass(frozen=True)
class PaperCopies:
    path: Path
    submission_ids: tuple[str, ...]  # now marked as handed over on paper


@dataclass(frozen=True)
class YearOfTimesheets:
    """What ``timesheet_pdfs`` wrote: the files, and how many sheets had nothing to print."""

    folder: Path
    files: tuple[TimesheetFile, ...]
    empty: int
    stopped: bool  # ``should_stop`` said so before the last one


@dataclass(frozen=True)
class PayrollFile:
    path: Path
    period: PayPeriod
    lines: int
    timesheets: int
    not_attested: tuple[Assistant, ...]  # left out of the file (shown to the leader only)


class Exports:
    def __init__(self, db: Database, people: People, vedtak: VedtakArea, rota: Rota, timesheets: Timesheets,
                 sync=None) -> None:
        self._db = db
        self._people, self._vedtak, self._rota, self._timesheets = people, vedtak, rota, timesheets
        self._sync = sync  # ws.sync, built on first use (a callable)

    # --- timesheets and payroll ------------------------------------------------------------

    def timesheet_pdf(self, assistant_id: int, day: date, path: Path, *, timesheet_id: int | None = None,
                      version: int | None = None, printed: date | None = None,
                      refuse_empty: bool = False) -> TimesheetFile:
        """The PDF of the assistant's timesheet for the period that holds ``day``: the newest
        version, or ``timesheet_id`` / ``version`` when given."""
        detail = self._timesheets.preview_timesheet(assistant_id, day)
        if version is not None:
            chosen = [v for v in detail.versions if v.version == version]
            if not chosen:
                raise NothingToExport(message("export_no_version", period=detail.period.label(), version=version))
            timesheet_id = chosen[0].id
        if timesheet_id is not None:
            detail = self._timesheets.timesheet_detail(timesheet_id)
        if refuse_empty and detail.timesheet is None and not detail.rows and not detail.absences:
            raise NothingToExport(message("export_nothing_for_assistant", assistant=assistant_id,
                                          period=detail.period.label()))
        return self._render_timesheet(detail, path, printed)

    def timesheet_pdfs(self, arrangement_id: int, year: int, folder: Path, *, printed: date | None = None,
                       should_stop: Callable[[], bool] | None = None,
                       on_file: Callable[[int, int, str], None] | None = None) -> YearOfTimesheets:
        """Every assistant's timesheet PDF for every pay period of ``year`` that has something to
        print (the newest version), one file each, named ``timeliste-<employee no>-<period>.pdf``
        (``timesheet-…`` in English).
        Each file is written whole (atomically); ``should_stop`` is asked before each one, so a
        stopped batch leaves the files it finished and nothing half-written. ``on_file(done,
        total, name)`` hears before each sheet."""
        from bpa_desktop.core.pay_period import periods_between

        folder = Path(folder)
        start_day = self._timesheets.pay_settings(arrangement_id).period_start_day
        periods = periods_between(date(year, 1, 1), date(year, 12, 31), start_day)
        assistants = self._people.list_assistants(arrangement_id)
        work = [(period, assistant) for period in periods for assistant in assistants
                if (assistant.start_date is None or assistant.start_date <= period.end)
                and (assistant.end_date is None or assistant.end_date >= period.start)]
        written: list[TimesheetFile] = []
        empty = 0
        for done, (period, assistant) in enumerate(work):
            if should_stop is not None and should_stop():
                return YearOfTimesheets(folder, tuple(written), empty, True)
            if on_file is not None:
                on_file(done, len(work), f"{assistant.name}, {period.label(get_language())}")
            path = folder / message("export_timesheet_file", employee_no=assistant.employee_no, period=period.key())
            try:
                written.append(self.timesheet_pdf(assistant.id, period.start, path, printed=printed, refuse_empty=True))
            except NothingToExport:
                empty += 1
        if on_file is not None:
            on_file(len(work), len(work), "")
        return YearOfTimesheets(folder, tuple(written), empty, False)

    def submission_pdf(self, submission, path: Path, *, printed: date | None = None) -> TimesheetFile:
        """The paper fallback of one outbox submission (``ws.sync.list_submissions``): its
        attested timesheet, stamped with the submission id (and, once sealed, the body's
        SHA-256 and the key fingerprint), so paper and the electronic copy are the same item."""
        if submission.timesheet_id is None:
            raise WorkspaceError(message("export_submission_no_timesheet"))
        try:
            return self._render_timesheet(self._timesheets.timesheet_detail(submission.timesheet_id), path, printed,
                                          submission)
        except OSError as error:
            raise WorkspaceError(message("export_cannot_write", path=path, reason=error.strerror)) from None

    def paper_copies(self, arrangement_id: int, path: Path, *, printed: date | None = None) -> PaperCopies:
        """"Skriv ut alle som venter": every attested timesheet the municipality has not
        received, with or without enrolment, as ONE PDF (each sheet stamped with its
        submission id); then they are marked as handed over on paper (``ws.sync``). The
        submissions keep their state, so the electronic copy still goes and the receiver
        stores each id once."""
        from bpa_desktop.export.timesheet_pdf import render_timesheets_pdf

        waiting = [s for s in self._sync().list_submissions(arrangement_id, NOT_YET_STORED) if s.timesheet_id]
        if not waiting:
            raise NothingToExport(message("paper_nothing_waiting"))
        documents = [self._document(self._timesheets.timesheet_detail(s.timesheet_id), printed, s) for s in waiting]
        try:
            render_timesheets_pdf(documents, path)
        except OSError as error:
            raise WorkspaceError(message("export_cannot_write", path=path, reason=error.strerror)) from None
        self._sync().mark_paper(arrangement_id, [s.id for s in waiting])
        return PaperCopies(Path(path), tuple(s.id for s in waiting))

    def _document(self, detail: TimesheetDetail, printed: date | None, submission=None):
        assistant = self._people.get_assistant(detail.assistant_id)
        arrangement = self._people.get_arrangement(assistant.arrangement_id)
        with self._db.read() as uow:
            enrolled = outbox_repo.enrolments(uow.session, arrangement.id)
        stamp = None
        if submission is not None:
            key = enrolled[0].key_id if enrolled and submission.body_sha256 else None
            stamp = SubmissionStamp(submission.id, submission.body_sha256, key)
        vedtak = (self._vedtak.current_vedtak(arrangement.id, detail.period.end)
                  or self._vedtak.current_vedtak(arrangement.id, detail.period.start))
        context = SheetContext(
            names={a.id: a.name for a in self._people.list_assistants(arrangement.id)},
            vedtak_reference=vedtak.reference if vedtak else "",
            arrangement_reference=enrolled[0].remote_arrangement_id if enrolled else "",
            submission=stamp,
        )
        return timesheet_document(detail, arrangement, assistant, printed or date.today(),
                                  self._timesheets.pay_profile(arrangement.id), context)

    def _render_timesheet(self, detail: TimesheetDetail, path: Path, printed: date | None,
                          submission=None) -> TimesheetFile:
        from bpa_desktop.export.timesheet_pdf import render_timesheet_pdf

        document = self._document(detail, printed, submission)
        render_timesheet_pdf(document, path)
        return TimesheetFile(Path(path), document.status, document.version, detail.total_hours)

    def payroll_file(self, arrangement_id: int, day: date, path: Path, *, visma: bool, excel: bool = False,
                     run_no: int = 0, refuse_empty: bool = False) -> PayrollFile:
        """The pay lines of the period that holds ``day``, from its attested timesheets, as a
        Visma Lønn import or plain CSV (``excel``: semicolons for a spreadsheet). Raises
        PayrollExportError (a ValueError with a message in the current language) for unusable codes."""
        batch = self._timesheets.payroll_batch(arrangement_id, day)
        if refuse_empty and not batch.included and not batch.not_attested:
            raise NothingToExport(message("export_nothing_in_period", period=batch.period.label()))
        assistants = {a.id: a for a in self._people.list_assistants(arrangement_id)}
        lines = batch_payroll_lines(batch)
        if visma:
            render_visma_lonn(lines, path, run_no=run_no)
        else:
            render_pay_lines_csv(lines, path, excel=excel)
        return PayrollFile(Path(path), batch.period, len(lines), len(batch.included),
                           tuple(assistants[i] for i in batch.not_attested if i in assistants))

    # --- the rota ----------------------------------------------------------------------------

    def default_rota_period(self, arrangement_id: int, today: date | None = None) -> tuple[date, date]:
        """The current rota's period; without a rota, the vedtak in force (a year at most)."""
        rota = self._rota.current_rota(arrangement_id)
        if rota is not None:
            return rota.start, rota.end
        vedtak = self._vedtak.current_vedtak(arrangement_id, today or date.today())
        if vedtak is not None:
            last = vedtak.valid_to or date(vedtak.valid_from.year + 1, vedtak.valid_from.month, 1)
            return vedtak.valid_from, last
        raise RotaFileError(message("export_no_rota_period"))

    def shift_document(self, arrangement_id: int, start: date, end: date, assistant_id: int | None = None,
                       names: str = "first") -> dict:
        """The planned shifts starting on ``start``..``end`` as a ``bpa-shifts/1`` document."""
        return shift_file.shift_document(
            self._people.get_arrangement(arrangement_id), self._people.list_assistants(arrangement_id),
            self._rota.list_planned_shifts(arrangement_id, start, end), start, end,
            rota=self._rota.current_rota(arrangement_id), vedtak=self._vedtak.list_vedtak(arrangement_id),
            assistant_id=assistant_id, names=names,
        )

    def rota_json(self, arrangement_id: int, start: date, end: date, path: Path | None = None, *,
                  assistant_id: int | None = None, names: str = "first") -> dict:
        """The ``bpa-shifts/1`` document, also written to ``path`` when given."""
        document = self.shift_document(arrangement_id, start, end, assistant_id, names)
        if path is not None:
            from bpa_desktop import atomic_write

            atomic_write.write_bytes(path, shift_file.json_bytes(document))
        return document

    def rota_pdf(self, arrangement_id: int, start: date, end: date, path: Path | None = None, *,
                 assistant_id: int | None = None, printed: date | None = None) -> bytes:
        """The printable rota of the current version (landscape, four weeks a page)."""
        from bpa_desktop.export.rota_pdf import RotaAssistant, RotaDocument, render_rota_pdf

        arrangement = self._people.get_arrangement(arrangement_id)
        rota = self._rota.current_rota(arrangement_id)
        shifts = [s for s in self._rota.list_planned_shifts(arrangement_id, start, end)
                  if assistant_id is None or int(s.assistant) == assistant_id]
        present = {int(s.assistant) for s in shifts} | ({assistant_id} if assistant_id else set())
        document = RotaDocument(
            arrangement_name=arrangement.name,
            rota_name=rota.name if rota else "Plan",
            version=rota.version if rota else "–",
            period_start=start,
            period_end=end,
            assistants=[RotaAssistant(str(a.id), a.name)
                        for a in self._people.list_assistants(arrangement_id) if a.id in present],
            templates=self._rota.list_shift_templates(arrangement_id),
            shifts=shifts,
            printed=printed or date.today(),
        )
        return render_rota_pdf(document, path)

    def rota_ics(self, arrangement_id: int, assistant_id: int, start: date, end: date, path: Path | None = None,
                 *, generated_at: datetime | None = None) -> bytes:
        """One assistant's planned shifts as an .ics file (no one else's shifts, no names)."""
        from bpa_desktop.export.ical import render_ical

        return render_ical(
            str(assistant_id), self._rota.list_planned_shifts(arrangement_id, start, end),
            self._rota.list_shift_templates(arrangement_id), path, generated_at=generated_at,
        )
