"""Words people see for timesheet statuses, absence kinds, row statuses and pay windows
(translated at call time, after the translator is installed)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from bpa_desktop.core.model import AbsenceKind, ShiftKind, TimesheetStatus
from bpa_desktop.core.timesheet import RowStatus
from bpa_desktop.i18n import message

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")



def status_labels() -> dict[TimesheetStatus, str]:
    return {
        TimesheetStatus.DRAFT: translate("TimesheetLabels", "Draft"),
        TimesheetStatus.CONFIRMED: translate("TimesheetLabels", "Confirmed"),
        TimesheetStatus.ATTESTED: translate("TimesheetLabels", "Attested"),
        TimesheetStatus.SUBMITTED: translate("TimesheetLabels", "Submitted"),
        TimesheetStatus.ACCEPTED: translate("TimesheetLabels", "Accepted"),
        TimesheetStatus.REJECTED: translate("TimesheetLabels", "Rejected"),
    }


def status_label(status: TimesheetStatus | str | None) -> str:
    if status is None:
        return translate("TimesheetLabels", "Not started")
    return status_labels()[TimesheetStatus(status)]


def absence_kind_labels() -> dict[AbsenceKind, str]:
    return {
        AbsenceKind.SELF_CERTIFIED: translate("TimesheetLabels", "Self-certified sick leave (egenmelding)"),
        AbsenceKind.SICK_NOTE: translate("TimesheetLabels", "Sick note (sykmelding)"),
        AbsenceKind.HOLIDAY: translate("TimesheetLabels", "Holiday (ferie)"),
        AbsenceKind.LEAVE: translate("TimesheetLabels", "Leave (permisjon)"),
        AbsenceKind.CHILD_SICK: translate("TimesheetLabels", "Child's illness (sykt barn)"),
    }


def absence_short(kind: AbsenceKind | str) -> str:
    short = {
        AbsenceKind.SELF_CERTIFIED: translate("TimesheetLabels", "Self-certified"),
        AbsenceKind.SICK_NOTE: translate("TimesheetLabels", "Sick note"),
        AbsenceKind.HOLIDAY: translate("TimesheetLabels", "Holiday"),
        AbsenceKind.LEAVE: translate("TimesheetLabels", "Leave"),
        AbsenceKind.CHILD_SICK: translate("TimesheetLabels", "Child's illness"),
    }
    try:
        return short[AbsenceKind(kind)]
    except ValueError:
        return str(kind)


def row_status_label(status: RowStatus) -> str:
    return {
        RowStatus.WORKED: translate("TimesheetLabels", "Worked"),
        RowStatus.PLANNED: translate("TimesheetLabels", "Planned"),
        RowStatus.CANCELLED: translate("TimesheetLabels", "Not worked"),
        RowStatus.ABSENT: translate("TimesheetLabels", "Absent"),
        RowStatus.COVERED: message("ui_row_covered"),
    }[RowStatus(status)]


def deviation_labels() -> dict[str, str]:
    """Keys of core.timesheet.DEVIATION_LABELS."""
    return {
        ShiftKind.EXTRA.value: translate("TimesheetLabels", "Extra shift"),
        ShiftKind.OVERTIME.value: translate("TimesheetLabels", "Overtime"),
        ShiftKind.SWAP.value: translate("TimesheetLabels", "Swapped shift"),
        ShiftKind.SUBSTITUTE.value: translate("TimesheetLabels", "Substitute cover"),
        "changed_times": translate("TimesheetLabels", "Changed times"),
        "passive_active": translate("TimesheetLabels", "Passive time became active"),
        "not_worked": translate("TimesheetLabels", "Not worked"),
        "absence": translate("TimesheetLabels", "Absence"),
    }


def window_labels() -> dict[str, str]:
    """The supplement windows shown in the day table (docs/domain.md pay windows)."""
    return {
        "evening": translate("TimesheetLabels", "evening"),
        "night": translate("TimesheetLabels", "night"),
        "saturday": translate("TimesheetLabels", "Saturday"),
        "sunday": translate("TimesheetLabels", "Sunday"),
        "holiday": translate("TimesheetLabels", "holiday"),
    }


def audit_action_labels() -> dict[str, str]:
    return {
        "create": translate("TimesheetLabels", "Created"),
        "confirm": translate("TimesheetLabels", "Confirmed by the assistant"),
        "attest": translate("TimesheetLabels", "Attested by the leader"),
        "correct": translate("TimesheetLabels", "Correction opened"),
        "submit": translate("TimesheetLabels", "Submitted"),
        "accept": translate("TimesheetLabels", "Accepted by the receiver"),
        "reject": translate("TimesheetLabels", "Rejected by the receiver"),
    }


def actor_labels() -> dict[str, str]:
    return {
        "arbeidsleder": translate("TimesheetLabels", "leader"),
        "assistent": translate("TimesheetLabels", "assistant"),
        "system": translate("TimesheetLabels", "system"),
    }
