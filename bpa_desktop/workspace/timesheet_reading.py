"""Reading a timesheet inside a unit of work: the arrangement's pay profile, the pay period
of a day, the version to act on, and what one version shows (``TimesheetDetail``).

Shared by ``ws.timesheets``, ``ws.reports`` and ``ws.exports``. An attested version is read
from its stored content, never from today's records.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from bpa_desktop.core import normal_time
from bpa_desktop.core.employer_period import employer_days
from bpa_desktop.core.model import Agreement, Shift
from bpa_desktop.core.pay import PayProfile, ProfileError, load_profile
from bpa_desktop.core.pay_period import PayPeriod, pay_period
from bpa_desktop.core.pay_settings import PaySettings, customised_profile
from bpa_desktop.core.timesheet import TimesheetDetail, build_rows, counted_shifts
from bpa_desktop.core.timesheet_pay import rows_pay, stored_rows_pay, with_absence_pay
from bpa_desktop.core.timesheet_lifecycle import is_locked
from bpa_desktop.i18n import get_language, message
from bpa_desktop.message import Message
from bpa_desktop.storage import attested
from bpa_desktop.storage import timesheet_repository as tr
from bpa_desktop.storage.schema import ArrangementRow, AssistantRow, TimesheetRow
from bpa_desktop.storage.unit_of_work import UnitOfWork
from bpa_desktop.workspace.errors import WorkspaceError, found


@lru_cache(maxsize=None)
def shipped_profile(name: str) -> PayProfile:
    return load_profile(name)  # frozen, so one copy can be shared


def profile(uow: UnitOfWork, arrangement: ArrangementRow) -> tuple[PayProfile, PaySettings]:
    """The arrangement's pay-code profile with its own codes and rates applied."""
    settings = tr.load_pay_settings(uow.session, arrangement.id)
    return customised_profile(shipped_profile(arrangement.pay_profile), settings), settings


def period_of(uow: UnitOfWork, arrangement_id: int, day: date) -> PayPeriod:
    return pay_period(day, tr.load_pay_settings(uow.session, arrangement_id).period_start_day)


def latest_for_write(uow: UnitOfWork, timesheet_id: int) -> tuple[TimesheetRow, AssistantRow, PayPeriod]:
    """The version to act on, which must be the newest of its period."""
    row = found(uow.get(TimesheetRow, timesheet_id), Message("entity_timesheet"), timesheet_id)
    period = PayPeriod(row.period_start, row.period_end)
    newest = tr.latest(uow.session, row.assistant_id, row.period_start)
    if newest.id != row.id:
        raise WorkspaceError(
            message("timesheet_not_latest", period=period.label(get_language()), version=newest.version)
        )
    return row, uow.get(AssistantRow, row.assistant_id), period


def detail(uow: UnitOfWork, assistant: AssistantRow, period: PayPeriod, row: TimesheetRow | None) -> TimesheetDetail:
    """Rows, absences and pay lines of one version (or of a preview when ``row`` is None)."""
    session = uow.session
    versions = tuple(tr.timesheet_to_core(v) for v in tr.versions(session, assistant.id, period.start))
    timesheet = tr.timesheet_to_core(row) if row is not None else None
    arrangement = uow.get(ArrangementRow, assistant.arrangement_id)
    pay_profile, settings = profile(uow, arrangement)
    if row is not None and is_locked(row.status):
        stored = attested.attested_content(session, row)  # refuses content changed since attesting
        if stored.profile_name != pay_profile.name:
            try:  # the hours are worked out again under the profile the sheet was attested with
                pay_profile = customised_profile(shipped_profile(stored.profile_name), settings)
            except ProfileError:
                pass
        rows = stored_rows_pay(stored.rows, pay_profile, stored.overtime, nominal=stored.nominal)
        return TimesheetDetail(
            assistant.id, period, rows, stored.absences, stored.pay_lines, timesheet, versions, stored=True,
            overtime=stored.overtime,
        )
    records = tr.period_records(session, assistant.id, period)
    rows = build_rows(
        period, records.planned, records.worked, records.not_worked, records.absences,
        settled_plan_ids=records.settled_plan_ids,
        use_plan=not tr.ever_locked(session, assistant.id, period.start),
        nominal=pay_profile.nominal_clock_hours, covered=records.covered, covers=records.covers,
    )
    if records.absences:
        rows = with_absence_pay(rows, records.absences, pay_profile.absence,
                                employer_days_of(uow, assistant, period, pay_profile))
    pay = rows_pay_with_context(uow, arrangement, assistant, period, rows, pay_profile)
    return TimesheetDetail(
        assistant.id, period, pay.rows, tuple(records.absences),
        pay.lines, timesheet, versions, overtime=pay.overtime,
    )


def employer_days_of(uow: UnitOfWork, assistant: AssistantRow, period: PayPeriod, pay_profile: PayProfile):
    """The assistant's sick days the employer pays, numbered in their employer periods,
    counted over every earlier month (core.employer_period)."""
    sick = tr.sick_absences_until(uow.session, assistant.id, period.end)
    if not sick:
        return {}
    first = min(a.start for a in sick)
    rules = pay_profile.absence
    return employer_days(sick, tr.shift_days(uow.session, assistant.id, first, period.end),
                         length=rules.employer_period_days, employed_from=assistant.start_date,
                         qualifying_days=rules.qualifying_days)


def rows_pay_with_context(uow: UnitOfWork, arrangement: ArrangementRow, assistant: AssistantRow, period: PayPeriod,
                          rows, pay_profile: PayProfile):
    """Pay of a period's rows with the overtime found in them: the assistant's worked
    record since the start of the week (``aml``) or averaging window that holds the
    period's first day uses up normal time too (core.normal_time)."""
    session = uow.session
    agreement = Agreement(arrangement.agreement)
    first_day = tr.first_shift_day(session, arrangement.id)
    if first_day is None:
        return rows_pay(rows, pay_profile, agreement=agreement)
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
            settled_plan_ids=records.settled_plan_ids, nominal=pay_profile.nominal_clock_hours,
        ))
    return rows_pay(rows, pay_profile, agreement=agreement, context=context, anchor=anchor)
