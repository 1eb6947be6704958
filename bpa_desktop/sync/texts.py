"""What sync tells the arbeidsleder, as catalogue messages (sync.* in resources/catalogue).

A ``Message`` is a key and its parameters: the outbox keeps it on the row as it is, and it is
written out in the language of the moment it is shown (``str(message)``), not of the moment
it was stored.
"""

from __future__ import annotations

from datetime import datetime

from bpa_desktop.message import Message

NOT_ENROLLED = Message("sync.not_enrolled")
UNREACHABLE = Message("sync.unreachable")
TIMEOUT = Message("sync.timeout")
BUSY = Message("sync.busy")
IN_FLIGHT = Message("sync.in_flight")
TOKEN_MISSING = Message("sync.token_missing")
KEY_MISSING = Message("sync.key_missing")
VERSION_CONFLICT = Message("sync.version_conflict")
BAD_SIGNATURE = Message("sync.bad_signature")
KEY_REUSED = Message("sync.key_reused")
BAD_RECEIPT = Message("sync.bad_receipt")
CURSOR_RESET = Message("sync.cursor_reset")
UNREADABLE_ANSWER = Message("sync.unreadable_answer")
UNREADABLE_DECISIONS = Message("sync.unreadable_decisions")


def server_error(status: int) -> Message:
    return Message("sync.server_error", {"status": status})


def unexpected(status: int) -> Message:
    return Message("sync.unexpected", {"status": status})


def auth(detail: str) -> Message:
    return Message("sync.auth", {"detail": detail})


def refused(title: str) -> Message:
    """The municipality's own words (its problem title) inside ours."""
    return Message("sync.refused", {"title": title})


def invalid_pay_code(codes: list[str]) -> Message:
    return Message("sync.invalid_pay_code", {"codes": ", ".join(f"«{code}»" for code in codes)})


def replaced(version: int) -> Message:
    """A version that never reached the receiver, retired for a later one."""
    return Message("sync.replaced", {"version": version})


def invalid_body(detail: str | Message) -> Message:
    return Message("sync.invalid_body", {"detail": detail})


def retry(reason: Message, next_attempt_at: datetime) -> Message:
    """'Kommunen svarer ikke – prøver igjen kl. 14:05' (the date too when shown another day)."""
    return Message("sync.retry_at", {"reason": reason, "at": next_attempt_at})


def enrol_unreachable(reason: Message, url: str) -> Message:
    return Message("sync.enrol_unreachable", {"reason": reason, "url": url})


def enrol_refused(title: str) -> Message:
    return Message("sync.enrol_refused", {"title": title})
