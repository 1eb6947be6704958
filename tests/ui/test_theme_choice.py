"""Issue 16 item 4: the theme is chosen by --theme, else the saved choice; Innstillinger
changes it at once and saves it; what is painted follows."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from bpa_desktop.ui.theme.apply import SETTINGS_KEY, choose_theme


def test_command_line_beats_the_saved_choice():
    settings = QSettings()
    settings.setValue(SETTINGS_KEY, "high-contrast")
    assert choose_theme(None, settings) == "high-contrast"
    assert choose_theme("dark", settings) == "dark"
    settings.setValue(SETTINGS_KEY, "no-such-theme")
    assert choose_theme(None, settings) in ("light", "dark")  # the system's scheme


def test_settings_page_applies_and_saves_the_theme_by_keyboard(window, qtbot, qapp):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPalette

    from bpa_desktop.ui.rota.calendar_model import CalendarModel
    from bpa_desktop.ui.theme.apply import apply_theme, current_theme
    from bpa_desktop.ui.theme.palette import HIGH_CONTRAST

    before_palette, before_style = qapp.palette(), qapp.style().name() or "Fusion"
    page = window.show_page("innstillinger")
    try:
        for _ in range(page.theme.count()):
            if page.theme.currentData() == "high-contrast":
                break
            qtbot.keyClick(page.theme, Qt.Key.Key_Down)  # a key press, as a person on the keyboard
        assert current_theme() == "high-contrast"
        assert QSettings().value(SETTINGS_KEY) == "high-contrast"
        assert qapp.palette().color(QPalette.ColorRole.Window).name() == HIGH_CONTRAST["Window"]
        # the app's own colours follow: a Sunday header in the calendar
        model = CalendarModel()
        from datetime import date
        sunday = date(2026, 11, 1)
        model.set_plan(sunday, sunday, [], [], [])
        brush = model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ForegroundRole)
        assert brush.color().name() == HIGH_CONTRAST["holiday_text"]
        # an error label made before the change repaints in the new theme's error colour
        error = page.form.general_error
        assert error.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText).name() \
            == HIGH_CONTRAST["error_text"]
    finally:
        apply_theme(qapp, "light")
        qapp.setStyle(before_style)
        qapp.setPalette(before_palette)
