"""``ws.timesheets``: the worked record, deviations, and each assistant's timesheet per pay
period through its life cycle (draft → confirmed → attested → submitted → accepted/rejected;
corrections are new versions). The rules of that cycle are ``core.timesheet_lifecycle``;
the rows and content hash ``core.timesheet``; the queries ``storage/timesheet_repository.py``.
Every use case is one unit of work (one transaction, one audit entry).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime

from bpa_desktop import validation, words
from bpa_desktop.core import deviations as dev
from bpa_desktop.core.model import Absence, AttestedTimesheet, Shift, Timesheet, TimesheetStatus
from bpa_desktop.core.participants import needs_unconfirmed_reason
from bpa_desktop.core.pay import PayProfile
from bpa_desktop.core.pay_period import PayPeriod
from bpa_desktop.core.pay_settings import PaySettings, settings_problems
from bpa_desktop.core.receipts import PlanChanged
from bpa_desktop.core.timesheet import (
    NotWorked,
    PayrollBatch,
    TimesheetDayRow,
    TimesheetDetail,
    build_rows,
    settled_rows,
)
from bpa_desktop.core.timesheet_content import canonical_json, content_document, content_hash
from bpa_desktop.core.timesheet_lifecycle import (
    NothingToConfirm,
    TimesheetEvent,
    TransitionError,
    allows,
    attestable_from,
    confirm_step,
    is_locked,
    is_payroll_ready,
    next_status,
    period_is_over,
)
from bpa_desktop.i18n import get_language, message
from bpa_desktop.message import Message
from bpa_desktop.storage import attested, queries
from bpa_desktop.storage import participants_repository as pr
from bpa_desktop.storage import repository as repo
from bpa_desktop.storage import timesheet_repository as tr
from bpa_desktop.storage.errors import AttestedContentChangedError, DamagedRecordError
from bpa_desktop.storage.schema import (
    ArrangementRow,
    AssistantRow,
    TimesheetRow,
    WorkedShiftRow,
)
from bpa_desktop.storage.unit_of_work import ASSISTANT, LEADER, Database, UnitOfWork
from bpa_desktop.workspace import sick_cover
from bpa_desktop.workspace import record_changes
from bpa_desktop.workspace import worked_record as worked
from bpa_desktop.workspace.checks import arrangement as arrangement_row
from bpa_desktop.workspace.errors import (
    UnconfirmedError,
    ValidationError,
    WorkspaceError,
    found,
    raise_if,
)
from bpa_desktop.workspace.outbox_capture import queue_submission
from bpa_desktop.workspace.rota import Rota
from bpa_desktop.workspace.sick_cover import SickCover
from bpa_desktop.workspace.timesheet_reading import detail, latest_for_write, period_of, profile, shipped_profile
from bpa_desktop.workspace.worked_record import WorkedEntry


class Timesheets:
    def __init__(self, db: Database, rota: Rota) -> None:
        self._db = db
        self._rota = rota  # a vikar covering a shift is a rota change
        self.before_attest: Callable[[], None] = lambda: None  # ws.backups' copy before a batch

    # --- the worked record ------------------------------------------------------------

    def list_worked_shifts(self, arrangement_id: int, start: date, end: date) -> list[Shift]:
        with self._db.read() as uow:
            rows = repo.shifts_starting_between(uow.session, WorkedShiftRow, arrangement_id, start, end)
            return [repo.worked_to_core(r) for r in rows]

    def record_worked_shift(self, arrangement_id: int, shift: Shift, reason: str = "", *,
                            planned_shift_id: int | None = None) -> Shift:
        """Record a worked shift, or change one (``shift.id`` ``"w<n>"``), or record a planned
        one (``"p<n>"``) as worked."""
        with self._db.write() as uow:
            return worked.record(uow, arrangement_id, shift, reason, planned_shift_id)

    def record_worked_shifts(self, arrangement_id: int, entries: Sequence[WorkedEntry]) -> list[Shift]:
        """Record many worked shifts in one transaction (all or none are stored)."""
        with self._db.write() as uow:
            return worked.record_many(uow, arrangement_id, entries)

    def list_absences(self, arrangement_id: int, start: date, end: date) -> list[Absence]:
        with self._db.read() as uow:
            return worked.absences_between(uow, arrangement_id, start, end)

    def add_absence(self, absence: Absence) -> Absence:
        with self._db.write() as uow:
            return worked.add_absence(uow, absence)

    def cancel_planned_shift(self, arrangement_id: int, shift_id: str | int, reason: str) -> NotWorked:
        """Register a planned shift as not worked (cancelled, or ill and nobody covered)."""
        with self._db.write() as uow:
            return worked.cancel_planned(uow, arrangement_id, shift_id, reason)

    def mark_passive_active(self, arrangement_id: int, shift_id: str, start: datetime, end: datetime,
                            reason: str) -> Shift:
        """Passive time that became active: [start, end) leaves the shift's passive time."""
        with self._db.write() as uow:
            return worked.passive_active(uow, arrangement_id, shift_id, start, end, reason)

    def register_deviation(self, arrangement_id: int, deviation: dev.Deviation):
        """Store one deviation from the plan (``core.deviations``), in one transaction.
        ``ws.undoable.register_deviation`` is the same use case with what undo needs."""
        if isinstance(deviation, dev.SickCovered):
            return self.register_sick_cover(arrangement_id, deviation)
        with self._db.write() as uow:
            done = record_changes.register_deviation(uow, arrangement_id, deviation)
        if isinstance(done, PlanChanged):
            return done.after[0]  # a vikar covers: the covered shift, as ws.rota.cover_shift gives it
        return done.value

    def register_sick_cover(self, arrangement_id: int, deviation: dev.SickCovered) -> SickCover:
        """"X is sick, Y covers": the absence and the vikar's covers in one transaction
        (``workspace/sick_cover.py``); refused whole when any part cannot be stored."""
        with self._db.write() as uow:
            return sick_cover.register(uow, arrangement_id, deviation)

    def open_shifts(self, absence: Absence) -> list[Shift]:
        """The assistant's planned shifts on the absence's days not yet registered (what a
        vikar would take over)."""
        with self._db.read() as uow:
            return sick_cover.open_shifts(uow, absence.assistant_id, absence)

    def shifts_to_register(self, arrangement_id: int, day: date) -> list[TimesheetDayRow]:
        """Today's shifts for the quick "registrer vakten" view: every assistant's rows
        that start on ``day`` (planned ones still waiting, and what is registered)."""
        with self._db.read() as uow:
            arrangement_row(uow, arrangement_id)
            rows: list[TimesheetDayRow] = []
            period = period_of(uow, arrangement_id, day)
            for assistant in queries.assistant_rows(uow.session, arrangement_id):
                records = tr.period_records(uow.session, assistant.id, PayPeriod(day, day))
                rows += build_rows(
                    PayPeriod(day, day), records.planned, records.worked, records.not_worked,
                    records.absences, settled_plan_ids=records.settled_plan_ids,
                    use_plan=not tr.ever_locked(uow.session, assistant.id, period.start),
                )
            return sorted(rows, key=lambda r: (r.start_key, r.status.value))

    # --- pay settings -----------------------------------------------------------------

    def pay_settings(self, arrangement_id: int) -> PaySettings:
        with self._db.read() as uow:
            arrangement_row(uow, arrangement_id)
            return tr.load_pay_settings(uow.session, arrangement_id)

    def update_pay_settings(self, settings: PaySettings) -> PaySettings:
        """Store the arrangement's pay period start day, rates and lønnsart codes."""
        with self._db.write() as uow:
            arrangement = arrangement_row(uow, settings.arrangement_id)
            problems = settings_problems(settings, shipped_profile(arrangement.pay_profile))
            raise_if({f: message(key) for f, key in problems.items()})
            tr.store_pay_settings(uow.session, settings)
            uow.audit(
                "update", "pay_settings", arrangement.id, arrangement.id,
                f"period_start_day={settings.period_start_day} codes={len(settings.codes)}"
                f" rates={len(settings.rates)}",
            )
            return tr.load_pay_settings(uow.session, arrangement.id)

    def pay_profile(self, arrangement_id: int) -> PayProfile:
        """The arrangement's pay-code profile with its own codes and rates applied."""
        with self._db.read() as uow:
            return profile(uow, arrangement_row(uow, arrangement_id))[0]

    def pay_period_for(self, arrangement_id: int, day: date) -> PayPeriod:
        with self._db.read() as uow:
            arrangement_row(uow, arrangement_id)
            return period_of(uow, arrangement_id, day)

    # --- timesheets ---------------------------------------------------------------------

    def get_or_create_timesheet(self, assistant_id: int, period_start: date) -> Timesheet:
        """The newest version of the assistant's timesheet for the period that holds
        ``period_start`` (any day of it); a draft version 1 is created if there is none."""
        with self._db.write() as uow:
            return tr.timesheet_to_core(get_or_create_row(uow, assistant_id, period_start))

    def list_timesheets(self, arrangement_id: int, period_start: date | None = None,
                        status: TimesheetStatus | None = None, *, all_versions: bool = False) -> list[Timesheet]:
        """Timesheets of an arrangement (newest version of each unless ``all_versions``),
        by period then assistant; ``period_start`` may be any day of the period."""
        with self._db.read() as uow:
            arrangement_row(uow, arrangement_id)
            reader = tr.all_versions if all_versions else tr.latest_versions
            sheets = [tr.timesheet_to_core(r) for r in reader(uow.session, arrangement_id)]
        if period_start is not None:
            sheets = [t for t in sheets if t.period_start <= period_start <= t.period_end]
        if status is not None:
            sheets = [t for t in sheets if t.status == TimesheetStatus(status)]
        return sheets

    def timesheet_detail(self, timesheet_id: int) -> TimesheetDetail:
        """Rows (planned vs worked, windows), absences and pay lines of one version. An
        attested version is read from its stored content, never from today's records."""
        with self._db.read() as uow:
            row = found(uow.get(TimesheetRow, timesheet_id), Message("entity_timesheet"), timesheet_id)
            assistant = uow.get(AssistantRow, row.assistant_id)
            return detail(uow, assistant, PayPeriod(row.period_start, row.period_end), row)

    def preview_timesheet(self, assistant_id: int, day: date) -> TimesheetDetail:
        """The newest version of the period that holds ``day``, or what a new timesheet
        would show (nothing is stored)."""
        with self._db.read() as uow:
            assistant = found(uow.get(AssistantRow, assistant_id), Message("entity_assistant"), assistant_id)
            period = period_of(uow, assistant.arrangement_id, day)
            return detail(uow, assistant, period, tr.latest(uow.session, assistant.id, period.start))

    def verify_timesheet(self, timesheet_id: int) -> bool:
        """True when an attested version's stored content is as attested (storage/attested.py)."""
        with self._db.read() as uow:
            row = found(uow.get(TimesheetRow, timesheet_id), Message("entity_timesheet"), timesheet_id)
            if row.content_hash is None:
                return False
            try:
                attested.attested_content(uow.session, row)
            except (AttestedContentChangedError, DamagedRecordError):
                return False
            return True

    def confirm_timesheet(self, timesheet_id: int, *, today: date | None = None) -> Timesheet:
        """The assistant confirms the draft (audit actor "assistent"). Planned shifts that
        started before ``today`` and are still unregistered are recorded as worked."""
        with self._db.write() as uow:
            return confirm_row(uow, latest_for_write(uow, timesheet_id), today or date.today())

    def confirm_period(self, assistant_id: int, day: date, *, today: date | None = None) -> Timesheet:
        """Confirm the period's sheet, creating its draft first when needed: one transaction."""
        with self._db.write() as uow:
            row = get_or_create_row(uow, assistant_id, day)
            return confirm_row(uow, latest_for_write(uow, row.id), today or date.today())

    def attest_timesheet(self, timesheet_id: int, *, today: date | None = None,
                         unconfirmed_reason: str | None = None) -> Timesheet:
        """The arbeidsleder attests (from draft or confirmed) once the period is over: the
        plan is settled into the worked record, the content and its pay lines are stored,
        the SHA-256 content hash set and the submission queued in the sync outbox, all in
        one transaction. The version is locked from then on.

        Attesting a month the assistant has not confirmed asks the leader to say why: without
        a confirmation (at the table, through a link, or on paper) and without
        ``unconfirmed_reason`` it raises UnconfirmedError (``core.participants``)."""
        self.before_attest()
        with self._db.write() as uow:
            return _attest(uow, latest_for_write(uow, timesheet_id), today or date.today(), unconfirmed_reason)

    def attest_period(self, assistant_id: int, day: date, *, today: date | None = None,
                      unconfirmed_reason: str | None = None) -> Timesheet:
        """Attest the period's sheet, creating its draft first when needed: one click, one
        transaction."""
        self.before_attest()
        with self._db.write() as uow:
            row = get_or_create_row(uow, assistant_id, day)
            return _attest(uow, latest_for_write(uow, row.id), today or date.today(), unconfirmed_reason)

    def correct_timesheet(self, timesheet_id: int, reason: str) -> Timesheet:
        """Open a correction: a new draft version (v+1) that supersedes the attested one.
        It starts from the attested content (the worked record); the old version stays
        stored and readable. Edits in the period are allowed until it is attested again."""
        if not reason.strip():
            raise ValidationError({"reason": message("reason_required")})
        with self._db.write() as uow:
            row, assistant, period = latest_for_write(uow, timesheet_id)
            if not is_locked(row.status):
                raise WorkspaceError(
                    message("correction_needs_attested", period=period.label(get_language()),
                            status=words.status_in_sentence(row.status))
                )
            new = TimesheetRow(
                assistant_id=row.assistant_id, period_start=row.period_start,
                period_end=row.period_end, status=TimesheetStatus.DRAFT,
                version=row.version + 1, supersedes_id=row.id,
                correction_reason=reason.strip(), created_at=repo.utc_now(),
            )
            uow.add_audited(new, "correct", "timesheet", assistant.arrangement_id,
                            f"version={new.version} supersedes={row.id}")
            return tr.timesheet_to_core(new)

    def record_receiver_event(self, uow: UnitOfWork, timesheet_id: int | None, event: TimesheetEvent) -> None:
        """The receiver's answer moves a locked version on (delivered → submitted, a
        decision → accepted/rejected), inside the caller's unit of work (``ws.sync``)."""
        row = uow.get(TimesheetRow, timesheet_id)
        if row is not None and allows(row.status, event):
            row.status = next_status(row.status, event)

    def payroll_batch(self, arrangement_id: int, day: date) -> PayrollBatch:
        """Pay lines of the period that holds ``day``: only timesheets whose newest version
        is attested (or submitted/accepted). Assistants with work or a timesheet in the
        period that is not attested are listed in ``not_attested``."""
        with self._db.read() as uow:
            arrangement_row(uow, arrangement_id)
            period = period_of(uow, arrangement_id, day)
            newest = {
                r.assistant_id: r
                for r in tr.latest_versions(uow.session, arrangement_id, period.start, period.end)
                if r.period_start == period.start
            }
            ready = sorted((r for r in newest.values() if is_payroll_ready(r.status)), key=lambda r: r.assistant_id)
            lines = attested.attested_pay_lines(uow.session, ready)  # refuses changed content
            assistants = queries.assistant_rows(uow.session, arrangement_id)
            busy = queries.busy_assistant_ids(uow.session, arrangement_id, period.start, period.end)
            missing = sorted((busy | set(newest)) - {r.assistant_id for r in ready})
            return PayrollBatch(
                period=period,
                pay_lines=tuple(line for r in ready for line in lines[r.id]),
                employee_numbers={str(a.id): a.employee_no for a in assistants},
                included=tuple(tr.timesheet_to_core(r) for r in ready),
                not_attested=tuple(missing),
            )


# --- steps of the life cycle, inside a unit of work -----------------------------------------


def get_or_create_row(uow: UnitOfWork, assistant_id: int, day: date) -> TimesheetRow:
    assistant = found(uow.get(AssistantRow, assistant_id), Message("entity_assistant"), assistant_id)
    period = period_of(uow, assistant.arrangement_id, day)
    row = tr.latest(uow.session, assistant.id, period.start)
    if row is not None:
        return row
    clash = tr.clashing_period(uow.session, assistant.id, period)
    if clash is not None:
        label = PayPeriod(clash.period_start, clash.period_end).label(get_language())
        raise ValidationError({"period_start": message("timesheet_period_clash", period=label)})
    row = TimesheetRow(
        assistant_id=assistant.id, period_start=period.start, period_end=period.end,
        status=TimesheetStatus.DRAFT, version=1, correction_reason="", created_at=repo.utc_now(),
    )
    return uow.add_audited(row, "create", "timesheet", assistant.arrangement_id,
                           f"period={period.start.isoformat()} version=1")


def confirm_row(uow: UnitOfWork, target, today: date, *, paper: bool = True) -> Timesheet:
    """The assistant confirms the days that are over: up to yesterday while the period runs
    (the sheet stays a draft, "confirmed through"), the whole period once it is over. The
    leader's Confirm button is the assistant's confirmation on paper (``paper``), recorded as
    such; ``ws.participants.confirm_by_assistant`` records its own."""
    row, assistant, period = target
    label = period.label(get_language())
    try:
        status, through = confirm_step(row.status, period, today, row.confirmed_through)
    except TransitionError:
        raise WorkspaceError(
            message("timesheet_confirm_status", period=period.label(get_language()),
                    status=words.status_in_sentence(row.status))
        ) from None
    except NothingToConfirm as nothing:
        if nothing.through is None:
            raise WorkspaceError(message("timesheet_confirm_none_over", period=label)) from None
        raise WorkspaceError(message("timesheet_confirm_nothing_new", period=label,
                                     day=validation.format_date(nothing.through))) from None
    sheet = detail(uow, assistant, period, row)
    settled = tr.settle_plan(uow.session, assistant.arrangement_id, [r for r in sheet.rows if r.day <= through],
                             repo.utc_now())
    row.status = status
    row.confirmed_through = through
    if paper:
        pr.add_confirmation(uow.session, row, actor=LEADER, channel="paper", content_hash=None, event_id=None,
                            at=repo.utc_now())
    uow.audit("confirm", "timesheet", row.id, assistant.arrangement_id,
              f"version={row.version} through={through.isoformat()} settled={settled}", actor=ASSISTANT)
    return tr.timesheet_to_core(row)


def _attest(uow: UnitOfWork, target, today: date, unconfirmed_reason: str | None = None) -> Timesheet:
    row, assistant, period = target
    label = period.label(get_language())
    if is_locked(row.status):
        raise WorkspaceError(message("timesheet_already_attested", period=label))
    if not period_is_over(period, today):
        raise WorkspaceError(
            message("timesheet_period_not_over", period=label,
                    day=validation.format_date(attestable_from(period)))
        )
    reason = (unconfirmed_reason or "").strip() or None
    if reason is None and needs_unconfirmed_reason(
            confirmed_through=row.confirmed_through, confirmations=pr.confirmation_count(uow.session, row.id),
            correction=row.supersedes_id is not None):
        raise UnconfirmedError(period)
    arrangement = uow.get(ArrangementRow, assistant.arrangement_id)
    pay_profile, _ = profile(uow, arrangement)
    sheet = detail(uow, assistant, period, row)
    now = repo.utc_now()
    tr.settle_plan(uow.session, arrangement.id, sheet.rows, now)
    rows = settled_rows(sheet.rows)  # the same shifts count: the detail's pay stands
    lines = list(sheet.pay_lines)
    content = canonical_json(
        content_document(
            assistant.id, period, rows, sheet.absences, lines,
            profile_name=pay_profile.name, nominal=pay_profile.nominal_clock_hours,
            overtime=sheet.overtime,
        )
    )
    tr.store_attested(uow.session, row.id, content, lines, now)
    row.status = next_status(row.status, TimesheetEvent.ATTEST)
    row.content_hash = content_hash(content)
    row.attested_at = now
    row.attested_by = "arbeidsleder"
    row.unconfirmed_reason = reason
    attested = AttestedTimesheet(row.id, arrangement.id, assistant.employee_no, row.period_end, now, tuple(lines))
    queue_submission(uow, attested, now)  # the sync outbox, in the same transaction
    uow.audit("attest", "timesheet", row.id, arrangement.id,
              f"version={row.version} sha256={row.content_hash[:16]} unconfirmed={reason is not None}", actor=LEADER)
    return tr.timesheet_to_core(row)
