"""Qt fixtures used by tests/ui and tests/e2e; loaded for the whole suite through
`pytest_plugins` in tests/conftest.py. Each of those folders' conftest turns
`isolated_settings` on for all its tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def isolated_settings(tmp_path, qapp):
    """QSettings write into tmp_path, never into the tester's own configuration."""
    from PySide6.QtCore import QCoreApplication, QSettings

    QCoreApplication.setOrganizationName("bpa-desktop-tests")
    QCoreApplication.setApplicationName("bpa-desktop-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield


@pytest.fixture(scope="session")
def _bokmal(qapp):
    """The UI in Norwegian bokmål, as a user sees it by default."""
    from bpa_desktop.ui.translation import install_language

    translators = install_language(qapp, "nb")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
