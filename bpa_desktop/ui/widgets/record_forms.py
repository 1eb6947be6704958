"""Forms for the records a person types in: arrangement, vedtak, assistant.

Each is a ValidatedForm whose field keys are the dataclass field names, so a
ValidationError from the Workspace lands next to the right field. The same forms serve
the first-run wizard, the dialogs and the Innstillinger page.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLineEdit, QWidget

from bpa_desktop.core.budget import AccountStart
from bpa_desktop.core.model import Arrangement, Assistant, AssistantKind, EmployerKind, Vedtak
from bpa_desktop.i18n import message
from bpa_desktop.ui.formatting import from_qdate, to_qdate
from bpa_desktop.ui.labels import assistant_kind_labels, employer_kind_labels
from bpa_desktop.ui.widgets.date_field import OptionalDateEdit, make_date_edit
from bpa_desktop.ui.widgets.form import ValidatedForm


def _combo(labels: dict) -> QComboBox:
    """A combo box of enum members; item data is the member's plain value (Qt keeps strings)."""
    combo = QComboBox()
    for member, text in labels.items():
        combo.addItem(text, member.value)
    return combo


def _select(combo: QComboBox, member) -> None:
    index = combo.findData(getattr(member, "value", member))
    combo.setCurrentIndex(max(index, 0))


class ArrangementForm(ValidatedForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._original: Arrangement | None = None
        self.name = self.add_field("name", self.tr("Name of the &arrangement"), QLineEdit(),
                                   self.tr("What you call this arrangement, for example the recipient's first name"))
        self.recipient_name = self.add_field("recipient_name", self.tr("&Recipient"), QLineEdit(),
                                             self.tr("The person who receives assistance"))
        self.leader_name = self.add_field("leader_name", self.tr("&Leader (arbeidsleder)"), QLineEdit(),
                                          self.tr("The person who leads the assistants day to day"))
        self.employer_kind = self.add_field("employer_kind", self.tr("Employer &kind"),
                                            _combo(employer_kind_labels()))
        self.employer_name = self.add_field("employer_name", self.tr("Em&ployer"), QLineEdit(),
                                            self.tr("The municipality or company that pays the wages"))
        self.employer_org_no = self.add_field("employer_org_no", self.tr("&Organisation number"), QLineEdit(),
                                              self.tr("The employer's 9-digit organisation number"))
        self.employer_org_no.setMaxLength(11)
        self.municipality = self.add_field("municipality", self.tr("&Municipality"), QLineEdit(),
                                           self.tr("The municipality that made the vedtak"))

    def set_value(self, arrangement: Arrangement) -> None:
        self._original = arrangement
        self.name.setText(arrangement.name)
        self.recipient_name.setText(arrangement.recipient_name)
        self.leader_name.setText(arrangement.leader_name)
        _select(self.employer_kind, arrangement.employer_kind)
        self.employer_name.setText(arrangement.employer_name)
        self.employer_org_no.setText(arrangement.employer_org_no)
        self.municipality.setText(arrangement.municipality)

    def value(self) -> Arrangement:
        fields = dict(
            name=self.name.text().strip(),
            recipient_name=self.recipient_name.text().strip(),
            leader_name=self.leader_name.text().strip(),
            employer_kind=EmployerKind(self.employer_kind.currentData()),
            employer_name=self.employer_name.text().strip(),
            employer_org_no=self.employer_org_no.text().replace(" ", ""),
            municipality=self.municipality.text().strip(),
        )
        if self._original is not None:
            return dataclasses.replace(self._original, **fields)
        return Arrangement(id=None, **fields)


class VedtakForm(ValidatedForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._original: Vedtak | None = None
        self.arrangement_id: int | None = None
        self.hours_per_week = QDoubleSpinBox()
        self.hours_per_week.setRange(0, 168)
        self.hours_per_week.setDecimals(1)
        self.hours_per_week.setSingleStep(0.5)
        self.add_field("hours_per_week", self.tr("&Hours per week"), self.hours_per_week,
                       self.tr("Hours granted per week on average"))
        self.valid_from = self.add_field("valid_from", self.tr("Valid &from"), make_date_edit())
        self.valid_to = OptionalDateEdit(self.tr("&Time-limited"), self.tr("Valid to"))
        self.add_field("valid_to", self.tr("Valid t&o"), self.valid_to, focus=self.valid_to.check)
        self.reference = self.add_field("reference", self.tr("&Reference"), QLineEdit(),
                                        self.tr("The municipality's case or decision number"))
        self.services = self.add_field("services", self.tr("Ser&vices"), QLineEdit(),
                                       self.tr("For example practical help, personal care"))

    def set_value(self, vedtak: Vedtak) -> None:
        self._original = vedtak
        self.arrangement_id = vedtak.arrangement_id
        self.hours_per_week.setValue(vedtak.hours_per_week)
        self.valid_from.setDate(to_qdate(vedtak.valid_from))
        self.valid_to.set_value(vedtak.valid_to, default=vedtak.valid_from)
        self.reference.setText(vedtak.reference)
        self.services.setText(vedtak.services)

    def value(self) -> Vedtak:
        fields = dict(
            hours_per_week=self.hours_per_week.value(),
            valid_from=from_qdate(self.valid_from.date()),
            valid_to=self.valid_to.value(),
            reference=self.reference.text().strip(),
            services=self.services.text().strip(),
        )
        if self._original is not None:
            return dataclasses.replace(self._original, **fields)
        return Vedtak(id=None, arrangement_id=self.arrangement_id, **fields)


class AssistantForm(ValidatedForm):
    def __init__(self, parent: QWidget | None = None, show_end: bool = True) -> None:
        super().__init__(parent)
        self._original: Assistant | None = None
        self.arrangement_id: int | None = None
        self.name = self.add_field("name", self.tr("&Name"), QLineEdit(), self.tr("The assistant's full name"))
        self.employee_no = self.add_field("employee_no", self.tr("&Employee number"), QLineEdit(),
                                          self.tr("The employer's employee number (ansattnummer)"))
        self.employment_percent = QDoubleSpinBox()
        self.employment_percent.setRange(0, 100)
        self.employment_percent.setDecimals(1)
        self.employment_percent.setSuffix(" %")
        self.add_field("employment_percent", self.tr("&Position percentage"), self.employment_percent,
                       self.tr("Contract share of a full-time week"))
        self.kind = self.add_field("kind", self.tr("&Kind"), _combo(assistant_kind_labels()))
        self.start_date = OptionalDateEdit(self.tr("Start date kno&wn"), self.tr("Start date"))
        self.start_date.set_value(date.today())
        self.add_field("start_date", self.tr("Sta&rt date"), self.start_date, focus=self.start_date.check)
        self.end_date = OptionalDateEdit(self.tr("Has end &date"), self.tr("End date"))
        if show_end:
            self.add_field("end_date", self.tr("End da&te"), self.end_date, focus=self.end_date.check)
        else:
            self.end_date.hide()

    def set_value(self, assistant: Assistant) -> None:
        self._original = assistant
        self.arrangement_id = assistant.arrangement_id
        self.name.setText(assistant.name)
        self.employee_no.setText(assistant.employee_no)
        self.employment_percent.setValue(assistant.employment_percent)
        _select(self.kind, assistant.kind)
        self.start_date.set_value(assistant.start_date)
        self.end_date.set_value(assistant.end_date, default=date.today())

    def value(self) -> Assistant:
        fields = dict(
            name=self.name.text().strip(),
            employee_no=self.employee_no.text().strip(),
            employment_percent=self.employment_percent.value(),
            kind=AssistantKind(self.kind.currentData()),
            start_date=self.start_date.value(),
            end_date=self.end_date.value(),
        )
        if self._original is not None:
            return dataclasses.replace(self._original, **fields)
        return Assistant(id=None, arrangement_id=self.arrangement_id, **fields)



class AccountStartForm(ValidatedForm):
    """Where the hour account begins: the first day of the records here, and the hours of that
    year's grant used before it (core.budget.AccountStart)."""

    def __init__(self, arrangement_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.arrangement_id = arrangement_id
        self.start_date = self.add_field("start_date", message("ui_account_start_date"), make_date_edit(),
                                         message("ui_account_start_date_help"))
        self.opening_hours = QDoubleSpinBox()
        self.opening_hours.setRange(-9000, 9000)
        self.opening_hours.setDecimals(1)
        self.opening_hours.setSuffix(" t" if message("format.decimal_mark") == "," else " h")
        self.add_field("opening_hours", message("ui_account_opening_hours"), self.opening_hours,
                       message("ui_account_opening_hours_help"))

    def set_value(self, start: AccountStart) -> None:
        self.start_date.setDate(to_qdate(start.start_date))
        self.opening_hours.setValue(start.opening_hours)

    def value(self) -> AccountStart:
        return AccountStart(self.arrangement_id, from_qdate(self.start_date.date()), self.opening_hours.value())
