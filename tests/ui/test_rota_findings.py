"""The findings list of the Turnus page, by keyboard only: one line per assistant, rule and
severity in that order, the severity as a word and a shape, what to do under the list (bokmål
and English), a line read as one sentence, Enter selecting exactly the group's cells."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from bpa_desktop import i18n
from bpa_desktop.core.rules import RULE_IDS
from bpa_desktop.core.rules import advice
from bpa_desktop.core.rules.advice import rule_name, what_to_do
from bpa_desktop.i18n import t
from bpa_desktop.ui.rota.findings_panel import SEVERITY_SYMBOLS
from bpa_desktop.ui.translation import install_language
from tests.ui.rota_helpers import add_templates_and_assistant, go_to, open_rota, type_code

ACCESSIBLE_TEXT = Qt.ItemDataRole.AccessibleTextRole


@pytest.fixture
def page(qtbot, workspace, arrangement, window):
    add_templates_and_assistant(workspace, arrangement)
    return open_rota(qtbot, window)


@pytest.fixture
def english(qapp):
    install_language(qapp, "en")
    yield
    install_language(qapp, "nb")


def night_then_day(qtbot, page, row: int, column: int) -> None:
    go_to(page.view, row, column)
    type_code(qtbot, page.view, "N")
    type_code(qtbot, page.view, "D")  # 08:00 after a night to 08:00: no rest at all


def rest_breaches(qtbot, page) -> None:
    """Two breaches of the daily rest for the second assistant (Per), one for the first (Anne)."""
    night_then_day(qtbot, page, 1, 9)
    night_then_day(qtbot, page, 0, 2)
    night_then_day(qtbot, page, 1, 2)
    qtbot.waitUntil(lambda: page.checker.checked_all, timeout=20_000)


def enter_on_row(qtbot, page, row: int) -> None:
    """Tab-free: focus the list, Home, Down to the row, Enter."""
    panel = page.findings
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Home)
    for _ in range(row):
        qtbot.keyClick(panel.list, Qt.Key.Key_Down)
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)


def cells_of_group(page, group) -> list[tuple[int, int]]:
    return sorted((i.row(), i.column()) for i in map(page.model.index_of, group.cells) if i.isValid())


def test_groups_by_assistant_then_rule_and_enter_selects_exactly_the_cells(qtbot, page):
    rest_breaches(qtbot, page)
    groups = page.findings.groups
    names = [g.name for g in groups if g.first.assistant]  # the arrangement's own come last
    assert [g.first.assistant for g in groups] == sorted((g.first.assistant for g in groups), key=lambda a: not a)
    assert "Anne Berg" in names and names[-1] != "Anne Berg"
    assert names == sorted(names, key=str.casefold)  # by assistant
    for a, b in zip(groups, groups[1:]):  # then by rule, in core.rules' order
        if a.first.assistant == b.first.assistant:
            assert RULE_IDS.index(a.rule) <= RULE_IDS.index(b.rule)
    rest = [g for g in groups if g.rule == "daily-rest"]
    assert [g.name for g in rest] == sorted({g.name for g in rest})  # one group per assistant
    per = next(g for g in rest if g.name != "Anne Berg")
    assert len({key[1:] for key in per.cells}) >= 4  # both of Per's breaches, each a night and a day

    row = groups.index(per)
    enter_on_row(qtbot, page, row)
    assert page.view.selected_cells() == cells_of_group(page, per)
    assert {(1, 2), (1, 3), (1, 9), (1, 10)} <= set(page.view.selected_cells())
    assert QApplication.focusWidget() is page.view


def test_a_daily_rest_line_in_bokmal_reads_as_one_sentence_with_what_to_do(qtbot, page):
    rest_breaches(qtbot, page)
    panel = page.findings
    row, group = next((i, g) for i, g in enumerate(panel.groups) if g.rule == "daily-rest")
    enter_on_row(qtbot, page, row)
    item = panel.list.item(row)
    assert group.severity == "error" and group.name == "Anne Berg"
    times = f"{group.count} ganger" if group.count > 1 else "1 gang"
    assert item.text() == f"Brudd ✖ Anne Berg – døgnhvile: {times} ({group.dates})"
    todo = "Flytt vakten så det blir minst 11 timer fri mellom vaktene, eller bytt den med en som er fri."
    assert item.data(ACCESSIBLE_TEXT) == (
        f"Brudd: Anne Berg bryter regelen om døgnhvile {times}, {group.dates}. Hva du kan gjøre: {todo}")
    assert "✖" not in item.data(ACCESSIBLE_TEXT)
    assert todo in item.toolTip()
    assert panel.advice.text() == f"Hva du kan gjøre: {todo}"
    assert panel.advice.accessibleName() == panel.advice.text()


def test_a_daily_rest_line_in_english(qtbot, page, english):
    rest_breaches(qtbot, page)
    panel = page.findings
    row, group = next((i, g) for i, g in enumerate(panel.groups) if g.rule == "daily-rest")
    enter_on_row(qtbot, page, row)
    item = panel.list.item(row)
    times = f"{group.count} times" if group.count > 1 else "once"
    assert item.text() == f"Error ✖ Anne Berg – daily rest: {times} ({group.dates})"
    todo = ("Move the shift so there are at least 11 hours off between the shifts, "
            "or swap it with someone who is off.")
    assert item.data(ACCESSIBLE_TEXT) == (
        f"Error: Anne Berg breaks the daily rest rule {times}, {group.dates}. What to do: {todo}")
    assert panel.advice.text() == f"What to do: {todo}"


def test_the_demo_list_is_ordered_and_says_the_severity_in_words_and_shapes(qtbot, demo_window):
    page = demo_window.show_page("turnus")
    qtbot.waitUntil(lambda: page.is_loaded and page.checker.checked_all, timeout=30_000)
    panel = page.findings
    groups = panel.groups
    assert len(groups) >= 3
    keys = [(not g.first.assistant, g.name.casefold(), RULE_IDS.index(g.rule)) for g in groups]
    assert keys == sorted(keys)
    assert groups[-1].first.assistant == ""  # the arrangement's own (vedtak hours) last
    words = {"error": "Brudd", "warning": "Advarsel"}
    for row, group in enumerate(groups):
        text = panel.list.item(row).text()
        assert text.startswith(f"{words[group.severity]} {SEVERITY_SYMBOLS[group.severity]} ")
        assert f" – {rule_name(group.rule)}: " in text
        sentence = panel.list.item(row).data(ACCESSIBLE_TEXT)
        assert sentence.startswith(words[group.severity] + ":") and sentence.endswith(what_to_do(group.rule))
    assert panel.advice.isHidden()  # nothing chosen yet
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_End)
    assert panel.advice.text() == "Hva du kan gjøre: " + what_to_do("vedtak-hours")
    assert not panel.advice.isHidden()


@pytest.mark.parametrize("language", ["nb", "en"])
def test_every_rule_has_a_short_name_and_one_sentence_of_what_to_do(language):
    assert set(advice.RULE_NAME_KEYS) == set(advice.WHAT_TO_DO_KEYS) == set(RULE_IDS)
    entries = i18n.entries()
    with i18n.language(language):
        for rule in RULE_IDS:
            assert advice.RULE_NAME_KEYS[rule] in entries and advice.WHAT_TO_DO_KEYS[rule] in entries, rule
            text = what_to_do(rule)
            assert text and text.endswith(".") and text.count(". ") == 0, rule  # one sentence
            assert rule_name(rule), rule
        assert t("findings.what_to_do.daily_rest") == what_to_do("daily-rest")
