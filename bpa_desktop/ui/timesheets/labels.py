"""Words people see on the Timelister page: the values' words come from bpa_desktop/words.py
(one place for the UI and the PDFs); the audit's words are the page's own."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from bpa_desktop import words
from bpa_desktop.core.model import AbsenceKind, TimesheetStatus
from bpa_desktop.core.timesheet import RowStatus

translate = QCoreApplication.translate


def status_label(status: TimesheetStatus | str | None) -> str:
    return words.status_label(status)


def absence_kind_labels() -> dict[AbsenceKind, str]:
    return {kind: words.absence_label(kind, long=True) for kind in AbsenceKind}


def absence_short(kind: AbsenceKind | str) -> str:
    return words.absence_label(kind)


def row_status_label(status: RowStatus) -> str:
    return words.row_status_label(status)


def deviation_labels() -> dict[str, str]:
    """Keys of core.timesheet.TimesheetRow.deviations."""
    return {deviation: words.deviation_label(deviation) for deviation in words.DEVIATIONS}


def window_labels() -> dict[str, str]:
    """The supplement windows shown in the day table (docs/domain.md pay windows)."""
    return {window: words.window_label(window) for window in ("evening", "night", "saturday", "sunday", "holiday")}


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


def channel_labels() -> dict[str, str]:
    """Where a confirmation, proposal or approval was given (issue 12)."""
    return {
        "table": translate("TimesheetLabels", "at the table"),
        "link": translate("TimesheetLabels", "link"),
        "paper": translate("TimesheetLabels", "on paper"),
        "staff_page": translate("TimesheetLabels", "staff page"),
    }


def confirmation_text(confirmation) -> str:
    """"confirmed by the assistant (at the table)" for a ws.participants Confirmation; "" for None."""
    if confirmation is None:
        return ""
    where = channel_labels().get(getattr(confirmation, "channel", ""), getattr(confirmation, "channel", ""))
    return translate("TimesheetLabels", "confirmed by the assistant (%1)").replace("%1", where)

