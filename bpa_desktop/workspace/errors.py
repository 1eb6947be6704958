"""What the Workspace raises: problems the user can act on, each with a message in the chosen
language (``str(error)``), and the two helpers every area uses to raise them."""

from __future__ import annotations

from collections.abc import Mapping

from bpa_desktop.core.pay_period import PayPeriod
from bpa_desktop.i18n import get_language, message
from bpa_desktop.message import Message

# Problems with the file or a record in it (a full disk, a damaged row) come from storage
# with a message for people too; the UI knows them by this name (it never imports storage).
from bpa_desktop.storage.errors import DatabaseError  # noqa: F401  (re-exported)


class WorkspaceError(Exception):
    """A problem the user can act on; ``str(error)`` is a message in the chosen language."""


class NotFoundError(WorkspaceError):
    """``entity`` is the user's word for what is missing (``Message("entity_assistant")``)."""

    def __init__(self, entity: Message | str, entity_id: object) -> None:
        super().__init__(message("not_found", entity=str(entity), id=entity_id))


class ValidationError(WorkspaceError):
    """Input that breaks a rule. ``errors`` maps dataclass field names to messages."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__(message("validation_failed", fields=", ".join(self.errors)))


class TimesheetLockedError(WorkspaceError):
    """A change inside a period whose timesheet is attested: it needs a correction."""

    def __init__(self, timesheet_id: int, period: PayPeriod) -> None:
        self.timesheet_id = timesheet_id
        self.period = period
        super().__init__(message("timesheet_locked", period=period.label(get_language())))


class RotaFileError(WorkspaceError, ValueError):
    """A rota file that cannot be exported or imported; the message (current language) says why."""


class PinAlreadySetError(WorkspaceError):
    """The assistant has a PIN already: only the leader's reset makes room for a new one."""

    def __init__(self) -> None:
        super().__init__(message("participants.pin_already_set"))


class WrongPinError(WorkspaceError):
    """A wrong PIN; ``tries_left`` more wrong ones lock it."""

    def __init__(self, tries_left: int) -> None:
        self.tries_left = tries_left
        super().__init__(message("participants.pin_wrong", count=tries_left))


class PinLockedError(WorkspaceError):
    """Five wrong tries: locked until the leader resets the PIN."""

    def __init__(self) -> None:
        super().__init__(message("participants.pin_locked"))


class PinNotSetError(WorkspaceError):
    """The assistant has no PIN yet (``set_pin`` makes one)."""

    def __init__(self) -> None:
        super().__init__(message("participants.pin_missing"))


class StaleViewError(WorkspaceError):
    """A confirmation of a month view that has changed since it was shown."""

    def __init__(self) -> None:
        super().__init__(message("participants.stale_view"))


class UnconfirmedError(WorkspaceError):
    """Attesting a month the assistant has not confirmed needs the leader's reason."""

    def __init__(self, period: PayPeriod) -> None:
        self.period = period
        super().__init__(message("participants.unconfirmed", period=period.label(get_language())))


def raise_if(errors: Mapping[str, str]) -> None:
    """Raise ValidationError when there are field errors."""
    if errors:
        raise ValidationError(errors)


def found(row, entity: Message | str, entity_id: object):
    """``row``, or NotFoundError when there is none (``entity`` is the user's word for it, a
    Message so that it is looked up only when the row is missing)."""
    if row is None:
        raise NotFoundError(entity, entity_id)
    return row


def prefixed(prefix: str, errors: Mapping[str, str]) -> dict[str, str]:
    """Field names of a nested record, e.g. ``vedtak.hours_per_week``."""
    if not prefix:
        return dict(errors)
    return {f"{prefix}.{field}": text for field, text in errors.items()}
