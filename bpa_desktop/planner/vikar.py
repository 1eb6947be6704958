"""Finn vikar: who can take a shift nobody has (sick leave, a cancelled shift), best first.

``find_vikar(gap, plan, assistants, agreement)`` tries the gap on every assistant but the one
it came from: the checker runs over the assistant's own shifts around it (27 weeks either
side, so the 26-week Sunday rule sees all it needs) with and without the gap. Anyone the gap
would give a new ``error`` is left out (with the errors, or the reason they are not
available); the others are ranked by the warnings the gap adds, then by how much room they
have left against their contract hours that week.

``vedtak-hours`` is not judged here: moving a shift from one assistant to another does not
change the arrangement's hours.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import timedelta

from bpa_desktop.core import calendar as cal
from bpa_desktop.core.model import Agreement, Shift, ShiftKind
from bpa_desktop.core.rules import RULE_IDS, Finding, check
from bpa_desktop.planner.problem import PlanAssistant
from bpa_desktop.planner.reasons import Reason

REACH = timedelta(weeks=27)
RULES = tuple(r for r in RULE_IDS if r != "vedtak-hours")


@dataclass(frozen=True)
class VikarCandidate:
    assistant: str
    name: str
    new_warnings: tuple[Finding, ...]
    week_hours: float  # planned hours in the gap's ISO week, the gap included
    contract_hours: float  # a week of their contract (employment percent x full time)
    shift: Shift  # the gap as theirs (kind SUBSTITUTE): what to save

    @property
    def room(self) -> float:
        """Contract hours left in the week after taking the gap (negative: above contract)."""
        return self.contract_hours - self.week_hours


@dataclass(frozen=True)
class VikarRefusal:
    assistant: str
    name: str
    reason: Reason | None  # not available (their unavailable dates, weekdays or codes)
    new_errors: tuple[Finding, ...]  # or the errors taking the gap would give them


@dataclass(frozen=True)
class VikarSearch:
    candidates: tuple[VikarCandidate, ...]  # best first
    refused: tuple[VikarRefusal, ...]


def _identity(finding: Finding) -> tuple:
    return (finding.rule, finding.severity, finding.start.timestamp(), finding.end.timestamp(), finding.message)


def _unavailable(person: PlanAssistant, gap: Shift) -> Reason | None:
    day = cal.to_local(gap.start).date()
    if day in person.unavailable_dates:
        return Reason("plan_reason_dates", {"name": person.name, "dates": [day]})
    if day.weekday() in person.unavailable_weekdays:
        return Reason("plan_reason_weekdays", {"name": person.name, "weekdays": [day.weekday()]})
    if gap.code is not None and gap.code in person.cannot:
        return Reason("plan_reason_cannot", {"name": person.name, "codes": [gap.code]})
    return None


def find_vikar(
    gap: Shift,
    plan: Sequence[Shift],
    assistants: Sequence[PlanAssistant],
    agreement: Agreement = Agreement.AML,
    *,
    full_time_hours: float = 37.5,
) -> VikarSearch:
    """Rank who can take ``gap`` (its ``assistant`` is the one it came from, or "").

    ``plan`` is everyone's planned shifts (the gap itself may be among them: it is left out).
    """
    lower = gap.start.timestamp() - REACH.total_seconds()
    upper = gap.end.timestamp() + REACH.total_seconds()
    nearby = [s for s in plan if lower < s.start.timestamp() < upper and s is not gap and s.id != gap.id]
    monday = cal.iso_monday(cal.to_local(gap.start).date())
    week_start = cal.day_start(monday).timestamp()
    week_end = cal.day_start(monday + timedelta(days=7)).timestamp()
    names = {a.id: a.name for a in assistants}
    percents = {a.id: a.employment_percent for a in assistants}
    candidates, refused = [], []
    for person in assistants:
        if person.id == gap.assistant:
            continue
        reason = _unavailable(person, gap)
        if reason is not None:
            refused.append(VikarRefusal(person.id, person.name, reason, ()))
            continue
        own = [s for s in nearby if s.assistant == person.id]
        taken = replace(gap, assistant=person.id, kind=ShiftKind.SUBSTITUTE)
        options = dict(names=names, employment_percent=percents, full_time_hours=full_time_hours, rules=RULES)
        before = {_identity(f) for f in check(own, agreement, **options)} if own else set()
        after = check(own + [taken], agreement, **options)
        new = [f for f in after if _identity(f) not in before]
        errors = tuple(f for f in new if f.severity == "error")
        if errors:
            refused.append(VikarRefusal(person.id, person.name, None, errors))
            continue
        week_hours = sum(s.hours for s in own + [taken] if week_start <= s.start.timestamp() < week_end)
        candidates.append(VikarCandidate(
            person.id, person.name, tuple(new), week_hours,
            person.employment_percent / 100 * full_time_hours, taken,
        ))
    candidates.sort(key=lambda c: (len(c.new_warnings), -c.room, c.name))
    return VikarSearch(tuple(candidates), tuple(refused))
