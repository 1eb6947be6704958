"""The widgets' tr() strings are served from the catalogue: bokmål by default, English when
chosen, Qt's own buttons in bokmål too (tests/i18n/test_catalogue.py checks the entries)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from bpa_desktop import i18n
from bpa_desktop.ui.translation import CatalogueTranslator, install_language, tr_index


def test_the_ui_speaks_bokmal(qtbot, arrangement, window):
    assert window.navigation.item(1).text() == "Turnus"
    assert window.pages["assistenter"].add_button.text() == "&Legg til assistent"


def test_the_translator_answers_from_the_catalogue_and_leaves_unknown_text_alone(qapp):
    translator = CatalogueTranslator("nb")
    assert translator.translate("ApprovalsPanel", "Rota version") == "Turnusversjon"
    assert translator.translate("QLineEdit", "&Undo") == "&Angre"  # Qt's own context menu
    assert translator.translate("ApprovalsPanel", "No such text") is None
    assert translator.translate("NoSuchContext", "Rota version") is None
    # one English source, two contexts, two words
    assert tr_index("nb")[("FindingsPanel", "Error")] == "Brudd"
    assert tr_index("nb")[("ValidatedForm", "Error")] == "Feil"


def test_english_removes_the_translator_and_bokmal_brings_it_back(qapp):
    try:
        install_language(qapp, "en")
        assert i18n.get_language() == "en"
        assert QCoreApplication.translate("ApprovalsPanel", "Rota version") == "Rota version"
        install_language(qapp, "nb")
        assert QCoreApplication.translate("ApprovalsPanel", "Rota version") == "Turnusversjon"
    finally:
        install_language(qapp, "nb")
