"""How dates and numbers look in the UI, following the chosen language."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale

from bpa_desktop.ui.translation import current_language


def date_format() -> str:
    """A Qt date format with a four-digit year (the locale's short format has two)."""
    return "dd.MM.yyyy" if current_language() == "nb" else "yyyy-MM-dd"


def format_date(value: date | None) -> str:
    if value is None:
        return ""
    return to_qdate(value).toString(date_format())


def format_day(value: date) -> str:
    """Day and month only, for short texts such as an undo step ("03.11")."""
    return to_qdate(value).toString("dd.MM" if current_language() == "nb" else "d MMM")


def format_number(value: float, decimals: int = 1) -> str:
    """Locale number (comma decimal in bokmål), trailing ,0 dropped."""
    if float(value).is_integer():
        decimals = 0
    return QLocale().toString(float(value), "f", decimals)


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
