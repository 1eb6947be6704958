"""The findings list beside the pattern. A pattern repeats, so the same breach shows up once
per repetition; those are grouped into one line ("and 12 more dates"). Activating a line
(click, Enter) selects the pattern cells it concerns; F8 / Shift+F8 step through the lines."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from bpa_desktop.core.live_plan import CellKey
from bpa_desktop.core.rules import Finding
from bpa_desktop.ui.plain import text_label, tooltip
from bpa_desktop.ui.theme.apply import colour

SEVERITY_ROLES = {"error": "error_text", "warning": "warning_text"}  # the word says it too


@dataclass(frozen=True)
class FindingGroup:
    first: Finding  # the earliest occurrence
    count: int
    cells: frozenset[CellKey]

    @property
    def severity(self) -> str:
        return self.first.severity


def group_findings(findings: Iterable[Finding], cells_of: Callable[[Finding], set[CellKey]]) -> list[FindingGroup]:
    """One group per (rule, severity, assistant, cells); errors first, then by date."""
    groups: dict[tuple, list] = {}
    for finding in findings:
        cells = frozenset(cells_of(finding))
        key = (finding.rule, finding.severity, finding.assistant, cells)
        entry = groups.get(key)
        if entry is None:
            groups[key] = [finding, 1, cells]
        else:
            entry[1] += 1
            if finding.start < entry[0].start:
                entry[0] = finding
    result = [FindingGroup(first, count, cells) for first, count, cells in groups.values()]
    return sorted(result, key=lambda g: (g.severity != "error", g.first.start.timestamp(), g.first.assistant))


def group_text(group: FindingGroup) -> str:
    """One line of a findings list: "Advarsel: … (og 12 ganger til)"."""
    word = QCoreApplication.translate("FindingsPanel", "Error") if group.severity == "error" \
        else QCoreApplication.translate("FindingsPanel", "Warning")
    text = f"{word}: {group.first.message}"
    if group.count > 1:
        text += " " + QCoreApplication.translate("FindingsPanel", "(and %1 more times)").replace(
            "%1", str(group.count - 1))
    return text


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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
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
        if not groups:
            text = self.tr("No findings: the pattern keeps the working-time rules.") if complete \
                else self.tr("Checking…")
        else:
            text = counts_text(groups)
            if not complete:
                text += " " + self.tr("(checking the whole period…)")
        self.summary.setText(text)
        self.summary.setAccessibleName(text)

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
    item.setToolTip(tooltip(f"{group.first.message}\n{group.first.reference}"))
    item.setData(Qt.ItemDataRole.AccessibleTextRole, group_text(group))
    return item
