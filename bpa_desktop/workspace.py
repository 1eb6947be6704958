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
from datetime import date
from pathlib import Path

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session, selectinload

from bpa_desktop import validation
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
    Shift,
    ShiftTemplate,
    Vedtak,
)
from bpa_desktop.i18n import message
from bpa_desktop.storage import repository as repo
from bpa_desktop.storage.connection import make_engine, writer
from bpa_desktop.storage.migrate import prepare_database
from bpa_desktop.storage.paths import default_db_path
from bpa_desktop.storage.schema import (
    AbsenceRow,
    ArrangementRow,
    AssistantRow,
    AuditLogRow,
    PlannedShiftRow,
    RotaCellRow,
    RotaRow,
    ShiftTemplateRow,
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


@dataclass(frozen=True)
class WorkedEntry:
    """One worked shift to record: the shift, why it differs from the plan, and the plan."""

    shift: Shift
    reason: str = ""
    planned_shift_id: int | None = None


def _raise_if(errors: Mapping[str, str]) -> None:
    if errors:
        raise ValidationError(errors)


class Workspace:
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
            session.add(row)
            session.flush()
            self._audit(
                session, "create", "vedtak", row.id, row.arrangement_id,
                f"hours_per_week={row.hours_per_week:g}",
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
            session.add(row)
            session.flush()
            self._audit(
                session, "create", "assistant", row.id, row.arrangement_id, f"kind={row.kind.value}"
            )
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

    def _refuse_taken_employee_no(self, session: Session, assistant: Assistant) -> None:
        taken = session.scalar(
            select(func.count())
            .select_from(AssistantRow)
            .where(
                AssistantRow.arrangement_id == assistant.arrangement_id,
                AssistantRow.employee_no == assistant.employee_no,
                AssistantRow.id != (assistant.id or -1),
            )
        )
        if taken:
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
            taken = session.scalar(
                select(func.count())
                .select_from(ShiftTemplateRow)
                .where(
                    ShiftTemplateRow.arrangement_id == arrangement_id,
                    ShiftTemplateRow.code == template.code,
                    ShiftTemplateRow.id != (template.id or -1),
                )
            )
            if taken:
                raise ValidationError({"code": message("template_code_taken", code=template.code)})
            changed = repo.fill_template(row, template)
            session.add(row)
            session.flush()
            action = "create" if template.id is None else "update"
            self._audit(
                session, action, "shift_template", row.id, arrangement_id, ",".join(changed)
            )
            return repo.template_to_core(row)

    def save_rota(
        self,
        arrangement_id: int,
        name: str,
        weeks: int,
        start: date,
        end: date,
        cells: Mapping[tuple[int, int, int], str],
    ) -> int:
        """Store a rota and roll it out into planned shifts for ``start``..``end``.

        ``cells`` maps (assistant id, week index, weekday 0=Mon) to a template code; week 0
        starts at ``start``. Planned shifts of the arrangement that start in the period are
        replaced; an assistant gets no shifts outside their employment dates.
        """
        from bpa_desktop.core.rota import RotaPattern, roll_out

        errors: dict[str, str] = {}
        if not name.strip():
            errors["name"] = message("required")
        if not 1 <= weeks <= 52:
            errors["weeks"] = message("rota_weeks_range")
        if end < start:
            errors["end"] = message("end_before_start_date")
        if any(not (0 <= w < weeks and 0 <= d <= 6) for _, w, d in cells):
            errors["cells"] = message("rota_cell_outside")
        _raise_if(errors)
        with self._write() as session:
            self._get(session, ArrangementRow, arrangement_id, "ordning")
            templates = {
                t.code: t
                for t in session.scalars(
                    select(ShiftTemplateRow).where(
                        ShiftTemplateRow.arrangement_id == arrangement_id
                    )
                )
            }
            unknown = sorted(set(cells.values()) - set(templates))
            if unknown:
                raise ValidationError(
                    {"cells": message("rota_unknown_code", codes=", ".join(unknown))}
                )
            assistants = {
                a.id: repo.assistant_to_core(a)
                for a in session.scalars(
                    select(AssistantRow).where(AssistantRow.arrangement_id == arrangement_id)
                )
            }
            if any(a not in assistants for a, _, _ in cells):
                raise ValidationError({"cells": message("assistant_not_in_arrangement")})

            rota = RotaRow(
                arrangement_id=arrangement_id,
                name=name.strip(),
                weeks=weeks,
                start_date=start,
                end_date=end,
                created_at=repo.utc_now(),
                cells=[
                    RotaCellRow(
                        assistant_id=a, week_index=w, weekday=d, template_id=templates[code].id
                    )
                    for (a, w, d), code in cells.items()
                ],
            )
            session.add(rota)
            session.flush()
            pattern = RotaPattern(
                weeks=weeks, cells={(str(a), w, d): code for (a, w, d), code in cells.items()}
            )
            core_templates = {code: repo.template_to_core(t) for code, t in templates.items()}
            shifts = [
                s
                for s in roll_out(pattern, core_templates, start, end, anchor=start)
                if assistants[int(s.assistant)].active_on(s.start.astimezone(OSLO).date())
            ]
            lower, upper = repo.local_day_range(start, end)
            session.execute(
                delete(PlannedShiftRow).where(
                    PlannedShiftRow.arrangement_id == arrangement_id,
                    PlannedShiftRow.start_at >= lower,
                    PlannedShiftRow.start_at < upper,
                )
            )
            repo.insert_shifts(
                session,
                PlannedShiftRow,
                [repo.planned_values(arrangement_id, s, rota.id) for s in shifts],
                shifts,
            )
            self._audit(
                session, "create", "rota", rota.id, arrangement_id,
                f"weeks={weeks} planned_shifts={len(shifts)}",
            )
            return rota.id

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
            session.add(row)
            session.flush()
            self._audit(
                session, "create", "absence", row.id, assistant.arrangement_id,
                f"kind={row.kind.value} days={(row.end_date - row.start_date).days + 1}",
            )
            return repo.absence_to_core(row)

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
    "ValidationError",
    "WorkedEntry",
    "Workspace",
    "WorkspaceError",
]
