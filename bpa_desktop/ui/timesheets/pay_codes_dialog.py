"""Lønnsarter: the employer's pay codes and rates for the profile's lines, the pay period's
start day and the figures the cost report uses (ws.timesheets.pay_settings / update_pay_settings)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QWidget,
)

from bpa_desktop.core.pay import PayProfile
from bpa_desktop.core.pay_settings import MAX_PERIOD_START_DAY, PaySettings
from bpa_desktop.ui.dialogs.form_dialog import FormDialog
from bpa_desktop.ui.formatting import format_number
from bpa_desktop.ui.plain import text_label
from bpa_desktop.ui.widgets.form import ValidatedForm


def parse_amount(text: str, what: str) -> float | None:
    """ "245,50" or "245.50" -> 245.5; blank -> None; ValueError (translated) otherwise."""
    cleaned = text.strip().replace(" ", "").replace("\u00a0", "").replace(",", ".")
    if not cleaned:
        return None
    try:
        return float(cleaned)
    except ValueError:
        raise ValueError(QCoreApplication.translate("PayCodesForm", "%1: “%2” is not a number.").replace(
            "%1", what).replace("%2", text.strip())) from None


def amount_text(value: float | None) -> str:
    return "" if value is None else format_number(value, 2)


class PayCodesForm(ValidatedForm):
    def __init__(self, profile: PayProfile, settings: PaySettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile, self.settings = profile, settings
        self.start_day = QSpinBox()
        self.start_day.setRange(1, MAX_PERIOD_START_DAY)
        self.start_day.setValue(settings.period_start_day)
        self.add_field("period_start_day", self.tr("Pay period &starts on day"), self.start_day,
                       self.tr("1 for calendar months; e.g. 21 for the 21st to the 20th"))
        self.hourly_rate = self.add_field("hourly_rate", self.tr("&Hourly wage (kr)"),
                                          QLineEdit(amount_text(settings.hourly_rate)))
        self.social = self.add_field("social_cost_percent", self.tr("Employer's &costs (%)"),
                                     QLineEdit(amount_text(settings.social_cost_percent)),
                                     self.tr("Employer's national insurance, holiday pay and pension on top of "
                                             "wages, for the cost report"))
        self.codes: dict[str, QLineEdit] = {}
        self.rates: dict[str, QLineEdit] = {}
        for line in profile.lines:
            code = QLineEdit(str(settings.codes.get(line.id, line.pay_code)))
            code.setAccessibleName(self.tr("Pay code for %1").replace("%1", line.description))
            rate = QLineEdit(amount_text(settings.rates.get(line.id)))
            rate.setAccessibleName(self.tr("Rate in kr per hour for %1").replace("%1", line.description))
            if line.rate is not None and line.id not in settings.rates:
                rate.setPlaceholderText(amount_text(line.rate))
            row = QWidget()
            box = QHBoxLayout(row)
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(code, 1)
            box.addWidget(text_label(self.tr("kr/h")))
            box.addWidget(rate, 1)
            self.add_field(f"line.{line.id}", line.description, row, focus=code)
            self.codes[line.id], self.rates[line.id] = code, rate

    def show_errors(self, errors: dict[str, str], general: str | None = None) -> None:
        """codes.<line> and rates.<line> (the Workspace's keys) share the line's row."""
        merged: dict[str, str] = {}
        for key, message in errors.items():
            if key.startswith(("codes.", "rates.")):
                key = "line." + key.split(".", 1)[1]
                message = "; ".join(filter(None, (merged.get(key), message)))
            merged[key] = message
        super().show_errors(merged, general)

    def value(self) -> PaySettings:
        codes = {line_id: edit.text().strip() for line_id, edit in self.codes.items() if edit.text().strip()}
        rates = {}
        for line in self.profile.lines:
            rate = parse_amount(self.rates[line.id].text(), line.description)
            if rate is not None:
                rates[line.id] = rate
        return PaySettings(
            arrangement_id=self.settings.arrangement_id,
            period_start_day=self.start_day.value(),
            hourly_rate=parse_amount(self.hourly_rate.text(), self.tr("Hourly wage")),
            social_cost_percent=parse_amount(self.social.text(), self.tr("Employer's costs")),
            codes=codes,
            rates=rates,
        )


class PayCodesDialog(FormDialog):
    def __init__(self, ws, profile: PayProfile, settings: PaySettings, runner, parent: QWidget | None = None) -> None:
        form = PayCodesForm(profile, settings)
        super().__init__(QCoreApplication.translate("PayCodesDialog", "Pay codes and rates"), form,
                         ws.timesheets.update_pay_settings, runner, parent)
        # many lines: scroll rather than grow past the screen
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setAccessibleName(self.windowTitle())
        self.layout().replaceWidget(form, scroll)
        scroll.setWidget(form)
        self.resize(self.fontMetrics().averageCharWidth() * 95, self.fontMetrics().height() * 34)
