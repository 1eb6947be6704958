"""Rota (turnus): an N-week pattern of shift templates rolled out into concrete shifts.

``roll_out`` turns wall-clock templates into instants day by day in Europe/Oslo, so a 22-08
night keeps its wall times across a DST change (and is 9 or 11 elapsed hours that night). A
template time that falls in the spring gap moves forward by the gap (02:30 -> 03:30).

Single occurrences are changed with overrides, applied in order by ``apply_overrides``:
``Swap`` (two assistants exchange two shifts), ``Substitute`` (give a shift to a vikar),
``Cancel``, ``ExtraShift`` and ``ChangeTimes``. Every override carries a ``reason``. An
override that names a shift id that is not there raises ``OverrideError``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bpa_desktop.core import calendar as cal
from bpa_desktop.core.model import Interval, Shift, ShiftKind, ShiftTemplate
from bpa_desktop.i18n import t


@dataclass(frozen=True)
class RotaPattern:
    """``cells`` maps (assistant id, week index 0..weeks-1, weekday 0=Monday) to a template code."""

    weeks: int
    cells: Mapping[tuple[str, int, int], str]

    def __post_init__(self) -> None:
        if self.weeks < 1:
            raise ValueError(t("core.rota.no_weeks"))
        for assistant, week, weekday in self.cells:
            if not (0 <= week < self.weeks and 0 <= weekday <= 6):
                raise ValueError(t("core.rota.cell_outside", assistant=assistant, week=week + 1, day=weekday + 1))


def _after(day: date, hhmm: str, earlier: str, tz: ZoneInfo) -> datetime:
    """``hhmm`` on ``day``, or on the next day when it is at or before ``earlier``."""
    next_day = cal.parse_hhmm(hhmm) <= cal.parse_hhmm(earlier) and hhmm != "24:00"
    return cal.local_instant(day + timedelta(days=1) if next_day else day, hhmm, tz, strict=False)


def template_shift(
    template: ShiftTemplate, assistant: str, day: date, tz: ZoneInfo = cal.OSLO
) -> Shift:
    """One occurrence of a template on ``day`` (a shift ending at or before its start time
    ends the next day; passive time lies inside the shift)."""
    start = cal.local_instant(day, template.start, tz, strict=False)
    end = _after(day, template.end, template.start, tz)
    passive: tuple[Interval, ...] = ()
    if template.passive_start and template.passive_end:
        p_day = day
        if cal.parse_hhmm(template.passive_start) < cal.parse_hhmm(template.start):
            p_day = day + timedelta(days=1)
        p_start = cal.local_instant(p_day, template.passive_start, tz, strict=False)
        p_end = _after(p_day, template.passive_end, template.passive_start, tz)
        passive = (Interval(max(p_start, start, key=_ts), min(p_end, end, key=_ts)),)
    return Shift(
        assistant=assistant,
        start=start,
        end=end,
        passive=passive,
        id=f"{assistant}:{day.isoformat()}:{template.code}",
        code=template.code,
        kind=ShiftKind.PLANNED,
    )


def _ts(instant: datetime) -> float:
    return instant.timestamp()


def roll_out(
    pattern: RotaPattern,
    templates: Mapping[str, ShiftTemplate],
    start: date,
    end: date,
    anchor: date | None = None,
    tz: ZoneInfo = cal.OSLO,
) -> list[Shift]:
    """Concrete shifts for the days ``start``..``end`` (inclusive), ordered by start.

    ``anchor`` is the date week index 0 starts (default: the Monday on or before ``start``).
    Raises KeyError naming a template code that ``templates`` does not have.
    """
    anchor = anchor or cal.iso_monday(start)
    missing = sorted(set(pattern.cells.values()) - set(templates))
    if missing:
        raise KeyError(t("core.rota.unknown_codes", codes=", ".join(missing)))
    by_slot: dict[tuple[int, int], list[tuple[str, str]]] = {}
    for (assistant, week, weekday), code in sorted(pattern.cells.items()):
        by_slot.setdefault((week, weekday), []).append((assistant, code))
    shifts = []
    for day in cal.days(start, end):
        week = ((day - anchor).days // 7) % pattern.weeks
        for assistant, code in by_slot.get((week, day.weekday()), ()):
            shifts.append(template_shift(templates[code], assistant, day, tz))
    return sort_shifts(shifts)


def sort_shifts(shifts: Iterable[Shift]) -> list[Shift]:
    """Shifts by start instant, then assistant and id (a stable, input-order-free order)."""
    return sorted(shifts, key=lambda s: (s.start.timestamp(), s.assistant, s.id or ""))


# --- overrides of single occurrences -----------------------------------------------------------


class OverrideError(ValueError):
    """An override that cannot be applied (e.g. the shift it names is not there)."""


@dataclass(frozen=True, kw_only=True)
class Override:
    """Base of all overrides: every change to a planned occurrence says why."""

    reason: str = ""


@dataclass(frozen=True, kw_only=True)
class Swap(Override):
    """The assistants of two shifts exchange them (bytte av vakt)."""

    first_shift_id: str
    second_shift_id: str


@dataclass(frozen=True, kw_only=True)
class Substitute(Override):
    """A shift is given to another assistant, e.g. a vikar."""

    shift_id: str
    assistant: str


@dataclass(frozen=True, kw_only=True)
class Cancel(Override):
    shift_id: str


@dataclass(frozen=True, kw_only=True)
class ExtraShift(Override):
    """A shift outside the rota (ekstravakt); its kind becomes EXTRA unless set otherwise."""

    shift: Shift


@dataclass(frozen=True, kw_only=True)
class ChangeTimes(Override):
    """New start and end for one occurrence; passive time is kept inside the new span
    unless new ``passive`` is given."""

    shift_id: str
    start: datetime
    end: datetime
    passive: tuple[Interval, ...] | None = None


def _clip_passive(passive: Sequence[Interval], start: datetime, end: datetime) -> tuple[Interval, ...]:
    clipped = []
    for p in passive:
        p_start, p_end = max(p.start, start, key=_ts), min(p.end, end, key=_ts)
        if _ts(p_start) < _ts(p_end):
            clipped.append(Interval(p_start, p_end))
    return tuple(clipped)


def apply_overrides(shifts: Sequence[Shift], overrides: Sequence[Override]) -> list[Shift]:
    """The shifts with the overrides applied in order, sorted like ``roll_out``."""
    by_id: dict[str, Shift] = {}
    for shift in shifts:
        key = shift.id if shift.id is not None else f"#{len(by_id)}"
        by_id[key] = shift

    def take(shift_id: str) -> Shift:
        if shift_id not in by_id:
            raise OverrideError(t("core.rota.no_shift", id=shift_id))
        return by_id[shift_id]

    for override in overrides:
        if isinstance(override, Swap):
            first, second = take(override.first_shift_id), take(override.second_shift_id)
            by_id[override.first_shift_id] = replace(first, assistant=second.assistant, kind=ShiftKind.SWAP)
            by_id[override.second_shift_id] = replace(second, assistant=first.assistant, kind=ShiftKind.SWAP)
        elif isinstance(override, Substitute):
            shift = take(override.shift_id)
            by_id[override.shift_id] = replace(
                shift, assistant=override.assistant, kind=ShiftKind.SUBSTITUTE
            )
        elif isinstance(override, Cancel):
            take(override.shift_id)
            del by_id[override.shift_id]
        elif isinstance(override, ExtraShift):
            shift = override.shift
            if shift.kind == ShiftKind.PLANNED:
                shift = replace(shift, kind=ShiftKind.EXTRA)
            key = shift.id or f"extra:{shift.assistant}:{shift.start.isoformat()}"
            if key in by_id:
                raise OverrideError(t("core.rota.shift_exists", id=key))
            by_id[key] = replace(shift, id=key)
        elif isinstance(override, ChangeTimes):
            if _ts(override.end) <= _ts(override.start):
                raise OverrideError(t("core.rota.end_before_start"))
            shift = take(override.shift_id)
            passive = shift.passive if override.passive is None else override.passive
            by_id[override.shift_id] = replace(
                shift,
                start=override.start,
                end=override.end,
                passive=_clip_passive(passive, override.start, override.end),
            )
        else:
            raise OverrideError(t("core.rota.unknown_change", kind=type(override).__name__))
    return sort_shifts(by_id.values())
