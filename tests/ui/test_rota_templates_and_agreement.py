"""Shift codes are edited in their dialog; the agreement preset is chosen in Innstillinger."""

from __future__ import annotations

from PySide6.QtCore import QTime

from bpa_desktop.core.model import Agreement
from tests.ui.rota_helpers import add_templates_and_assistant, open_rota
from tests.ui.ui_helpers import unnamed_controls


def test_new_shift_code_is_saved_and_usable_in_the_grid(qtbot, workspace, arrangement, window):
    add_templates_and_assistant(workspace, arrangement)
    page = open_rota(qtbot, window)
    page.templates_button.click()
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    dialog = page.dialog
    assert unnamed_controls(dialog) == []
    dialog.new_button.click()
    form = dialog.form
    form.code.setText("K")
    form.name.setText("Kort kveld")
    form.start.setTime(QTime(17, 0))
    form.end.setTime(QTime(21, 0))
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.result_value is not None, timeout=10000)
    assert "K" in {t.code for t in workspace.rota.list_shift_templates(arrangement.id)}
    dialog.reject()
    qtbot.waitUntil(lambda: page.dialog is None)
    assert page.model.normalise_code("k") == "K"
    assert page.model.setData(page.model.index(0, 0), "k")
    assert page.model.code_at(0, 0) == "K"


def test_agreement_preset_is_saved_and_used_by_the_rota_checks(qtbot, workspace, arrangement, window):
    settings = window.show_page("innstillinger")
    qtbot.waitUntil(lambda: settings.is_loaded)
    assert settings.agreement.currentData() == "aml"
    settings.agreement.setCurrentIndex(settings.agreement.findData("tariff"))
    settings.agreement.activated.emit(settings.agreement.currentIndex())
    qtbot.waitUntil(lambda: workspace.people.get_arrangement(arrangement.id).agreement == Agreement.TARIFF, timeout=10000)
    page = open_rota(qtbot, window)
    assert page.checker.plan.setup.agreement == Agreement.TARIFF
