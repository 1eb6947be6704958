"""An arrangement's own pay settings on top of a shipped pay-code profile.

The shipped profiles (``resources/profiles``) hold placeholder lønnsart codes and no kr
figures: every employer has its own codes and rates, and rates change every year. The user
enters them per arrangement; they are stored in the database and applied here:

* ``codes``: profile line id -> the employer's lønnsart code;
* ``rates``: profile line id -> kr per hour for that line;
* ``hourly_rate``: the base hourly wage, the rate of the ``ordinary`` line unless ``rates``
  says otherwise, and the basis of the simple cost estimate (hours x hourly rate);
* ``social_cost_percent``: employer's costs on top of wages (arbeidsgiveravgift,
  feriepenger, pensjon), for the cost report;
* ``period_start_day``: the day of the month a pay period starts (1 = calendar month;
  e.g. 21 for the 21st to the 20th).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from bpa_desktop.core.pay import PayProfile

ORDINARY_LINE = "ordinary"
MAX_PERIOD_START_DAY = 28  # every month has this day


@dataclass(frozen=True)
class PaySettings:
    arrangement_id: int | None
    period_start_day: int = 1
    hourly_rate: float | None = None
    social_cost_percent: float | None = None
    codes: Mapping[str, str] = field(default_factory=dict)
    rates: Mapping[str, float] = field(default_factory=dict)


def settings_problems(settings: PaySettings, profile: PayProfile) -> dict[str, str]:
    """Field -> problem key (an i18n key) for settings that cannot be used with ``profile``."""
    problems: dict[str, str] = {}
    if not 1 <= settings.period_start_day <= MAX_PERIOD_START_DAY:
        problems["period_start_day"] = "period_start_day_range"
    if settings.hourly_rate is not None and settings.hourly_rate < 0:
        problems["hourly_rate"] = "rate_negative"
    if settings.social_cost_percent is not None and not 0 <= settings.social_cost_percent <= 100:
        problems["social_cost_percent"] = "social_cost_range"
    line_ids = {line.id for line in profile.lines}
    for line_id, code in settings.codes.items():
        if line_id not in line_ids:
            problems[f"codes.{line_id}"] = "pay_line_unknown"
        elif not str(code).strip():
            problems[f"codes.{line_id}"] = "required"
    for line_id, rate in settings.rates.items():
        if line_id not in line_ids:
            problems[f"rates.{line_id}"] = "pay_line_unknown"
        elif rate is not None and rate < 0:
            problems[f"rates.{line_id}"] = "rate_negative"
    return problems


def customised_profile(profile: PayProfile, settings: PaySettings) -> PayProfile:
    """``profile`` with the employer's codes and rates in place of the placeholders."""
    rates = line_rates(profile, settings)
    lines = tuple(
        replace(line, pay_code=settings.codes.get(line.id, line.pay_code), rate=rates.get(line.id))
        for line in profile.lines
    )
    return replace(profile, lines=lines)


def line_rates(profile: PayProfile, settings: PaySettings) -> dict[str, float]:
    """kr per hour by line id: the entered rate, else (ordinary line) the hourly rate, else the
    profile's default; lines with no known rate are left out."""
    rates: dict[str, float] = {}
    for line in profile.lines:
        rate = settings.rates.get(line.id)
        if rate is None and line.id == ORDINARY_LINE:
            rate = settings.hourly_rate
        if rate is None:
            rate = line.rate
        if rate is not None:
            rates[line.id] = float(rate)
    return rates
