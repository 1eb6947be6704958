"""Choosing and installing the UI language (Norwegian bokmål by default, English second)."""

from __future__ import annotations

import importlib.resources
import logging

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

log = logging.getLogger(__name__)

LANGUAGES = ("nb", "en")
SETTINGS_KEY = "ui/language"
_NORWEGIAN = {QLocale.Language.NorwegianBokmal, QLocale.Language.NorwegianNynorsk}
_current = "nb"


def choose_language(requested: str | None, settings: QSettings | None = None, system: QLocale | None = None) -> str:
    """--lang wins, then the saved choice, then the system locale.

    A Norwegian locale, or none at all (the C/POSIX locale of a bare system), gives bokmål;
    any other locale gives English.
    """
    if requested in LANGUAGES:
        return requested
    if settings is not None:
        saved = settings.value(SETTINGS_KEY)
        if saved in LANGUAGES:
            return saved
    system = system or QLocale.system()
    if system.language() in _NORWEGIAN or system.language() == QLocale.Language.C:
        return "nb"
    return "en"


def current_language() -> str:
    return _current


def translations_dir():
    return importlib.resources.files("bpa_desktop.resources") / "translations"


def install_language(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load our catalogue (and Qt's own button texts) for `language`; set locale and Workspace language.

    Returns the installed translators; the caller keeps them alive.
    """
    global _current
    _current = language
    from bpa_desktop import i18n  # the Workspace's message catalogue (plain Python)

    i18n.set_language(language)
    if language == "nb":
        QLocale.setDefault(QLocale(QLocale.Language.NorwegianBokmal, QLocale.Country.Norway))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    installed: list[QTranslator] = []
    if language == "en":
        return installed  # source strings are English
    for stem in ("bpa_desktop", "qt_extra"):
        resource = translations_dir() / f"{stem}_{language}.qm"
        translator = QTranslator(app)
        with importlib.resources.as_file(resource) as path:
            if translator.load(str(path)):
                app.installTranslator(translator)
                installed.append(translator)
            else:
                log.warning("Translation %s could not be loaded", resource)
    return installed
