"""Absence and who pays it: the profile's rule per absence kind, and the employer period.

Folketrygdloven § 8-19 as this module reads it (docs/domain.md, "Absence and sick pay"):

* The employer pays sick pay for the first 16 calendar days of a sickness (the employer
  period, *arbeidsgiverperioden*), counted from the first sick day; weekends and days
  without shifts inside it count too.
* A new sickness less than 16 calendar days after the last one is added to the same employer
  period while that period is not used up (§ 8-19 third paragraph).
* Once a whole employer period has been paid, the next one starts only when the assistant has
  resumed work and then been fit for at least 16 days (§ 8-19 fourth paragraph). "Resumed"
  is the first day with a recorded shift after the sickness; with no shift recorded in
  between, the day after the sickness.
* The employer pays only an assistant employed for at least four weeks before the sickness
  (§ 8-18 first paragraph): with a known start date, a sickness that starts earlier has no
  employer period.

Egenmelding and sykmelding both count as sick days, graded ones too. Which absence kinds the
employer pays, and on which days, is the profile's ``absence`` rule (``AbsenceRules``): a kind
is paid ``"none"``, on the days of the ``"employer_period"``, or on ``"all"`` its days.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from bpa_desktop.core.model import Absence, AbsenceKind
from bpa_desktop.i18n import t

SICK_KINDS = frozenset({AbsenceKind.SELF_CERTIFIED, AbsenceKind.SICK_NOTE})
PAY_MODES = ("none", "employer_period", "all")
EMPLOYER_PERIOD_DAYS = 16  # folketrygdloven § 8-19 first paragraph
QUALIFYING_DAYS = 28  # § 8-18: four weeks of employment


@dataclass(frozen=True)
class AbsenceRules:
    """A profile's rule for absence: who pays which kind (``PAY_MODES``) and the period's length."""

    pay: Mapping[str, str] = field(default_factory=dict)  # absence kind value -> pay mode
    employer_period_days: int = EMPLOYER_PERIOD_DAYS
    qualifying_days: int = QUALIFYING_DAYS

    def mode(self, kind: AbsenceKind | str) -> str:
        return self.pay.get(AbsenceKind(kind).value, "none")


def rules_from_dict(data: Mapping | None) -> AbsenceRules:
    """The profile's ``absence`` object (ValueError for an unknown kind or mode)."""
    if not data:
        return AbsenceRules()
    pay = {}
    for kind, mode in data.get("pay", {}).items():
        AbsenceKind(kind)
        if mode not in PAY_MODES:
            raise ValueError(t("core.pay.unknown_absence_pay", kind=kind, mode=mode))
        pay[kind] = mode
    return AbsenceRules(
        pay=pay,
        employer_period_days=int(data.get("employer_period_days", EMPLOYER_PERIOD_DAYS)),
        qualifying_days=int(data.get("qualifying_days", QUALIFYING_DAYS)),
    )


def is_sick(kind: AbsenceKind | str) -> bool:
    return AbsenceKind(kind) in SICK_KINDS


def _days(first: date, last: date):
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


def sick_spells(absences: Iterable[Absence]) -> list[tuple[date, date]]:
    """Runs of consecutive calendar days on which some sick absence (any grade) applies."""
    spans = sorted((a.start, a.end) for a in absences if is_sick(a.kind))
    spells: list[tuple[date, date]] = []
    for first, last in spans:
        if spells and first <= spells[-1][1] + timedelta(days=1):
            spells[-1] = (spells[-1][0], max(spells[-1][1], last))
        else:
            spells.append((first, last))
    return spells


def employer_days(
    absences: Iterable[Absence],
    work_days: Iterable[date] = (),
    *,
    length: int = EMPLOYER_PERIOD_DAYS,
    employed_from: date | None = None,
    qualifying_days: int = QUALIFYING_DAYS,
) -> dict[date, int]:
    """Each sick day the employer pays, with its number in its employer period (1..``length``).

    ``absences``: all of one assistant's absences up to the days asked about (earlier months
    included, so a period that began last month goes on); ``work_days``: days with a recorded
    shift, for "resumed work" (see the module doc)."""
    work = sorted(set(work_days))
    numbered: dict[date, int] = {}
    used, full, last_end = 0, False, None
    for first, last in sick_spells(absences):
        if last_end is not None:
            if full:
                resumed = next((d for d in work if last_end < d < first), last_end + timedelta(days=1))
                new = (first - resumed).days >= length
            else:
                new = (first - last_end).days - 1 >= length
            if new:
                used, full = 0, False
        qualified = employed_from is None or (first - employed_from).days >= qualifying_days
        for day in _days(first, last):
            if qualified and not full:
                used += 1
                numbered[day] = used
                full = used >= length
        last_end = last
    return numbered


def governing_absence(absences: Sequence[Absence], day: date) -> Absence | None:
    """The absence that decides ``day``: a sick one before others, then the highest grade."""
    covering = [a for a in absences if a.start <= day <= a.end]
    if not covering:
        return None
    return max(covering, key=lambda a: (is_sick(a.kind), a.percent, -(a.id or 0)))


@dataclass(frozen=True)
class AbsencePay:
    """How one row's absence is paid: its kind and grade, its day in the employer period
    (sick kinds), and whether this profile pays it."""

    kind: AbsenceKind
    percent: int
    employer_day: int | None
    paid: bool

    def to_json(self) -> dict:
        return {"kind": self.kind.value, "percent": self.percent, "employer_day": self.employer_day,
                "paid": self.paid}

    @classmethod
    def from_json(cls, data: Mapping) -> AbsencePay:
        return cls(AbsenceKind(data["kind"]), int(data["percent"]), data["employer_day"], bool(data["paid"]))


def absence_pay_on(day: date, absences: Sequence[Absence], rules: AbsenceRules,
                   numbered: Mapping[date, int]) -> AbsencePay | None:
    """How ``day``'s absence is paid under ``rules`` (None: no absence that day)."""
    absence = governing_absence(absences, day)
    if absence is None:
        return None
    kind = AbsenceKind(absence.kind)
    employer_day = numbered.get(day) if is_sick(kind) else None
    mode = rules.mode(kind)
    paid = mode == "all" or (mode == "employer_period" and employer_day is not None)
    return AbsencePay(kind, absence.percent, employer_day, paid)
