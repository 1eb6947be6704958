"""iCalendar (.ics) of one assistant's shifts, for their phone or calendar app.

One VEVENT per shift. The UID is stable per shift id (``<id>@bpa-desktop``), so importing
an updated file moves a changed shift instead of adding a second copy. Start and end carry
TZID=Europe/Oslo with the matching VTIMEZONE, so a night across a DST change keeps its real
elapsed length in any calendar app. The file says only what the assistant needs: code,
template name, times and passive time, in the current language (export.ical.*). No health
data, and no other assistant's name or shifts (shifts of anyone else are dropped, not just
hidden).

The VTIMEZONE: icalendar's ``add_missing_timezones()`` writes Europe/Oslo as lists of
RDATEs with the spring onset at 03:00 (RFC 5545 wants the local time before the change,
02:00) and only for 1970-2037; vobject then reads the whole year as +01:00. So when tzdata
shows that the EU rule (last Sunday of March and of October, 01:00 UTC) holds for every year
the shifts touch, the zone is written in the usual RRULE form instead; otherwise (the rule
changed) icalendar's own component is used.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import icalendar

from bpa_desktop.core.model import Shift, ShiftKind, ShiftTemplate
from bpa_desktop.export import formats as fmt
from bpa_desktop.i18n import t

UID_DOMAIN = "bpa-desktop"
PRODID = "-//bpa-desktop//bpa-desktop turnus//NB"

#: the catalogue entry naming a shift that is not the rota's own
KIND_LABELS = {
    ShiftKind.EXTRA: "export.ical.extra",
    ShiftKind.OVERTIME: "export.ical.overtime",
    ShiftKind.SWAP: "export.ical.swap",
    ShiftKind.SUBSTITUTE: "export.ical.substitute",
}


def shift_uid(shift: Shift) -> str:
    """A UID that stays the same each time the same shift is exported.

    Shifts from the database have an id. A shift without one (from a shift file) is named by
    assistant and start instant, which is stable as long as the shift is not moved.
    """
    if shift.id:
        key = str(shift.id)
    else:
        start_utc = fmt.local(shift.start).astimezone(timezone.utc)
        digest = hashlib.sha256(f"{shift.assistant}|{start_utc:%Y%m%dT%H%M%SZ}".encode()).hexdigest()
        key = f"noid-{digest[:24]}"
    return f"{key}@{UID_DOMAIN}"


def _last_sunday(year: int, month: int) -> date:
    last = date(year, month + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() + 1) % 7)


def _eu_rule_holds(years: range) -> bool:
    """True when tzdata's Europe/Oslo offsets for these years are exactly the EU DST rule."""
    for year in years:
        spring = datetime.combine(_last_sunday(year, 3), time(1), timezone.utc)
        autumn = datetime.combine(_last_sunday(year, 10), time(1), timezone.utc)
        # Every hour of the year would be exact but slow; every day at the change's UTC hour
        # plus the hours either side of each change pins the rule down.
        instant = datetime(year, 1, 1, 1, tzinfo=timezone.utc)
        while instant.year == year:
            expected = 2 if spring <= instant < autumn else 1
            if fmt.local(instant).utcoffset() != timedelta(hours=expected):
                return False
            instant += timedelta(days=1)
        for change, before, after in ((spring, 1, 2), (autumn, 2, 1)):
            if fmt.local(change - timedelta(seconds=1)).utcoffset() != timedelta(hours=before):
                return False
            if fmt.local(change).utcoffset() != timedelta(hours=after):
                return False
    return True


def oslo_vtimezone(first_year: int) -> icalendar.Timezone:
    """Europe/Oslo under the EU rule from `first_year` on, with onsets in RFC 5545 form."""
    zone = icalendar.Timezone()
    zone.add("tzid", "Europe/Oslo")
    standard = icalendar.TimezoneStandard()
    # Onsets in local time before the change: 03:00 summer time in October, 02:00 in March.
    standard.add("dtstart", datetime.combine(_last_sunday(first_year - 1, 10), time(3)))
    standard.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    standard.add("tzoffsetfrom", timedelta(hours=2))
    standard.add("tzoffsetto", timedelta(hours=1))
    standard.add("tzname", "CET")
    daylight = icalendar.TimezoneDaylight()
    daylight.add("dtstart", datetime.combine(_last_sunday(first_year, 3), time(2)))
    daylight.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    daylight.add("tzoffsetfrom", timedelta(hours=1))
    daylight.add("tzoffsetto", timedelta(hours=2))
    daylight.add("tzname", "CEST")
    zone.add_component(standard)
    zone.add_component(daylight)
    return zone


def ical_time(instant: datetime) -> datetime:
    """Oslo wall time, or UTC for the second 02:00-03:00 of the autumn change.

    A local time with TZID in that hour means its first occurrence (RFC 5545 3.3.5), so an
    instant in the repeat can only be written exactly in UTC.
    """
    wall = fmt.local(instant)
    if wall.fold and wall.replace(fold=0).utcoffset() != wall.utcoffset():
        return wall.astimezone(timezone.utc)
    return wall


def _hm(instant: datetime) -> str:
    return f"{fmt.local(instant):%H:%M}"


def summary(shift: Shift, template: ShiftTemplate | None) -> str:
    if template is not None:
        return f"{template.code} – {template.name}"
    if shift.code:
        return t("export.ical.summary_code", code=shift.code)
    return t("export.ical.summary")


def description(shift: Shift) -> str:
    lines = [t("export.ical.shift", start=_hm(shift.start), end=_hm(shift.end), hours=fmt.fmt_number(shift.hours))]
    passive_hours = sum(interval.hours for interval in shift.passive)
    if shift.passive:
        spans = ", ".join(f"{_hm(i.start)}–{_hm(i.end)}" for i in shift.passive)
        lines.append(t("export.ical.passive", spans=spans, hours=fmt.fmt_number(passive_hours)))
    else:
        lines.append(t("export.ical.no_passive"))
    if shift.kind in KIND_LABELS:
        lines.append(t(KIND_LABELS[shift.kind]) + ".")
    return "\n".join(lines)


def build_calendar(
    assistant_id: str,
    shifts: Iterable[Shift],
    templates: Sequence[ShiftTemplate],
    calendar_name: str | None = None,
    generated_at: datetime | None = None,
) -> icalendar.Calendar:
    """The calendar of `assistant_id`'s shifts; everyone else's shifts are left out.

    `generated_at` is the DTSTAMP of every event (now, unless given: tests pass a fixed one).
    `calendar_name` is shown by calendar apps ("Vakter" / "Shifts" unless given); keep it free
    of the recipient's name.
    """
    stamp = (generated_at or datetime.now(timezone.utc)).astimezone(timezone.utc)
    by_code = {template.code: template for template in templates}
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", calendar_name or t("export.ical.calendar_name"))
    calendar.add("x-wr-timezone", "Europe/Oslo")
    own = sorted((s for s in shifts if s.assistant == assistant_id), key=lambda s: s.start)
    use_rule = False
    if own:
        years = range(fmt.local(own[0].start).year, max(fmt.local(s.end).year for s in own) + 1)
        use_rule = _eu_rule_holds(years)
        if use_rule:
            calendar.add_component(oslo_vtimezone(years.start))
    for shift in own:
        event = icalendar.Event()
        event.add("uid", shift_uid(shift))
        event.add("dtstamp", stamp)
        event.add("dtstart", ical_time(shift.start))
        event.add("dtend", ical_time(shift.end))
        event.add("summary", summary(shift, by_code.get(shift.code or "")))
        event.add("description", description(shift))
        event.add("transp", "OPAQUE")
        calendar.add_component(event)
    if own and not use_rule:
        calendar.add_missing_timezones()
    return calendar


def render_ical(
    assistant_id: str,
    shifts: Iterable[Shift],
    templates: Sequence[ShiftTemplate],
    path: str | Path | None = None,
    calendar_name: str | None = None,
    generated_at: datetime | None = None,
) -> bytes:
    """The .ics bytes (also written to `path` when given)."""
    data = build_calendar(assistant_id, shifts, templates, calendar_name, generated_at).to_ical()
    return fmt.write_if_asked(data, path)
