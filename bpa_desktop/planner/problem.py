"""What the planner is asked: the arrangement's facts and the leader's wishes.

Frozen dataclasses over ``core`` types (``ShiftTemplate``, ``NeedBlock``, ``Vedtak``,
``Agreement``). Assistants are named by free text ids, like ``bpa-shifts/1`` does; the
pattern the planner returns is a ``core.rota.RotaPattern`` keyed by those ids.

* ``unavailable_weekdays`` and ``cannot`` take whole pattern cells away from an assistant
  (the pattern repeats, so a weekday off is off in every cycle).
* ``unavailable_dates`` (holidays, courses) stay exact: on those dates the assistant's pattern
  shift is handed to someone else as a ``Substitute`` override of the roll-out. On-call
  assistants (``AssistantKind.ON_CALL``) get no pattern cells; they only take such shifts.
* ``locked`` cells are the leader's: (assistant, week, weekday) -> template code, or ``None``
  for a day that must stay free.
* ``band`` bounds every assistant's planned hours (average per week over the period) as a
  percentage of their contract hours (``employment_percent`` x ``full_time_hours``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from bpa_desktop.core import calendar as cal
from bpa_desktop.core.model import Agreement, AssistantKind, NeedBlock, ShiftTemplate, Vedtak
from bpa_desktop.i18n import t

MAX_WEEKS = 8


class PlanInputError(ValueError):
    """The problem cannot be planned as stated (the message, in the current language, says why)."""


@dataclass(frozen=True)
class PlanAssistant:
    id: str
    name: str
    employment_percent: float
    kind: AssistantKind = AssistantKind.PERMANENT
    unavailable_dates: frozenset[date] = frozenset()
    unavailable_weekdays: frozenset[int] = frozenset()  # 0 = Monday
    cannot: frozenset[str] = frozenset()  # template codes they cannot work
    prefers: frozenset[str] = frozenset()  # template codes they like
    avoids: frozenset[str] = frozenset()  # template codes they would rather not work
    band: tuple[float, float] | None = None  # their own band (percent), else the problem's

    @property
    def in_pattern(self) -> bool:
        return self.kind is not AssistantKind.ON_CALL


@dataclass(frozen=True)
class ContractBand:
    """Planned hours as a percentage of contract hours, for every assistant without their own."""

    min_percent: float = 0.0
    max_percent: float = 100.0


@dataclass(frozen=True)
class Weights:
    """How much the leader cares about each soft goal (0 = not at all). Plain integers: the
    objective is their weighted sum (see ``planner.model`` for each term's unit)."""

    weekends: int = 30  # per weekend away from an assistant's fair share
    nights: int = 15  # per night shift away from the fair share
    evenings: int = 8  # per evening shift away from the fair share
    holidays: int = 15  # per holiday period away from the fair share
    hours: int = 4  # per hour a week away from the fair share of hours
    handovers: int = 2  # per hand-over during the need
    preferences: int = 10  # per shift someone prefers (bonus) or avoids (cost)
    warnings: int = 12  # per warning the checker would give
    overstaffing: int = 1  # per quarter hour planned beyond the need
    substitutions: int = 6  # per shift handed over because of an unavailable date


@dataclass(frozen=True)
class PlanProblem:
    templates: tuple[ShiftTemplate, ...]
    need: tuple[NeedBlock, ...]
    assistants: tuple[PlanAssistant, ...]
    start: date  # first day of the roll-out period
    end: date  # last day (inclusive)
    weeks: int = 4
    agreement: Agreement = Agreement.AML
    vedtak: tuple[Vedtak, ...] = ()
    locked: Mapping[tuple[str, int, int], str | None] = field(default_factory=dict)
    band: ContractBand = ContractBand()
    full_time_hours: float = 37.5
    weights: Weights = Weights()

    @property
    def anchor(self) -> date:
        """The Monday week 0 of the pattern starts on (``core.rota.roll_out``'s default)."""
        return cal.iso_monday(self.start)

    def assistant(self, assistant_id: str) -> PlanAssistant:
        return next(a for a in self.assistants if a.id == assistant_id)

    def band_of(self, assistant: PlanAssistant) -> tuple[float, float]:
        if assistant.band is not None:
            return assistant.band
        return (self.band.min_percent, self.band.max_percent)

    def contract_minutes(self, assistant: PlanAssistant) -> float:
        """Contract minutes per week."""
        return assistant.employment_percent / 100 * self.full_time_hours * 60

    def validate(self) -> None:
        """Raise PlanInputError for a problem that cannot be read as a plan."""
        if not 1 <= self.weeks <= MAX_WEEKS:
            raise PlanInputError(t("core.plan.weeks", most=MAX_WEEKS, weeks=self.weeks))
        if self.end < self.start:
            raise PlanInputError(t("core.plan.period_reversed"))
        if self.full_time_hours not in (37.5, 40.0):
            raise PlanInputError(t("core.plan.full_time"))
        if (self.end - self.start).days > 3 * 366:
            raise PlanInputError(t("core.plan.period_too_long"))
        codes = [t.code for t in self.templates]
        if not codes:
            raise PlanInputError(t("core.plan.no_codes"))
        if len(set(codes)) != len(codes):
            raise PlanInputError(t("core.plan.duplicate_code"))
        for template in self.templates:
            for hhmm in (template.start, template.end, template.passive_start, template.passive_end):
                if hhmm is not None:
                    cal.parse_hhmm(hhmm)
        ids = [a.id for a in self.assistants]
        if len(set(ids)) != len(ids):
            raise PlanInputError(t("core.plan.duplicate_assistant"))
        for assistant in self.assistants:
            if not 0 < assistant.employment_percent <= 100:
                raise PlanInputError(t("core.plan.employment_percent", name=assistant.name))
            unknown = (assistant.cannot | assistant.prefers | assistant.avoids) - set(codes)
            if unknown:
                raise PlanInputError(t("core.plan.unknown_codes", name=assistant.name, codes=", ".join(sorted(unknown))))
            if any(not 0 <= d <= 6 for d in assistant.unavailable_weekdays):
                raise PlanInputError(t("core.plan.weekdays", name=assistant.name))
            low, high = self.band_of(assistant)
            if not 0 <= low <= high:
                raise PlanInputError(t("core.plan.band", name=assistant.name))
        for block in self.need:
            if not 0 <= block.weekday <= 6 or block.staff < 1:
                raise PlanInputError(t("core.plan.need"))
            cal.parse_hhmm(block.start)
            cal.parse_hhmm(block.end)
        for (assistant_id, week, weekday), code in self.locked.items():
            if assistant_id not in ids:
                raise PlanInputError(t("core.plan.locked_assistant", assistant=assistant_id))
            if not (0 <= week < self.weeks and 0 <= weekday <= 6):
                raise PlanInputError(t("core.plan.locked_outside", week=week + 1, day=weekday + 1))
            if code is not None and code not in codes:
                raise PlanInputError(t("core.plan.locked_code", code=code))
            if code is not None and not self.assistant(assistant_id).in_pattern:
                raise PlanInputError(t("core.plan.locked_on_call", name=self.assistant(assistant_id).name))


@dataclass(frozen=True)
class SolveOptions:
    """How to solve. ``first_legal`` stops at the first rota the checker accepts."""

    time_limit: float = 10.0  # seconds for the whole search, checks and cuts included
    first_legal: bool = False
    workers: int = 2
    explain: bool = True  # when there is no legal rota, find out why
    explain_time_limit: float = 30.0
    #: Seconds at most for one explaining solve (the core may take three times this): a solve
    #: that runs out says nothing, so a slower machine needs more to reach the same answer.
    explain_step: float = 4.0
    seed: int = 0
    #: Rule encodings to leave out of the model (diagnostics and tests of the check-and-cut
    #: loop: the checker must then find what the model missed).
    skip_rules: frozenset[str] = frozenset()
