"""Words for the values people see, once for the UI, PDFs and the CLI: timesheet statuses,
absence kinds, how a timesheet row differs from the plan, pay windows (labels.* in the
catalogue). Looked up when called, so they follow the current language."""

from __future__ import annotations

from bpa_desktop.core.model import AbsenceKind, TimesheetStatus
from bpa_desktop.i18n import t


def status_label(status: TimesheetStatus | str | None, long: bool = False) -> str:
    """"Attestert"; long: "Attestert av arbeidsleder" (the PDF's status line)."""
    if status is None:
        return t("labels.status.not_started")
    status = TimesheetStatus(status)
    if long:
        return {
            TimesheetStatus.DRAFT: t("labels.status_long.draft"),
            TimesheetStatus.CONFIRMED: t("labels.status_long.confirmed"),
            TimesheetStatus.ATTESTED: t("labels.status_long.attested"),
            TimesheetStatus.SUBMITTED: t("labels.status_long.submitted"),
            TimesheetStatus.ACCEPTED: t("labels.status_long.accepted"),
            TimesheetStatus.REJECTED: t("labels.status_long.rejected"),
        }[status]
    return {
        TimesheetStatus.DRAFT: t("labels.status.draft"),
        TimesheetStatus.CONFIRMED: t("labels.status.confirmed"),
        TimesheetStatus.ATTESTED: t("labels.status.attested"),
        TimesheetStatus.SUBMITTED: t("labels.status.submitted"),
        TimesheetStatus.ACCEPTED: t("labels.status.accepted"),
        TimesheetStatus.REJECTED: t("labels.status.rejected"),
    }[status]


def status_in_sentence(status: TimesheetStatus | str) -> str:
    """"the timesheet is {status}": "et utkast" / "a draft", "attestert" / "attested"."""
    return {
        TimesheetStatus.DRAFT: t("labels.status_in_sentence.draft"),
        TimesheetStatus.CONFIRMED: t("labels.status_in_sentence.confirmed"),
        TimesheetStatus.ATTESTED: t("labels.status_in_sentence.attested"),
        TimesheetStatus.SUBMITTED: t("labels.status_in_sentence.submitted"),
        TimesheetStatus.ACCEPTED: t("labels.status_in_sentence.accepted"),
        TimesheetStatus.REJECTED: t("labels.status_in_sentence.rejected"),
    }[TimesheetStatus(status)]


def absence_label(kind: AbsenceKind | str, long: bool = False) -> str:
    """"Egenmelding" / "Self-certified"; long: "Self-certified sick leave (egenmelding)".
    A value that is no kind (free text) is shown as it is."""
    try:
        kind = AbsenceKind(kind)
    except ValueError:
        return str(kind)
    if long:
        return {
            AbsenceKind.SELF_CERTIFIED: t("labels.absence_long.self_certified"),
            AbsenceKind.SICK_NOTE: t("labels.absence_long.sick_note"),
            AbsenceKind.HOLIDAY: t("labels.absence_long.holiday"),
            AbsenceKind.LEAVE: t("labels.absence_long.leave"),
            AbsenceKind.CHILD_SICK: t("labels.absence_long.child_sick"),
        }[kind]
    return {
        AbsenceKind.SELF_CERTIFIED: t("labels.absence.self_certified"),
        AbsenceKind.SICK_NOTE: t("labels.absence.sick_note"),
        AbsenceKind.HOLIDAY: t("labels.absence.holiday"),
        AbsenceKind.LEAVE: t("labels.absence.leave"),
        AbsenceKind.CHILD_SICK: t("labels.absence.child_sick"),
    }[kind]


def row_status_label(status: str) -> str:
    """A timesheet row (core.timesheet.RowStatus values): worked, planned, cancelled, absent,
    covered (absent, and a vikar works the shift)."""
    return {
        "worked": t("labels.row_status.worked"),
        "planned": t("labels.row_status.planned"),
        "cancelled": t("labels.row_status.cancelled"),
        "absent": t("labels.row_status.absent"),
        "covered": t("labels.row_status.covered"),
    }[str(getattr(status, "value", status))]


def deviation_label(deviation: str) -> str:
    """How a row differs from the plan (core.timesheet.TimesheetRow.deviations)."""
    return {
        "extra": t("labels.deviation.extra"),
        "overtime": t("labels.deviation.overtime"),
        "swap": t("labels.deviation.swap"),
        "substitute": t("labels.deviation.substitute"),
        "changed_times": t("labels.deviation.changed_times"),
        "passive_active": t("labels.deviation.passive_active"),
        "not_worked": t("labels.deviation.not_worked"),
        "absence": t("labels.deviation.absence"),
        "covered": t("labels.deviation.covered"),
    }[deviation]


DEVIATIONS = ("extra", "overtime", "swap", "substitute", "changed_times", "passive_active", "not_worked", "absence")


def window_label(window: str) -> str:
    """A pay supplement window: evening, night, saturday, sunday, holiday."""
    return {
        "evening": t("labels.window.evening"),
        "night": t("labels.window.night"),
        "saturday": t("labels.window.saturday"),
        "sunday": t("labels.window.sunday"),
        "holiday": t("labels.window.holiday"),
    }[window]
