"""The shape of a shift: what its pay depends on, free of which week it is in.

``core.pay`` pays each shape once. Two shifts have one shape when their times, counted from
midnight of the first day a window can reach them from, are the same, and the days they
touch have the same signature (``windows.day_signature``: weekday, named holiday, eve).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bpa_desktop.core import windows as win
from bpa_desktop.core.windows import Span

_DAY = 86400.0
_signatures: dict[int, tuple] = {}
_midnights: dict[tuple[int, bool], float] = {}


def _midnight(ordinal: int, nominal: bool) -> float:
    point = _midnights.get((ordinal, nominal))
    if point is None:
        point = _midnights[ordinal, nominal] = win.wall_point(date.fromordinal(ordinal), "00:00", nominal)
    return point


def _signature(ordinal: int) -> tuple:
    signature = _signatures.get(ordinal)
    if signature is None:
        signature = _signatures[ordinal] = win.day_signature(date.fromordinal(ordinal))
    return signature


def shape(spans) -> tuple[tuple, float] | None:
    """The shape of a shift's spans (``core.pay._ShiftSpans``) and the axis point it counts
    from; two shifts with one shape get the same hours in every window.

    Rotas repeat week after week, so most shifts of a long file share a shape with an
    earlier one; paying each shape once is what keeps ``bpa pay`` on 200,000 shifts within
    seconds. None (compute it) when moving the shift by whole days could change a window:
    a clock change among its days (Europe/Oslo changes are months apart, and a shift lasts
    at most 7 days, so days whose midnights are n x 24 h apart hold none), or times that are
    not whole seconds (their differences are not exact in floating point)."""
    first, last = spans.days
    start_day, end_day = first.toordinal(), last.toordinal()
    nominal = spans.nominal
    base = _midnights.get((start_day, nominal))
    if base is None:
        base = _midnight(start_day, nominal)
    if not nominal:
        after = _midnights.get((end_day + 1, False))
        if after is None:
            after = _midnight(end_day + 1, False)
        if after - base != (end_day + 1 - start_day) * _DAY:
            return None
    if not (spans.start.is_integer() and spans.end.is_integer()):
        return None
    relative_passive = relative(spans.passive, base)
    if relative_passive is None:
        return None
    days = tuple(_signatures.get(day) or _signature(day) for day in range(start_day, end_day + 1))
    return (days, spans.start - base, spans.end - base, relative_passive), base


def relative(group: Sequence[Span], base: float) -> tuple | None:
    """``group`` counted from ``base``; None when a point is not a whole second."""
    points = []
    for a, b in group:
        if not (a.is_integer() and b.is_integer()):
            return None
        points += (a - base, b - base)
    return tuple(points)
