"""The app's icon (resources/icons): the PNG sizes, so no SVG plugin is needed to show it."""

from __future__ import annotations

import importlib.resources

from PySide6.QtGui import QIcon

APP_ID = "no.bpa_desktop.BpaDesktop"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    icon = QIcon()
    folder = importlib.resources.files("bpa_desktop.resources") / "icons" / "hicolor"
    for size in SIZES:
        with importlib.resources.as_file(folder / f"{size}x{size}" / "apps" / f"{APP_ID}.png") as path:
            icon.addFile(str(path))
    return icon
