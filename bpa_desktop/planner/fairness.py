"""The fairness table: weekends, nights, evenings and holidays per assistant, against their
fair share by employment percent. A pure function of a pattern and its roll-out, so the UI
can show it for the current pattern and for a proposal side by side.

Counts are per pattern cycle (weekends, nights, evenings, hours per week) and over the whole
period (holiday periods: holidays do not repeat with the pattern). A weekend is worked when
a shift has time between Saturday 00:00 and Monday 00:00 of the pattern week; a night shift
has at least 2 h between 00:00 and 06:00, an evening shift (not a night) at least 2 h between
17:00 and 21:00.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bpa_desktop.core.model import Shift, ShiftTemplate
from bpa_desktop.core.rota import RotaPattern
from bpa_desktop.planner.cycle import DAY, template_spans
from bpa_desktop.planner.horizon import HolidayPeriod
from bpa_desktop.planner.objective import category_of


@dataclass(frozen=True)
class FairnessRow:
    assistant: str
    name: str
    employment_percent: float
    weekends: int  # per cycle
    weekends_share: float  # the fair share of the cycle's worked weekends
    nights: int
    nights_share: float
    evenings: int
    evenings_share: float
    holidays: int  # over the period
    holidays_share: float
    hours_per_week: float  # pattern hours / weeks
    contract_hours: float  # employment percent x full-time week

    @property
    def weekends_above_share(self) -> float:
        return self.weekends - self.weekends_share


def _shares(counts: dict[str, int], percents: Mapping[str, float]) -> dict[str, float]:
    total, pct = sum(counts.values()), sum(percents.values())
    return {a: (total * percents[a] / pct if pct else 0.0) for a in counts}


def fairness_table(
    pattern: RotaPattern,
    templates: Mapping[str, ShiftTemplate],
    assistants: Sequence[tuple[str, str, float]],  # (id, name, employment percent)
    shifts: Sequence[Shift] = (),
    holiday_periods: Sequence[HolidayPeriod] = (),
    full_time_hours: float = 37.5,
) -> list[FairnessRow]:
    """One row per assistant in ``assistants`` (in that order)."""
    ids = [a for a, _, _ in assistants]
    weekends = {a: 0 for a in ids}
    nights = dict(weekends)
    evenings = dict(weekends)
    minutes = dict(weekends)
    worked_weekend = set()
    for (assistant, week, weekday), code in pattern.cells.items():
        if assistant not in weekends:
            continue
        template = templates[code]
        whole, _ = template_spans(template, weekday)
        minutes[assistant] += whole[1] - whole[0]
        if whole[0] < 7 * DAY and whole[1] > 5 * DAY:
            worked_weekend.add((assistant, week))
        category = category_of(template)
        if category == "night":
            nights[assistant] += 1
        elif category == "evening":
            evenings[assistant] += 1
    for assistant, week in worked_weekend:
        weekends[assistant] += 1
    holidays = dict.fromkeys(ids, 0)
    named = [p for p in holiday_periods if p.named]
    for period in named:
        for assistant in {s.assistant for s in shifts
                          if s.start.timestamp() < period.end and s.end.timestamp() > period.start}:
            if assistant in holidays:
                holidays[assistant] += 1
    percents = {a: pct for a, _, pct in assistants}
    shares = {name: _shares(counts, percents)
              for name, counts in (("w", weekends), ("n", nights), ("e", evenings), ("h", holidays))}
    return [
        FairnessRow(
            assistant=a, name=name, employment_percent=pct,
            weekends=weekends[a], weekends_share=shares["w"][a],
            nights=nights[a], nights_share=shares["n"][a],
            evenings=evenings[a], evenings_share=shares["e"][a],
            holidays=holidays[a], holidays_share=shares["h"][a],
            hours_per_week=minutes[a] / 60 / pattern.weeks,
            contract_hours=pct / 100 * full_time_hours,
        )
        for a, name, pct in assistants
    ]

