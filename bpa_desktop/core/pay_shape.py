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
    nominal = spans.nominal
    span = (first, last, nominal)
    facts = _ranges.get(span)
    if facts is None:
        facts = _ranges[span] = _range_facts(first.toordinal(), last.toordinal(), nominal)
    base, signatures = facts
    if signatures is None:
        return None
    start, end = spans.start, spans.end
    if not (start.is_integer() and end.is_integer()):
        return None
    if spans.passive:
        relative_passive = relative(spans.passive, base)
        if relative_passive is None:
            return None
    else:
        relative_passive = ()
    return (signatures, start - base, end - base, relative_passive), base


_ranges: dict[tuple, tuple[float, tuple | None]] = {}


def _range_facts(start_day: int, end_day: int, nominal: bool) -> tuple[float, tuple | None]:
    """Midnight of ``start_day`` on the axis, and the signatures of the days up to
    ``end_day`` (None when a clock change falls among them)."""
    base = _midnight(start_day, nominal)
    if not nominal and _midnight(end_day + 1, False) - base != (end_day + 1 - start_day) * _DAY:
        return base, None
    return base, tuple(_signature(day) for day in range(start_day, end_day + 1))


def relative(group: Sequence[Span], base: float) -> tuple | None:
    """``group`` counted from ``base``; None when a point is not a whole second."""
    points = []
    for a, b in group:
        if not (a.is_integer() and b.is_integer()):
            return None
        points += (a - base, b - base)
    return tuple(points)
