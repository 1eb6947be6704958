"""The trade's records as frozen dataclasses.

These are what the Workspace hands to the UI and the CLI (never ORM rows) and what the
engine (rules, pay, rota, budget) computes with. Plain Python: no Qt, no SQLAlchemy.

Instants are timezone-aware ``datetime`` objects (the engine works in Europe/Oslo; storage
keeps UTC). Calendar dates are ``datetime.date``. Identifiers given by the database are
``int``; the engine keys shifts by the assistant's id as a string, because shift files
(``bpa-shifts/1``) name assistants with free text ids such as ``"a1"``.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime


class EmployerKind(str, enum.Enum):
    MUNICIPALITY = "municipality"
    PRIVATE_PROVIDER = "private_provider"


class AssistantKind(str, enum.Enum):
    PERMANENT = "permanent"  # fast assistent
    SUBSTITUTE = "substitute"  # vikar
    ON_CALL = "on_call"  # tilkallingsvikar


class Agreement(str, enum.Enum):
    """Working-time agreement presets (docs/domain.md)."""

    AML = "aml"
    INDIVIDUAL = "individual"
    TARIFF = "tariff"
    HOME_EMPLOYER = "home-employer"
    RELIEF = "relief"

    @classmethod
    def from_name(cls, name: "Agreement | str") -> "Agreement":
        """A preset by its name or a tariff agreement's name (``TARIFF_NAMES``); ValueError
        for any other name."""
        if isinstance(name, cls):
            return name
        return cls(TARIFF_NAMES.get(name, name))


#: Names of tariff agreements accepted for the ``tariff`` preset (docs/domain.md, "Agreement names").
TARIFF_NAMES = {"ks": "tariff", "virke": "tariff", "nho": "tariff", "spekter": "tariff"}


class AbsenceKind(str, enum.Enum):
    SELF_CERTIFIED = "egenmelding"
    SICK_NOTE = "sykmelding"
    HOLIDAY = "ferie"
    LEAVE = "permisjon"
    CHILD_SICK = "sykt_barn"


class ShiftKind(str, enum.Enum):
    """Why a worked or planned shift exists."""

    PLANNED = "planned"
    EXTRA = "extra"
    OVERTIME = "overtime"
    SWAP = "swap"
    SUBSTITUTE = "substitute"


class TimesheetStatus(str, enum.Enum):
    DRAFT = "draft"
    CONFIRMED = "confirmed"  # by the assistant
    ATTESTED = "attested"  # by the arbeidsleder: locked
    SUBMITTED = "submitted"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


@dataclass(frozen=True)
class Interval:
    """A half-open span of time [start, end) between two aware instants."""

    start: datetime
    end: datetime

    @property
    def hours(self) -> float:
        # Elapsed time: timestamps, because datetimes sharing a tzinfo subtract wall clocks.
        return (self.end.timestamp() - self.start.timestamp()) / 3600


@dataclass(frozen=True)
class Arrangement:
    """One person's BPA scheme (ordning)."""

    id: int | None
    name: str  # what the user calls it, e.g. "Ola sin ordning"
    recipient_name: str
    leader_name: str
    employer_kind: EmployerKind
    employer_name: str
    employer_org_no: str  # 9 digits (organisasjonsnummer)
    municipality: str
    agreement: Agreement = Agreement.AML
    pay_profile: str = "ks"


@dataclass(frozen=True)
class Vedtak:
    """A municipal decision granting hours per week for a period. History is kept."""

    id: int | None
    arrangement_id: int | None
    hours_per_week: float
    valid_from: date
    valid_to: date | None
    reference: str = ""  # the municipality's case/decision number
    services: str = ""  # e.g. "praktisk bistand, egenomsorg"


@dataclass(frozen=True)
class Assistant:
    id: int | None
    arrangement_id: int | None
    name: str
    employee_no: str  # the employer's employee number (ansattnummer)
    employment_percent: float
    kind: AssistantKind = AssistantKind.PERMANENT
    start_date: date | None = None
    end_date: date | None = None  # set when employment ends; the row is kept
    colour: str = "#4e79a7"

    def active_on(self, day: date) -> bool:
        return (self.start_date is None or self.start_date <= day) and (
            self.end_date is None or day <= self.end_date
        )


@dataclass(frozen=True)
class ShiftTemplate:
    """A named vaktkode, e.g. D 08:00-16:00 or N 22:00-08:00 with passive 00:00-06:00.

    Times are wall-clock ``HH:MM``; an end at or before the start means the next day.
    """

    code: str
    name: str
    start: str
    end: str
    passive_start: str | None = None
    passive_end: str | None = None
    colour: str = "#bab0ac"
    id: int | None = None


@dataclass(frozen=True)
class Shift:
    """One work period of one assistant.

    ``assistant`` is the assistant's id as text (``str(Assistant.id)`` for stored data).
    """

    assistant: str
    start: datetime
    end: datetime
    passive: tuple[Interval, ...] = ()
    id: str | None = None
    code: str | None = None  # the template code it came from, if any
    kind: ShiftKind = ShiftKind.PLANNED

    @property
    def hours(self) -> float:
        # Elapsed time: timestamps, because datetimes sharing a tzinfo subtract wall clocks.
        return (self.end.timestamp() - self.start.timestamp()) / 3600


@dataclass(frozen=True)
class Absence:
    id: int | None
    assistant_id: int
    kind: AbsenceKind
    start: date
    end: date  # inclusive
    percent: int = 100  # graded sick leave (gradert sykmelding)
    comment: str = ""


@dataclass(frozen=True)
class Timesheet:
    id: int | None
    assistant_id: int
    period_start: date
    period_end: date  # inclusive
    status: TimesheetStatus = TimesheetStatus.DRAFT
    version: int = 1
    supersedes_id: int | None = None
    content_hash: str | None = None
    correction_reason: str = ""
    confirmed_through: date | None = None  # the last day the assistant has confirmed
    attested_at: datetime | None = None
    attested_by: str | None = None  # a role ("arbeidsleder"), never a name
    unconfirmed_reason: str | None = None  # why it was attested without the assistant's confirmation


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    actor: str  # a role ("arbeidsleder", "assistent", "system"), never a name
    action: str
    entity: str
    entity_id: int | None
    detail: str = ""


@dataclass(frozen=True)
class ArrangementSetup:
    """Everything the first-run flow collects, written in one transaction."""

    arrangement: Arrangement
    vedtak: Vedtak
    assistants: tuple[Assistant, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class PayLine:
    """One payroll line: hours of one kind for one assistant, under the employer's code."""

    assistant: str
    pay_code: str  # the employer's lønnsart (editable in the profile)
    kind: str  # the profile's line id, e.g. "ordinary", "evening-night", "holiday", "overtime-50"
    description: str  # Norwegian bokmål label for people
    hours: float
    rate: float | None = None  # kr per hour when known


# --- turnus planner ------------------------------------------------------------


class ApprovalRole(str, enum.Enum):
    """Who sees and approves a rota version."""

    ASSISTANT = "assistant"
    EMPLOYER = "employer"  # arbeidsgiver
    UNION_REP = "union_rep"  # tillitsvalgt
    MUNICIPALITY = "municipality"  # kommunen, on the receiver's staff page


class RotaChangeKind(str, enum.Enum):
    """A single-occurrence change of the rolled-out plan (the pattern stays as it is)."""

    SWAP = "swap"
    SUBSTITUTE = "substitute"
    CANCEL = "cancel"
    CHANGE_TIMES = "change_times"
    EXTRA = "extra"


@dataclass(frozen=True)
class RotaPlan:
    """One saved version of a rota: the pattern and the period it is rolled out over.

    ``cells`` maps (assistant id, week index, weekday 0=Monday) to a template code; week 0
    starts on ``start``. ``version`` counts the arrangement's saved rotas, oldest = 1.
    """

    id: int | None
    arrangement_id: int
    name: str
    weeks: int
    start: date
    end: date  # inclusive
    cells: Mapping[tuple[int, int, int], str] = field(default_factory=dict)
    version: int = 1
    saved_at: datetime | None = None


@dataclass(frozen=True)
class RotaApproval:
    """Who has seen and who has approved one rota version, and when.

    ``who`` is a free label (initials, "Tillitsvalgt"); for an assistant ``assistant_id``
    names them. Approving implies having seen.
    """

    id: int | None
    rota_id: int
    role: ApprovalRole | str
    who: str
    seen_on: date | None = None
    approved_on: date | None = None
    assistant_id: int | None = None


@dataclass(frozen=True)
class NeedBlock:
    """One block of the recipient's weekly need for help.

    Wall-clock ``HH:MM``; an end at or before the start means the next day. ``passive``
    blocks (a sleeping night) are covered by passive time too; active blocks only by
    active time.
    """

    weekday: int  # 0 = Monday
    start: str
    end: str
    staff: int = 1
    passive: bool = False


@dataclass(frozen=True)
class RotaChange:
    """A stored single-occurrence change of the plan, with its reason (for the calendar).

    The occurrence is named by its natural key ``"<assistant id>:<YYYY-MM-DD>:<code>"`` as
    rolled out from the pattern (an extra shift's key is ``"x<change id>"``), so a later
    version of the rota re-applies the change where the occurrence still exists.
    ``shift_ids`` are the current planned shifts it touches (``"p<n>"``); empty when the
    occurrence is not in the plan any more (or was cancelled).
    """

    id: int
    arrangement_id: int
    kind: RotaChangeKind
    reason: str
    occurrence: str
    day: date  # the occurrence's day
    other_occurrence: str | None = None  # swap: the other occurrence
    assistant_id: int | None = None  # substitute: the new assistant; extra: its assistant
    start: datetime | None = None  # change_times / extra: the new times
    end: datetime | None = None
    code: str | None = None  # extra: its template code
    passive: tuple[Interval, ...] = ()  # extra: its passive time
    shift_ids: tuple[str, ...] = ()
    rota_id: int | None = None  # the version that was current when the change was made
    created_at: datetime | None = None

    @property
    def original_assistant_id(self) -> int | None:
        """The assistant the pattern gave the occurrence to (None for an extra shift)."""
        head = self.occurrence.split(":", 1)[0]
        return int(head) if head.isdigit() else None


@dataclass(frozen=True)
class AttestedTimesheet:
    """What an attestation hands sync (the outbox): the attested version and its pay lines."""

    timesheet_id: int
    arrangement_id: int
    employee_no: str
    period_end: date  # the pay month is the month the period ends in
    attested_at: datetime
    pay_lines: tuple[PayLine, ...]
