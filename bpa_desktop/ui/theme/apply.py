"""Applying a theme: the application's QPalette from `palette.py`, and `colour(role)` for
what the app paints itself. The choice is `--theme`, else the saved one (QSettings), else
light or dark as the system's colour scheme says."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QWidget

from bpa_desktop.ui.theme.contrast import readable_on
from bpa_desktop.ui.theme.palette import CHART_ROLES, DEFAULT_THEME, THEMES, palette

SETTINGS_KEY = "ui/theme"
_ROLE_PROPERTY = "bpa_text_role"  # a widget whose text has one of the app's colours
_DISABLED_ROLES = ("Text", "WindowText", "ButtonText")
_current = DEFAULT_THEME
_style = None  # the style last given to the application (it owns and deletes it)


class _FramedFields(QProxyStyle):
    """Fusion, with a frame in the text colour around every field a person types into when
    the theme is high contrast: Fusion draws it a shade darker than the window, black on black."""

    _FIELDS = (QStyle.ComplexControl.CC_SpinBox, QStyle.ComplexControl.CC_ComboBox)

    def drawPrimitive(self, element, option, painter, widget=None):  # noqa: N802 (Qt's name)
        super().drawPrimitive(element, option, painter, widget)
        if element == QStyle.PrimitiveElement.PE_PanelLineEdit and _current == "high-contrast" \
                and getattr(option, "lineWidth", 1) > 0:
            self._frame(option, painter)

    def drawComplexControl(self, control, option, painter, widget=None):  # noqa: N802 (Qt's name)
        super().drawComplexControl(control, option, painter, widget)
        if control in self._FIELDS and _current == "high-contrast" and getattr(option, "frame", True):
            self._frame(option, painter)

    @staticmethod
    def _frame(option, painter) -> None:
        painter.save()
        painter.setPen(option.palette.color(QPalette.ColorRole.Text))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(option.rect.adjusted(0, 0, -1, -1))
        painter.restore()


def choose_theme(requested: str | None, settings: QSettings | None = None) -> str:
    if requested in THEMES:
        return requested
    if settings is not None and settings.value(SETTINGS_KEY) in THEMES:
        return settings.value(SETTINGS_KEY)
    hints = QGuiApplication.styleHints()
    return "dark" if hints is not None and hints.colorScheme() == Qt.ColorScheme.Dark else DEFAULT_THEME


def qt_palette(theme: str) -> QPalette:
    colours = palette(theme)
    result = QPalette()
    for name, value in colours.items():
        role = getattr(QPalette.ColorRole, name, None)
        if role is not None:
            result.setColor(QPalette.ColorGroup.All, role, QColor(value))
    for name in _DISABLED_ROLES:
        result.setColor(QPalette.ColorGroup.Disabled, getattr(QPalette.ColorRole, name), QColor(colours["DisabledText"]))
    return result


def apply_theme(app: QApplication, theme: str) -> None:
    """Fusion draws with the palette's roles only, so the palette is what the person sees."""
    global _current
    palette(theme)  # refuses an unknown name before anything changes
    _current = theme
    global _style
    _style = _FramedFields("Fusion")  # a new one each time: the application deletes the one it had
    app.setStyle(_style)
    app.setPalette(qt_palette(theme))
    for widget in app.allWidgets():  # their own palettes were set from the old theme
        role = widget.property(_ROLE_PROPERTY)
        if role:
            _paint_text(widget, role)


def current_theme() -> str:
    return _current


def colour(role: str) -> QColor:
    return QColor(palette(_current)[role])


def text_in_colour(widget: QWidget, role: str) -> None:
    """The widget's text in the palette's `role` now and after every change of theme."""
    widget.setProperty(_ROLE_PROPERTY, role)
    _paint_text(widget, role)


def _paint_text(widget: QWidget, role: str) -> None:
    own = widget.palette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        own.setColor(group, QPalette.ColorRole.WindowText, colour(role))
        own.setColor(group, QPalette.ColorRole.Text, colour(role))
    widget.setPalette(own)


def chart_colour(index: int) -> QColor:
    return colour(CHART_ROLES[index % len(CHART_ROLES)])


def text_on(background: QColor) -> QColor:
    """Black or white on a colour the person chose (a shift code's), whichever reads better."""
    return QColor(readable_on(background.name()))
