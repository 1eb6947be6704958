"""``ws.planner``: turnus proposals and "Finn vikar" over the database.

* ``problem(arrangement_id, start, end=…, weeks=…, band=…, weights=…, locked=…)`` reads the
  arrangement into a ``planner.PlanProblem`` (the CLI's ``bpa plan --db`` and the Turnus page
  share it): assistants employed through the period, templates, need, vedtak, agreement, and
  each assistant's whole-day absences as unavailable dates.
* ``apply_proposal`` stores a proposal as ONE transaction: a new rota version rolled out over
  the period and the proposal's substitutes as stored changes (kind ``substitute``), audited.
  It returns a receipt; ``undo_proposal(receipt)`` puts back the version and the planned
  shifts that were there, in one transaction, audited ``undo``.
* ``find_vikar`` ranks who can take a planned shift (someone sick) or a gap in the need;
  ``give_to_vikar`` gives it to the chosen one with the reason: a planned shift through
  ``ws.rota.cover_shift``, a gap as an extra shift, so every vikar cover is a stored change.

Built on first use (``Workspace.planner``): OR-Tools loads when someone plans.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from bpa_desktop.core import calendar as cal
from bpa_desktop.core.model import RotaChange, RotaChangeKind, RotaPlan, Shift
from bpa_desktop.core.rota import template_shift
from bpa_desktop.core.rota_changes import occurrence_key
from bpa_desktop.i18n import message
from bpa_desktop.planner import (
    ContractBand,
    PlanAssistant,
    PlanProblem,
    Proposal,
    VikarSearch,
    Weights,
    find_vikar,
)
from bpa_desktop.storage import rota_repository as rr
from bpa_desktop.storage.unit_of_work import Database
from bpa_desktop.workspace.errors import ValidationError, WorkspaceError
from bpa_desktop.workspace.rota_versions import write_version

MAX_WEEKS_AHEAD = 52
VIKAR_REACH = timedelta(weeks=27)  # what find_vikar looks at around the gap


@dataclass(frozen=True)
class ProposalApplied:
    """What ``undo_proposal`` needs: the version written, the changes it added, and the
    version and planned shifts (occurrence-keyed) that were there before."""

    arrangement_id: int
    rota_id: int
    change_ids: tuple[int, ...]
    start: date
    end: date
    previous: RotaPlan | None
    before: tuple[Shift, ...]


class Planning:
    def __init__(self, db: Database, people, vedtak, rota, timesheets) -> None:
        self._db = db
        self._people = people
        self._vedtak = vedtak
        self._rota = rota
        self._timesheets = timesheets

    # --- the problem ----------------------------------------------------------------------

    def period_end(self, arrangement_id: int, start: date) -> date:
        """The end of the vedtak in force at ``start``, 52 weeks at most."""
        in_force = self._vedtak.current_vedtak(arrangement_id, start)
        last = start + timedelta(weeks=MAX_WEEKS_AHEAD, days=-1)
        return min(in_force.valid_to, last) if in_force is not None and in_force.valid_to else last

    def problem(
        self,
        arrangement_id: int,
        start: date,
        *,
        end: date | None = None,
        weeks: int | None = None,
        band: ContractBand = ContractBand(),
        weights: Weights = Weights(),
        locked: Mapping[tuple[int, int, int], str | None] | None = None,
    ) -> PlanProblem:
        """The arrangement as a planning problem over ``start``..``end`` (default: to the end
        of the vedtak in force, 52 weeks at most). ``locked`` cells are keyed by assistant id
        as the pattern grid has them."""
        arrangement = self._people.get_arrangement(arrangement_id)
        end = end or self.period_end(arrangement_id, start)
        current = self._rota.current_rota(arrangement_id)
        away: dict[int, set[date]] = {}
        for absence in self._timesheets.list_absences(arrangement_id, start, end):
            if absence.percent >= 100:
                days = cal.days(max(absence.start, start), min(absence.end, end))
                away.setdefault(absence.assistant_id, set()).update(days)
        assistants = tuple(
            PlanAssistant(str(a.id), a.name, a.employment_percent, a.kind,
                          unavailable_dates=frozenset(away.get(a.id, ())))
            for a in self._people.list_assistants(arrangement_id, include_ended=False)
            if a.active_on(start) and (a.end_date is None or a.end_date >= end)
        )
        ids = {a.id for a in assistants}
        return PlanProblem(
            templates=tuple(self._rota.list_shift_templates(arrangement_id)),
            need=tuple(self._rota.get_need_pattern(arrangement_id)),
            assistants=assistants,
            start=start,
            end=end,
            weeks=weeks or (current.weeks if current is not None and current.weeks <= 8 else 4),
            agreement=arrangement.agreement,
            vedtak=tuple(self._vedtak.list_vedtak(arrangement_id)),
            locked={(str(a), w, d): code for (a, w, d), code in (locked or {}).items() if str(a) in ids},
            band=band,
            weights=weights,
        )

    # --- applying a proposal --------------------------------------------------------------

    def apply_proposal(self, arrangement_id: int, proposal: Proposal, *, name: str,
                       start: date, end: date) -> ProposalApplied:
        """Store the proposal as a new rota version over ``start``..``end`` (week 0 of its
        pattern starts at ``start``) with its substitutes, in one transaction."""
        if proposal.anchor != start:
            raise ValidationError({"start": message("plan_apply_other_start")})
        cells = {(int(a), w, d): code for (a, w, d), code in proposal.pattern.cells.items()}
        changes = []
        for override in proposal.substitutes:
            absent, day, code = override.shift_id.split(":")
            changes.append(RotaChange(
                id=0, arrangement_id=arrangement_id, kind=RotaChangeKind.SUBSTITUTE,
                reason=override.reason, occurrence=occurrence_key(absent, date.fromisoformat(day), code),
                day=date.fromisoformat(day), assistant_id=int(override.assistant),
            ))
        with self._db.write() as uow:
            rows = rr.rota_rows(uow.session, arrangement_id)
            previous = rr.rota_to_core(rows[-1], len(rows)) if rows else None
            before = tuple(rr.as_occurrence(r) for r in rr.planned_rows_between(uow.session, arrangement_id, start, end))
            version = write_version(uow, arrangement_id, name, proposal.pattern.weeks, start, end, cells, changes)
            written = version.written
            uow.audit(
                "create", "rota", version.rota_id, arrangement_id,
                f"proposal weeks={proposal.pattern.weeks} substitutes={len(changes)} "
                f"objective={proposal.objective} planned_shifts={version.planned} kept={written.kept} "
                f"inserted={written.inserted} deleted={written.deleted} frozen={len(written.blocked)}",
            )
            return ProposalApplied(arrangement_id, version.rota_id, version.change_ids, start, end, previous, before)

    def undo_proposal(self, applied: ProposalApplied) -> int | None:
        """Take back what ``apply_proposal`` did, in one transaction: its changes and its
        version are deleted (the audit log keeps both entries), so the version before is the
        current one again, and the planned shifts of the period are put back as they were.
        Refused when the rota was saved again since, or someone has approved the proposal.
        Returns the id of the version that is current again (None: there was none)."""
        arrangement_id = applied.arrangement_id
        with self._db.write() as uow:
            if rr.latest_rota_id(uow.session, arrangement_id) != applied.rota_id:
                raise WorkspaceError(message("plan_undo_changed_since"))
            if rr.approval_rows(uow.session, applied.rota_id):
                raise WorkspaceError(message("plan_undo_approved"))
            rr.remove_changes(uow.session, arrangement_id, applied.change_ids)
            rr.remove_rota(uow.session, applied.rota_id)
            previous = applied.previous.id if applied.previous is not None else None
            written = rr.write_plan(uow.session, arrangement_id, applied.start, applied.end,
                                    applied.before, previous)
            uow.audit(
                "undo", "rota", applied.rota_id, arrangement_id,
                f"proposal current={previous} changes={len(applied.change_ids)} kept={written.kept} "
                f"inserted={written.inserted} deleted={written.deleted} frozen={len(written.blocked)}",
            )
            return previous

    # --- Finn vikar -----------------------------------------------------------------------

    def need_gaps(self, arrangement_id: int, day: date) -> list[Shift]:
        """The shifts that would fill the need nobody is planned for on ``day`` (a cancelled
        shift, an uncovered evening): per coverage gap, the template that covers most of it
        with the least time beyond it; assistant "" (nobody has it yet)."""
        templates = self._rota.list_shift_templates(arrangement_id)
        found: dict[str, Shift] = {}
        for gap in self._rota.coverage_gaps(arrangement_id, day, day):
            lower, upper = gap.start.timestamp(), gap.end.timestamp()

            def fit(template):
                shift = template_shift(template, "", day)
                a, b = shift.start.timestamp(), shift.end.timestamp()
                covered = max(0.0, min(b, upper) - max(a, lower))
                return (covered, -(b - a - covered)), shift

            if not templates:
                break
            (covered, _), best = max((fit(t) for t in templates), key=lambda pair: pair[0])
            if covered > 0:
                found.setdefault(best.code, best)
        return sorted(found.values(), key=lambda s: s.start.timestamp())

    def find_vikar(self, arrangement_id: int, gap: Shift) -> VikarSearch:
        """Who can take ``gap`` with no new error, best first (``planner.find_vikar``), among
        the assistants employed that day; whole-day absences make someone unavailable."""
        day = cal.to_local(gap.start).date()
        arrangement = self._people.get_arrangement(arrangement_id)
        away: dict[int, set[date]] = {}
        for absence in self._timesheets.list_absences(arrangement_id, day, day):
            if absence.percent >= 100:
                away.setdefault(absence.assistant_id, set()).add(day)
        assistants = [
            PlanAssistant(str(a.id), a.name, a.employment_percent, a.kind,
                          unavailable_dates=frozenset(away.get(a.id, ())))
            for a in self._people.list_assistants(arrangement_id) if a.active_on(day)
        ]
        plan = self._rota.list_planned_shifts(arrangement_id, day - VIKAR_REACH, day + VIKAR_REACH)
        return find_vikar(gap, plan, assistants, arrangement.agreement)

    def give_to_vikar(self, arrangement_id: int, gap: Shift, assistant_id: int, reason: str) -> Shift:
        """Give the gap to ``assistant_id`` with ``reason``: a planned shift through
        ``ws.rota.cover_shift`` (one stored change), a gap nobody had as an extra shift."""
        if gap.id and gap.assistant:
            return self._rota.cover_shift(arrangement_id, gap.id, assistant_id, reason)
        shift = Shift(str(assistant_id), gap.start, gap.end, passive=gap.passive, code=gap.code)
        return self._rota.add_extra_planned_shift(arrangement_id, shift, reason)
