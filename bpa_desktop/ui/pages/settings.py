"""Innstillinger: the arrangement's details, the language and the colour theme."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from bpa_desktop.core.model import Agreement
from bpa_desktop.ui.context import AppContext
from bpa_desktop.ui.operations.changes import Changes
from bpa_desktop.ui.operations.operation import WriteOp
from bpa_desktop.ui.errors import user_message, validation_errors
from bpa_desktop.ui.pages.base import Page, paragraph
from bpa_desktop.ui.plain import text_label
from bpa_desktop.ui.theme import apply as theme
from bpa_desktop.ui.translation import LANGUAGES, SETTINGS_KEY, current_language
from bpa_desktop.ui.widgets.accessible import buddy_label, button
from bpa_desktop.ui.widgets.record_forms import ArrangementForm
from bpa_desktop.ui.widgets.scroll_body import scroll_body


class SettingsPage(Page):
    page_id = "innstillinger"
    listens = Changes.of("arrangements")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        body = scroll_body(self.layout_)  # the groups scroll on a small screen (1366×768, 200 %)
        self.arrangement_group = QGroupBox(self.tr("Arrangement"))
        group_layout = QVBoxLayout(self.arrangement_group)
        self.form = ArrangementForm()
        group_layout.addWidget(self.form)
        row = QHBoxLayout()
        self.save_button = button(self.tr("Sa&ve details"), "Ctrl+S")
        self.save_button.clicked.connect(self.save)
        self.saved_label = text_label()
        row.addWidget(self.save_button)
        row.addWidget(self.saved_label, 1)
        group_layout.addLayout(row)
        body.addWidget(self.arrangement_group)
        body.addWidget(self._agreement_group())

        language_group = QGroupBox(self.tr("Language"))
        language_layout = QFormLayout(language_group)
        self.language = QComboBox()
        names = {"nb": "Norsk bokmål", "en": "English"}
        for code in LANGUAGES:
            self.language.addItem(names[code], code)
        self.language.setCurrentIndex(self.language.findData(current_language()))
        self.language.setAccessibleName(self.tr("Language"))
        self.language.setAccessibleDescription(self.tr("Takes effect the next time the program starts"))
        self.language.currentIndexChanged.connect(self._language_chosen)
        language_layout.addRow(buddy_label(self.tr("La&nguage"), self.language), self.language)
        language_layout.addRow(paragraph(self.tr("The language changes the next time the program starts.")))
        body.addWidget(language_group)
        body.addWidget(self._theme_group())
        body.addStretch(1)

    def title(self) -> str:
        return self.tr("Settings")

    def _agreement_group(self) -> QGroupBox:
        """The arrangement's working-time agreement: which limits the rota checks use."""
        group = QGroupBox(self.tr("Working-time agreement"))
        layout = QFormLayout(group)
        self.agreement = QComboBox()
        for preset, text in (
            (Agreement.AML, self.tr("The Working Environment Act, no agreements")),
            (Agreement.INDIVIDUAL, self.tr("Written individual averaging agreement (§ 10-5 (1))")),
            (Agreement.TARIFF, self.tr("Tariff agreement (KS, Virke, NHO)")),
            (Agreement.HOME_EMPLOYER, self.tr("The recipient is the employer (work in the employer's home)")),
            (Agreement.RELIEF, self.tr("Relief work (avlastning)")),
        ):
            self.agreement.addItem(text, preset.value)
        self.agreement.setAccessibleName(self.tr("Working-time agreement"))
        self.agreement.activated.connect(self._agreement_chosen)
        layout.addRow(buddy_label(self.tr("Agreemen&t"), self.agreement), self.agreement)
        layout.addRow(paragraph(self.tr("The rota's working-time checks allow what this agreement allows.")))
        return group

    def _theme_group(self) -> QGroupBox:
        """Light, dark or high contrast: applied at once and remembered."""
        group = QGroupBox(self.tr("Appearance"))
        layout = QFormLayout(group)
        self.theme = QComboBox()
        for code, text in (("light", self.tr("Light")), ("dark", self.tr("Dark")),
                           ("high-contrast", self.tr("High contrast"))):
            self.theme.addItem(text, code)
        self.theme.setCurrentIndex(max(0, self.theme.findData(theme.current_theme())))
        self.theme.setAccessibleName(self.tr("Colour theme"))
        self.theme.activated.connect(self._theme_chosen)
        layout.addRow(buddy_label(self.tr("Colo&ur theme"), self.theme), self.theme)
        layout.addRow(paragraph(self.tr("High contrast is white text on black with a yellow selection.")))
        return group

    def _theme_chosen(self, _index: int) -> None:
        chosen = self.theme.currentData()
        theme.apply_theme(QApplication.instance(), chosen)
        QSettings().setValue(theme.SETTINGS_KEY, chosen)

    def _agreement_chosen(self, _index: int) -> None:
        arrangement = self.ctx.arrangement
        chosen = Agreement(self.agreement.currentData())
        if arrangement is None or Agreement(arrangement.agreement) == chosen:
            return
        changed = replace(arrangement, agreement=chosen)
        WriteOp(self.ctx, self, lambda ws: ws.people.update_arrangement(changed), Changes(arrangements=True)) \
            .success(self.ctx.replace_arrangement).failure(self._failed).run()

    def load(self) -> None:
        arrangement = self.ctx.arrangement
        self.arrangement_group.setEnabled(arrangement is not None)
        self.form.clear_errors()
        self.saved_label.clear()
        self.agreement.setEnabled(arrangement is not None)
        if arrangement is not None:
            self.form.set_value(arrangement)
            self.agreement.setCurrentIndex(max(0, self.agreement.findData(Agreement(arrangement.agreement).value)))
        self.finish_loading()

    def save(self) -> None:
        if self.ctx.arrangement is None:
            return
        self.form.clear_errors()
        self.save_button.setEnabled(False)
        value = self.form.value()
        WriteOp(self.ctx, self, lambda ws: ws.people.update_arrangement(value), Changes(arrangements=True)) \
            .success(self._saved).failure(self._failed).run()

    def _saved(self, arrangement) -> None:
        self.save_button.setEnabled(True)
        self.ctx.replace_arrangement(arrangement)  # the new values in the list and the switcher
        self.saved_label.setText(self.tr("Saved."))

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        errors = validation_errors(error)
        self.form.show_errors(errors or {}, general=None if errors is not None else user_message(error))

    def _language_chosen(self, _index: int) -> None:
        QSettings().setValue(SETTINGS_KEY, self.language.currentData())
