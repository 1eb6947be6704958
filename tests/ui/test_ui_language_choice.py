"""Bokmål by default; English by --lang en, a saved choice or a non-Norwegian system locale."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSettings

from bpa_desktop.ui.translation import SETTINGS_KEY, choose_language

NORWAY = QLocale(QLocale.Language.NorwegianBokmal, QLocale.Country.Norway)
NYNORSK = QLocale(QLocale.Language.NorwegianNynorsk, QLocale.Country.Norway)
USA = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
SWEDEN = QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden)


def test_system_locale_decides_when_nothing_else_does():
    assert choose_language(None, None, NORWAY) == "nb"
    assert choose_language(None, None, NYNORSK) == "nb"
    assert choose_language(None, None, QLocale.c()) == "nb"
    assert choose_language(None, None, USA) == "en"
    assert choose_language(None, None, SWEDEN) == "en"


def test_command_line_beats_saved_choice_beats_locale():
    settings = QSettings()
    settings.setValue(SETTINGS_KEY, "en")
    assert choose_language(None, settings, NORWAY) == "en"
    assert choose_language("nb", settings, USA) == "nb"
    settings.setValue(SETTINGS_KEY, "nb")
    assert choose_language(None, settings, USA) == "nb"
    assert choose_language("en", settings, NORWAY) == "en"
