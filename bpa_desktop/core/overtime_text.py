"""Words for overtime: why an hour is overtime, and the ``overtime`` finding's message.

Every text is a keyed message of ``bpa_desktop.i18n`` (nb and en) with parameters, so the
language is the one the person chose (bokmål by default, as ``bpa check`` prints it).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from bpa_desktop.core.normal_time import Reason, Why
from bpa_desktop import text_format
from bpa_desktop.i18n import message

_WHY_ORDER = (Why.DAY, Why.WEEK, Why.AVERAGE, Why.MARKED)


def hours_text(hours: float) -> str:
    """9 -> "9", 9.5 -> "9,5" in nb, "9.5" in en (at most two decimals)."""
    return text_format.short_number(hours)


def range_text(first: date, last: date) -> str:
    """"2.–8. mars" (nb) / "2–8 March" (en), or one date; months as needed."""
    return text_format.day_range(first, last)


def _week(day: date) -> int:
    return day.isocalendar()[1]


def reason_text(reason: Reason) -> str:
    """Why the hours are overtime: "over 9 t denne dagen", "over 40 t i uke 14" ..."""
    limit = hours_text(reason.limit)
    if reason.why is Why.MARKED:
        return message("overtime_why_marked")
    if reason.why is Why.DAY:
        return message("overtime_why_day", limit=limit)
    if reason.why is Why.WEEK:
        return message("overtime_why_week", limit=limit, week=_week(reason.first))
    last_monday = reason.last - timedelta(days=6)
    return message("overtime_why_average", weeks=reason.weeks, first=_week(reason.first),
                   last=_week(last_monday), limit=limit)


def parts_text(by_why: Mapping[Why, float], weeks: int | None) -> str:
    """"10 t over 9 t per dag og 5 t over 40 t per uke" for hours by reason."""
    parts = []
    for why in _WHY_ORDER:
        hours = by_why.get(why, 0.0)
        if hours <= 1e-9:
            continue
        text_hours = hours_text(hours)
        if why is Why.MARKED:
            parts.append(message("overtime_part_marked", hours=text_hours))
        elif why is Why.DAY:
            parts.append(message("overtime_part_day", hours=text_hours, limit=hours_text(9)))
        elif why is Why.WEEK:
            parts.append(message("overtime_part_week", hours=text_hours, limit=hours_text(40)))
        else:
            parts.append(message("overtime_part_average", hours=text_hours, limit=hours_text(40), weeks=weeks))
    return text_format.joined(parts)


def finding_message(
    name: str, hours: float, span: int, first: date, last: date, by_why: Mapping[Why, float],
    limit: float, averaging_weeks: int | None,
) -> str:
    """The ``overtime`` finding: who, how many hours in which week or weeks, why, the limit."""
    dates = range_text(first, last)
    if span == 1:
        period = message("overtime_in_week", week=_week(first), dates=dates)
        per = message("overtime_per_week")
    else:
        period = message("overtime_in_weeks", weeks=span, dates=dates)
        per = message("overtime_per_weeks", weeks=span)
    return message(
        "overtime_finding", name=name, hours=hours_text(hours), period=period,
        parts=parts_text(by_why, averaging_weeks), limit=hours_text(limit), per=per,
    )
