"""What a write changed, as typed fields: the one way pages hear about each other's changes.

An operation (ui/operations/operation.py) says which areas its Workspace call changed; the
context broadcasts that `Changes` value once the call has committed, and every page compares it
with the areas it shows (`Page.listens`). A misspelt area is a TypeError when the module loads,
not a topic that nobody emits.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace


@dataclass(frozen=True)
class Changes:
    arrangements: bool = False  # an arrangement's own fields (name, agreement, employer) or the list
    assistants: bool = False
    vedtak: bool = False
    templates: bool = False  # shift codes (vaktkoder)
    rota: bool = False  # rota versions: the pattern saved by a roll-out
    calendar: bool = False  # planned shifts: a roll-out, an import, a single-shift change
    need: bool = False  # the recipient's need pattern
    approvals: bool = False  # who has seen and approved a rota version
    timesheets: bool = False  # the worked record, absences, timesheet versions and statuses
    pay_settings: bool = False  # pay period, codes and rates
    sync: bool = False  # the outbox and the enrolment
    participants: bool = False  # assistants' PINs, proposals and confirmations (ws.participants)

    @classmethod
    def of(cls, *areas: str) -> Changes:
        """`Changes.of("calendar", "timesheets")`; an unknown name is a TypeError."""
        return cls(**dict.fromkeys(areas, True))

    @classmethod
    def everything(cls) -> Changes:
        return cls.of(*cls.names())

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    @property
    def areas(self) -> tuple[str, ...]:
        return tuple(name for name in self.names() if getattr(self, name))

    def __bool__(self) -> bool:
        return bool(self.areas)

    def __or__(self, other: Changes) -> Changes:
        return replace(self, **dict.fromkeys(other.areas, True))

    def __and__(self, other: Changes) -> Changes:
        return Changes.of(*(set(self.areas) & set(other.areas)))

    def __repr__(self) -> str:
        return f"Changes.of({', '.join(map(repr, self.areas))})"


NOTHING = Changes()
