"""Rule ids, findings and what each agreement preset allows (the law's defaults in ``LAW``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bpa_desktop.core.model import Agreement
from bpa_desktop.i18n import t


RULE_IDS = (
    "overlap",
    "daily-rest",
    "weekly-rest",
    "daily-hours",
    "weekly-hours",
    "average-hours",
    "overtime",
    "sunday-work",
    "night-work",
    "contract-hours",
    "vedtak-hours",
)

#: Rules that ``check_window`` runs by default (see the module doc).
WINDOW_RULES = tuple(r for r in RULE_IDS if r not in ("contract-hours", "vedtak-hours"))


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str  # "error" | "warning"
    assistant: str
    start: datetime
    end: datetime
    message: str
    reference: str

    def to_json(self) -> dict:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "assistant": self.assistant or None,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "message": self.message,
            "reference": self.reference,
        }


@dataclass(frozen=True)
class Limits:
    """What an agreement preset allows. Law defaults are in ``LAW``."""

    preset: str  # which preset: its basis and label are catalogue entries (findings.preset.*)
    daily_rest: float = 11.0  # less continuous rest in 24 h is an error
    weekly_rest: float = 35.0
    daily_hours: float = 13.0  # more on one day is an error
    weekly_hours: float = 48.0
    average_hours: float = 48.0  # per week over 8 weeks
    overtime: tuple[float, float, float] = (10.0, 25.0, 200.0)  # week / 4 weeks / 52 weeks
    night_start: str = "21:00"
    sunday_agreement: bool = True  # a written agreement on Sunday work
    long_shift: float | None = None  # relief: a shift longer than this needs as much rest around it

    @property
    def basis(self) -> str:
        """The preset's legal basis, cited in references."""
        return t({
            "aml": "findings.preset.aml_basis", "individual": "findings.preset.individual_basis",
            "tariff": "findings.preset.tariff_basis", "home": "findings.preset.home_basis",
            "relief": "findings.preset.relief_basis",
        }[self.preset])

    @property
    def label(self) -> str:
        """What messages call it ("tariffavtalen")."""
        return t({
            "aml": "findings.preset.aml_label", "individual": "findings.preset.individual_label",
            "tariff": "findings.preset.tariff_label", "home": "findings.preset.home_label",
            "relief": "findings.preset.relief_label",
        }[self.preset])


@dataclass(frozen=True)
class _Law:
    daily_rest: float = 11.0
    weekly_rest: float = 35.0
    daily_hours_normal: float = 9.0
    daily_hours: float = 13.0
    weekly_hours_normal: float = 40.0
    weekly_hours: float = 48.0
    average_hours: float = 48.0
    overtime: tuple[float, float, float] = (10.0, 25.0, 200.0)
    night_hours: float = 8.0
    regular_night_days: int = 4


LAW = _Law()

#: A full-time week: 37.5 h unless the arrangement's employer says 40 (docs/domain.md).
FULL_TIME_HOURS = (37.5, 40.0)

PRESETS: dict[Agreement, Limits] = {
    Agreement.AML: Limits(preset="aml", sunday_agreement=False),
    Agreement.INDIVIDUAL: Limits(
        preset="individual",
        daily_hours=10.0,
        weekly_hours=50.0,
    ),
    Agreement.TARIFF: Limits(
        preset="tariff",
        daily_rest=8.0,
        weekly_rest=28.0,
        daily_hours=12.5,
        weekly_hours=54.0,
        overtime=(20.0, 50.0, 300.0),
    ),
    Agreement.HOME_EMPLOYER: Limits(
        preset="home",
        daily_hours=10.0,
        weekly_hours=50.0,
        night_start="23:00",
    ),
    Agreement.RELIEF: Limits(
        preset="relief",
        daily_rest=0.0,  # replaced by the long-shift rule
        daily_hours=56.0,
        weekly_hours=88.0,
        average_hours=60.0,
        long_shift=16.0,
    ),
}


def _severity_above(value: float, law: float, preset: float) -> str | None:
    """Severity of ``value`` for a maximum: None within the law, warning within the preset."""
    eps = 1e-9
    if value <= law + eps:
        return None
    return "warning" if value <= preset + eps else "error"


def _severity_below(value: float, law: float, preset: float) -> str | None:
    """Severity of ``value`` for a minimum (rest)."""
    eps = 1e-9
    if value >= law - eps:
        return None
    return "warning" if value >= preset - eps else "error"


def _reference(paragraphs: str, preset: float, law: float, limits: Limits) -> str:
    """The law's paragraphs, plus the agreement's basis when the preset moves the limit."""
    return paragraphs + ("" if preset == law else f"; {limits.basis}")
