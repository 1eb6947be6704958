"""The Workspace: the one object the UI and the CLI talk to for an open database.

It hands out core dataclasses (never ORM rows). Every write method is one transaction that
also writes an audit entry; its actor is a role, never a person's name. Every method opens
its own short session, so a Workspace may be used from worker threads (one connection per
thread at a time, from the engine's pool). See /work/notes/WORKSPACE_API.md.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from bpa_desktop import validation
from bpa_desktop.core import normal_time
from bpa_desktop.core.calendar import OSLO
from bpa_desktop.core.model import (
    Absence,
    AbsenceKind,
    Agreement,
    Arrangement,
    ArrangementSetup,
    Assistant,
    AssistantKind,
    AuditEntry,
    EmployerKind,
    PayLine,
    Shift,
    ShiftTemplate,
    Timesheet,
    TimesheetStatus,
    Vedtak,
)
from bpa_desktop.core.pay import PayProfile, load_profile
from bpa_desktop.core.pay_period import PayPeriod, pay_period, period_for_month
from bpa_desktop.core.pay_settings import PaySettings, customised_profile, settings_problems
from bpa_desktop.core.timesheet import (
    NotWorked,
    PayrollBatch,
    TimesheetDayRow,
    TimesheetDetail,
    activate_passive,
    build_rows,
    canonical_json,
    content_document,
    content_hash,
    parse_content,
    counted_shifts,
    rows_pay,
    settled_rows,
    start_day,
)
from bpa_desktop.core.timesheet_reports import (
    AbsenceMonth,
    MonthHours,
    MonthlyCost,
    absence_month,
    month_cost,
    monthly_hours,
    paid_hours,
)
from bpa_desktop.core.timesheet_lifecycle import LOCKED, PAYROLL_READY
from bpa_desktop.i18n import get_language, message
from bpa_desktop.storage import repository as repo
from bpa_desktop.storage import timesheet_repository as tr
from bpa_desktop.storage.connection import make_engine, writer
from bpa_desktop.storage.migrate import prepare_database
from bpa_desktop.storage.paths import default_db_path
from bpa_desktop.workspace_rota import RotaWorkspaceMixin
from bpa_desktop.workspace_sync import SyncMixin
from bpa_desktop.storage.schema import (
    AbsenceRow,
    ArrangementRow,
    AssistantRow,
    AuditLogRow,
    CancelledShiftRow,
    PlannedShiftRow,
    ShiftTemplateRow,
    TimesheetRow,
    VedtakRow,
    WorkedShiftRow,
)

ROLES = ("arbeidsleder", "assistent", "system")


class WorkspaceError(Exception):
    """A problem the user can act on; ``str(error)`` is a message in the chosen language."""


class NotFoundError(WorkspaceError):
    def __init__(self, entity: str, entity_id: object) -> None:
        super().__init__(message("not_found", entity=entity, id=entity_id))


class ValidationError(WorkspaceError):
    """Input that breaks a rule. ``errors`` maps dataclass field names to messages."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__(message("validation_failed", fields=", ".join(self.errors)))


class TimesheetLockedError(WorkspaceError):
    """A change inside a period whose timesheet is attested: it needs a correction."""

    def __init__(self, timesheet_id: int, period: PayPeriod) -> None:
        self.timesheet_id = timesheet_id
        self.period = period
        super().__init__(message("timesheet_locked", period=period.label(get_language())))


@lru_cache(maxsize=None)
def _shipped_profile(name: str) -> PayProfile:
    return load_profile(name)  # frozen, so one copy can be shared


@dataclass(frozen=True)
class WorkedEntry:
    """One worked shift to record: the shift, why it differs from the plan, and the plan."""

    shift: Shift
    reason: str = ""
    planned_shift_id: int | None = None


def _raise_if(errors: Mapping[str, str]) -> None:
    if errors:
        raise ValidationError(errors)


class Workspace(RotaWorkspaceMixin, SyncMixin):
    def __init__(self, path: Path, engine, actor: str = "arbeidsleder") -> None:
        self.path = path
        self._engine = engine
        self._writer = writer(engine)
        self.actor = actor

    # --- life cycle -----------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | None = None, *, actor: str = "arbeidsleder") -> Workspace:
        """Open (creating if missing, upgrading if older) the database at ``path``.

        Raises DatabaseNewerError / DatabaseCorruptError (from storage.errors) and leaves
        the file untouched when it cannot be used.
        """
        path = Path(path) if path is not None else default_db_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        prepare_database(path)
        return cls(path, make_engine(path), actor=actor)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with Session(self._engine) as session:
            yield session

    @contextmanager
    def _write(self) -> Iterator[Session]:
        """One write transaction (BEGIN IMMEDIATE); commits on success, rolls back on error."""
        with Session(self._writer, expire_on_commit=False) as session, session.begin():
            yield session

    def _audit(
        self,
        session: Session,
        action: str,
        entity: str,
        entity_id: int | None,
        arrangement_id: int | None,
        detail: str = "",
        *,
        actor: str | None = None,
    ) -> None:
        session.add(
            AuditLogRow(
                at=repo.utc_now(),
                actor=actor or self.actor,
                action=action,
                entity=entity,
                entity_id=entity_id,
                arrangement_id=arrangement_id,
                detail=detail,
            )
        )

    def _add_audited(
        self, session: Session, row, action: str, entity: str, arrangement_id: int | None, detail: str
    ) -> None:
        """Store ``row`` (flushed, so it has its id) and log what was done to it."""
        session.add(row)
        session.flush()
        self._audit(session, action, entity, row.id, arrangement_id, detail)

    def _get(self, session: Session, row_class, row_id: int, entity: str):
        row = session.get(row_class, row_id) if row_id is not None else None
        if row is None:
            raise NotFoundError(entity, row_id)
        return row

    # --- arrangements ---------------------------------------------------------------

    def list_arrangements(self) -> list[Arrangement]:
        with self._read() as session:
            rows = session.scalars(select(ArrangementRow).order_by(ArrangementRow.id))
            return sorted(
                map(repo.arrangement_to_core, rows),
                key=lambda a: repo.norwegian_sort_key(a.name),
            )

    def get_arrangement(self, arrangement_id: int) -> Arrangement:
        with self._read() as session:
            row = self._get(session, ArrangementRow, arrangement_id, "ordning")
            return repo.arrangement_to_core(row)

    def create_arrangement(self, setup: ArrangementSetup) -> Arrangement:
        arrangement = _normalise_arrangement(setup.arrangement)
        errors = validation.arrangement_errors(arrangement)
        errors.update(_prefixed("vedtak", validation.vedtak_errors(setup.vedtak)))
        numbers: set[str] = set()
        for index, assistant in enumerate(setup.assistants):
            assistant_errors = validation.assistant_errors(assistant)
            number = assistant.employee_no.strip()
            if number and number in numbers:
                assistant_errors["employee_no"] = message("employee_no_taken", employee_no=number)
            numbers.add(number)
            errors.update(_prefixed(f"assistants[{index}]", assistant_errors))
        _raise_if(errors)
        with self._write() as session:
            row = ArrangementRow(created_at=repo.utc_now())
            repo.fill_arrangement(row, arrangement)
            session.add(row)
            session.flush()
            vedtak_row = VedtakRow(arrangement_id=row.id, created_at=repo.utc_now())
            repo.fill_vedtak(vedtak_row, setup.vedtak)
            session.add(vedtak_row)
            for assistant in setup.assistants:
                assistant_row = AssistantRow(arrangement_id=row.id)
                repo.fill_assistant(assistant_row, _normalise_assistant(assistant))
                session.add(assistant_row)
            session.flush()
            self._audit(
                session,
                "create",
                "arrangement",
                row.id,
                row.id,
                f"vedtak=1 assistants={len(setup.assistants)}",
            )
            return repo.arrangement_to_core(row)

    def update_arrangement(self, arrangement: Arrangement) -> Arrangement:
        arrangement = _normalise_arrangement(arrangement)
        _raise_if(validation.arrangement_errors(arrangement))
        with self._write() as session:
            row = self._get(session, ArrangementRow, arrangement.id, "ordning")
            changed = repo.fill_arrangement(row, arrangement)
            self._audit(session, "update", "arrangement", row.id, row.id, ",".join(changed))
            return repo.arrangement_to_core(row)

    # --- vedtak ---------------------------------------------------------------------

    def list_vedtak(self, arrangement_id: int) -> list[Vedtak]:
        with self._read() as session:
            rows = session.scalars(
                select(VedtakRow)
                .where(VedtakRow.arrangement_id == arrangement_id)
                .order_by(VedtakRow.valid_from.desc(), VedtakRow.id.desc())
            )
            return [repo.vedtak_to_core(r) for r in rows]

    def current_vedtak(self, arrangement_id: int, on: date) -> Vedtak | None:
        with self._read() as session:
            row = session.scalars(
                select(VedtakRow)
                .where(
                    VedtakRow.arrangement_id == arrangement_id,
                    VedtakRow.valid_from <= on,
                    or_(VedtakRow.valid_to.is_(None), VedtakRow.valid_to >= on),
                )
                .order_by(VedtakRow.valid_from.desc())
                .limit(1)
            ).first()
            return repo.vedtak_to_core(row) if row else None

    def add_vedtak(self, vedtak: Vedtak) -> Vedtak:
        """Add a vedtak. An open-ended earlier vedtak is ended the day before it starts
        (that is how a change works: history is kept); any other overlap is refused."""
        _raise_if(validation.vedtak_errors(vedtak))
        with self._write() as session:
            self._get(session, ArrangementRow, vedtak.arrangement_id, "ordning")
            for other in self._overlapping_vedtak(session, vedtak):
                if other.valid_to is None and other.valid_from < vedtak.valid_from:
                    other.valid_to = date.fromordinal(vedtak.valid_from.toordinal() - 1)
                    self._audit(
                        session, "end", "vedtak", other.id, other.arrangement_id, "superseded"
                    )
            self._refuse_vedtak_overlap(session, vedtak)
            row = VedtakRow(arrangement_id=vedtak.arrangement_id, created_at=repo.utc_now())
            repo.fill_vedtak(row, vedtak)
            self._add_audited(
                session, row, "create", "vedtak", row.arrangement_id, f"hours_per_week={row.hours_per_week:g}"
            )
            return repo.vedtak_to_core(row)

    def update_vedtak(self, vedtak: Vedtak) -> Vedtak:
        _raise_if(validation.vedtak_errors(vedtak))
        with self._write() as session:
            row = self._get(session, VedtakRow, vedtak.id, "vedtak")
            vedtak = replace(vedtak, arrangement_id=row.arrangement_id)
            self._refuse_vedtak_overlap(session, vedtak)
            changed = repo.fill_vedtak(row, vedtak)
            self._audit(session, "update", "vedtak", row.id, row.arrangement_id, ",".join(changed))
            return repo.vedtak_to_core(row)

    def end_vedtak(self, vedtak_id: int, valid_to: date) -> Vedtak:
        with self._read() as session:
            current = repo.vedtak_to_core(self._get(session, VedtakRow, vedtak_id, "vedtak"))
        return self.update_vedtak(replace(current, valid_to=valid_to))

    def _overlapping_vedtak(self, session: Session, vedtak: Vedtak) -> list[VedtakRow]:
        conditions = [
            VedtakRow.arrangement_id == vedtak.arrangement_id,
            or_(VedtakRow.valid_to.is_(None), VedtakRow.valid_to >= vedtak.valid_from),
        ]
        if vedtak.valid_to is not None:
            conditions.append(VedtakRow.valid_from <= vedtak.valid_to)
        if vedtak.id is not None:
            conditions.append(VedtakRow.id != vedtak.id)
        return list(session.scalars(select(VedtakRow).where(*conditions)))

    def _refuse_vedtak_overlap(self, session: Session, vedtak: Vedtak) -> None:
        session.flush()
        overlapping = self._overlapping_vedtak(session, vedtak)
        if overlapping:
            other = overlapping[0]
            period = validation.format_period(other.valid_from, other.valid_to)
            raise ValidationError({"valid_from": message("vedtak_overlap", period=period)})

    # --- assistants -----------------------------------------------------------------

    def list_assistants(self, arrangement_id: int, include_ended: bool = True) -> list[Assistant]:
        today = date.today()
        with self._read() as session:
            rows = session.scalars(
                select(AssistantRow).where(AssistantRow.arrangement_id == arrangement_id)
            )
            assistants = [repo.assistant_to_core(r) for r in rows]
        if not include_ended:
            assistants = [a for a in assistants if a.end_date is None or a.end_date >= today]
        return sorted(assistants, key=lambda a: (repo.norwegian_sort_key(a.name), a.id))

    def add_assistant(self, assistant: Assistant) -> Assistant:
        assistant = _normalise_assistant(assistant)
        _raise_if(validation.assistant_errors(assistant))
        with self._write() as session:
            self._get(session, ArrangementRow, assistant.arrangement_id, "ordning")
            self._refuse_taken_employee_no(session, assistant)
            row = AssistantRow(arrangement_id=assistant.arrangement_id)
            repo.fill_assistant(row, assistant)
            self._add_audited(session, row, "create", "assistant", row.arrangement_id, f"kind={row.kind.value}")
            return repo.assistant_to_core(row)

    def update_assistant(self, assistant: Assistant) -> Assistant:
        assistant = _normalise_assistant(assistant)
        _raise_if(validation.assistant_errors(assistant))
        with self._write() as session:
            row = self._get(session, AssistantRow, assistant.id, "assistent")
            assistant = replace(assistant, arrangement_id=row.arrangement_id)
            self._refuse_taken_employee_no(session, assistant)
            changed = repo.fill_assistant(row, assistant)
            self._audit(
                session, "update", "assistant", row.id, row.arrangement_id, ",".join(changed)
            )
            return repo.assistant_to_core(row)

    def end_assistant(self, assistant_id: int, end_date: date) -> Assistant:
        with self._read() as session:
            current = repo.assistant_to_core(
                self._get(session, AssistantRow, assistant_id, "assistent")
            )
        return self.update_assistant(replace(current, end_date=end_date))

    @staticmethod
    def _taken(session: Session, column, value, arrangement_id: int, own_id: int | None) -> bool:
        """Whether another row of the arrangement already has ``value`` in a unique ``column``."""
        row_class = column.class_
        return bool(session.scalar(
            select(func.count())
            .select_from(row_class)
            .where(row_class.arrangement_id == arrangement_id, column == value, row_class.id != (own_id or -1))
        ))

    def _refuse_taken_employee_no(self, session: Session, assistant: Assistant) -> None:
        if self._taken(session, AssistantRow.employee_no, assistant.employee_no, assistant.arrangement_id,
                       assistant.id):
            raise ValidationError(
                {"employee_no": message("employee_no_taken", employee_no=assistant.employee_no)}
            )

    # --- shift templates and rotas ------------------------------------------------------

    def list_shift_templates(self, arrangement_id: int) -> list[ShiftTemplate]:
        with self._read() as session:
            rows = session.scalars(
                select(ShiftTemplateRow)
                .where(ShiftTemplateRow.arrangement_id == arrangement_id)
                .order_by(ShiftTemplateRow.start_time, ShiftTemplateRow.code)
            )
            return [repo.template_to_core(r) for r in rows]

    def save_shift_template(self, arrangement_id: int, template: ShiftTemplate) -> ShiftTemplate:
        template = replace(template, code=template.code.strip())
        _raise_if(validation.shift_template_errors(template))
        with self._write() as session:
            self._get(session, ArrangementRow, arrangement_id, "ordning")
            if template.id is None:
                row = ShiftTemplateRow(arrangement_id=arrangement_id)
            else:
                row = self._get(session, ShiftTemplateRow, template.id, "vaktkode")
                if row.arrangement_id != arrangement_id:
                    raise NotFoundError("vaktkode", template.id)
            if self._taken(session, ShiftTemplateRow.code, template.code, arrangement_id, template.id):
                raise ValidationError({"code": message("template_code_taken", code=template.code)})
            changed = repo.fill_template(row, template)
            action = "create" if template.id is None else "update"
            self._add_audited(session, row, action, "shift_template", arrangement_id, ",".join(changed))
            return repo.template_to_core(row)

    # save_rota, rota versions, single-occurrence changes, approvals and the need pattern:
    # RotaWorkspaceMixin (workspace_rota.py).

    def list_planned_shifts(self, arrangement_id: int, start: date, end: date) -> list[Shift]:
        with self._read() as session:
            rows = repo.shifts_starting_between(
                session, PlannedShiftRow, arrangement_id, start, end
            )
            return [repo.planned_to_core(r) for r in rows]

    # --- worked shifts --------------------------------------------------------------

    def list_worked_shifts(self, arrangement_id: int, start: date, end: date) -> list[Shift]:
        with self._read() as session:
            rows = repo.shifts_starting_between(session, WorkedShiftRow, arrangement_id, start, end)
            return [repo.worked_to_core(r) for r in rows]

    def record_worked_shift(
        self,
        arrangement_id: int,
        shift: Shift,
        reason: str = "",
        *,
        planned_shift_id: int | None = None,
    ) -> Shift:
        """Record a worked shift, or change one.

        ``shift.id`` decides: ``"w<n>"`` updates that worked shift; ``"p<n>"`` (a planned
        shift from ``list_planned_shifts``) records it as worked and links the plan; None
        records a new one (linked to ``planned_shift_id`` if given).
        """
        parsed = repo.parse_shift_id(shift.id)
        if parsed and parsed[0] == repo.WORKED_PREFIX:
            return self._update_worked_shift(arrangement_id, parsed[1], shift, reason)
        if parsed and parsed[0] == repo.PLANNED_PREFIX:
            planned_shift_id = parsed[1]
        entry = WorkedEntry(replace(shift, id=None), reason, planned_shift_id)
        return self.record_worked_shifts(arrangement_id, [entry])[0]

    def record_worked_shifts(
        self, arrangement_id: int, entries: Sequence[WorkedEntry]
    ) -> list[Shift]:
        """Record many worked shifts in one transaction (all or none are stored)."""
        if not entries:
            return []
        errors: dict[str, str] = {}
        for index, entry in enumerate(entries):
            prefix = f"shifts[{index}]" if len(entries) > 1 else ""
            errors.update(_prefixed(prefix, _shift_errors(entry.shift)))
        _raise_if(errors)
        with self._write() as session:
            self._get(session, ArrangementRow, arrangement_id, "ordning")
            self._refuse_foreign_assistants(session, arrangement_id, [e.shift for e in entries])
            self._refuse_locked_shifts(session, [e.shift for e in entries])
            self._refuse_worked_overlap(session, [e.shift for e in entries])
            planned_ids = {e.planned_shift_id for e in entries} - {None}
            if planned_ids:
                own = set(
                    session.scalars(
                        select(PlannedShiftRow.id).where(
                            PlannedShiftRow.arrangement_id == arrangement_id,
                            PlannedShiftRow.id.in_(planned_ids),
                        )
                    )
                )
                if planned_ids - own:
                    raise NotFoundError("planlagt vakt", min(planned_ids - own))
            now = repo.utc_now()
            shifts = [e.shift for e in entries]
            ids = repo.insert_shifts(
                session,
                WorkedShiftRow,
                [
                    repo.worked_values(arrangement_id, e.shift, e.reason, e.planned_shift_id, now)
                    for e in entries
                ],
                shifts,
            )
            self._audit(
                session, "create", "worked_shift", ids[0] if len(ids) == 1 else None,
                arrangement_id, f"count={len(ids)}",
            )
            rows = session.scalars(
                select(WorkedShiftRow)
                .where(WorkedShiftRow.id.in_(ids))
                .options(selectinload(WorkedShiftRow.passive))
                .order_by(WorkedShiftRow.id)
            )
            return [repo.worked_to_core(r) for r in rows]

    def _update_worked_shift(
        self, arrangement_id: int, worked_id: int, shift: Shift, reason: str
    ) -> Shift:
        _raise_if(_shift_errors(shift))
        with self._write() as session:
            row = self._get(session, WorkedShiftRow, worked_id, "vakt")
            if row.arrangement_id != arrangement_id:
                raise NotFoundError("vakt", shift.id)
            self._refuse_foreign_assistants(session, arrangement_id, [shift])
            self._refuse_locked_shifts(session, [repo.worked_to_core(row), shift])
            self._refuse_worked_overlap(session, [shift], ignore_id=worked_id)
            repo.fill_worked(row, shift, reason)
            session.flush()
            self._audit(session, "update", "worked_shift", row.id, arrangement_id)
            return repo.worked_to_core(row)

    def _refuse_foreign_assistants(
        self, session: Session, arrangement_id: int, shifts: Sequence[Shift]
    ) -> None:
        ids = {int(s.assistant) for s in shifts}
        known = set(
            session.scalars(
                select(AssistantRow.id).where(
                    AssistantRow.arrangement_id == arrangement_id, AssistantRow.id.in_(ids)
                )
            )
        )
        if ids - known:
            raise ValidationError({"assistant": message("assistant_not_in_arrangement")})

    def _refuse_worked_overlap(
        self, session: Session, shifts: Sequence[Shift], ignore_id: int | None = None
    ) -> None:
        """No assistant in two worked shifts at once: neither among ``shifts`` nor with
        what is stored. Shifts that only touch (one ends as the next starts) are fine."""
        by_assistant: dict[str, list[tuple[float, float, Shift]]] = {}
        for s in shifts:
            by_assistant.setdefault(s.assistant, []).append(
                (s.start.timestamp(), s.end.timestamp(), s)
            )
        for assistant, spans in by_assistant.items():
            spans.sort(key=lambda span: span[0])
            for (_, end, _), (start, _, later) in zip(spans, spans[1:]):
                if start < end:
                    raise _overlap_error(later)
            lower = min(s.start for _, _, s in spans)
            upper = max(s.end for _, _, s in spans)
            stored = session.scalars(
                select(WorkedShiftRow).where(
                    WorkedShiftRow.assistant_id == int(assistant),
                    WorkedShiftRow.start_at < upper,
                    WorkedShiftRow.end_at > lower,
                    WorkedShiftRow.id != (ignore_id or -1),
                )
            )
            for row in stored:
                row_start, row_end = row.start_at.timestamp(), row.end_at.timestamp()
                if any(start < row_end and row_start < end for start, end, _ in spans):
                    raise _overlap_error(repo.worked_to_core(row))

    # --- absences -------------------------------------------------------------------

    def list_absences(self, arrangement_id: int, start: date, end: date) -> list[Absence]:
        with self._read() as session:
            rows = session.scalars(
                select(AbsenceRow)
                .join(AssistantRow, AbsenceRow.assistant_id == AssistantRow.id)
                .where(
                    AssistantRow.arrangement_id == arrangement_id,
                    AbsenceRow.start_date <= end,
                    AbsenceRow.end_date >= start,
                )
                .order_by(AbsenceRow.start_date, AbsenceRow.id)
            )
            return [repo.absence_to_core(r) for r in rows]

    def add_absence(self, absence: Absence) -> Absence:
        absence = replace(absence, kind=AbsenceKind(absence.kind))
        _raise_if(validation.absence_errors(absence))
        with self._write() as session:
            assistant = self._get(session, AssistantRow, absence.assistant_id, "assistent")
            self._refuse_locked_days(session, assistant.id, absence.start, absence.end)
            row = AbsenceRow(created_at=repo.utc_now())
            repo.fill_absence(row, absence)
            self._add_audited(
                session, row, "create", "absence", assistant.arrangement_id,
                f"kind={row.kind.value} days={(row.end_date - row.start_date).days + 1}",
            )
            return repo.absence_to_core(row)

    # --- timesheets (issue 5) -----------------------------------------------------------
    # Logic lives in core.timesheet (rows, content hash), core.pay_period, core.pay_settings,
    # core.timesheet_reports and storage.timesheet_repository; these methods only tie them
    # to one transaction and one audit entry each. See WORKSPACE_API.md "Timesheets (issue 5)".

    def pay_settings(self, arrangement_id: int) -> PaySettings:
        with self._read() as session:
            self._get(session, ArrangementRow, arrangement_id, "ordning")
            return tr.load_pay_settings(session, arrangement_id)

    def update_pay_settings(self, settings: PaySettings) -> PaySettings:
        """Store the arrangement's pay period start day, rates and lønnsart codes."""
        with self._write() as session:
            arrangement = self._get(session, ArrangementRow, settings.arrangement_id, "ordning")
            profile = _shipped_profile(arrangement.pay_profile)
            problems = settings_problems(settings, profile)
            _raise_if({f: message(key) for f, key in problems.items()})
            tr.store_pay_settings(session, settings)
            self._audit(
                session, "update", "pay_settings", arrangement.id, arrangement.id,
                f"period_start_day={settings.period_start_day} codes={len(settings.codes)}"
                f" rates={len(settings.rates)}",
            )
            return tr.load_pay_settings(session, arrangement.id)

    def pay_profile(self, arrangement_id: int) -> PayProfile:
        """The arrangement's pay-code profile with its own codes and rates applied."""
        with self._read() as session:
            arrangement = self._get(session, ArrangementRow, arrangement_id, "ordning")
            return self._profile(session, arrangement)[0]

    def pay_period_for(self, arrangement_id: int, day: date) -> PayPeriod:
        return pay_period(day, self.pay_settings(arrangement_id).period_start_day)

    def get_or_create_timesheet(self, assistant_id: int, period_start: date) -> Timesheet:
        """The newest version of the assistant's timesheet for the period that holds
        ``period_start`` (any day of it); a draft version 1 is created if there is none."""
        with self._write() as session:
            assistant = self._get(session, AssistantRow, assistant_id, "assistent")
            period = self._period_of(session, assistant.arrangement_id, period_start)
            row = tr.latest(session, assistant.id, period.start)
            if row is not None:
                return tr.timesheet_to_core(row)
            clash = tr.clashing_period(session, assistant.id, period)
            if clash is not None:
                label = PayPeriod(clash.period_start, clash.period_end).label(get_language())
                raise ValidationError({"period_start": message("timesheet_period_clash", period=label)})
            row = TimesheetRow(
                assistant_id=assistant.id, period_start=period.start, period_end=period.end,
                status=TimesheetStatus.DRAFT, version=1, correction_reason="",
                created_at=repo.utc_now(),
            )
            self._add_audited(
                session, row, "create", "timesheet", assistant.arrangement_id,
                f"period={period.start.isoformat()} version=1",
            )
            return tr.timesheet_to_core(row)

    def list_timesheets(
        self,
        arrangement_id: int,
        period_start: date | None = None,
        status: TimesheetStatus | None = None,
        *,
        all_versions: bool = False,
    ) -> list[Timesheet]:
        """Timesheets of an arrangement (newest version of each unless ``all_versions``),
        by period then assistant; ``period_start`` may be any day of the period."""
        with self._read() as session:
            self._get(session, ArrangementRow, arrangement_id, "ordning")
            if all_versions:
                rows = tr.all_versions(session, arrangement_id)
            else:
                rows = tr.latest_versions(session, arrangement_id)
            sheets = [tr.timesheet_to_core(r) for r in rows]
        if period_start is not None:
            sheets = [t for t in sheets if t.period_start <= period_start <= t.period_end]
        if status is not None:
            sheets = [t for t in sheets if t.status == TimesheetStatus(status)]
        return sheets

    def timesheet_detail(self, timesheet_id: int) -> TimesheetDetail:
        """Rows (planned vs worked, windows), absences and pay lines of one version. An
        attested version is read from its stored content, never from today's records."""
        with self._read() as session:
            row = self._get(session, TimesheetRow, timesheet_id, "timeliste")
            assistant = session.get(AssistantRow, row.assistant_id)
            return self._detail(session, assistant, PayPeriod(row.period_start, row.period_end), row)

    def preview_timesheet(self, assistant_id: int, day: date) -> TimesheetDetail:
        """The newest version of the period that holds ``day``, or what a new timesheet
        would show (nothing is stored)."""
        with self._read() as session:
            assistant = self._get(session, AssistantRow, assistant_id, "assistent")
            period = self._period_of(session, assistant.arrangement_id, day)
            return self._detail(session, assistant, period, tr.latest(session, assistant.id, period.start))

    def verify_timesheet(self, timesheet_id: int) -> bool:
        """True when an attested version's stored content still has its content hash."""
        with self._read() as session:
            row = self._get(session, TimesheetRow, timesheet_id, "timeliste")
            content = tr.stored_content(session, row.id)
            return content is not None and content_hash(content) == row.content_hash

    def shifts_to_register(self, arrangement_id: int, day: date) -> list[TimesheetDayRow]:
        """Today's shifts for the quick "registrer vakten" view: every assistant's rows
        that start on ``day`` (planned ones still waiting, and what is registered)."""
        with self._read() as session:
            self._get(session, ArrangementRow, arrangement_id, "ordning")
            rows: list[TimesheetDayRow] = []
            for assistant in session.scalars(
                select(AssistantRow).where(AssistantRow.arrangement_id == arrangement_id)
            ):
                period = self._period_of(session, arrangement_id, day)
                records = tr.period_records(session, assistant.id, PayPeriod(day, day))
                rows += build_rows(
                    PayPeriod(day, day), records.planned, records.worked, records.not_worked,
                    records.absences, settled_plan_ids=records.settled_plan_ids,
                    use_plan=not tr.ever_locked(session, assistant.id, period.start),
                )
            return sorted(rows, key=lambda r: (r.start_key, r.status.value))

    def cancel_planned_shift(self, arrangement_id: int, shift_id: str | int, reason: str) -> NotWorked:
        """Register a planned shift as not worked (e.g. cancelled, or the assistant was
        ill and nobody covered), with the reason."""
        if not reason.strip():
            raise ValidationError({"reason": message("reason_required")})
        parsed = repo.parse_shift_id(shift_id) if isinstance(shift_id, str) else ("p", shift_id)
        if not parsed or parsed[0] != repo.PLANNED_PREFIX:
            raise NotFoundError("planlagt vakt", shift_id)
        with self._write() as session:
            row = self._get(session, PlannedShiftRow, parsed[1], "planlagt vakt")
            if row.arrangement_id != arrangement_id:
                raise NotFoundError("planlagt vakt", shift_id)
            planned = repo.planned_to_core(row)
            self._refuse_locked_shifts(session, [planned])
            settled = session.scalar(
                select(func.count()).select_from(WorkedShiftRow).where(WorkedShiftRow.planned_shift_id == row.id)
            ) or session.scalar(
                select(func.count()).select_from(CancelledShiftRow).where(CancelledShiftRow.planned_shift_id == row.id)
            )
            if settled:
                raise ValidationError({"shift": message("planned_shift_settled")})
            cancelled = tr.add_cancelled(session, arrangement_id, planned, reason, repo.utc_now())
            session.flush()
            self._audit(session, "cancel", "planned_shift", row.id, arrangement_id, f"cancelled={cancelled.id}")
            return NotWorked(planned, reason.strip())

    def mark_passive_active(
        self, arrangement_id: int, shift_id: str, start: datetime, end: datetime, reason: str
    ) -> Shift:
        """Passive time that became active: take [start, end) out of a worked (``"w<n>"``)
        or planned (``"p<n>"``, then recorded as worked) shift's passive time."""
        if not reason.strip():
            raise ValidationError({"reason": message("reason_required")})
        parsed = repo.parse_shift_id(shift_id)
        if not parsed:
            raise NotFoundError("vakt", shift_id)
        with self._read() as session:
            row_class = WorkedShiftRow if parsed[0] == repo.WORKED_PREFIX else PlannedShiftRow
            row = self._get(session, row_class, parsed[1], "vakt")
            if row.arrangement_id != arrangement_id:
                raise NotFoundError("vakt", shift_id)
            shift = (repo.worked_to_core if row_class is WorkedShiftRow else repo.planned_to_core)(row)
        try:
            changed = activate_passive(shift, start, end)
        except ValueError:
            raise ValidationError({"passive": message("passive_active_outside")}) from None
        return self.record_worked_shift(arrangement_id, changed, reason)

    def confirm_timesheet(self, timesheet_id: int, *, today: date | None = None) -> Timesheet:
        """The assistant confirms the draft (audit actor "assistent"). Planned shifts that
        started before ``today`` and are still unregistered are recorded as worked."""
        today = today or date.today()
        with self._write() as session:
            row, assistant, period = self._latest_for_write(session, timesheet_id)
            if row.status is not TimesheetStatus.DRAFT:
                raise WorkspaceError(
                    message("timesheet_confirm_status", period=period.label(get_language()),
                            status=message(f"status_{row.status.value}"))
                )
            detail = self._detail(session, assistant, period, row)
            due = [r for r in detail.rows if r.day < today]
            settled = tr.settle_plan(session, assistant.arrangement_id, due, repo.utc_now())
            row.status = TimesheetStatus.CONFIRMED
            self._audit(
                session, "confirm", "timesheet", row.id, assistant.arrangement_id,
                f"version={row.version} settled={settled}", actor="assistent",
            )
            return tr.timesheet_to_core(row)

    def attest_timesheet(self, timesheet_id: int, *, today: date | None = None) -> Timesheet:
        """The arbeidsleder attests (from draft or confirmed) once the period is over: the
        plan is settled into the worked record, the content and its pay lines are stored
        and the SHA-256 content hash set. The version is locked from then on."""
        today = today or date.today()
        with self._write() as session:
            row, assistant, period = self._latest_for_write(session, timesheet_id)
            label = period.label(get_language())
            if row.status in LOCKED:
                raise WorkspaceError(message("timesheet_already_attested", period=label))
            if period.end >= today:
                raise WorkspaceError(
                    message("timesheet_period_not_over", period=label,
                            day=validation.format_date(period.end + timedelta(days=1)))
                )
            arrangement = session.get(ArrangementRow, assistant.arrangement_id)
            profile, _ = self._profile(session, arrangement)
            detail = self._detail(session, assistant, period, row)
            now = repo.utc_now()
            tr.settle_plan(session, arrangement.id, detail.rows, now)
            rows = settled_rows(detail.rows)  # the same shifts count: the detail's pay stands
            lines = list(detail.pay_lines)
            content = canonical_json(
                content_document(
                    assistant.id, period, rows, detail.absences, lines,
                    profile_name=profile.name, nominal=profile.nominal_clock_hours,
                    overtime=detail.overtime,
                )
            )
            tr.store_attested(session, row.id, content, lines, now)
            row.status = TimesheetStatus.ATTESTED
            row.content_hash = content_hash(content)
            row.attested_at = now
            row.attested_by = "arbeidsleder"
            from bpa_desktop.sync.outbox import enqueue_attested  # sync outbox, same transaction

            enqueue_attested(session, row, lines, now=now)
            self._audit(
                session, "attest", "timesheet", row.id, arrangement.id,
                f"version={row.version} sha256={row.content_hash[:16]}", actor="arbeidsleder",
            )
            return tr.timesheet_to_core(row)

    def correct_timesheet(self, timesheet_id: int, reason: str) -> Timesheet:
        """Open a correction: a new draft version (v+1) that supersedes the attested one.
        It starts from the attested content (the worked record); the old version stays
        stored and readable. Edits in the period are allowed until it is attested again."""
        if not reason.strip():
            raise ValidationError({"reason": message("reason_required")})
        with self._write() as session:
            row, assistant, period = self._latest_for_write(session, timesheet_id)
            if row.status not in LOCKED:
                raise WorkspaceError(
                    message("correction_needs_attested", period=period.label(get_language()),
                            status=message(f"status_{row.status.value}"))
                )
            new = TimesheetRow(
                assistant_id=row.assistant_id, period_start=row.period_start,
                period_end=row.period_end, status=TimesheetStatus.DRAFT,
                version=row.version + 1, supersedes_id=row.id,
                correction_reason=reason.strip(), created_at=repo.utc_now(),
            )
            self._add_audited(
                session, new, "correct", "timesheet", assistant.arrangement_id,
                f"version={new.version} supersedes={row.id}",
            )
            return tr.timesheet_to_core(new)

    def payroll_batch(self, arrangement_id: int, day: date) -> PayrollBatch:
        """Pay lines of the period that holds ``day``: only timesheets whose newest version
        is attested (or submitted/accepted). Assistants with work or a timesheet in the
        period that is not attested are listed in ``not_attested``."""
        with self._read() as session:
            self._get(session, ArrangementRow, arrangement_id, "ordning")
            period = self._period_of(session, arrangement_id, day)
            newest = {
                r.assistant_id: r
                for r in tr.latest_versions(session, arrangement_id, period.start, period.end)
                if r.period_start == period.start
            }
            ready = [r for r in newest.values() if r.status in PAYROLL_READY]
            lines = tr.stored_pay_lines(session, [r.id for r in ready])
            assistants = session.scalars(
                select(AssistantRow).where(AssistantRow.arrangement_id == arrangement_id)
            ).all()
            lower, upper = repo.local_day_range(period.start, period.end)
            busy = set()
            for row_class in (PlannedShiftRow, WorkedShiftRow):
                busy.update(
                    session.scalars(
                        select(row_class.assistant_id).where(
                            row_class.arrangement_id == arrangement_id,
                            row_class.start_at >= lower, row_class.start_at < upper,
                        ).distinct()
                    )
                )
            ready_ids = {r.assistant_id for r in ready}
            missing = sorted((busy | set(newest)) - ready_ids)
            return PayrollBatch(
                period=period,
                pay_lines=tuple(line for r in sorted(ready, key=lambda r: r.assistant_id) for line in lines[r.id]),
                employee_numbers={str(a.id): a.employee_no for a in assistants},
                included=tuple(tr.timesheet_to_core(r) for r in sorted(ready, key=lambda r: r.assistant_id)),
                not_attested=tuple(missing),
            )

    def report_monthly_cost(self, arrangement_id: int, year: int) -> list[MonthlyCost]:
        """Cost of each pay period named after a month of ``year`` (definitions in
        core.timesheet_reports): attested content where there is one, else today's record."""
        with self._read() as session:
            arrangement = self._get(session, ArrangementRow, arrangement_id, "ordning")
            profile, settings = self._profile(session, arrangement)
            assistants = session.scalars(
                select(AssistantRow).where(AssistantRow.arrangement_id == arrangement_id)
            ).all()
            costs = []
            for month in range(1, 13):
                period = period_for_month(year, month, settings.period_start_day)
                lines: list[PayLine] = []
                shifts: list[Shift] = []
                attested = True
                for assistant in assistants:
                    row = tr.latest(session, assistant.id, period.start)
                    detail = self._detail(session, assistant, period, row)
                    lines += detail.pay_lines
                    shifts += detail.counted_shifts
                    if detail.rows and not detail.stored:
                        attested = False
                costs.append(
                    month_cost(year, month, lines, paid_hours(shifts, profile), profile, settings,
                               attested=attested and bool(shifts))
                )
            return costs

    def report_absence(self, arrangement_id: int, year: int) -> list[AbsenceMonth]:
        """Absence by type and sick-leave % per assistant and calendar month of ``year``."""
        first, last = date(year, 1, 1), date(year, 12, 31)
        planned = self.list_planned_shifts(arrangement_id, first, last)
        absences = self.list_absences(arrangement_id, first, last)
        return [
            absence_month(assistant.id, year, month, planned, absences)
            for assistant in self.list_assistants(arrangement_id)
            for month in range(1, 13)
        ]

    def report_hours(self, arrangement_id: int, year: int) -> list[MonthHours]:
        """Planned vs worked vs vedtak hours per month of ``year``."""
        first, last = date(year, 1, 1), date(year, 12, 31)
        return monthly_hours(
            year,
            self.list_planned_shifts(arrangement_id, first, last),
            self.list_worked_shifts(arrangement_id, first, last),
            self.list_vedtak(arrangement_id),
        )

    # timesheet helpers (inside a session)

    def _profile(self, session: Session, arrangement: ArrangementRow) -> tuple[PayProfile, PaySettings]:
        settings = tr.load_pay_settings(session, arrangement.id)
        return customised_profile(_shipped_profile(arrangement.pay_profile), settings), settings

    def _period_of(self, session: Session, arrangement_id: int, day: date) -> PayPeriod:
        return pay_period(day, tr.load_pay_settings(session, arrangement_id).period_start_day)

    def _latest_for_write(self, session: Session, timesheet_id: int):
        """The version to act on, which must be the newest of its period."""
        row = self._get(session, TimesheetRow, timesheet_id, "timeliste")
        period = PayPeriod(row.period_start, row.period_end)
        newest = tr.latest(session, row.assistant_id, row.period_start)
        if newest.id != row.id:
            raise WorkspaceError(
                message("timesheet_not_latest", period=period.label(get_language()), version=newest.version)
            )
        return row, session.get(AssistantRow, row.assistant_id), period

    def _detail(
        self, session: Session, assistant: AssistantRow, period: PayPeriod, row: TimesheetRow | None
    ) -> TimesheetDetail:
        versions = tuple(tr.timesheet_to_core(v) for v in tr.versions(session, assistant.id, period.start))
        timesheet = tr.timesheet_to_core(row) if row is not None else None
        content = tr.stored_content(session, row.id) if row is not None and row.status in LOCKED else None
        if content is not None:
            stored = parse_content(content)
            return TimesheetDetail(
                assistant.id, period, stored.rows, stored.absences, stored.pay_lines,
                timesheet, versions, stored=True, overtime=stored.overtime,
            )
        arrangement = session.get(ArrangementRow, assistant.arrangement_id)
        profile, _ = self._profile(session, arrangement)
        records = tr.period_records(session, assistant.id, period)
        rows = build_rows(
            period, records.planned, records.worked, records.not_worked, records.absences,
            settled_plan_ids=records.settled_plan_ids,
            use_plan=not tr.ever_locked(session, assistant.id, period.start),
            nominal=profile.nominal_clock_hours,
        )
        pay = self._rows_pay(session, assistant, period, rows, profile)
        return TimesheetDetail(
            assistant.id, period, tuple(rows), tuple(records.absences),
            pay.lines, timesheet, versions, overtime=pay.overtime,
        )

    def _rows_pay(self, session: Session, assistant: AssistantRow, period: PayPeriod, rows, profile: PayProfile):
        """Pay of a period's rows with the overtime found in them: the assistant's worked
        record since the start of the week (``aml``) or averaging window that holds the
        period's first day uses up normal time too (core.normal_time)."""
        arrangement = session.get(ArrangementRow, assistant.arrangement_id)
        agreement = Agreement(arrangement.agreement)
        first_day = tr.first_shift_day(session, arrangement.id)
        if first_day is None:
            return rows_pay(rows, profile, agreement=agreement)
        anchor = normal_time.monday_of(first_day)
        context_start = normal_time.window_start(agreement, period.start, anchor)
        context_period = PayPeriod(context_start, period.start - timedelta(days=1))
        context: list[Shift] = []
        window = normal_time.averaging_weeks(agreement)
        # Where no averaging window can pass its normal time, earlier shifts change nothing.
        if context_period.start <= context_period.end and (
            window is None
            or tr.recorded_hours(session, assistant.id, context_start, period.end)
            > normal_time.NORMAL_WEEK_HOURS * window
        ):
            records = tr.period_records(session, assistant.id, context_period)
            context = counted_shifts(build_rows(
                context_period, records.planned, records.worked, records.not_worked, records.absences,
                settled_plan_ids=records.settled_plan_ids, nominal=profile.nominal_clock_hours,
            ))
        return rows_pay(rows, profile, agreement=agreement, context=context, anchor=anchor)

    def _refuse_locked_days(self, session: Session, assistant_id: int, first: date, last: date) -> None:
        locked = tr.locked_periods(session, assistant_id, first, last)
        if locked:
            raise TimesheetLockedError(locked[0].id, PayPeriod(locked[0].period_start, locked[0].period_end))

    def _refuse_locked_shifts(self, session: Session, shifts: Sequence[Shift]) -> None:
        """No worked-record change on a day inside an attested period (make a correction)."""
        days: dict[int, list[date]] = {}
        for shift in shifts:
            days.setdefault(int(shift.assistant), []).append(start_day(shift))
        for assistant_id, starts in days.items():
            for row in tr.locked_periods(session, assistant_id, min(starts), max(starts)):
                if any(row.period_start <= d <= row.period_end for d in starts):
                    raise TimesheetLockedError(row.id, PayPeriod(row.period_start, row.period_end))

    # --- audit ----------------------------------------------------------------------

    def audit_log(self, arrangement_id: int | None = None, limit: int = 200) -> list[AuditEntry]:
        with self._read() as session:
            query = select(AuditLogRow).order_by(AuditLogRow.at.desc(), AuditLogRow.id.desc())
            if arrangement_id is not None:
                query = query.where(AuditLogRow.arrangement_id == arrangement_id)
            return [repo.audit_to_core(r) for r in session.scalars(query.limit(limit))]


def _prefixed(prefix: str, errors: Mapping[str, str]) -> dict[str, str]:
    """Field names of a nested record, e.g. ``vedtak.hours_per_week``."""
    if not prefix:
        return dict(errors)
    return {f"{prefix}.{field}": text for field, text in errors.items()}


def _shift_errors(shift: Shift) -> dict[str, str]:
    errors = validation.shift_errors(shift)
    if not str(shift.assistant).isdigit():
        errors["assistant"] = message("assistant_not_in_arrangement")
    return errors


def _overlap_error(other: Shift) -> ValidationError:
    start = other.start.astimezone(OSLO)
    end = other.end.astimezone(OSLO)
    period = f"{validation.format_date(start.date())} {start:%H:%M}–{end:%H:%M}"
    return ValidationError({"start": message("shift_overlap", period=period)})


def _normalise_arrangement(arrangement: Arrangement) -> Arrangement:
    return replace(
        arrangement,
        employer_kind=EmployerKind(arrangement.employer_kind),
        agreement=Agreement(arrangement.agreement),
        employer_org_no=arrangement.employer_org_no.replace(" ", ""),
    )


def _normalise_assistant(assistant: Assistant) -> Assistant:
    return replace(
        assistant,
        kind=AssistantKind(assistant.kind),
        name=assistant.name.strip(),
        employee_no=assistant.employee_no.strip(),
    )


__all__ = [
    "NotFoundError",
    "TimesheetLockedError",
    "ValidationError",
    "WorkedEntry",
    "Workspace",
    "WorkspaceError",
]
