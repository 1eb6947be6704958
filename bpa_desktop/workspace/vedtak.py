"""``ws.vedtak``: the municipality's decisions (hours granted per week, for a period).

A new vedtak ends an open-ended earlier one the day before it starts (history is kept); any
other overlap is refused.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from bpa_desktop import validation
from bpa_desktop.core.budget import AccountStart
from bpa_desktop.core.model import Vedtak
from bpa_desktop.i18n import message
from bpa_desktop.message import Message
from bpa_desktop.storage import queries
from bpa_desktop.storage import repository as repo
from bpa_desktop.storage.schema import HourAccountStartRow, VedtakRow
from bpa_desktop.storage.unit_of_work import Database, UnitOfWork
from bpa_desktop.workspace.checks import arrangement as arrangement_row
from bpa_desktop.workspace.errors import ValidationError, found, raise_if


class VedtakArea:
    def __init__(self, db: Database) -> None:
        self._db = db

    def list_vedtak(self, arrangement_id: int) -> list[Vedtak]:
        """Newest first."""
        with self._db.read() as uow:
            return [repo.vedtak_to_core(r) for r in queries.vedtak_rows(uow.session, arrangement_id)]

    def current_vedtak(self, arrangement_id: int, on: date) -> Vedtak | None:
        with self._db.read() as uow:
            row = queries.vedtak_on(uow.session, arrangement_id, on)
            return repo.vedtak_to_core(row) if row else None

    def add_vedtak(self, vedtak: Vedtak) -> Vedtak:
        """Add a vedtak. An open-ended earlier vedtak is ended the day before it starts
        (that is how a change works: history is kept); any other overlap is refused."""
        raise_if(validation.vedtak_errors(vedtak))
        with self._db.write() as uow:
            arrangement_row(uow, vedtak.arrangement_id)
            for other in queries.overlapping_vedtak(uow.session, vedtak):
                if other.valid_to is None and other.valid_from < vedtak.valid_from:
                    other.valid_to = date.fromordinal(vedtak.valid_from.toordinal() - 1)
                    uow.audit("end", "vedtak", other.id, other.arrangement_id, "superseded")
            _refuse_overlap(uow, vedtak)
            row = VedtakRow(arrangement_id=vedtak.arrangement_id, created_at=repo.utc_now())
            repo.fill_vedtak(row, vedtak)
            uow.add_audited(row, "create", "vedtak", row.arrangement_id, f"hours_per_week={row.hours_per_week:g}")
            return repo.vedtak_to_core(row)

    def update_vedtak(self, vedtak: Vedtak) -> Vedtak:
        raise_if(validation.vedtak_errors(vedtak))
        with self._db.write() as uow:
            row = found(uow.get(VedtakRow, vedtak.id), Message("entity_vedtak"), vedtak.id)
            vedtak = replace(vedtak, arrangement_id=row.arrangement_id)
            _refuse_overlap(uow, vedtak)
            changed = repo.fill_vedtak(row, vedtak)
            uow.audit("update", "vedtak", row.id, row.arrangement_id, ",".join(changed))
            return repo.vedtak_to_core(row)

    def end_vedtak(self, vedtak_id: int, valid_to: date) -> Vedtak:
        with self._db.read() as uow:
            current = repo.vedtak_to_core(found(uow.get(VedtakRow, vedtak_id), Message("entity_vedtak"), vedtak_id))
        return self.update_vedtak(replace(current, valid_to=valid_to))


    # --- where the hour account begins -----------------------------------------------

    def account_start(self, arrangement_id: int) -> AccountStart | None:
        """The day the arrangement's records begin and the hours used of that year before it."""
        with self._db.read() as uow:
            arrangement_row(uow, arrangement_id)
            row = uow.get(HourAccountStartRow, arrangement_id)
            return AccountStart(arrangement_id, row.start_date, row.opening_hours) if row else None

    def set_account_start(self, start: AccountStart) -> AccountStart:
        """Store (or replace) where the hour account begins."""
        if not -MAX_OPENING_HOURS <= start.opening_hours <= MAX_OPENING_HOURS:
            raise ValidationError({"opening_hours": message("opening_hours_range", limit=MAX_OPENING_HOURS)})
        with self._db.write() as uow:
            arrangement_row(uow, start.arrangement_id)
            row = uow.get(HourAccountStartRow, start.arrangement_id)
            if row is None:
                row = HourAccountStartRow(arrangement_id=start.arrangement_id)
                uow.session.add(row)
            row.start_date, row.opening_hours, row.updated_at = start.start_date, start.opening_hours, repo.utc_now()
            uow.audit("update", "hour_account_start", start.arrangement_id, start.arrangement_id,
                      f"start={start.start_date.isoformat()} hours={start.opening_hours:g}")
            return AccountStart(start.arrangement_id, row.start_date, row.opening_hours)


MAX_OPENING_HOURS = 168 * 53  # more than a year's hours at the highest grant


def _refuse_overlap(uow: UnitOfWork, vedtak: Vedtak) -> None:
    uow.flush()
    overlapping = queries.overlapping_vedtak(uow.session, vedtak)
    if overlapping:
        other = overlapping[0]
        period = validation.format_period(other.valid_from, other.valid_to)
        raise ValidationError({"valid_from": message("vedtak_overlap", period=period)})
