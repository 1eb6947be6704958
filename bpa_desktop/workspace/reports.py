"""``ws.reports``: figures for the Rapporter and Oversikt pages (definitions in
``core.timesheet_reports``): cost per month, absence per assistant and month, hours per month."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from bpa_desktop.core.budget import AccountStart, HourAccount, hour_account
from bpa_desktop.core.calendar import OSLO
from bpa_desktop.core.model import PayLine, Shift
from bpa_desktop.core.pay_period import period_for_month
from bpa_desktop.core.timesheet_reports import (
    AbsenceMonth,
    MonthHours,
    MonthlyCost,
    absence_month,
    month_cost,
    monthly_hours,
    paid_hours,
)
from bpa_desktop.storage import queries
from bpa_desktop.storage import repository as repo
from bpa_desktop.storage import timesheet_repository as tr
from bpa_desktop.storage.unit_of_work import Database
from bpa_desktop.workspace.checks import arrangement as arrangement_row
from bpa_desktop.workspace.people import People
from bpa_desktop.workspace.rota import Rota
from bpa_desktop.workspace.timesheet_reading import detail, profile
from bpa_desktop.workspace.timesheets import Timesheets
from bpa_desktop.workspace.vedtak import VedtakArea


@dataclass(frozen=True)
class HourAccountReading:
    """The year's hour account as Oversikt and Turnus show it, with the planned shifts in the
    past that nobody has registered (the list to fix) and where the account begins."""

    account: HourAccount
    unregistered: tuple[Shift, ...]
    start: AccountStart | None


class Reports:
    def __init__(self, db: Database, people: People, vedtak: VedtakArea, rota: Rota, timesheets: Timesheets) -> None:
        self._db = db
        self._people, self._vedtak, self._rota, self._timesheets = people, vedtak, rota, timesheets

    def hour_account(self, arrangement_id: int, today: date, year: int | None = None) -> HourAccountReading:
        """The vedtak hour account of ``year`` (default: today's) as seen on ``today``: the
        opening balance and start day from the Vedtak page, worked, planned, and planned in
        the past but not registered (core.budget)."""
        year = year or today.year
        first, last = date(year, 1, 1), date(year, 12, 31)
        start = self._vedtak.account_start(arrangement_id)
        with self._db.read() as uow:
            arrangement_row(uow, arrangement_id)
            open_rows = queries.unregistered_planned(uow.session, arrangement_id, first,
                                                     min(last, today - timedelta(days=1)))
            unregistered = tuple(repo.planned_to_core(r) for r in open_rows)
        account = hour_account(
            self._vedtak.list_vedtak(arrangement_id), year,
            self._rota.list_planned_shifts(arrangement_id, first, last),
            self._timesheets.list_worked_shifts(arrangement_id, first, min(today, last)),
            today, unregistered=unregistered, start=start,
        )
        if start is not None:
            unregistered = tuple(s for s in unregistered if s.start.astimezone(OSLO).date() >= start.start_date)
        return HourAccountReading(account, unregistered, start)

    def monthly_cost(self, arrangement_id: int, year: int) -> list[MonthlyCost]:
        """Cost of each pay period named after a month of ``year``: attested content where
        there is one, else today's record."""
        with self._db.read() as uow:
            arrangement = arrangement_row(uow, arrangement_id)
            pay_profile, settings = profile(uow, arrangement)
            assistants = queries.assistant_rows(uow.session, arrangement_id)
            costs = []
            for month in range(1, 13):
                period = period_for_month(year, month, settings.period_start_day)
                lines: list[PayLine] = []
                shifts: list[Shift] = []
                attested = True
                for assistant in assistants:
                    sheet = detail(uow, assistant, period, tr.latest(uow.session, assistant.id, period.start))
                    lines += sheet.pay_lines
                    shifts += sheet.counted_shifts
                    if sheet.rows and not sheet.stored:
                        attested = False
                costs.append(
                    month_cost(year, month, lines, paid_hours(shifts, pay_profile), pay_profile, settings,
                               attested=attested and bool(shifts))
                )
            return costs

    def absence(self, arrangement_id: int, year: int) -> list[AbsenceMonth]:
        """Absence by type and sick-leave % per assistant and calendar month of ``year``."""
        first, last = date(year, 1, 1), date(year, 12, 31)
        planned = self._rota.list_planned_shifts(arrangement_id, first, last)
        absences = self._timesheets.list_absences(arrangement_id, first, last)
        return [
            absence_month(assistant.id, year, month, planned, absences)
            for assistant in self._people.list_assistants(arrangement_id)
            for month in range(1, 13)
        ]

    def hours(self, arrangement_id: int, year: int) -> list[MonthHours]:
        """Planned vs worked vs vedtak hours per month of ``year``."""
        first, last = date(year, 1, 1), date(year, 12, 31)
        return monthly_hours(
            year,
            self._rota.list_planned_shifts(arrangement_id, first, last),
            self._timesheets.list_worked_shifts(arrangement_id, first, last),
            self._vedtak.list_vedtak(arrangement_id),
        )
