"""Hours of a shift by pay window, and pay-code profiles that turn windows into payroll lines.

``window_hours(shift)`` gives the docs/domain.md windows (contract): ``total``, ``passive``,
``evening`` 17-21, ``night`` 21-06, ``saturday``, ``sunday`` and ``holiday`` (named public
holidays, not ordinary Sundays). Windows overlap by design. Lengths are elapsed time unless
the employer pays on nominal clock hours (``nominal=True``, or ``nominal_clock_hours`` in the
profile).

A profile (``resources/profiles/<name>.json``, format ``bpa-pay-profile/1``) is data:

* ``windows``: extra tariff windows, as clauses ``{"days": [...], "from": "HH:MM", "to": "HH:MM"}``
  (day selectors in ``core.windows.DAY_SELECTORS``: weekday names, ``holiday``,
  ``easter-saturday``, ``noon-eve`` ...);
* ``passive``: ``factor`` (e.g. ``"1/3"``), ``switch_bonus_hours`` (added for each switch from
  passive into active time inside the passive period, counted in the windows that hold the
  switch) and ``fully_active_share`` (if the active time inside the passive period is at least
  this share of that period, the whole shift is paid as active);
* ``lines``: payroll lines in order. Each has ``id``, the employer's ``pay_code`` (lønnsart,
  a placeholder the user edits), a Norwegian ``description``, the ``window`` it counts,
  optional ``within`` windows (only the part inside them counts), optional ``except``
  windows (supplements that do not stack: the hours already paid by those windows are left
  out), optional ``kinds`` / ``exclude_kinds`` (shift kinds) and an optional default ``rate``.

Besides ``total`` and ``passive`` a line can count the window ``overtime``: the hours of the
shift that are overtime. Pay finds them from the worked record with ``core.normal_time``
(the same computation as the ``overtime`` rule): hours above the normal day and week under
``aml``, above the averaged plan under a preset that averages, and the whole of a shift
marked ``kind: overtime``; never an hour twice. So ``record_line_hours`` and ``pay_lines``
take the agreement, and ``context``: earlier shifts of the same week or averaging window
that use up normal time but are paid elsewhere (the previous pay period). ``line_hours``
pays one shift as given: its ``overtime`` spans come from the caller.

All supplement lines count *converted* hours (passive time at the profile's factor).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from fractions import Fraction
from importlib import resources

from bpa_desktop.core import calendar as cal
from bpa_desktop.core import normal_time as nt
from bpa_desktop.core import pay_shape
from bpa_desktop.core import windows as win
from bpa_desktop.core.employer_period import AbsenceRules, rules_from_dict
from bpa_desktop.core.model import AbsenceKind, Agreement, PayLine, Shift
from bpa_desktop.i18n import t

PROFILE_FORMAT = "bpa-pay-profile/1"
#: Windows every shift has, besides the profile's and the docs/domain.md clock windows.
SHIFT_WINDOWS = ("total", "passive", "overtime")


class ProfileError(ValueError):
    """A pay-code profile that is missing or malformed."""


@dataclass(frozen=True)
class PassiveRule:
    factor: float = 1.0
    switch_bonus_hours: float = 0.0
    fully_active_share: float | None = None


@dataclass(frozen=True)
class PayLineSpec:
    id: str
    pay_code: str
    description: str
    window: str
    except_windows: tuple[str, ...] = ()
    within: tuple[str, ...] = ()
    kinds: tuple[str, ...] | None = None
    exclude_kinds: tuple[str, ...] = ()
    rate: float | None = None
    percent: float | None = None  # the supplement's size, for people (rates are in kr)
    absence: tuple[str, ...] | None = None  # absence kinds this line pays; None: worked time
    short: str = ""  # a column heading for the timesheet PDF

    def applies_to(self, shift: Shift, absence: AbsenceKind | None = None) -> bool:
        """Worked time earns the lines without ``absence``; a shift the assistant would have
        worked on a day of absence earns only the lines of that absence kind."""
        if absence is None:
            if self.absence is not None:
                return False
        elif self.absence is None or AbsenceKind(absence).value not in self.absence:
            return False
        # ShiftKind is a str enum: it compares equal to the profile's plain names.
        if self.kinds is not None and shift.kind not in self.kinds:
            return False
        return not self.exclude_kinds or shift.kind not in self.exclude_kinds


@dataclass(frozen=True)
class PayProfile:
    name: str
    title: str
    lines: tuple[PayLineSpec, ...]
    windows: Mapping[str, tuple[win.Clause, ...]]
    passive: PassiveRule = PassiveRule()
    nominal_clock_hours: bool = False
    absence: AbsenceRules = AbsenceRules()

    def clauses(self, window: str) -> tuple[win.Clause, ...]:
        if window in self.windows:
            return self.windows[window]
        if window in win.BASE_WINDOWS:
            return win.BASE_WINDOWS[window]
        raise ProfileError(t("core.pay.unknown_window", name=self.name, window=window))


# --- the time facts of one shift ------------------------------------------------------------


class _ShiftSpans:
    """A shift on the pay axis (a plain class: 200,000 of these are made for one file)."""

    __slots__ = ("start", "end", "passive", "switches", "nominal", "days")

    def __init__(self, start: float, end: float, passive: list[win.Span], switches: list[float],
                 nominal: bool, days: tuple[date, date]) -> None:
        self.start, self.end, self.nominal = start, end, nominal
        self.passive = passive
        self.switches = switches  # instants where passive time gives way to active work
        self.days = days  # the local days whose window clauses can reach the shift


def _spans(shift: Shift, nominal: bool) -> _ShiftSpans:
    if nominal:
        start, end = win.to_axis(shift.start, True), win.to_axis(shift.end, True)
    else:
        start, end = shift.start.timestamp(), shift.end.timestamp()
    passive: list[win.Span] = []
    if shift.passive:
        passive = win.clip(
            win.merge((win.to_axis(p.start, nominal), win.to_axis(p.end, nominal)) for p in shift.passive),
            start,
            end,
        )
    switches = [passive[i][1] for i in range(len(passive) - 1)] if len(passive) > 1 else []
    # The local days whose clauses can reach the shift (windows.days_touched), from the
    # Oslo dates the instants already carry: the same days on both axes.
    days = (_oslo_date(shift.start) - _ONE_DAY, _oslo_date(shift.end))
    return _ShiftSpans(start, end, passive, switches, nominal, days)


_ONE_DAY = timedelta(days=1)


def _oslo_date(instant: datetime) -> date:
    return instant.date() if instant.tzinfo is cal.OSLO else instant.astimezone(cal.OSLO).date()


def _window(spans: _ShiftSpans, clauses: tuple[win.Clause, ...]) -> list[win.Span]:
    return win.window_spans(clauses, spans.start, spans.end, spans.nominal, spans.days)


def window_hours(shift: Shift, *, nominal: bool = False) -> dict[str, float]:
    """Hours of ``shift`` in each docs/domain.md window (``total``, ``passive``, ``evening`` ...)."""
    return _window_hours(_spans(shift, nominal))


def _window_hours(spans: _ShiftSpans) -> dict[str, float]:
    hours = {
        "total": (spans.end - spans.start) / 3600,
        "passive": win.length(spans.passive) / 3600,
    }
    for window_id, clauses in win.BASE_WINDOWS.items():
        hours[window_id] = win.length(_window(spans, clauses)) / 3600
    return {window_id: hours[window_id] for window_id in win.WINDOW_IDS}


# --- profiles -------------------------------------------------------------------------------


def _number(value) -> float:
    """A JSON number or a fraction written as text ("1/3")."""
    return float(Fraction(value)) if isinstance(value, str) else float(value)


def profile_from_dict(data: Mapping) -> PayProfile:
    """Build a PayProfile from parsed JSON (raises ProfileError with the reason)."""
    try:
        if data.get("format") != PROFILE_FORMAT:
            raise ProfileError(t("core.pay.wrong_format", format=PROFILE_FORMAT))
        windows = {
            name: tuple(
                win.Clause(days=tuple(c["days"]), start=c.get("from", "00:00"), end=c.get("to", "24:00"))
                for c in clauses
            )
            for name, clauses in data.get("windows", {}).items()
        }
        passive_data = data.get("passive", {})
        share = passive_data.get("fully_active_share")
        passive = PassiveRule(
            factor=_number(passive_data.get("factor", 1)),
            switch_bonus_hours=_number(passive_data.get("switch_bonus_hours", 0)),
            fully_active_share=None if share is None else _number(share),
        )
        lines = tuple(
            PayLineSpec(
                id=line["id"],
                pay_code=str(line["pay_code"]),
                description=line["description"],
                window=line["window"],
                except_windows=tuple(line.get("except", ())),
                within=tuple(line.get("within", ())),
                kinds=tuple(line["kinds"]) if "kinds" in line else None,
                exclude_kinds=tuple(line.get("exclude_kinds", ())),
                rate=line.get("rate"),
                percent=line.get("percent"),
                absence=tuple(AbsenceKind(k).value for k in line["absence"]) if "absence" in line else None,
                short=line.get("short", ""),
            )
            for line in data["lines"]
        )
        profile = PayProfile(
            name=data["name"],
            title=data.get("title", data["name"]),
            lines=lines,
            windows=windows,
            passive=passive,
            nominal_clock_hours=bool(data.get("nominal_clock_hours", False)),
            absence=rules_from_dict(data.get("absence")),
        )
    except ProfileError:
        raise
    except (KeyError, TypeError, ValueError, ZeroDivisionError) as error:
        raise ProfileError(t("core.pay.invalid", error=error)) from None
    for line in profile.lines:  # fail early on a window name that does not exist
        for name in (line.window, *line.except_windows, *line.within):
            if name not in SHIFT_WINDOWS:
                profile.clauses(name)
    return profile


def _profiles_dir():
    return resources.files("bpa_desktop.resources").joinpath("profiles")


def list_profiles() -> list[str]:
    """Names of the shipped pay-code profiles."""
    return sorted(
        entry.name[: -len(".json")]
        for entry in _profiles_dir().iterdir()
        if entry.name.endswith(".json")
    )


def load_profile(name: str) -> PayProfile:
    """The shipped profile ``resources/profiles/<name>.json``."""
    if name not in list_profiles():
        raise ProfileError(t("core.pay.unknown_profile", name=name, known=", ".join(list_profiles())))
    text = _profiles_dir().joinpath(f"{name}.json").read_text(encoding="utf-8")
    return profile_from_dict(json.loads(text))


# --- converting hours and splitting into codes --------------------------------------------


def _converter(spans: _ShiftSpans, rule: PassiveRule):
    """A function window-spans -> paid hours under the profile's passive rule."""
    factor, bonus = rule.factor, rule.switch_bonus_hours
    if spans.passive and rule.fully_active_share is not None:
        period = spans.passive[-1][1] - spans.passive[0][0]
        active_inside = period - win.length(spans.passive)
        if active_inside >= rule.fully_active_share * period:
            factor, bonus = 1.0, 0.0

    def paid(window: list[win.Span]) -> float:
        passive = win.length(win.intersect(window, spans.passive))
        active = win.length(window) - passive
        switches = sum(1 for t in spans.switches if any(a <= t < b for a, b in window))
        return (active + factor * passive) / 3600 + bonus * switches

    return paid


def _overtime_spans(shift: Shift, spans: _ShiftSpans, overtime) -> list[win.Span]:
    """The shift's overtime on the pay axis: all of it when marked, else the given spans."""
    if nt.is_marked(shift):
        return [(spans.start, spans.end)]
    if not overtime:
        return []
    if spans.nominal:
        overtime = [
            (win.to_axis(datetime.fromtimestamp(a, cal.OSLO), True), win.to_axis(datetime.fromtimestamp(b, cal.OSLO), True))
            for a, b in overtime
        ]
    return win.clip(win.merge(overtime), spans.start, spans.end)


def line_hours(
    shift: Shift,
    profile: PayProfile,
    *,
    nominal: bool | None = None,
    overtime: Sequence[tuple[float, float]] | None = None,
) -> dict[str, float]:
    """Paid hours per profile line id for one shift (lines with no hours left out).

    ``overtime``: the stretches of the shift (POSIX seconds) that are overtime, as
    ``record_line_hours`` finds them; a shift marked ``kind: overtime`` is overtime whole."""
    use_nominal = profile.nominal_clock_hours if nominal is None else nominal
    spans = _spans(shift, use_nominal)
    return _line_hours(shift, spans, profile, _overtime_spans(shift, spans, overtime))


def absence_line_hours(shift: Shift, profile: PayProfile, absence: AbsenceKind, *,
                       nominal: bool | None = None) -> dict[str, float]:
    """Paid hours per absence line for a shift the assistant would have worked on a day of
    ``absence``: the planned hours with the supplements the profile pays for that kind
    (lines with ``absence``); no overtime, since nothing was worked."""
    use_nominal = profile.nominal_clock_hours if nominal is None else nominal
    return _line_hours(shift, _spans(shift, use_nominal), profile, [], absence)


def _line_hours(shift: Shift, spans: _ShiftSpans, profile: PayProfile, overtime: list[win.Span],
                absence: AbsenceKind | None = None) -> dict[str, float]:
    """``overtime``: the shift's overtime on the pay axis (``_overtime_spans``)."""
    paid = _converter(spans, profile.passive)
    cache: dict[str, list[win.Span]] = {}

    def spans_of(window: str) -> list[win.Span]:
        if window not in cache:
            if window == "total":
                cache[window] = [(spans.start, spans.end)]
            elif window == "passive":
                cache[window] = spans.passive
            elif window == "overtime":
                cache[window] = overtime
            else:
                cache[window] = _window(spans, profile.clauses(window))
        return cache[window]

    result: dict[str, float] = {}
    for line in profile.lines:
        if not line.applies_to(shift, absence):
            continue
        counted = spans_of(line.window)
        if not counted:
            continue  # e.g. the overtime window of a shift with none: skip its windows
        if line.within:
            counted = win.intersect(counted, win.merge(s for name in line.within for s in spans_of(name)))
        if line.except_windows:
            removed = [s for name in line.except_windows for s in spans_of(name)]
            if removed:
                counted = win.subtract(counted, win.merge(removed))
        if line.window == "passive":
            hours = win.length(counted) / 3600  # the passive line reports time, not pay
        else:
            hours = paid(counted)
        if hours > 1e-9:
            result[line.id] = hours
    return result


def shift_codes(shift: Shift, profile: PayProfile, *, nominal: bool | None = None) -> dict[str, float]:
    """Paid hours per pay code (the employer's lønnsart) for one shift."""
    codes: dict[str, float] = {}
    by_id = {line.id: line for line in profile.lines}
    for line_id, hours in line_hours(shift, profile, nominal=nominal).items():
        code = by_id[line_id].pay_code
        codes[code] = codes.get(code, 0.0) + hours
    return codes


@dataclass(frozen=True)
class ShiftPay:
    """One shift's paid hours per profile line, and the overtime in it with the reasons;
    with ``record_line_hours(..., windows=True)`` also its ``window_hours``."""

    shift: Shift
    lines: Mapping[str, float]
    overtime: tuple[nt.Piece, ...]
    windows: Mapping[str, float] | None = None


def record_line_hours(
    shifts: Sequence[Shift],
    profile: PayProfile,
    *,
    agreement: Agreement | str = Agreement.AML,
    nominal: bool | None = None,
    context: Sequence[Shift] = (),
    anchor: date | None = None,
    windows: bool = False,
) -> list[ShiftPay]:
    """Each shift of a worked record paid under ``profile``, with the overtime that
    ``core.normal_time`` finds in it (see the module doc). ``context`` shifts use up normal
    time and are not paid here; ``anchor`` is the Monday averaging windows count from
    (default: the first week of ``context`` and ``shifts``). ``windows``: also measure each
    shift's ``window_hours`` (on the same axis as its pay).

    Shifts of one shape (``core.pay_shape``: the same times from midnight on days of one kind,
    the same kind of shift and the same overtime) are paid once."""
    use_nominal = profile.nominal_clock_hours if nominal is None else nominal
    everything = [*context, *shifts]
    elapsed = [_spans(shift, False) for shift in everything]
    seconds = [(spans.start, spans.end) for spans in elapsed]
    pieces = nt.find_overtime(everything, Agreement.from_name(agreement), anchor=anchor, seconds=seconds)
    result = []
    paid_memo: dict[tuple, dict[str, float]] = {}
    window_memo: dict[tuple, dict[str, float]] = {}
    for shift, spans, found in zip(shifts, elapsed[len(context):], pieces[len(context):]):
        if use_nominal:
            spans = _spans(shift, True)
        overtime = _overtime_spans(shift, spans, [(p.start, p.end) for p in found])
        shape = pay_shape.shape(spans)
        paid_key = None
        if shape is not None:
            relative = pay_shape.relative(overtime, shape[1])
            if relative is not None:
                paid_key = (shift.kind, shape[0], relative)
        lines = paid_memo.get(paid_key) if paid_key is not None else None
        if lines is None:
            lines = _line_hours(shift, spans, profile, overtime)
            if paid_key is not None:
                paid_memo[paid_key] = lines
        hours = None
        if windows:
            hours = window_memo.get(shape[0]) if shape is not None else None
            if hours is None:
                hours = _window_hours(spans)
                if shape is not None:
                    window_memo[shape[0]] = hours
        # Shifts of one shape share their mappings (read-only, as ShiftPay's types say).
        result.append(ShiftPay(shift, lines, tuple(found), hours))
    return result


def pay_lines(
    shifts: Sequence[Shift],
    profile: PayProfile,
    rates: Mapping[str, float] | None = None,
    *,
    nominal: bool | None = None,
    agreement: Agreement | str = Agreement.AML,
    context: Sequence[Shift] = (),
    anchor: date | None = None,
) -> list[PayLine]:
    """Totals per assistant and profile line, ordered by assistant then profile order, with
    the overtime found in the record (``record_line_hours``; rates as ``sum_pay_lines``)."""
    paid = record_line_hours(shifts, profile, agreement=agreement, nominal=nominal, context=context, anchor=anchor)
    return sum_pay_lines(paid, profile, rates)


def sum_pay_lines(
    paid: Sequence[ShiftPay], profile: PayProfile, rates: Mapping[str, float] | None = None
) -> list[PayLine]:
    """Totals per assistant and profile line of paid shifts.

    ``rates`` (kr per hour) are looked up by line id, then by pay code, then the profile's
    default rate.
    """
    rates = rates or {}
    totals: dict[tuple[str, str], float] = {}
    for item in paid:
        for line_id, hours in item.lines.items():
            key = (item.shift.assistant, line_id)
            totals[key] = totals.get(key, 0.0) + hours
    order = {line.id: index for index, line in enumerate(profile.lines)}
    by_id = {line.id: line for line in profile.lines}
    result = []
    for assistant, line_id in sorted(totals, key=lambda k: (k[0], order[k[1]])):
        line = by_id[line_id]
        rate = rates.get(line_id, rates.get(line.pay_code, line.rate))
        result.append(
            PayLine(
                assistant=assistant,
                pay_code=line.pay_code,
                kind=line_id,
                description=line.description,
                hours=totals[(assistant, line_id)],
                rate=rate,
            )
        )
    return result
