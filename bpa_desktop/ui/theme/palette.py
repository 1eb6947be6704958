"""The palettes: every colour the app paints, per theme, as #rrggbb (no Qt here).

Keys in CamelCase are Qt's own palette roles (`QPalette.ColorRole` names, `DisabledText` for
the disabled group's text); snake_case keys are the app's own roles (a finding's severity, a
coverage gap, the hour bar, charts). `PAIRS` says which colour is painted on which and
whether it is text (WCAG 4.5:1) or a graphic (3:1); tests/ui/test_theme_contrast.py checks
every pair in every theme. A colour nobody checks against its background does not belong here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

THEMES = ("light", "dark", "high-contrast")
DEFAULT_THEME = "light"

LIGHT = {
    "Window": "#efefef", "WindowText": "#000000", "Base": "#ffffff", "AlternateBase": "#f3f3f3",
    "Text": "#000000", "Button": "#e8e8e8", "ButtonText": "#000000", "Highlight": "#1d5fa8",
    "HighlightedText": "#ffffff", "PlaceholderText": "#5f5f5f", "DisabledText": "#6b6b6b",
    "Link": "#0b57b0", "LinkVisited": "#6a1b9a", "ToolTipBase": "#ffffdc", "ToolTipText": "#000000",
    "BrightText": "#ffffff", "Light": "#ffffff", "Midlight": "#e3e3e3", "Mid": "#8a8a8a",
    "Dark": "#6e6e6e", "Shadow": "#3c3c3c",
    "error_text": "#a40e0e", "warning_text": "#7a4a00", "holiday_text": "#a3261a",
    "gap_background": "#f5b7b1", "gap_text": "#000000", "weekend_background": "#ebebeb",
    "attention_background": "#f9e79f", "attention_text": "#000000",
    "mark_error": "#c0392b", "mark_warning": "#a66300",
    "hour_worked": "#2e6f9e", "hour_planned": "#5b8fbd", "hour_over": "#c0392b",
    "chart_1": "#2e6f9e", "chart_2": "#c45a00", "chart_3": "#2f7d32", "chart_4": "#8e44ad",
}

DARK = {
    "Window": "#2b2b2b", "WindowText": "#f0f0f0", "Base": "#1e1e1e", "AlternateBase": "#262626",
    "Text": "#f0f0f0", "Button": "#353535", "ButtonText": "#f0f0f0", "Highlight": "#2f6db5",
    "HighlightedText": "#ffffff", "PlaceholderText": "#a8a8a8", "DisabledText": "#9a9a9a",
    "Link": "#8ab4f8", "LinkVisited": "#c58af9", "ToolTipBase": "#3a3a3a", "ToolTipText": "#f0f0f0",
    "BrightText": "#ffffff", "Light": "#4a4a4a", "Midlight": "#3e3e3e", "Mid": "#7a7a7a",
    "Dark": "#9a9a9a", "Shadow": "#000000",
    "error_text": "#ff8a80", "warning_text": "#ffc266", "holiday_text": "#ff9a8f",
    "gap_background": "#6b1f1a", "gap_text": "#ffffff", "weekend_background": "#2a2a2a",
    "attention_background": "#5c4a00", "attention_text": "#ffffff",
    "mark_error": "#ff6b5e", "mark_warning": "#ffb020",
    "hour_worked": "#5aa0d8", "hour_planned": "#4f86b8", "hour_over": "#ff6b5e",
    "chart_1": "#5aa0d8", "chart_2": "#f28e2b", "chart_3": "#6cc070", "chart_4": "#c39bd3",
}

# Black ground, white text, yellow selection: what Windows' and GNOME's high-contrast modes use.
HIGH_CONTRAST = {
    "Window": "#000000", "WindowText": "#ffffff", "Base": "#000000", "AlternateBase": "#1a1a1a",
    "Text": "#ffffff", "Button": "#000000", "ButtonText": "#ffffff", "Highlight": "#ffff00",
    "HighlightedText": "#000000", "PlaceholderText": "#d0d0d0", "DisabledText": "#b0b0b0",
    "Link": "#00ffff", "LinkVisited": "#ff80ff", "ToolTipBase": "#000000", "ToolTipText": "#ffffff",
    "BrightText": "#ffffff", "Light": "#ffffff", "Midlight": "#ffffff", "Mid": "#ffffff",
    "Dark": "#ffffff", "Shadow": "#ffffff",
    "error_text": "#ff8080", "warning_text": "#ffff00", "holiday_text": "#ff8080",
    "gap_background": "#5c0000", "gap_text": "#ffffff", "weekend_background": "#1a1a1a",
    "attention_background": "#ffff00", "attention_text": "#000000",
    "mark_error": "#ff5050", "mark_warning": "#ffff00",
    "hour_worked": "#00ffff", "hour_planned": "#3f8fff", "hour_over": "#ff5050",
    "chart_1": "#00ffff", "chart_2": "#ffff00", "chart_3": "#00ff00", "chart_4": "#ff80ff",
}

PALETTES = {"light": LIGHT, "dark": DARK, "high-contrast": HIGH_CONTRAST}
CHART_ROLES = ("chart_1", "chart_2", "chart_3", "chart_4")


@dataclass(frozen=True)
class Pair:
    foreground: str
    background: str
    kind: Literal["text", "graphic"]
    where: str  # what the app paints this way, for the test's message


# Qt's roles the app's widgets draw with, then the app's own roles on what they are drawn over.
PAIRS = (
    Pair("WindowText", "Window", "text", "labels and headings"),
    Pair("Text", "Base", "text", "fields, tables and lists"),
    Pair("Text", "AlternateBase", "text", "every other row of a table"),
    Pair("ButtonText", "Button", "text", "buttons and table headers"),
    Pair("HighlightedText", "Highlight", "text", "the selected row or cell"),
    Pair("PlaceholderText", "Base", "text", "hints in empty fields, muted report rows"),
    Pair("DisabledText", "Base", "text", "an inactive assistant, a superseded outbox row"),
    Pair("DisabledText", "Window", "text", "a control that cannot be used now"),
    Pair("Link", "Window", "text", "links in help texts"),
    Pair("Link", "Base", "text", "links in the About box"),
    Pair("ToolTipText", "ToolTipBase", "text", "tooltips"),
    Pair("Mid", "Base", "graphic", "the hour bar's frame"),
    Pair("Highlight", "Base", "graphic", "the dashed drop frame in the pattern"),
    Pair("Text", "weekend_background", "text", "a weekend or holiday cell in the pattern and calendar"),
    Pair("error_text", "Window", "text", "a form's error message"),
    Pair("error_text", "Base", "text", "an error in the findings list"),
    Pair("error_text", "AlternateBase", "text", "an error on every other row of the findings list"),
    Pair("warning_text", "Base", "text", "a warning in the findings list"),
    Pair("warning_text", "AlternateBase", "text", "a warning on every other row of the findings list"),
    Pair("holiday_text", "Button", "text", "a Sunday or holiday in the calendar's header"),
    Pair("gap_text", "gap_background", "text", "hours of need nobody is planned for"),
    Pair("attention_text", "attention_background", "text", "a count more than one above the fair share"),
    Pair("mark_error", "Base", "graphic", "an error's frame on a pattern or calendar cell"),
    Pair("mark_warning", "Base", "graphic", "a warning's frame on a pattern or calendar cell"),
    Pair("mark_error", "weekend_background", "graphic", "an error's frame on a weekend cell"),
    Pair("mark_warning", "weekend_background", "graphic", "a warning's frame on a weekend cell"),
    Pair("hour_worked", "Base", "graphic", "hours used in the hour bar"),
    Pair("hour_planned", "Base", "graphic", "hours planned in the hour bar"),
    Pair("hour_over", "Base", "graphic", "the forecast marker when it passes the vedtak"),
    Pair("Text", "Base", "graphic", "the hour bar's vedtak marker"),
    *(Pair(role, "Base", "graphic", "a bar in a report chart") for role in CHART_ROLES),
)


def palette(theme: str) -> dict[str, str]:
    if theme not in PALETTES:
        raise ValueError(f"unknown theme {theme!r}; one of {', '.join(THEMES)}")
    return PALETTES[theme]
