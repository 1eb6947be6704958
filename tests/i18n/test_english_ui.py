"""With the language English, every page of the demo shows English: no Norwegian word in a
label, button, group, tab, list or table header (people's and codes' names aside)."""

from __future__ import annotations

import os
import re

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QListWidget, QTabBar, QTableView  # noqa: E402

from bpa_desktop.ui.main_window import PAGE_IDS  # noqa: E402
from bpa_desktop.ui.translation import install_language  # noqa: E402

NORWEGIAN = re.compile(r"[æøåÆØÅ]|\b(og|ikke|har|er|kan|må|til|fra|med|eller|som|uke|timer|vakt\w*|"
                       r"timeliste\w*|ordning\w*|kommunen|mottak|assistenter|lagre|avbryt|ny|nytt|endre|"
                       r"januar|februar|mars|mai|juni|juli|oktober|desember|"
                       r"mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|kveld|natt)\b", re.I)
#: Words English keeps: the trade's own Norwegian terms the English UI explains rather than translates.
TERMS = ("vedtak", "Vedtak", "egenmelding", "sykmelding", "ferie", "permisjon", "sykt barn", "ordning")


@pytest.fixture
def english(qapp):
    install_language(qapp, "en")
    yield
    install_language(qapp, "nb")


def visible_texts(window) -> list[str]:
    texts = []
    for widget in window.findChildren(QLabel):
        if widget.isVisible():
            texts.append(widget.text())
    for widget in window.findChildren(QAbstractButton):
        if widget.isVisible():
            texts.append(widget.text())
    for widget in window.findChildren(QGroupBox):
        if widget.isVisible():
            texts.append(widget.title())
    for widget in window.findChildren(QTabBar):
        if widget.isVisible():
            texts += [widget.tabText(i) for i in range(widget.count())]
    for widget in window.findChildren(QListWidget):
        if widget.isVisible():
            texts += [widget.item(i).text() for i in range(widget.count())]
    for widget in window.findChildren(QTableView):
        model = widget.model()
        if widget.isVisible() and model is not None:
            texts += [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(model.columnCount())]
    return texts


def test_every_page_of_the_demo_is_english(qtbot, english, demo_workspace, demo_arrangement_id):
    from tests.ui.sync_ui_helpers import open_window

    data = {a.name for a in demo_workspace.people.list_assistants(demo_arrangement_id)}
    data |= {part for name in data for part in name.split()}
    data |= {a.name for a in demo_workspace.people.list_arrangements()}
    data |= {template.name for template in demo_workspace.rota.list_shift_templates(demo_arrangement_id)}
    data.add(str(demo_workspace.path))
    window = open_window(qtbot, demo_workspace)
    found = {}
    for page_id in PAGE_IDS:
        page = window.show_page(page_id)
        qtbot.waitUntil(lambda page=page: page.is_loaded, timeout=20_000)
        for text in visible_texts(window):
            for word in sorted(data, key=len, reverse=True):
                text = text.replace(word, "")
            for term in TERMS:
                text = text.replace(term, "")
            if NORWEGIAN.search(text):
                found.setdefault(page_id, set()).add(text[:120])
    assert found == {}
