"""``ws.rota``: the turnus planner. Shift templates (vaktkoder), rota versions rolled out
into planned shifts, single-occurrence changes (swap, a vikar covering, cancel, new times,
extra shift), the recipient's need pattern and its coverage, approvals, and rota files.

Versions: every ``save_rota`` stores a new rota row; its version is its number among the
arrangement's saved rotas. Single-occurrence changes are stored with their reason and
re-applied each time a rota is rolled out, where their occurrence still exists; a cancelled
occurrence stays cancelled. The queries and the plan diff are in
``storage/rota_repository.py``, the rules in ``core/`` (rota, rota_changes, coverage).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta

from bpa_desktop import validation
from bpa_desktop.core import calendar as cal
from bpa_desktop.core.coverage import CoverageGap, coverage_gaps
from bpa_desktop.core.model import (
    ApprovalRole,
    NeedBlock,
    RotaApproval,
    RotaChange,
    RotaChangeKind,
    RotaPlan,
    Shift,
    ShiftTemplate,
)
from bpa_desktop.core.rota_changes import occurrence_key
from bpa_desktop.core.shift_document import ImportResult, RotaFileError, parse_import
from bpa_desktop.i18n import message
from bpa_desktop.message import Message
from bpa_desktop.storage import queries
from bpa_desktop.storage import repository as repo
from bpa_desktop.storage import rota_repository as rr
from bpa_desktop.storage.rota_repository import PlanWrite
from bpa_desktop.storage.schema import (
    PlannedShiftRow,
    RotaApprovalRow,
    RotaRow,
    ShiftTemplateRow,
)
from bpa_desktop.storage.unit_of_work import Database
from bpa_desktop.workspace import plan_changes
from bpa_desktop.workspace.checks import arrangement as arrangement_row
from bpa_desktop.workspace.checks import refuse_foreign_assistants, shift_errors
from bpa_desktop.workspace.errors import (
    NotFoundError,
    ValidationError,
    WorkspaceError,
    found,
    prefixed,
    raise_if,
)
from bpa_desktop.workspace.rota_versions import write_version

# Shifts last at most 7 days, so one that starts this long before a day may still reach it.
LONGEST_SHIFT = timedelta(days=8)


class Rota:
    def __init__(self, db: Database) -> None:
        self._db = db

    # --- shift templates (vaktkoder) and planned shifts --------------------------------

    def list_shift_templates(self, arrangement_id: int) -> list[ShiftTemplate]:
        with self._db.read() as uow:
            return [repo.template_to_core(r) for r in queries.template_rows(uow.session, arrangement_id)]

    def save_shift_template(self, arrangement_id: int, template: ShiftTemplate) -> ShiftTemplate:
        template = replace(template, code=template.code.strip())
        raise_if(validation.shift_template_errors(template))
        with self._db.write() as uow:
            arrangement_row(uow, arrangement_id)
            if template.id is None:
                row = ShiftTemplateRow(arrangement_id=arrangement_id)
            else:
                row = found(uow.get(ShiftTemplateRow, template.id), Message("entity_shift_code"), template.id)
                if row.arrangement_id != arrangement_id:
                    raise NotFoundError(Message("entity_shift_code"), template.id)
            if queries.taken(uow.session, ShiftTemplateRow.code, template.code, arrangement_id, template.id):
                raise ValidationError({"code": message("template_code_taken", code=template.code)})
            changed = repo.fill_template(row, template)
            action = "create" if template.id is None else "update"
            uow.add_audited(row, action, "shift_template", arrangement_id, ",".join(changed))
            return repo.template_to_core(row)

    def list_planned_shifts(self, arrangement_id: int, start: date, end: date) -> list[Shift]:
        with self._db.read() as uow:
            rows = repo.shifts_starting_between(uow.session, PlannedShiftRow, arrangement_id, start, end)
            return [repo.planned_to_core(r) for r in rows]

    # --- rota versions -----------------------------------------------------------------

    def save_rota(
        self,
        arrangement_id: int,
        name: str,
        weeks: int,
        start: date,
        end: date,
        cells: Mapping[tuple[int, int, int], str],
    ) -> int:
        """Store a new rota version and roll it out into planned shifts for ``start``..``end``.

        ``cells`` maps (assistant id, week index, weekday 0=Mon) to a template code; week 0
        starts at ``start``. The planned shifts that start in the period become the roll-out
        with every stored single-occurrence change re-applied; an assistant gets no shifts
        outside their employment dates. Shifts already registered as worked or not worked,
        and shifts in attested timesheet periods, are left as they are.
        """
        with self._db.write() as uow:
            version = write_version(uow, arrangement_id, name, weeks, start, end, cells)
            written = version.written
            uow.audit(
                "create", "rota", version.rota_id, arrangement_id,
                f"weeks={weeks} planned_shifts={version.planned} kept={written.kept} "
                f"inserted={written.inserted} deleted={written.deleted} frozen={len(written.blocked)}",
            )
            return version.rota_id

    def current_rota(self, arrangement_id: int) -> RotaPlan | None:
        """The latest saved version, with its cells."""
        with self._db.read() as uow:
            rows = rr.rota_rows(uow.session, arrangement_id)
            return rr.rota_to_core(rows[-1], len(rows)) if rows else None

    def list_rota_versions(self, arrangement_id: int) -> list[RotaPlan]:
        """Every saved version, newest first, without cells (get_rota has them)."""
        with self._db.read() as uow:
            rows = rr.rota_rows(uow.session, arrangement_id)
            return [
                rr.rota_to_core(row, version, with_cells=False)
                for version, row in reversed(list(enumerate(rows, start=1)))
            ]

    def get_rota(self, rota_id: int) -> RotaPlan:
        with self._db.read() as uow:
            row = found(rr.rota_with_cells(uow.session, rota_id), Message("entity_rota"), rota_id)
            return rr.rota_to_core(row, rr.version_of(uow.session, row))

    # --- single-occurrence changes -----------------------------------------------------

    def change_planned_shift(
        self,
        arrangement_id: int,
        shift_id: str,
        *,
        kind: RotaChangeKind | str,
        reason: str,
        other_assistant_id: int | None = None,
        other_shift_id: str | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
    ) -> list[Shift]:
        """Change one planned occurrence (not the pattern), with a reason; the change is
        stored and re-applied when a rota is rolled out again.

        ``swap`` exchanges the assistants of ``shift_id`` and ``other_shift_id``;
        ``substitute`` gives the shift to ``other_assistant_id``; ``cancel`` removes it;
        ``change_times`` gives it new ``start`` and ``end``. Returns the changed shifts as
        they are now (none for a cancel). Raises TimesheetLockedError inside an attested
        period, and ValidationError for a shift already registered as worked or not worked.
        ``ws.undoable.change_shift`` is the same use case with what undo needs.
        """
        with self._db.write() as uow:
            return plan_changes.change_occurrence(
                uow, arrangement_id, shift_id, kind=kind, reason=reason, other_assistant_id=other_assistant_id,
                other_shift_id=other_shift_id, start=start, end=end,
            ).value

    def add_extra_planned_shift(self, arrangement_id: int, shift: Shift, reason: str) -> Shift:
        """Plan an extra shift outside the pattern (kind EXTRA), with a reason. It is kept
        when a rota is rolled out again."""
        with self._db.write() as uow:
            return plan_changes.add_extra(uow, arrangement_id, shift, reason).after[0]

    def list_rota_overrides(self, arrangement_id: int, start: date, end: date) -> list[RotaChange]:
        """The stored changes of occurrences on ``start``..``end``, in the order they were
        made, each with the planned shifts it touches now (for the calendar view)."""
        with self._db.read() as uow:
            changes = [rr.change_to_core(r) for r in rr.change_rows(uow.session, arrangement_id, start, end)]
            keys = {k for c in changes for k in (c.occurrence, c.other_occurrence) if k}
            current = rr.shift_ids_by_occurrence(uow.session, arrangement_id, keys)
            return [
                replace(
                    c,
                    shift_ids=tuple(
                        current[k] for k in (c.occurrence, c.other_occurrence) if k in current
                    ),
                )
                for c in changes
            ]

    def replace_planned_shifts(
        self, arrangement_id: int, start: date, end: date, shifts: Sequence[Shift], reason: str
    ) -> PlanWrite:
        """Make the planned shifts starting on ``start``..``end`` exactly ``shifts`` (e.g. an
        imported rota file). All or nothing: refuses (ValidationError) when a shift is
        invalid or names an unknown assistant or code, and when frozen shifts (registered,
        or in an attested period) would have to change."""
        errors: dict[str, str] = {}
        for index, shift in enumerate(shifts):
            errors.update(prefixed(f"shifts[{index}]", shift_errors(shift)))
        if end < start:
            errors["end"] = message("end_before_start_date")
        raise_if(errors)
        with self._db.write() as uow:
            arrangement_row(uow, arrangement_id)
            refuse_foreign_assistants(uow, arrangement_id, {int(s.assistant) for s in shifts})
            codes = queries.template_codes(uow.session, arrangement_id)
            unknown = sorted({s.code for s in shifts if s.code is not None} - codes)
            if unknown:
                raise ValidationError({"code": message("rota_unknown_code", codes=", ".join(unknown))})
            keyed = [
                replace(s, id=occurrence_key(s.assistant, cal.to_local(s.start).date(), s.code))
                for s in shifts
            ]
            written = rr.write_plan(
                uow.session, arrangement_id, start, end, keyed, None, adopt_occurrences=True
            )
            if written.blocked:
                raise ValidationError({"shifts": message("rota_plan_blocked", count=len(written.blocked))})
            uow.audit(
                "replace", "planned_shift", None, arrangement_id,
                f"{reason} kept={written.kept} inserted={written.inserted} deleted={written.deleted}",
            )
            return written

    # --- approvals ---------------------------------------------------------------------

    def record_rota_approval(self, approval: RotaApproval) -> RotaApproval:
        """Record that someone has seen (and perhaps approved) a rota version. The same
        person for the same version updates their row; approving implies having seen."""
        errors: dict[str, str] = {}
        try:
            role = ApprovalRole(approval.role)
        except ValueError:
            role = None
            errors["role"] = message("approval_role")
        if role is ApprovalRole.ASSISTANT and approval.assistant_id is None:
            errors["assistant_id"] = message("approval_assistant_required")
        if role not in (None, ApprovalRole.ASSISTANT) and not approval.who.strip():
            errors["who"] = message("required")
        seen_on = approval.seen_on or approval.approved_on
        if approval.approved_on and seen_on and approval.approved_on < seen_on:
            errors["approved_on"] = message("approval_before_seen")
        raise_if(errors)
        approval = replace(
            approval,
            role=role,
            seen_on=seen_on,
            assistant_id=approval.assistant_id if role is ApprovalRole.ASSISTANT else None,
        )
        with self._db.write() as uow:
            rota = found(uow.get(RotaRow, approval.rota_id), Message("entity_rota"), approval.rota_id)
            if role is ApprovalRole.ASSISTANT:
                refuse_foreign_assistants(uow, rota.arrangement_id, [approval.assistant_id], "assistant_id")
            row = rr.matching_approval(uow.session, approval)
            if row is not None and row.rota_id != approval.rota_id:
                raise NotFoundError(Message("entity_approval"), approval.id)
            action = "update" if row is not None else "create"
            if row is None:
                row = RotaApprovalRow()
                uow.session.add(row)
            rr.fill_approval(row, approval)
            uow.flush()
            uow.audit(
                action, "rota_approval", row.id, rota.arrangement_id,
                f"rota={rota.id} role={role.value} seen={row.seen_on is not None} "
                f"approved={row.approved_on is not None}",
            )
            return rr.approval_to_core(row)

    # --- need pattern and coverage ---------------------------------------------------

    def get_need_pattern(self, arrangement_id: int) -> list[NeedBlock]:
        with self._db.read() as uow:
            return [rr.need_to_core(r) for r in rr.need_rows(uow.session, arrangement_id)]

    def save_need_pattern(self, arrangement_id: int, blocks: Sequence[NeedBlock]) -> list[NeedBlock]:
        """Replace the recipient's weekly need pattern."""
        errors: dict[str, str] = {}
        for index, block in enumerate(blocks):
            prefix = f"blocks[{index}]"
            if not 0 <= block.weekday <= 6:
                errors[f"{prefix}.weekday"] = message("need_weekday_range")
            for field_name in ("start", "end"):
                try:
                    cal.parse_hhmm(getattr(block, field_name))
                except ValueError:
                    errors[f"{prefix}.{field_name}"] = message("clock_time_format")
            if block.staff < 1:
                errors[f"{prefix}.staff"] = message("need_staff_min")
        raise_if(errors)
        with self._db.write() as uow:
            arrangement_row(uow, arrangement_id)
            rr.replace_need(uow.session, arrangement_id, blocks)
            uow.audit("update", "need_pattern", None, arrangement_id, f"blocks={len(blocks)}")
            return [rr.need_to_core(r) for r in rr.need_rows(uow.session, arrangement_id)]

    def coverage_gaps(self, arrangement_id: int, start: date, end: date) -> list[CoverageGap]:
        """Where the planned shifts do not cover the need pattern on ``start``..``end``."""
        need = self.get_need_pattern(arrangement_id)
        if not need:
            return []
        shifts = self.list_planned_shifts(arrangement_id, start - LONGEST_SHIFT, end)
        return coverage_gaps(need, shifts, start, end)



    # --- a vikar covers a shift; a rota file replaces the plan --------------------------

    def cover_shift(self, arrangement_id: int, shift_id: str, substitute_id: int, reason: str) -> Shift:
        """A substitute (vikar) takes over one planned shift: the one way to say "vikar
        covers", from the Turnus calendar and from a timesheet alike. Stored as a
        single-occurrence change (kind ``substitute``) with its reason, so it survives a new
        rota version and the shift moves to the substitute's timesheet and calendar."""
        (covered,) = self.change_planned_shift(
            arrangement_id, shift_id, kind=RotaChangeKind.SUBSTITUTE, reason=reason,
            other_assistant_id=substitute_id,
        )
        return covered

    def import_shift_file(self, arrangement_id: int, text: str) -> ImportResult:
        """Replace the planned shifts of the file's period with the file's shifts (all or
        nothing). Raises RotaFileError with the reason; nothing is written then."""
        with self._db.read() as uow:
            arrangement = repo.arrangement_to_core(arrangement_row(uow, arrangement_id))
            assistants = [repo.assistant_to_core(r) for r in queries.assistant_rows(uow.session, arrangement_id)]
            codes = queries.template_codes(uow.session, arrangement_id)
        parsed = parse_import(text, assistants, codes)
        try:
            written = self.replace_planned_shifts(arrangement_id, parsed.start, parsed.end, parsed.shifts, "import")
        except WorkspaceError as error:
            details = getattr(error, "errors", None)
            raise RotaFileError("; ".join(details.values()) if details else str(error)) from None
        return ImportResult(
            parsed.start, parsed.end, len(parsed.shifts), written.kept, written.inserted, written.deleted,
            agreement_differs=parsed.names_agreement and parsed.agreement != arrangement.agreement,
        )

