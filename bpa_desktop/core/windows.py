"""Wall-clock windows on a time axis, and the interval arithmetic to measure them.

A window is a list of clauses "on these days, from HH:MM to HH:MM" (an end at or before the
start runs into the next day; the day selector applies to the day the clause starts). The
docs/domain.md pay windows are defined this way below, and pay-code profiles define their own
tariff windows with the same clauses, as data.

Everything is measured on a float axis of seconds:

* ``elapsed`` (the default): POSIX timestamps, so lengths are elapsed time (DST-correct);
* ``nominal``: local wall-clock seconds, for employers who pay night shifts on nominal clock
  hours (a 22-08 night is 10 h on both DST nights).

Intervals are half-open ``(start, end)`` tuples, kept sorted and merged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from bpa_desktop.core import calendar as cal

Span = tuple[float, float]

_EPOCH_NAIVE = datetime(1970, 1, 1)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


# --- interval arithmetic ------------------------------------------------------------------


def merge(spans) -> list[Span]:
    """Sort and merge overlapping or touching spans; drop empty ones."""
    merged: list[Span] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def clip(spans: list[Span], start: float, end: float) -> list[Span]:
    """The parts of merged ``spans`` inside [start, end)."""
    return [(max(a, start), min(b, end)) for a, b in spans if a < end and b > start]


def length(spans: list[Span]) -> float:
    return sum(b - a for a, b in spans)


def intersect(first: list[Span], second: list[Span]) -> list[Span]:
    """Intersection of two merged span lists."""
    result: list[Span] = []
    i = j = 0
    while i < len(first) and j < len(second):
        start = max(first[i][0], second[j][0])
        end = min(first[i][1], second[j][1])
        if start < end:
            result.append((start, end))
        if first[i][1] < second[j][1]:
            i += 1
        else:
            j += 1
    return result


def subtract(spans: list[Span], removed: list[Span]) -> list[Span]:
    """``spans`` minus ``removed`` (both merged)."""
    result: list[Span] = []
    for start, end in spans:
        cursor = start
        for r_start, r_end in removed:
            if r_end <= cursor or r_start >= end:
                continue
            if r_start > cursor:
                result.append((cursor, r_start))
            cursor = max(cursor, r_end)
        if cursor < end:
            result.append((cursor, end))
    return result


# --- the time axis ------------------------------------------------------------------------


def to_axis(instant: datetime, nominal: bool = False) -> float:
    """An aware instant on the axis: POSIX seconds, or local wall-clock seconds if nominal."""
    if not nominal:
        return instant.timestamp()
    wall = instant.astimezone(cal.OSLO).replace(tzinfo=None)
    return (wall - _EPOCH_NAIVE).total_seconds()


@lru_cache(maxsize=8192)
def wall_point(day: date, hhmm: str, nominal: bool = False) -> float:
    """Wall-clock ``hhmm`` on ``day`` (Europe/Oslo) on the axis; a gap time moves forward."""
    if nominal:
        hour, minute = cal.parse_hhmm(hhmm)
        wall = datetime(day.year, day.month, day.day) + timedelta(hours=hour, minutes=minute)
        return (wall - _EPOCH_NAIVE).total_seconds()
    return cal.local_instant(day, hhmm, strict=False).timestamp()


def local_day(point: float, nominal: bool = False) -> date:
    """The local calendar date of an axis point."""
    if nominal:
        return (_EPOCH_NAIVE + timedelta(seconds=point)).date()
    return datetime.fromtimestamp(point, cal.OSLO).date()


# --- day selectors and windows ----------------------------------------------------------

DAY_SELECTORS = {
    "any": lambda d: True,
    "weekday": lambda d: d.weekday() < 5,
    "holiday": cal.is_named_holiday,  # public holiday other than an ordinary Sunday
    "public-holiday": cal.is_public_holiday,  # every Sunday and named holiday
    "easter-saturday": cal.is_easter_saturday,
    "noon-eve": cal.is_noon_eve,
    "christmas-easter-whitsun-eve": cal.is_christmas_easter_or_whitsun_eve,
    "christmas-eve": lambda d: cal.eve_name(d) == cal.CHRISTMAS_EVE,
    "new-years-eve": lambda d: cal.eve_name(d) == cal.NEW_YEARS_EVE,
    "whitsun-eve": lambda d: cal.eve_name(d) == cal.WHITSUN_EVE,
    "wednesday-before-maundy-thursday": (
        lambda d: cal.eve_name(d) == cal.WEDNESDAY_BEFORE_MAUNDY_THURSDAY
    ),
    **{name: (lambda n: lambda d: d.weekday() == n)(n) for n, name in enumerate(_WEEKDAYS)},
}


def day_signature(day: date) -> tuple[int, bool, str | None]:
    """What the day selectors look at: the weekday, whether the day is a named holiday, and
    its eve name. Days with one signature match the same selectors (a test holds every
    selector to this), so a window covers the same clock times on them."""
    return day.weekday(), cal.is_named_holiday(day), cal.eve_name(day)


@dataclass(frozen=True)
class Clause:
    """On days matching any of ``days``, from ``start`` to ``end`` (HH:MM, wall clock)."""

    days: tuple[str, ...]
    start: str = "00:00"
    end: str = "24:00"

    def __post_init__(self) -> None:
        unknown = [d for d in self.days if d not in DAY_SELECTORS]
        if unknown:
            raise ValueError(f"ukjent dagvelger i vindu: {', '.join(unknown)}")
        cal.parse_hhmm(self.start)
        cal.parse_hhmm(self.end)

    @property
    def wraps(self) -> bool:
        return self.end != "24:00" and cal.parse_hhmm(self.end) <= cal.parse_hhmm(self.start)


@lru_cache(maxsize=16384)
def _day_matches(selectors: tuple[str, ...], day: date) -> bool:
    return any(DAY_SELECTORS[s](day) for s in selectors)


def _clause_span(clause: Clause, day: date, nominal: bool) -> Span | None:
    if not _day_matches(clause.days, day):
        return None
    end_day = day + timedelta(days=1) if clause.wraps else day
    return wall_point(day, clause.start, nominal), wall_point(end_day, clause.end, nominal)


def days_touched(start: float, end: float, nominal: bool = False) -> tuple[date, date]:
    """The local days whose clauses can reach into [start, end): from the day before the
    start (a clause such as 21:00-06:00 runs into the next day) to the day of the end."""
    return local_day(start, nominal) - timedelta(days=1), local_day(end, nominal)


# Per window (a clauses tuple, by identity) and axis: day ordinal -> the spans its clauses
# start on that day, in order. Filled as days are asked for, never evicted: a shift file
# touches each day once per window, and LRU caches sized for a year thrashed on a long file
# (and hashing the Clause dataclasses on every look-up cost more than the look-up).
_DAY_TABLES: dict[tuple[int, bool], tuple[tuple[Clause, ...], dict[int, tuple[Span, ...]]]] = {}


def _day_table(clauses: tuple[Clause, ...], nominal: bool) -> dict[int, tuple[Span, ...]]:
    key = (id(clauses), nominal)
    entry = _DAY_TABLES.get(key)
    if entry is None or entry[0] is not clauses:  # the tuple is kept, so its id stays its own
        entry = _DAY_TABLES[key] = (clauses, {})
    return entry[1]


def _spans_on(clauses: tuple[Clause, ...], ordinal: int, nominal: bool) -> tuple[Span, ...]:
    day = date.fromordinal(ordinal)
    spans = (_clause_span(clause, day, nominal) for clause in clauses)
    return tuple(sorted(span for span in spans if span is not None))


def window_spans(
    clauses: tuple[Clause, ...], start: float, end: float, nominal: bool = False,
    days: tuple[date, date] | None = None,
) -> list[Span]:
    """The merged parts of a window inside [start, end) on the axis; ``days`` is
    ``days_touched(start, end, nominal)`` when the caller has it already."""
    first, last = days or days_touched(start, end, nominal)
    table = _day_table(clauses, nominal)
    spans: list[Span] = []
    # A clause starts on its own day, so the spans come sorted by start; merge as we go.
    for ordinal in range(first.toordinal(), last.toordinal() + 1):
        day_spans = table.get(ordinal)
        if day_spans is None:
            day_spans = table[ordinal] = _spans_on(clauses, ordinal, nominal)
        for a, b in day_spans:
            if a < end and b > start:
                if a < start:
                    a = start
                if b > end:
                    b = end
                if spans and a <= spans[-1][1]:
                    if b > spans[-1][1]:
                        spans[-1] = (spans[-1][0], b)
                else:
                    spans.append((a, b))
    return spans


def _whole(*days: str) -> tuple[Clause, ...]:
    return (Clause(days=days),)


#: The docs/domain.md pay windows other than ``total`` and ``passive`` (contract).
BASE_WINDOWS: dict[str, tuple[Clause, ...]] = {
    "evening": (Clause(days=("any",), start="17:00", end="21:00"),),
    "night": (Clause(days=("any",), start="21:00", end="06:00"),),
    "saturday": _whole("saturday"),
    "sunday": _whole("sunday"),
    "holiday": _whole("holiday"),
}

#: Window ids in the order ``bpa pay`` prints them.
WINDOW_IDS = ("total", "passive", "evening", "night", "saturday", "sunday", "holiday")
