"""The findings list beside the pattern: one line per assistant, rule and severity, ordered by
assistant, then rule, then date ("Brudd ✖ Kari Nordmann – døgnhvile: 4 ganger (3.–24. mars)");
the severity is a word and a shape as well as a colour. Under the list, what to do about the
current line. Activating a line (click, Enter) selects all the pattern cells it concerns;
F8 / Shift+F8 step through the lines. A screen reader reads a line as one sentence."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from bpa_desktop import text_format
from bpa_desktop.core.live_plan import CellKey
from bpa_desktop.core.rules import RULE_IDS, Finding
from bpa_desktop.core.rules.advice import rule_name, what_to_do
from bpa_desktop.i18n import t
from bpa_desktop.ui.plain import text_label, tooltip
from bpa_desktop.ui.theme.apply import colour

SEVERITY_ROLES = {"error": "error_text", "warning": "warning_text"}  # the word and the symbol say it too
SEVERITY_SYMBOLS = {"error": "\u2716", "warning": "\u25b2"}  # ✖ a cross, ▲ a triangle: shapes, not colours


@dataclass(frozen=True)
class FindingGroup:
    """One assistant's breaches of one rule (of one severity): one line of the list."""

    first: Finding  # the earliest occurrence
    count: int
    cells: frozenset[CellKey]  # every pattern cell of every occurrence
    name: str = ""  # the assistant's name ("" for the arrangement as a whole)
    last: date | None = None  # the day the latest occurrence starts on (the dates are start days)

    @property
    def severity(self) -> str:
        return self.first.severity

    @property
    def rule(self) -> str:
        return self.first.rule

    @property
    def dates(self) -> str:
        """"3.–24. mars", "19. desember 2026–9. januar 2027", or one day."""
        first = self.first.start.date()
        last = self.last or first
        if first.year != last.year:
            return f"{text_format.day_month(first, True)}–{text_format.day_month(last, True)}"
        return text_format.day_range(first, last)


def _rule_order(rule: str) -> int:
    return RULE_IDS.index(rule) if rule in RULE_IDS else len(RULE_IDS)


def group_findings(findings: Iterable[Finding], cells_of: Callable[[Finding], set[CellKey]],
                   names: Mapping[str, str] | None = None) -> list[FindingGroup]:
    """One group per assistant, rule and severity, in that order (the arrangement's own
    findings last; a rule's errors before its warnings), each with all its cells and dates."""
    names = names or {}
    groups: dict[tuple, list] = {}
    for finding in findings:
        key = (finding.assistant, finding.rule, finding.severity)
        day = finding.start.date()
        entry = groups.get(key)
        if entry is None:
            groups[key] = [finding, 1, set(cells_of(finding)), day]
        else:
            entry[1] += 1
            entry[2].update(cells_of(finding))
            if finding.start < entry[0].start:
                entry[0] = finding
            entry[3] = max(entry[3], day)
    result = [FindingGroup(first, count, frozenset(cells), names.get(first.assistant, first.assistant), last)
              for first, count, cells, last in groups.values()]
    return sorted(result, key=lambda g: (not g.first.assistant, g.name.casefold(), g.first.assistant,
                                         _rule_order(g.rule), g.severity != "error", g.first.start.timestamp()))


def severity_word(severity: str) -> str:
    return QCoreApplication.translate("FindingsPanel", "Error") if severity == "error" \
        else QCoreApplication.translate("FindingsPanel", "Warning")


def _who(group: FindingGroup) -> str:
    return group.name if group.first.assistant else t("findings.group.everyone")


def group_text(group: FindingGroup) -> str:
    """One line of the list: "Brudd ✖ Kari Nordmann – døgnhvile: 4 ganger (3.–24. mars)"."""
    return t("findings.group.line", severity=severity_word(group.severity), symbol=SEVERITY_SYMBOLS[group.severity],
             name=_who(group), rule=rule_name(group.rule), times=t("findings.group.times", count=group.count),
             dates=group.dates)


def group_sentence(group: FindingGroup) -> str:
    """What a screen reader reads for a line: severity, who, rule, how many times, the dates
    and what to do, without the symbol."""
    return t("findings.group.sentence", severity=severity_word(group.severity), name=_who(group),
             rule=rule_name(group.rule), times=t("findings.group.times", count=group.count), dates=group.dates,
             advice=what_to_do(group.rule))


def counts_text(groups: Iterable[FindingGroup]) -> str:
    """"0 feil, 15 advarsler": groups, as the findings list shows them."""
    groups = list(groups)
    errors = sum(1 for g in groups if g.severity == "error")
    return QCoreApplication.translate("FindingsPanel", "%1 errors, %2 warnings").replace(
        "%1", str(errors)).replace("%2", str(len(groups) - errors))


def marks_of(groups: Iterable[FindingGroup]) -> dict[CellKey, str]:
    marks: dict[CellKey, str] = {}
    for group in groups:
        for key in group.cells:
            if marks.get(key) != "error":
                marks[key] = group.severity
    return marks


class FindingsPanel(QWidget):
    """`cells_requested(cells)` when a line is activated or stepped to."""

    cells_requested = Signal(object)  # frozenset[CellKey]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.groups: list[FindingGroup] = []
        self.summary = text_label()
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setAccessibleName(self.tr("Working-time findings"))
        self.list.setAccessibleDescription(self.tr(
            "Enter or a click selects the pattern cells a finding concerns; F8 and Shift+F8 step through them"))
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        self.advice = text_label()  # what to do about the current line
        self.advice.setWordWrap(True)
        self.list.currentRowChanged.connect(self._show_advice)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.advice)
        self.set_groups([], complete=True)

    def set_groups(self, groups: list[FindingGroup], complete: bool) -> None:
        current = self.list.currentRow()
        self.groups = groups
        self.list.setUpdatesEnabled(False)
        self.list.clear()
        for group in groups:
            self.list.addItem(group_item(group))
        if 0 <= current < len(groups):
            self.list.setCurrentRow(current)
        self.list.setUpdatesEnabled(True)
        self._show_advice(self.list.currentRow())
        if not groups:
            text = self.tr("No findings: the pattern keeps the working-time rules.") if complete \
                else self.tr("Checking…")
        else:
            text = counts_text(groups)
            if not complete:
                text += " " + self.tr("(checking the whole period…)")
        self.summary.setText(text)
        self.summary.setAccessibleName(text)

    def _show_advice(self, row: int) -> None:
        text = ""
        if 0 <= row < len(self.groups):
            text = self.tr("What to do: %1").replace("%1", what_to_do(self.groups[row].rule))
        self.advice.setText(text)
        self.advice.setAccessibleName(text)
        self.advice.setVisible(bool(text))

    def _activated(self, item: QListWidgetItem) -> None:
        row = self.list.row(item)
        if 0 <= row < len(self.groups):
            self.cells_requested.emit(self.groups[row].cells)

    def step(self, forward: bool = True) -> None:
        """Move to the next (previous) finding and select its cells."""
        if not self.groups:
            return
        row = self.list.currentRow()
        row = (row + (1 if forward else -1)) % len(self.groups) if row >= 0 else (0 if forward else len(self.groups) - 1)
        self.list.setCurrentRow(row)
        self.cells_requested.emit(self.groups[row].cells)


def group_item(group: FindingGroup) -> QListWidgetItem:
    item = QListWidgetItem(group_text(group))
    item.setForeground(QBrush(colour(SEVERITY_ROLES[group.severity])))
    advice = what_to_do(group.rule)
    item.setToolTip(tooltip(f"{group.first.message}\n{group.first.reference}\n\n{advice}"))
    item.setData(Qt.ItemDataRole.AccessibleTextRole, group_sentence(group))
    item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, f"{group.first.message}. {group.first.reference}")
    return item
