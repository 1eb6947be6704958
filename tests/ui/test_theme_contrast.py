"""Issue 16 item 4: every colour the app paints comes from the palette, and every colour is
readable on what it is painted over, in the light, dark and high-contrast themes (WCAG 2.x:
4.5:1 for text, 3:1 for graphics and parts of controls)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bpa_desktop.ui.theme.contrast import GRAPHIC_MINIMUM, TEXT_MINIMUM, contrast_ratio, readable_on
from bpa_desktop.ui.theme.palette import PAIRS, PALETTES, THEMES

UI = Path(__file__).resolve().parents[2] / "bpa_desktop" / "ui"
THEME_DIR = UI / "theme"
MINIMUM = {"text": TEXT_MINIMUM, "graphic": GRAPHIC_MINIMUM}


def test_the_formula_gives_wcag_s_known_ratios():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # the famous near miss
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)


@pytest.mark.parametrize("theme", THEMES)
def test_every_painted_pair_is_readable(theme):
    colours = PALETTES[theme]
    too_low = []
    for pair in PAIRS:
        ratio = contrast_ratio(colours[pair.foreground], colours[pair.background])
        if ratio < MINIMUM[pair.kind]:
            too_low.append(f"{pair.foreground} on {pair.background} ({pair.where}): {ratio:.2f}:1, "
                           f"needs {MINIMUM[pair.kind]}:1")
    assert not too_low, f"{theme}:\n" + "\n".join(too_low)


def test_every_theme_has_every_role_and_every_role_is_checked():
    names = set(PALETTES["light"])
    for theme in THEMES:
        assert set(PALETTES[theme]) == names, theme
    checked = {role for pair in PAIRS for role in (pair.foreground, pair.background)}
    # Qt's bevel shades are for Fusion's 3-D edges, never text or a marker on their own
    unchecked = names - checked - {"BrightText", "Light", "Midlight", "Dark", "Shadow", "LinkVisited"}
    assert not unchecked, f"colours in the palette that no contrast pair checks: {sorted(unchecked)}"


def test_every_app_role_in_the_palette_is_painted_somewhere():
    source = "\n".join(p.read_text(encoding="utf-8") for p in UI.rglob("*.py") if THEME_DIR not in p.parents)
    app_roles = {name for name in PALETTES["light"] if name.islower() and not name.startswith("chart_")}
    unused = {role for role in app_roles if f'"{role}"' not in source}
    assert not unused, f"roles nobody paints (remove them): {sorted(unused)}"


# A colour written in a widget instead of taken from the palette: QColor("#…"), QColor(0, 0, 0),
# Qt.GlobalColor / Qt.red, a string that is only a colour, a colour in a stylesheet.
HARD_CODED = re.compile(
    r"""QColor\(\s*(["']|\d)|Qt\.GlobalColor|\bQt\.(red|green|blue|black|white|gray|darkRed|darkGreen|yellow)\b"""
    r"""|["']#[0-9a-fA-F]{3,8}["']|color:\s*#""")


def test_no_colour_is_written_outside_the_palette():
    found = []
    for path in sorted(UI.rglob("*.py")):
        if THEME_DIR in path.parents:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if HARD_CODED.search(line):
                found.append(f"{path.relative_to(UI)}:{number}: {line.strip()}")
    assert not found, "colours outside bpa_desktop/ui/theme:\n" + "\n".join(found)


@given(st.integers(0, 0xFFFFFF))
def test_text_on_a_colour_the_person_chose_is_always_readable(value):
    background = f"#{value:06x}"
    assert contrast_ratio(readable_on(background), background) >= TEXT_MINIMUM


@pytest.mark.parametrize("theme", THEMES)
def test_the_applied_qt_palette_is_the_checked_one(qapp, theme):
    """What Qt paints with (its palette roles, the disabled group too) is what the pairs checked."""
    from PySide6.QtGui import QPalette

    from bpa_desktop.ui.theme.apply import apply_theme, colour, current_theme

    before_palette, before_style = qapp.palette(), qapp.style().name() or "Fusion"
    before_theme = current_theme()
    try:
        apply_theme(qapp, theme)
        applied = qapp.palette()
        colours = PALETTES[theme]
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            for name in ("Window", "WindowText", "Base", "AlternateBase", "Text", "Button", "ButtonText",
                         "Highlight", "HighlightedText", "PlaceholderText", "Link", "ToolTipBase", "ToolTipText"):
                assert applied.color(group, getattr(QPalette.ColorRole, name)).name() == colours[name], (group, name)
        for name in ("Text", "WindowText", "ButtonText"):
            assert applied.color(QPalette.ColorGroup.Disabled, getattr(QPalette.ColorRole, name)).name() \
                == colours["DisabledText"]
        assert colour("gap_background").name() == colours["gap_background"]
        style = qapp.style()
        assert (style.baseStyle() if hasattr(style, "baseStyle") else style).name().lower() == "fusion"
    finally:
        apply_theme(qapp, before_theme)
        qapp.setStyle(before_style)
        qapp.setPalette(before_palette)


def test_a_text_field_has_a_visible_frame_in_high_contrast(qtbot, qapp):
    """Fusion frames a field a shade darker than the window, which on black is black."""
    from PySide6.QtWidgets import QLineEdit

    from bpa_desktop.ui.theme.apply import apply_theme

    try:
        for theme in ("light", "high-contrast"):
            apply_theme(qapp, theme)
            field = QLineEdit("Turnus 4 uker")
            qtbot.addWidget(field)
            field.resize(160, 28)
            image = field.grab().toImage()
            edge = image.pixelColor(0, image.height() // 2)
            inside = image.pixelColor(image.width() - 3, image.height() // 2)
            if theme == "high-contrast":
                assert edge.lightness() > 200 and inside.lightness() < 40  # white frame, black field
    finally:
        apply_theme(qapp, "light")
