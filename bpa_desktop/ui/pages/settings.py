"""Innstillinger: the arrangement's details and the language."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from bpa_desktop.ui.context import AppContext
from bpa_desktop.ui.errors import user_message, validation_errors
from bpa_desktop.ui.pages.base import Page, paragraph
from bpa_desktop.ui.translation import LANGUAGES, SETTINGS_KEY, current_language
from bpa_desktop.ui.widgets.accessible import button
from bpa_desktop.ui.widgets.record_forms import ArrangementForm


class SettingsPage(Page):
    page_id = "innstillinger"
    topics = ("arrangement",)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.arrangement_group = QGroupBox(self.tr("Arrangement"))
        group_layout = QVBoxLayout(self.arrangement_group)
        self.form = ArrangementForm()
        group_layout.addWidget(self.form)
        row = QHBoxLayout()
        self.save_button = button(self.tr("Sa&ve details"), "Ctrl+S")
        self.save_button.clicked.connect(self.save)
        self.saved_label = QLabel()
        row.addWidget(self.save_button)
        row.addWidget(self.saved_label, 1)
        group_layout.addLayout(row)
        self.layout_.addWidget(self.arrangement_group)

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
        language_label = QLabel(self.tr("Lan&guage"))
        language_label.setBuddy(self.language)
        language_layout.addRow(language_label, self.language)
        language_layout.addRow(paragraph(self.tr("The language changes the next time the program starts.")))
        self.layout_.addWidget(language_group)
        self.layout_.addStretch(1)

    def title(self) -> str:
        return self.tr("Settings")

    def load(self) -> None:
        arrangement = self.ctx.arrangement
        self.arrangement_group.setEnabled(arrangement is not None)
        self.form.clear_errors()
        self.saved_label.clear()
        if arrangement is not None:
            self.form.set_value(arrangement)
        self.finish_loading()

    def save(self) -> None:
        if self.ctx.arrangement is None:
            return
        self.form.clear_errors()
        self.save_button.setEnabled(False)
        self.ctx.runner.submit(self.ctx.workspace.update_arrangement, self.form.value(),
                               on_done=self._saved, on_error=self._failed, owner=self)

    def _saved(self, arrangement) -> None:
        self.save_button.setEnabled(True)
        self.ctx.replace_arrangement(arrangement)  # reloads this page too (topic "arrangement")
        self.saved_label.setText(self.tr("Saved."))

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        errors = validation_errors(error)
        self.form.show_errors(errors or {}, general=None if errors is not None else user_message(error))

    def _language_chosen(self, _index: int) -> None:
        QSettings().setValue(SETTINGS_KEY, self.language.currentData())
