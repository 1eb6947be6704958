"""What the assistants and the rota's approvers may do themselves, as rules without storage.

* The PIN at the shared table: 4 to 8 digits, kept as scrypt (n=2**14, r=8, p=1) of a random
  salt; five wrong tries lock it until the leader resets it.
* The name that stands for an assistant where others see it: the short name the leader chose,
  else the first word of the name.
* A proposal (``as_planned``, ``late_start``, ``left_early``, ``stayed_longer``, ``sick``,
  ``extra_shift``): what it does to the worked record, and how it reads. Minutes are elapsed
  time, so "stayed 60 minutes longer" across midnight or a DST change ends 60 real minutes later.
* An assistant's month as they may see it (``month_entries``): their own shifts and their own
  absence codes, nothing of a colleague's and nobody's notes.
* Attesting a month the assistant has not confirmed asks the leader to say why
  (``needs_unconfirmed_reason``).
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from bpa_desktop.core.model import Absence
from bpa_desktop.core.timesheet import RowStatus, TimesheetDayRow
from bpa_desktop.message import Message

PIN_MIN_DIGITS, PIN_MAX_DIGITS = 4, 8
MAX_FAILED_ATTEMPTS = 5
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
SALT_BYTES = 16
HASH_BYTES = 32
SHORT_NAME_MAX = 40

CHANGES = ("as_planned", "late_start", "left_early", "stayed_longer", "sick", "extra_shift")
TIME_CHANGES = ("late_start", "left_early", "stayed_longer")
MAX_CHANGE_MINUTES = 25 * 60  # as on the wire: the autumn DST day has 25 hours


# --- the PIN -------------------------------------------------------------------------------


def pin_problem(pin: str) -> str | None:
    """The catalogue key of what is wrong with a new PIN, or None."""
    if not (isinstance(pin, str) and pin.isascii() and pin.isdigit()
            and PIN_MIN_DIGITS <= len(pin) <= PIN_MAX_DIGITS):
        return "participants.pin_format"
    return None


def hash_pin(pin: str, salt: bytes) -> str:
    """scrypt of the PIN with its salt, as hex."""
    return hashlib.scrypt(pin.encode("ascii"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P,
                          dklen=HASH_BYTES).hex()


def pin_matches(pin: str, salt: bytes, stored_hash: str) -> bool:
    if not isinstance(pin, str) or not pin.isascii():
        return False
    return hmac.compare_digest(hash_pin(pin, salt), stored_hash)


def tries_left(failed_attempts: int) -> int:
    return max(0, MAX_FAILED_ATTEMPTS - failed_attempts)


# --- names ---------------------------------------------------------------------------------


def display_name(name: str, short_name: str | None = None) -> str:
    """What stands for an assistant where colleagues or approvers see it."""
    chosen = (short_name or "").strip()
    if chosen:
        return chosen[:SHORT_NAME_MAX]
    words = name.split()
    return (words[0] if words else "?")[:SHORT_NAME_MAX]


# --- proposals -----------------------------------------------------------------------------


class ProposalError(ValueError):
    """A proposal that cannot be applied as it is; ``key`` is the catalogue message."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def proposal_problem(change: str, minutes: int, *, has_shift: bool, starts_at: datetime | None,
                     ends_at: datetime | None) -> str | None:
    """The catalogue key of what does not fit in a proposal's shape, or None."""
    if change not in CHANGES:
        return "participants.proposal_change"
    if not isinstance(minutes, int) or not 0 <= minutes <= MAX_CHANGE_MINUTES:
        return "participants.proposal_minutes"
    extra = change == "extra_shift"
    if extra == has_shift:
        return "participants.proposal_shape"
    if extra:
        if starts_at is None or ends_at is None or ends_at.timestamp() <= starts_at.timestamp():
            return "participants.proposal_shape"
    elif starts_at is not None or ends_at is not None:
        return "participants.proposal_shape"
    if change in TIME_CHANGES and minutes == 0:
        return "participants.proposal_minutes"
    return None


def proposed_times(start: datetime, end: datetime, change: str, minutes: int) -> tuple[datetime, datetime]:
    """The shift [start, end) as the proposal would have it worked (elapsed minutes).

    Raises ProposalError when a late start or an early end leaves nothing of the shift."""
    delta = timedelta(minutes=minutes)
    if change == "late_start":
        new_start, new_end = _instant(start) + delta, end
    elif change == "left_early":
        new_start, new_end = start, _instant(end) - delta
    elif change == "stayed_longer":
        new_start, new_end = start, _instant(end) + delta
    else:
        return start, end
    if new_end.timestamp() <= new_start.timestamp():
        raise ProposalError("participants.proposal_nothing_left")
    return _local_like(new_start, start), _local_like(new_end, end)


def _instant(moment: datetime) -> datetime:
    """Arithmetic on the instant (UTC): adding to a zone-aware wall clock would skip DST."""
    return moment.astimezone(timezone.utc)


def _local_like(moment: datetime, like: datetime) -> datetime:
    return moment.astimezone(like.tzinfo) if like.tzinfo is not None else moment


def elapsed_minutes(start: datetime, end: datetime) -> int:
    return round((end.timestamp() - start.timestamp()) / 60)


CHANGE_KEYS = {
    "as_planned": "participants.change.as_planned",
    "late_start": "participants.change.late_start",
    "left_early": "participants.change.left_early",
    "stayed_longer": "participants.change.stayed_longer",
    "sick": "participants.change.sick",
    "extra_shift": "participants.change.extra_shift",
}
CHANNEL_KEYS = {
    "table": "participants.channel.table",
    "link": "participants.channel.link",
    "paper": "participants.channel.paper",
    "staff_page": "participants.channel.staff_page",
}


def change_message(change: str, minutes: int = 0) -> Message:
    """The proposal in words ("Ble 60 min lenger"), rendered when shown."""
    return Message(CHANGE_KEYS[change], {"minutes": minutes})


def reason_message(change: str, minutes: int, comment: str, channel: str) -> Message:
    """The reason the worked record keeps when the leader accepts a proposal."""
    key = "participants.reason_with_comment" if comment.strip() else "participants.reason"
    return Message(key, {"change": change_message(change, minutes),
                         "channel": Message(CHANNEL_KEYS[channel]), "comment": comment.strip()})


# --- the month as the assistant sees it ----------------------------------------------------


@dataclass(frozen=True)
class MonthEntry:
    """One of the assistant's own shifts in the month: times, minutes that count, own codes."""

    shift_ref: str  # the planned shift's id when there is one ("p<n>", stable when it is settled)
    starts_at: datetime
    ends_at: datetime
    minutes: int
    code: str | None
    absence: str | None  # the assistant's own absence kind on that day, if any


SHOWN_STATUSES = (RowStatus.WORKED, RowStatus.PLANNED, RowStatus.CANCELLED, RowStatus.ABSENT, RowStatus.COVERED)


def shift_ref_of(row: TimesheetDayRow) -> str | None:
    """The planned shift's id when there is one (it stays when the plan is settled into the
    worked record), else the worked shift's; an attested month's stored rows carry no ids, so
    there the start instant names the shift ("s20260301T0700Z", UTC)."""
    shift = row.planned if row.planned is not None else row.shift
    if shift is None:
        return None
    return shift.id or f"s{shift.start.astimezone(timezone.utc):%Y%m%dT%H%MZ}"


def month_entries(rows: Sequence[TimesheetDayRow], own_absences: Iterable[Absence]) -> list[MonthEntry]:
    """The assistant's month from their own timesheet rows and their own absences only.

    A row carries no reason, no note and no colleague: a shift covered by someone else shows as
    the assistant's own absence with 0 minutes, one worked for a colleague as a plain shift."""
    absences = list(own_absences)
    entries = []
    for row in rows:
        shift = row.shift if row.shift is not None else row.planned
        ref = shift_ref_of(row)
        if shift is None or ref is None or row.status not in SHOWN_STATUSES:
            continue
        counted = row.counted and row.shift is not None
        entries.append(MonthEntry(
            shift_ref=ref, starts_at=shift.start, ends_at=shift.end,
            minutes=elapsed_minutes(shift.start, shift.end) if counted else 0,
            code=shift.code, absence=_absence_on(absences, row.day),
        ))
    return sorted(entries, key=lambda e: (e.starts_at.timestamp(), e.shift_ref))


def _absence_on(absences: Sequence[Absence], day: date) -> str | None:
    for absence in absences:
        if absence.start <= day <= absence.end:
            return getattr(absence.kind, "value", str(absence.kind))
    return None


# --- attesting without the assistant ------------------------------------------------------


def needs_unconfirmed_reason(*, confirmed_through: date | None, confirmations: int, correction: bool) -> bool:
    """Attesting a month the assistant has not confirmed asks the leader to say why.

    Confirmed counts when the assistant confirmed at the table or through a link, or on paper
    (the leader's Confirm button: the leader holds the signed paper), for some or all of the
    days (``confirmed_through``). A correction already carries its reason."""
    return confirmed_through is None and confirmations == 0 and not correction
