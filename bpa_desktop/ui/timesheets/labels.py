"""Words people see for timesheet statuses, absence kinds, row statuses and pay windows
(translated at call time, after the translator is installed)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from bpa_desktop.core.model import AbsenceKind, ShiftKind, TimesheetStatus
from bpa_desktop.core.timesheet import RowStatus


def _t(text: str) -> str:
    return QCoreApplication.translate("TimesheetLabels", text)


def status_labels() -> dict[TimesheetStatus, str]:
    return {
        TimesheetStatus.DRAFT: _t("Draft"),
        TimesheetStatus.CONFIRMED: _t("Confirmed by the assistant"),
        TimesheetStatus.ATTESTED: _t("Attested"),
        TimesheetStatus.SUBMITTED: _t("Submitted"),
        TimesheetStatus.ACCEPTED: _t("Accepted"),
        TimesheetStatus.REJECTED: _t("Rejected"),
    }


def status_label(status: TimesheetStatus | str | None) -> str:
    if status is None:
        return _t("Not started")
    return status_labels()[TimesheetStatus(status)]


def absence_kind_labels() -> dict[AbsenceKind, str]:
    return {
        AbsenceKind.SELF_CERTIFIED: _t("Self-certified sick leave (egenmelding)"),
        AbsenceKind.SICK_NOTE: _t("Sick note (sykmelding)"),
        AbsenceKind.HOLIDAY: _t("Holiday (ferie)"),
        AbsenceKind.LEAVE: _t("Leave (permisjon)"),
        AbsenceKind.CHILD_SICK: _t("Child's illness (sykt barn)"),
    }


def absence_short(kind: AbsenceKind | str) -> str:
    short = {
        AbsenceKind.SELF_CERTIFIED: _t("Self-certified"),
        AbsenceKind.SICK_NOTE: _t("Sick note"),
        AbsenceKind.HOLIDAY: _t("Holiday"),
        AbsenceKind.LEAVE: _t("Leave"),
        AbsenceKind.CHILD_SICK: _t("Child's illness"),
    }
    try:
        return short[AbsenceKind(kind)]
    except ValueError:
        return str(kind)


def row_status_label(status: RowStatus) -> str:
    return {
        RowStatus.WORKED: _t("Worked"),
        RowStatus.PLANNED: _t("Planned"),
        RowStatus.CANCELLED: _t("Not worked"),
        RowStatus.ABSENT: _t("Absent"),
    }[RowStatus(status)]


def deviation_labels() -> dict[str, str]:
    """Keys of core.timesheet.DEVIATION_LABELS."""
    return {
        ShiftKind.EXTRA.value: _t("Extra shift"),
        ShiftKind.OVERTIME.value: _t("Overtime"),
        ShiftKind.SWAP.value: _t("Swapped shift"),
        ShiftKind.SUBSTITUTE.value: _t("Substitute cover"),
        "changed_times": _t("Changed times"),
        "passive_active": _t("Passive time became active"),
        "not_worked": _t("Not worked"),
        "absence": _t("Absence"),
    }


def window_labels() -> dict[str, str]:
    """The supplement windows shown in the day table (DOMAIN.md pay windows)."""
    return {
        "evening": _t("evening"),
        "night": _t("night"),
        "saturday": _t("Saturday"),
        "sunday": _t("Sunday"),
        "holiday": _t("holiday"),
    }


def audit_action_labels() -> dict[str, str]:
    return {
        "create": _t("Created"),
        "confirm": _t("Confirmed by the assistant"),
        "attest": _t("Attested by the leader"),
        "correct": _t("Correction opened"),
        "submit": _t("Submitted"),
        "accept": _t("Accepted by the receiver"),
        "reject": _t("Rejected by the receiver"),
    }


def actor_labels() -> dict[str, str]:
    return {"arbeidsleder": _t("leader"), "assistent": _t("assistant"), "system": _t("system")}
