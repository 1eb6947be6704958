"""Working hours: per day and week, the 8-week average, overtime from normal time, the
assistant's contract share and the vedtak's yearly grant."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from bpa_desktop.core import calendar as cal
from bpa_desktop.core import normal_time as nt
from bpa_desktop.core import overtime_text
from bpa_desktop.core.budget import granted_hours
from bpa_desktop.core.model import Agreement, Shift, Vedtak
from bpa_desktop.core.rules.facts import HOUR, _Collector, _Person, _rolling, _runs
from bpa_desktop.core.rules.limits import LAW, Limits, _reference, _severity_above
from bpa_desktop.core.rules.wording import (
    _day,
    _hours_allowed,
    _week_label,
    fmt_date,
    fmt_hours,
    fmt_range,
    hours,
    weekday,
)
from bpa_desktop.i18n import t


def _working_hours(rule: str, groups: dict, when, normal: float, preset: float, law: float,
                   person: _Person, limits: Limits, out: _Collector) -> None:
    """Findings for the days or weeks (``groups``) with more hours than normal working time;
    ``when(key)`` names the day or week in the message."""
    allowed = reference = None  # written only for a day or week that has a finding (most have none)
    for key, (worked, first, last) in sorted(groups.items()):
        severity = _severity_above(worked, normal, preset)
        if severity is not None:
            if allowed is None:
                allowed = _hours_allowed(normal, preset, law, limits)
                reference = _reference("aml § 10-4, § 10-5, § 10-6 (8)", preset, law, limits)
            out.add(rule, severity, person.id, first, last,
                    t("findings.working_hours", name=person.name, hours=hours(worked), when=when(key),
                      allowed=allowed), reference)


def _daily_hours(person: _Person, limits: Limits, out: _Collector) -> None:
    _working_hours("daily-hours", person.by_day, lambda day: t("findings.day_label", weekday=weekday(day), day=fmt_date(day)),
                   LAW.daily_hours_normal, limits.daily_hours, LAW.daily_hours, person, limits, out)


def _weekly_hours(person: _Person, limits: Limits, out: _Collector) -> None:
    _working_hours("weekly-hours", person.by_week, lambda monday: t("findings.in_week", week=_week_label(monday)),
                   LAW.weekly_hours_normal, limits.weekly_hours, LAW.weekly_hours, person, limits, out)


def _average_hours(person: _Person, limits: Limits, out: _Collector) -> None:
    weeks = person.by_week
    failing = [(s, e, total / 8) for s, e, total, _ in _rolling(weeks, 8)
               if _severity_above(total / 8, LAW.average_hours, limits.average_hours)]
    for start, end, worst in _runs(failing):
        severity = _severity_above(worst, LAW.average_hours, limits.average_hours)
        out.add(
            "average-hours", severity, person.id, start, end,
            t("findings.average_hours", name=person.name, hours=hours(worst), dates=fmt_range(_day(start), _day(end)),
              limit=hours(limits.average_hours)),
            _reference("aml § 10-5, § 10-6 (8)", limits.average_hours, LAW.average_hours, limits),
        )


def _overtime(person: _Person, limits: Limits, out: _Collector, agreement: Agreement, anchor: date | None) -> None:
    """Hours above normal time (``core.normal_time``) per week, 4 and 52 weeks."""
    spans = list(zip(person.starts, person.ends, person.days, person.marked))
    pieces = nt.pieces_of_spans(spans, agreement, anchor)
    if not pieces:
        return
    per_week = nt.weekly_overtime(pieces, person.days)
    weeks: dict[date, tuple[float, float, float]] = {}
    for monday, by_why in per_week.items():
        total = sum(by_why.values())
        if total > 1e-9:
            # A week the average spreads overtime into may hold no shift: the week itself.
            _, first, last = person.by_week.get(monday) or (
                0.0, _week_start(monday), _week_start(monday + timedelta(days=7))
            )
            weeks[monday] = (total, first, last)
    window = nt.averaging_weeks(agreement)
    for span, law, preset in zip((1, 4, 52), LAW.overtime, limits.overtime):
        failing = [(s, e, total, monday) for s, e, total, monday in _rolling(weeks, span)
                   if _severity_above(total, law, preset)]
        for start, end, worst, monday in _runs(failing):
            by_why: dict = {}
            for offset in range(span):
                for why, part in per_week.get(monday + timedelta(weeks=offset), {}).items():
                    by_why[why] = by_why.get(why, 0.0) + part
            first_day = monday if span == 1 else _day(start)
            last_day = monday + timedelta(days=6) if span == 1 else _day(end)
            out.add(
                "overtime", _severity_above(worst, law, preset), person.id, start, end,
                overtime_text.finding_message(person.name, worst, span, first_day, last_day, by_why,
                                              preset, window),
                _reference("aml § 10-6 (4)", preset, law, limits),
            )


def _week_start(monday: date) -> float:
    return cal.day_start(monday).timestamp()


def _contract_hours(person: _Person, percent: float, full_time: float, weeks: int, out: _Collector) -> None:
    total = sum((e - s) / HOUR for s, e in zip(person.starts, person.ends))
    average = total / weeks
    allowed = percent / 100 * full_time
    if average > allowed + 1e-9:
        out.add(
            "contract-hours", "warning", person.id, person.starts[0], max(person.ends),
            t("findings.contract_hours", name=person.name, hours=hours(average), count=weeks,
              percent=fmt_hours(percent), full_time=hours(full_time), allowed=hours(allowed)),
            t("findings.contract_reference"),
        )


def _vedtak_hours(shifts: Sequence[Shift], vedtak_list: Sequence[Vedtak], out: _Collector) -> None:
    by_year: dict[int, list[tuple[float, float]]] = {}
    for shift in shifts:
        start = shift.start.timestamp()
        by_year.setdefault(_day(start).year, []).append((start, shift.end.timestamp()))
    for year, spans in sorted(by_year.items()):
        granted = granted_hours(vedtak_list, year)
        spans.sort()
        used = 0.0
        crossed = None
        for start, end in spans:
            used += (end - start) / HOUR
            if crossed is None and used > granted + 1e-9:
                crossed = start
        if crossed is None:
            continue
        out.add(
            "vedtak-hours", "warning", "", crossed, max(e for _, e in spans),
            t("findings.vedtak_hours", used=hours(used), year=year, granted=hours(granted),
              day=fmt_date(_day(crossed))),
            t("findings.vedtak_reference"),
        )
