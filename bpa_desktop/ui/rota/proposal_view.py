"""The proposal beside the current pattern: two read-only grids, each with its findings
summary and fairness table (weekends, nights, evenings, holidays, hours per assistant
against their fair share), and, when there is no legal rota, the reasons and what would help."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView, QHeaderView, QLabel, QListWidget, QTableView, QVBoxLayout, QWidget,
)

from bpa_desktop.ui.formatting import format_number
from bpa_desktop.ui.rota.findings_panel import counts_text, group_item, marks_of
from bpa_desktop.ui.rota.pattern_model import PatternModel
from bpa_desktop.ui.rota.pattern_view import MarkDelegate
from bpa_desktop.ui.theme.apply import colour



class FairnessModel(QAbstractTableModel):
    """One row per assistant: each count with its fair share in brackets."""

    COLUMNS = ("name", "weekends", "nights", "evenings", "holidays", "hours")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list = []

    def set_rows(self, rows: Sequence) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headers(self) -> list[str]:
        return [self.tr("Assistant"), self.tr("Weekends"), self.tr("Nights"), self.tr("Evenings"),
                self.tr("Holidays"), self.tr("Hours a week")]

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role in (Qt.ItemDataRole.DisplayRole,
                                                                 Qt.ItemDataRole.AccessibleTextRole):
            return self.headers()[section]
        return None

    def _pair(self, row, column: str) -> tuple[float, float]:
        if column == "hours":
            return row.hours_per_week, row.contract_hours
        return getattr(row, column), getattr(row, f"{column}_share")

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], self.COLUMNS[index.column()]
        if column == "name":
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return f"{row.name} ({format_number(row.employment_percent)} %)"
            return None
        value, share = self._pair(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{format_number(value)} ({format_number(share)})"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            what = self.headers()[index.column()]
            against = self.tr("contract") if column == "hours" else self.tr("fair share")
            return f"{row.name}, {what}: {format_number(value)}, {against} {format_number(share)}"
        if role == Qt.ItemDataRole.BackgroundRole and column != "hours" and value - share > 1 + 1e-9:
            return QBrush(colour("attention_background"))  # more than one above the fair share
        if role == Qt.ItemDataRole.ForegroundRole and column != "hours" and value - share > 1 + 1e-9:
            return QBrush(colour("attention_text"))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


def fairness_view(model: FairnessModel, name: str) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.setAccessibleName(name)
    view.setAccessibleDescription(QCoreApplication.translate(
        "ProposalView", "Per assistant: weekends, nights and evenings per cycle, holidays over the period and hours a "
        "week, each with the fair share by employment percent in brackets"))
    return view


class PatternPane(QWidget):
    """One side: a title, a read-only pattern grid, the findings in a line, the fairness table."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(f"<b>{title}</b>")
        self.stack = QUndoStack(self)  # the grid model wants one; nothing is edited here
        self.pattern = PatternModel(self.stack, self)
        self.grid = QTableView()
        self.grid.setModel(self.pattern)
        self.grid.setItemDelegate(MarkDelegate(self.grid))
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setTabKeyNavigation(False)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.grid.horizontalHeader().setDefaultSectionSize(self.fontMetrics().horizontalAdvance("MM") + 12)
        self.grid.setAccessibleName(title)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.fairness = FairnessModel(self)
        self.fairness_table = fairness_view(self.fairness, self.tr("Fairness: %1").replace("%1", title))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.grid, 3)
        layout.addWidget(self.summary)
        layout.addWidget(self.fairness_table, 2)

    def show_pattern(self, assistants, templates, weeks: int, cells, start, description, groups=()) -> None:
        """``cells`` keyed by assistant id (int) as the Turnus page has them; ``groups`` its
        findings grouped as the page groups them (counted and marked in the grid the same way)."""
        self.pattern.set_pattern(assistants, templates, weeks, cells, start)
        self.pattern.set_marks(marks_of(groups))
        self.fairness.set_rows(description.fairness if description is not None else ())
        if description is None:
            self.summary.setText("")
            return
        text = counts_text(groups)
        if description.gaps:
            text += " · " + self.tr("%1 stretches of need not covered").replace("%1", str(len(description.gaps)))
        self.summary.setText(text)
        self.summary.setAccessibleName(text)


class FindingsList(QListWidget):
    """The proposal's warnings as the Turnus page lists them: one line per rule, assistant and
    pattern cells, with how often it comes back over the period."""

    def show_groups(self, groups) -> None:
        self.clear()
        for group in groups:
            self.addItem(group_item(group))
        if not groups:
            self.addItem(self.tr("No warnings."))


def explanation_text(explanation) -> str:
    """No legal rota: what cannot be covered, why, and what would help, one per line."""
    if explanation is None:
        return QCoreApplication.translate("ProposalView", "No legal rota was found, and there was no time left to find out why.")
    lines = [QCoreApplication.translate("ProposalView", "There is no legal rota with these settings.")]
    if explanation.uncovered:
        lines.append(QCoreApplication.translate("ProposalView", "Need nobody can cover:"))
        lines += [f"• {u.reason().text()}" for u in explanation.uncovered]
    if explanation.reasons:
        lines.append(QCoreApplication.translate("ProposalView", "Because:"))
        lines += [f"• {r.text()}" for r in explanation.reasons]
    if explanation.helps:
        lines.append(QCoreApplication.translate("ProposalView", "Any one of these would help:"))
        lines += [f"• {h.text()}" for h in explanation.helps]
    if not explanation.complete:
        lines.append(QCoreApplication.translate("ProposalView", "(The time ran out before every cause was looked at.)"))
    return "\n".join(lines)
