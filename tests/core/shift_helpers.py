"""Shifts for the engine tests, written as Oslo wall-clock text."""

from __future__ import annotations

from bpa_desktop.core.calendar import parse_wall_time
from bpa_desktop.core.model import Interval, Shift, ShiftKind


def make_shift(assistant: str, start: str, end: str, passive=(), kind=ShiftKind.PLANNED, id=None) -> Shift:
    """``make_shift("a1", "2026-03-02T08:00", "2026-03-02T16:00", passive=[("..", "..")])``."""
    return Shift(
        assistant=assistant,
        start=parse_wall_time(start),
        end=parse_wall_time(end),
        passive=tuple(Interval(parse_wall_time(a), parse_wall_time(b)) for a, b in passive),
        id=id,
        kind=kind,
    )
