"""Setting up an arrangement: its details, its vedtak and its assistants, saved in one go.

Shown at first start (no arrangement in the database) and from "Ny ordning…". Finishing
calls `Workspace.people.create_arrangement(ArrangementSetup(...))` in a worker; validation
messages come back next to the fields and the wizard returns to the page that needs fixing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QVBoxLayout, QWidget, QWizard, QWizardPage

from bpa_desktop.core.model import Arrangement, ArrangementSetup, Assistant
from bpa_desktop.validation import arrangement_errors, assistant_errors, vedtak_errors
from bpa_desktop.ui.context import AppContext
from bpa_desktop.ui.dialogs.form_dialog import FormDialog
from bpa_desktop.ui.dialogs.single import open_single
from bpa_desktop.ui.errors import user_message, validation_errors
from bpa_desktop.ui.formatting import format_number, to_qdate
from bpa_desktop.ui.labels import assistant_kind_labels
from bpa_desktop.ui.pages.base import paragraph
from bpa_desktop.ui.widgets.accessible import button
from bpa_desktop.ui.widgets.form import ValidatedForm, make_error_label
from bpa_desktop.ui.widgets.record_forms import ArrangementForm, AssistantForm, VedtakForm
from bpa_desktop.ui.operations.changes import Changes
from bpa_desktop.ui.operations.operation import WriteOp

ARRANGEMENT_PAGE, VEDTAK_PAGE, ASSISTANTS_PAGE = range(3)
_ASSISTANT_KEY = re.compile(r"^assistants?[\[.](\d+)\]?\.?(.*)$")


class _FormPage(QWizardPage):
    """A wizard page around a form; Next checks the record's own rules first (no disk access)."""

    def __init__(self, title: str, intro: str, form: ValidatedForm, check: Callable[[object], dict[str, str]]) -> None:
        super().__init__()
        self.setTitle(title)
        self.setAccessibleName(title)
        self.form = form
        self._check = check
        layout = QVBoxLayout(self)
        layout.addWidget(paragraph(intro))
        layout.addWidget(form)
        layout.addStretch(1)

    def validatePage(self) -> bool:
        errors = self._check(self.form.value())
        self.form.show_errors(errors)
        return not errors


class AssistantsWizardPage(QWizardPage):
    """Collects zero or more assistants; they are saved with the arrangement."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Assistants"))
        self.setAccessibleName(self.tr("Assistants"))
        self.assistants: list[Assistant] = []
        self.error = make_error_label(self)
        self.error.setAccessibleName(self.tr("Error"))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Assistants to add"))
        self.list.itemActivated.connect(lambda _item: self.edit_selected())
        self.add_button = button(self.tr("&Add assistant…"), "Ctrl+N")
        self.edit_button = button(self.tr("Ed&it…"), "Ctrl+E")
        self.remove_button = button(self.tr("Re&move"), "Del")
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        for each in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(each)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(paragraph(self.tr(
            "Add the assistants you employ now. You can skip this and add them later on the Assistants page.")))
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)
        self.dialog: FormDialog | None = None

    def _refresh(self) -> None:
        kinds = assistant_kind_labels()
        self.list.clear()
        for assistant in self.assistants:
            self.list.addItem(f"{assistant.name} ({assistant.employee_no}), "
                              f"{format_number(assistant.employment_percent)} %, {kinds[assistant.kind]}")
        self.edit_button.setEnabled(bool(self.assistants))
        self.remove_button.setEnabled(bool(self.assistants))

    def initializePage(self) -> None:
        self._refresh()

    def _open(self, form: AssistantForm, title: str, row: int | None) -> None:
        if self.dialog is not None:
            return  # one at a time
        def keep(assistant: Assistant) -> Assistant:
            if row is None:
                self.assistants.append(assistant)
            else:
                self.assistants[row] = assistant
            return assistant

        dialog = FormDialog(title, form, keep, runner=None, parent=self, check=assistant_errors)
        open_single(self, dialog, lambda _result: self._closed(dialog))

    def _closed(self, dialog: FormDialog) -> None:
        self._refresh()
        if dialog.result_value is not None:
            self.list.setCurrentRow(self.assistants.index(dialog.result_value))
        self.window().activateWindow()
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def add(self) -> None:
        self._open(AssistantForm(show_end=False), self.tr("New assistant"), None)

    def edit_selected(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        form = AssistantForm(show_end=False)
        form.set_value(self.assistants[row])
        self._open(form, self.tr("Edit assistant"), row)

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            del self.assistants[row]
            self._refresh()

    def show_errors(self, lines: list[str]) -> None:
        self.error.setText("\n".join(lines))
        self.error.setVisible(bool(lines))


class ArrangementWizard(QWizard):
    def __init__(self, ctx: AppContext, first_run: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.created: Arrangement | None = None
        title = self.tr("Welcome to bpa-desktop") if first_run else self.tr("New arrangement")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        for which in (QWizard.WizardButton.NextButton, QWizard.WizardButton.BackButton,
                      QWizard.WizardButton.FinishButton, QWizard.WizardButton.CancelButton):
            self.button(which).setAccessibleName(self.buttonText(which).replace("&", "").strip("<> "))

        intro = self.tr("An arrangement (ordning) is one person's BPA scheme. "
                        "Fill in who it is for, who leads it and who the employer is.")
        if first_run:
            intro = self.tr("There is no arrangement yet. Let us set one up.") + " " + intro
        self.arrangement_page = _FormPage(self.tr("Arrangement"), intro, ArrangementForm(), arrangement_errors)
        vedtak_form = VedtakForm()
        vedtak_form.valid_from.setDate(to_qdate(date(date.today().year, 1, 1)))  # most vedtak start with the year
        self.vedtak_page = _FormPage(self.tr("Vedtak"), self.tr(
            "The municipality's decision: hours granted per week and the period it covers. "
            "A later change is added as a new vedtak on the Vedtak page."), vedtak_form, vedtak_errors)
        self.assistants_page = AssistantsWizardPage()
        self.setPage(ARRANGEMENT_PAGE, self.arrangement_page)
        self.setPage(VEDTAK_PAGE, self.vedtak_page)
        self.setPage(ASSISTANTS_PAGE, self.assistants_page)
        metrics = self.fontMetrics()
        self.resize(self.sizeHint().expandedTo(QSize(metrics.averageCharWidth() * 100, metrics.height() * 34)))

    def setup(self) -> ArrangementSetup:
        return ArrangementSetup(
            arrangement=self.arrangement_page.form.value(),
            vedtak=self.vedtak_page.form.value(),
            assistants=tuple(self.assistants_page.assistants),
        )

    def accept(self) -> None:
        """Finish: save everything in one transaction, in a worker."""
        for page in (self.arrangement_page, self.vedtak_page):
            page.form.clear_errors()
        self.assistants_page.show_errors([])
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        setup = self.setup()
        WriteOp(self.ctx, self, lambda ws: ws.people.create_arrangement(setup),
                Changes.of("arrangements", "vedtak", "assistants")).success(self._created).failure(self._failed).run()

    def _created(self, arrangement: Arrangement) -> None:
        self.created = arrangement
        super().accept()

    def _failed(self, error: BaseException) -> None:
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        errors = validation_errors(error)
        if errors is None:
            self.assistants_page.show_errors([user_message(error)])
            return
        self._route(errors)

    def _route(self, errors: dict[str, str]) -> None:
        """Put each message on the page and next to the field it is about; go to the first such page."""
        per_page: dict[int, dict[str, str]] = {ARRANGEMENT_PAGE: {}, VEDTAK_PAGE: {}}
        assistant_lines: list[str] = []
        forms = {ARRANGEMENT_PAGE: self.arrangement_page.form, VEDTAK_PAGE: self.vedtak_page.form}
        for key, message in errors.items():
            prefix, _, field = key.partition(".")
            match = _ASSISTANT_KEY.match(key)
            if match:
                number = int(match.group(1))
                name = self.assistants_page.assistants[number].name if number < len(
                    self.assistants_page.assistants) else str(number + 1)
                assistant_lines.append(f"{name}: {message}")
            elif prefix == "arrangement" and field:
                per_page[ARRANGEMENT_PAGE][field] = message
            elif prefix == "vedtak" and field:
                per_page[VEDTAK_PAGE][field] = message
            elif forms[ARRANGEMENT_PAGE].has_field(key):
                per_page[ARRANGEMENT_PAGE][key] = message
            elif forms[VEDTAK_PAGE].has_field(key):
                per_page[VEDTAK_PAGE][key] = message
            else:
                assistant_lines.append(message)
        target = next((page for page in (ARRANGEMENT_PAGE, VEDTAK_PAGE) if per_page[page]), ASSISTANTS_PAGE)
        while self.currentId() > target:
            self.back()
        for page, page_errors in per_page.items():
            if page_errors:
                forms[page].show_errors(page_errors)
        self.assistants_page.show_errors(assistant_lines)
        if target == ASSISTANTS_PAGE:
            self.assistants_page.list.setFocus(Qt.FocusReason.OtherFocusReason)
