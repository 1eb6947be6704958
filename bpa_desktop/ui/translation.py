"""Choosing and installing the UI language (Norwegian bokmål by default, English second).

The widgets' ``tr()`` strings are English in the code; ``CatalogueTranslator`` serves their
bokmål from the one catalogue (the ``ui.<Context>`` entries of resources/catalogue/*.json), so
there is no .ts/.qm file beside it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

from bpa_desktop import i18n

LANGUAGES = i18n.LANGUAGES
SETTINGS_KEY = "ui/language"
_NORWEGIAN = {QLocale.Language.NorwegianBokmal, QLocale.Language.NorwegianNynorsk}
UI_GROUP = "ui."


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
    return i18n.get_language()


def tr_index(language: str) -> dict[tuple[str, str], str]:
    """(Qt context, English source) -> text in ``language``, from the ``ui.*`` entries."""
    index = {}
    for key, entry in i18n.entries().items():
        if key.startswith(UI_GROUP):
            context = key[len(UI_GROUP):].rpartition(".")[0]
            index[(context, entry["en"])] = entry.get(language) or entry["nb"]
    return index


class CatalogueTranslator(QTranslator):
    """Answers Qt's translate(context, source) from the catalogue; None lets Qt keep the source."""

    def __init__(self, language: str, parent=None) -> None:
        super().__init__(parent)
        self._index = tr_index(language)

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: ARG002 (Qt's signature)
        return self._index.get((context, source_text))

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return not self._index


def install_language(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Serve the catalogue to Qt in ``language``; set the locale and the catalogue's language.

    Returns the installed translators; the caller keeps them alive.
    """
    i18n.set_language(language)
    if language == "nb":
        QLocale.setDefault(QLocale(QLocale.Language.NorwegianBokmal, QLocale.Country.Norway))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    for translator in getattr(app, "_bpa_translators", []):
        app.removeTranslator(translator)
    translators: list[QTranslator] = []
    if language != "en":  # the source strings are English
        translator = CatalogueTranslator(language, app)
        app.installTranslator(translator)
        translators.append(translator)
    app._bpa_translators = translators
    return translators
