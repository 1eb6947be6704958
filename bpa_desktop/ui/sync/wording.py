"""Words for sync states and the one-line summary in the status bar (translated at call time).

A submission's error is a catalogue message kept on the row (``info.last_error_text`` writes
it in the current language); the rejection reason is the municipality's own words, shown as
they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone

from PySide6.QtCore import QCoreApplication, QLocale



def state_labels() -> dict[str, str]:
    return {
        "queued": QCoreApplication.translate("SyncWording", "Queued"),
        "sending": QCoreApplication.translate("SyncWording", "Sending"),
        "delivered": QCoreApplication.translate("SyncWording", "Delivered"),
        "accepted": QCoreApplication.translate("SyncWording", "Accepted"),
        "rejected": QCoreApplication.translate("SyncWording", "Rejected"),
        "superseded": QCoreApplication.translate("SyncWording", "Replaced by a newer version"),
        "paused_auth": QCoreApplication.translate("SyncWording", "Waiting for a new connection"),
        "needs_correction": QCoreApplication.translate("SyncWording", "Needs a correction"),
        "blocked": QCoreApplication.translate("SyncWording", "Stopped"),
    }


def period_label(period: str) -> str:
    """'2026-03' -> 'mars 2026' in the UI language."""
    try:
        year, month = (int(part) for part in period.split("-"))
    except ValueError:
        return period
    return f"{QLocale().standaloneMonthName(month, QLocale.FormatType.LongFormat)} {year}"


def clock_text(moment: datetime | None, now: datetime) -> str:
    """'14:02' today, '21.05. 14:02' another day (Oslo time)."""
    if moment is None:
        return ""
    from bpa_desktop.core.calendar import OSLO  # zoneinfo: not before the window's first paint

    local = moment.astimezone(OSLO)
    if local.date() == now.astimezone(OSLO).date():
        return f"{local:%H:%M}"
    return f"{local:%d.%m.%Y %H:%M}"


def received_at(info) -> datetime | None:
    """When the receiver stored the submission (its receipt, the receiver's clock)."""
    value = (info.receipt or {}).get("received_at")
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def open_rejections(submissions: Sequence) -> list:
    """Rejected submissions that no newer version of the same timesheet answers yet."""
    newest: dict[tuple[str, str], int] = {}
    for info in submissions:
        key = (info.employee_no, info.period)
        newest[key] = max(newest.get(key, 0), info.version)
    return [s for s in submissions if s.state == "rejected" and newest[(s.employee_no, s.period)] == s.version]


def _count(n: int, one: str, many: str) -> str:
    return (one if n == 1 else many).replace("%1", str(n))


def status_line(submissions: Sequence, enrolled: bool, now: datetime, busy: bool = False) -> str:
    """The status bar's sync line, most urgent first, e.g.
    'Synk: 3 i kø · sist sendt 14:02', 'Kommunen svarer ikke – prøver igjen kl. 14:05',
    '1 timeliste avvist – se Synk'."""
    parts: list[str] = []
    rejected = len(open_rejections(submissions))
    if rejected:
        parts.append(_count(rejected, QCoreApplication.translate("SyncWording", "1 timesheet rejected – see Sync"),
                            QCoreApplication.translate("SyncWording", "%1 timesheets rejected – see Sync")))
    if any(s.state == "paused_auth" for s in submissions):
        parts.append(QCoreApplication.translate(
            "SyncWording", "The municipality no longer accepts this computer – connect again on the Sync page"))
    stopped = sum(1 for s in submissions if s.state in ("blocked", "needs_correction"))
    if stopped:
        parts.append(_count(
            stopped, QCoreApplication.translate("SyncWording", "1 timesheet needs attention – see Sync"),
            QCoreApplication.translate("SyncWording", "%1 timesheets need attention – see Sync")))
    waiting = [s for s in submissions if s.state in ("queued", "sending")]
    if waiting and not enrolled:
        text = QCoreApplication.translate("SyncWording", "Sync: %1 queued · not connected to the municipality")
        parts.append(text.replace("%1", str(len(waiting))))
        return " · ".join(parts)
    retrying = [s for s in waiting if s.state == "queued" and s.attempts and s.last_error_text]
    if retrying and not busy:
        parts.append(min(retrying, key=lambda s: s.next_attempt_at).last_error_text)
    if not enrolled and not submissions:
        return " · ".join(parts)
    if busy:
        queue = QCoreApplication.translate("SyncWording", "Sync: sending…")
    elif waiting:
        queue = QCoreApplication.translate("SyncWording", "Sync: %1 queued").replace("%1", str(len(waiting)))
    else:
        queue = QCoreApplication.translate("SyncWording", "Sync: all sent")
    received = [moment for moment in map(received_at, submissions) if moment is not None]
    if received:
        last = QCoreApplication.translate("SyncWording", "last sent %1")
        queue += " · " + last.replace("%1", clock_text(max(received), now))
    parts.append(queue)
    return " · ".join(parts)
