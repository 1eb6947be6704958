"""Normal working time and the hours above it (overtime): the one computation that the
``overtime`` rule (``core.rules``) and pay (``core.pay``) share.

What counts (docs/domain.md, "Readings settled"):

* Under ``aml`` the normal day is 9 h and the normal week 40 h (aml § 10-4): hours above 9 on
  a day are overtime, and of the hours left, those above 40 in the ISO week.
* Under a preset that allows averaging (``individual``: 8 weeks; ``tariff``,
  ``home-employer`` and ``relief``: 26 weeks) a long week is normal time as long as the
  average over the averaging window stays at or below 40 h. The windows are consecutive
  runs of N ISO weeks from an anchor Monday (the first week of the plan unless the caller
  knows better); the overtime is what a window's hours exceed 40 h x N by.
* A shift marked ``kind: overtime`` is overtime as a whole. Its hours do not use up normal
  time, so no hour is overtime twice.

Which hours: the *last* ones. Within a day, a week or an averaging window the hours are
taken in the order they were worked (by shift start) and the hours past the limit are the
overtime. Whether an hour is overtime therefore depends only on the hours before it, so a
pay period's overtime never changes because of work done later.

"Day" is the Oslo calendar day a shift starts, "week" the ISO week it starts in; a shift's
hours all count there. Elapsed time, passive time included (gross length).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from bpa_desktop.core import calendar as cal
from bpa_desktop.core.model import Agreement, Shift, ShiftKind

HOUR = 3600.0
NORMAL_DAY_HOURS = 9.0
NORMAL_WEEK_HOURS = 40.0
_EPS = 1e-6  # seconds: float noise, not overtime

#: Weeks in the averaging window of each preset that allows averaging.
AVERAGING_WEEKS: dict[Agreement, int] = {
    Agreement.INDIVIDUAL: 8,
    Agreement.TARIFF: 26,
    Agreement.HOME_EMPLOYER: 26,
    Agreement.RELIEF: 26,
}


class Why(str, enum.Enum):
    """Why an hour is overtime."""

    MARKED = "marked"  # the shift is marked kind: overtime
    DAY = "day"  # above the normal day
    WEEK = "week"  # above the normal week
    AVERAGE = "average"  # the averaging window's average is above the normal week


@dataclass(frozen=True)
class Reason:
    why: Why
    first: date  # the day (DAY, MARKED), the week's Monday (WEEK) or the window's first Monday
    limit: float = 0.0  # the normal time exceeded, in hours (9 or 40); 0 for MARKED
    weeks: int = 1  # the averaging window's length (AVERAGE)

    @property
    def last(self) -> date:
        """The last day the reason covers."""
        if self.why in (Why.DAY, Why.MARKED):
            return self.first
        return self.first + timedelta(weeks=self.weeks) - timedelta(days=1)

    def to_json(self) -> dict:
        """``{"why", "limit", "first", "last", "weeks"}`` (dates ISO): for ``bpa pay`` and the
        stored timesheet content (``from_json`` reads it back)."""
        return {
            "why": self.why.value,
            "limit": self.limit,
            "first": self.first.isoformat(),
            "last": self.last.isoformat(),
            "weeks": self.weeks,
        }

    @classmethod
    def from_json(cls, data) -> Reason:
        return cls(Why(data["why"]), date.fromisoformat(data["first"]), float(data["limit"]), int(data["weeks"]))


@dataclass(frozen=True)
class Piece:
    """A stretch of one shift that is overtime: [start, end) in POSIX seconds."""

    index: int  # the shift's position in the input sequence
    start: float
    end: float
    reason: Reason

    @property
    def hours(self) -> float:
        return (self.end - self.start) / HOUR


def averaging_weeks(agreement: Agreement | str) -> int | None:
    """The averaging window in weeks, or None when the preset does not average (``aml``)."""
    return AVERAGING_WEEKS.get(Agreement(agreement))


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def plan_anchor(starts: Iterable[float]) -> date | None:
    """The Monday of the week of the earliest start (POSIX seconds): where averaging begins."""
    first = min(starts, default=None)
    if first is None:
        return None
    return monday_of(datetime.fromtimestamp(first, cal.OSLO).date())


def is_marked(shift: Shift) -> bool:
    return shift.kind == ShiftKind.OVERTIME  # a str enum: a plain "overtime" matches too


def pieces_of_spans(
    spans: Sequence[tuple[float, float, date, bool]],
    agreement: Agreement | str,
    anchor: date | None = None,
) -> list[Piece]:
    """Overtime pieces of one assistant's shifts, given as (start, end, start day, marked)
    sorted by start. ``Piece.index`` is the position in ``spans``. ``anchor`` is the Monday
    the averaging windows are counted from (default: the first week in ``spans``)."""
    window = averaging_weeks(agreement)
    if window is not None and anchor is None:
        anchor = plan_anchor(s for s, _, _, _ in spans)
    # Keys are day numbers (proleptic ordinals; day 1 is a Monday), cheaper than dates.
    if window is None:
        keys = [(day.toordinal(), (day.toordinal() - 1) // 7) for _, _, day, _ in spans]
        limits = (NORMAL_DAY_HOURS * HOUR, NORMAL_WEEK_HOURS * HOUR)
    else:
        origin, length = anchor.toordinal(), 7 * window
        keys = [((day.toordinal() - origin) // length,) for _, _, day, _ in spans]
        limits = (NORMAL_WEEK_HOURS * window * HOUR,)
    if not any(m for _, _, _, m in spans) and not _over(spans, keys, limits):
        return []  # most plans: nothing above normal time, nothing marked
    pieces: list[Piece] = []
    used = [{} for _ in limits]  # normal time used so far per day and week, or per window
    for index, ((start, end, day, marked), key) in enumerate(zip(spans, keys)):
        if marked:
            pieces.append(Piece(index, start, end, Reason(Why.MARKED, day)))
            continue
        if window is None:
            day_tail = _take(used[0], key[0], end - start, limits[0])
            cut = end - day_tail
            week_tail = _take(used[1], key[1], cut - start, limits[1])
            if week_tail > _EPS:
                reason = Reason(Why.WEEK, date.fromordinal(key[1] * 7 + 1), NORMAL_WEEK_HOURS)
                pieces.append(Piece(index, cut - week_tail, cut, reason))
            if day_tail > _EPS:
                pieces.append(Piece(index, cut, end, Reason(Why.DAY, day, NORMAL_DAY_HOURS)))
        else:
            tail = _take(used[0], key[0], end - start, limits[0])
            if tail > _EPS:
                first = anchor + timedelta(weeks=key[0] * window)
                pieces.append(Piece(index, end - tail, end, Reason(Why.AVERAGE, first, NORMAL_WEEK_HOURS, window)))
    return pieces


def _over(spans, keys, limits) -> bool:
    """Whether some day, week or window holds more than its normal time."""
    for level, limit in enumerate(limits):
        totals: dict[int, float] = {}
        for (start, end, _, _), key in zip(spans, keys):
            totals[key[level]] = totals.get(key[level], 0.0) + (end - start)
        if max(totals.values(), default=0.0) > limit + _EPS:
            return True
    return False


def _window_first(monday: date, anchor: date, window: int) -> date:
    return anchor + timedelta(weeks=(monday - anchor).days // (7 * window) * window)


def window_start(agreement: Agreement | str, day: date, anchor: date) -> date:
    """The first day of the normal-time window that holds ``day``: its ISO week under ``aml``,
    else its averaging window counted from ``anchor``. Hours before it do not decide whether
    an hour on ``day`` is overtime (only the day, week or window does)."""
    window = averaging_weeks(agreement)
    if window is None:
        return monday_of(day)
    return _window_first(monday_of(day), anchor, window)


def _take(used: dict, key, length: float, limit: float) -> float:
    """Add ``length`` seconds to ``used[key]``; return how much of it lies past ``limit``."""
    before = used.get(key, 0.0)
    used[key] = before + length
    return min(length, max(0.0, before + length - limit))


def find_overtime(
    shifts: Sequence[Shift],
    agreement: Agreement | str = Agreement.AML,
    *,
    anchor: date | None = None,
    seconds: Sequence[tuple[float, float]] | None = None,
) -> list[list[Piece]]:
    """For each shift of ``shifts`` (any order, any assistants), its overtime pieces, with
    ``Piece.index`` its position in ``shifts``. ``anchor``: see ``pieces_of_spans``; the
    default is the first week of all the shifts, the same for every assistant (the plan's
    averaging period). ``seconds``: each shift's (start, end) as POSIX seconds, when the
    caller has them already."""
    if seconds is None:
        seconds = [(s.start.timestamp(), s.end.timestamp()) for s in shifts]
    if anchor is None and averaging_weeks(agreement) is not None:
        anchor = plan_anchor(start for start, _ in seconds)
    by_assistant: dict[str, list[tuple[float, float, int]]] = {}
    for index, (shift, (start, end)) in enumerate(zip(shifts, seconds)):
        by_assistant.setdefault(shift.assistant, []).append((start, end, index))
    result: list[list[Piece]] = [[] for _ in shifts]
    for rows in by_assistant.values():
        rows.sort()
        spans = [(start, end, _oslo_day(shifts[index].start), is_marked(shifts[index])) for start, end, index in rows]
        for piece in pieces_of_spans(spans, agreement, anchor):
            original = rows[piece.index][2]
            result[original].append(Piece(original, piece.start, piece.end, piece.reason))
    return result


def _oslo_day(instant: datetime) -> date:
    # Shifts read from files and storage already carry the Oslo zone: no conversion needed.
    return instant.date() if instant.tzinfo is cal.OSLO else instant.astimezone(cal.OSLO).date()


def weekly_overtime(pieces: Iterable[Piece], days: Sequence[date]) -> dict[date, dict[Why, float]]:
    """Overtime hours per ISO week (keyed by Monday) and reason, as the limits count them.

    ``days`` are the start days of the shifts the pieces index. Day, week and marked
    overtime counts in the week its shift starts; a window's average overtime is spread
    evenly over the window's weeks (docs/domain.md), weeks after the last shift included."""
    weeks: dict[date, dict[Why, float]] = {}
    spread: dict[tuple[date, int], float] = {}
    for piece in pieces:
        if piece.reason.why is Why.AVERAGE:
            key = (piece.reason.first, piece.reason.weeks)
            spread[key] = spread.get(key, 0.0) + piece.hours
            continue
        by_why = weeks.setdefault(monday_of(days[piece.index]), {})
        by_why[piece.reason.why] = by_why.get(piece.reason.why, 0.0) + piece.hours
    for (first, count), hours in spread.items():
        for offset in range(count):
            by_why = weeks.setdefault(first + timedelta(weeks=offset), {})
            by_why[Why.AVERAGE] = by_why.get(Why.AVERAGE, 0.0) + hours / count
    return weeks
