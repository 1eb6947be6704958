"""Nothing shows up in English by accident: every UI string has a bokmål translation in the .qm."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

import bpa_desktop
from bpa_desktop.ui.translation import translations_dir

PACKAGE = Path(bpa_desktop.__file__).parent
UI_SOURCES = sorted((PACKAGE / "ui").rglob("*.py")) + [PACKAGE / "app.py"]


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [(context.findtext("name"), message.findtext("source"), message.find("translation"))
            for context in root.iter("context") for message in context.iter("message")]


@pytest.mark.parametrize("stem", ["bpa_desktop_nb", "qt_extra_nb"])
def test_every_message_is_translated_and_compiled(stem):
    ts = Path(str(translations_dir() / f"{stem}.ts"))
    translator = QTranslator()
    assert translator.load(str(ts.with_suffix(".qm")))
    found = messages(ts)
    assert found
    for context, source, translation in found:
        assert translation.get("type") not in ("unfinished", "vanished", "obsolete"), (context, source)
        assert (translation.text or "").strip(), (context, source)
        # the compiled .qm must say the same as the .ts (i.e. lrelease was run after editing)
        assert translator.translate(context, source) == translation.text, (context, source)


def lupdate() -> str:
    found = shutil.which("pyside6-lupdate") or str(Path(sys.executable).parent / "pyside6-lupdate")
    if not Path(found).exists():
        pytest.skip("pyside6-lupdate is not installed")
    return found


def test_the_ts_file_holds_every_string_in_the_code(tmp_path):
    fresh = tmp_path / "fresh.ts"
    subprocess.run([lupdate(), *map(str, UI_SOURCES), "-no-obsolete", "-locations", "none", "-ts", str(fresh)],
                   check=True, capture_output=True)
    in_code = {(context, source) for context, source, _ in messages(fresh)}
    committed = {(context, source) for context, source, _ in
                 messages(Path(str(translations_dir() / "bpa_desktop_nb.ts")))}
    assert in_code, "lupdate found no strings"
    assert sorted(in_code - committed) == [], "run lupdate, translate the new strings (resources/translations/README.md)"


def test_the_ui_speaks_bokmal(qtbot, arrangement, window):
    assert window.navigation.item(1).text() == "Turnus"
    assert window.pages["assistenter"].add_button.text() == "&Legg til assistent"
