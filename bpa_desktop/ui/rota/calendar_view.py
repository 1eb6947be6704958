"""Kalender: the rolled-out plan (ws.rota.list_planned_shifts) by week, 4 weeks or month.

Single shifts are changed here without touching the pattern: swap two assistants' shifts,
give a shift to a substitute, give one new times, add an extra shift, cancel one, each with a
reason; each is a write operation with an undo step (ws.undoable). «Finn vikar» (Ctrl+Shift+V)
on a shift or on a day of the gap row ranks who can take it. The
shown days are checked against the working-time rules (check_window) and cells marked; the
bottom row shows hours of the recipient's need nobody is planned for.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bpa_desktop.core import calendar as cal
from bpa_desktop.core.coverage import coverage_gaps
from bpa_desktop.core.rota import template_shift
from bpa_desktop.core.rules import check_window
from bpa_desktop.i18n import message
from bpa_desktop.ui.dialogs.single import open_single
from bpa_desktop.ui.errors import show_error
from bpa_desktop.ui.formatting import format_date, format_day
from bpa_desktop.ui.operations.changes import Changes
from bpa_desktop.ui.operations.operation import OpRunner, WriteOp
from bpa_desktop.ui.plain import text_label
from bpa_desktop.ui.rota.calendar_model import CalendarModel, local_day, range_for, step
from bpa_desktop.ui.rota.change_dialog import ChangeDialog
from bpa_desktop.ui.rota.findings_panel import FindingsPanel, group_findings, marks_of
from bpa_desktop.ui.rota.pattern_view import MarkDelegate
from bpa_desktop.ui.widgets.accessible import button, named

CONTEXT_DAYS = 7


class CalendarView(QWidget):
    """Saved changes reach the page and the other pages as `Changes` (calendar, timesheets)."""

    loaded = Signal()

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.mode = "4weeks"
        self.anchor = date.today()
        self.assistants: list = []
        self.templates: list = []
        self.need: list = []
        self.shifts: list = []  # loaded with CONTEXT_DAYS around the shown days
        self.dialog: QDialog | None = None

        self.mode_box = QComboBox()
        for text, mode in ((self.tr("Week"), "week"), (self.tr("4 weeks"), "4weeks"), (self.tr("Month"), "month")):
            self.mode_box.addItem(text, mode)
        self.mode_box.setCurrentIndex(1)
        named(self.mode_box, self.tr("Calendar span"))
        self.mode_box.currentIndexChanged.connect(self._mode_changed)
        self.previous_button = button(self.tr("◀ Earlier"), "Alt+PgUp")
        self.previous_button.setAccessibleName(self.tr("Earlier"))
        self.next_button = button(self.tr("Later ▶"), "Alt+PgDown")
        self.next_button.setAccessibleName(self.tr("Later"))
        self.today_button = button(self.tr("&Today"), "Alt+Home")
        self.previous_button.clicked.connect(lambda: self.move(False))
        self.next_button.clicked.connect(lambda: self.move(True))
        self.today_button.clicked.connect(lambda: self.show_date(date.today()))
        self.range_label = text_label()
        top = QHBoxLayout()
        for widget in (self.mode_box, self.previous_button, self.today_button, self.next_button):
            top.addWidget(widget)
        top.addWidget(self.range_label, 1)

        # swap, extra and cancel go by their Ctrl+Shift keys: no Alt letter was free on the page
        self.swap_button = button(self.tr("Swap…"), "Ctrl+Shift+W",
                                  self.tr("Select two shifts of different assistants, then swap them"))
        self.substitute_button = button(self.tr("Give to su&bstitute…"), "Ctrl+Shift+U")
        self.times_button = button(self.tr("New ti&mes…"), "Ctrl+Shift+T",
                                   self.tr("Give the selected shift other times this once"))
        self.extra_button = button(self.tr("Extra shift…"), "Ctrl+Shift+X",
                                   self.tr("Select a free day of an assistant"))
        self.cancel_button = button(self.tr("Cancel shift…"), "Ctrl+Shift+Delete")
        self.sick_button = button(message("ui_sick_cover_button"), "Ctrl+Shift+D",
                                  message("ui_calendar_sick_help"))
        self.sick_button.clicked.connect(self.sick_cover)
        self.vikar_button = button(self.tr("Find a substitute…"), "Ctrl+Shift+V", self.tr(
            "Select a shift someone cannot take, or a day in the row of hours not covered"))
        self.vikar_button.clicked.connect(self.find_vikar)
        self.swap_button.clicked.connect(self.swap)
        self.substitute_button.clicked.connect(self.substitute)
        self.times_button.clicked.connect(self.new_times)
        self.extra_button.clicked.connect(self.extra)
        self.cancel_button.clicked.connect(self.cancel)
        actions = QHBoxLayout()
        for widget in (self.swap_button, self.substitute_button, self.times_button, self.sick_button,
                       self.extra_button, self.cancel_button, self.vikar_button):
            actions.addWidget(widget)
        actions.addStretch(1)

        self.model = CalendarModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegate(MarkDelegate(self.table))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setDefaultSectionSize(self.fontMetrics().horizontalAdvance("MMMM") + 6)
        self.table.verticalHeader().setDefaultSectionSize(int(self.fontMetrics().height() * 1.9))
        named(self.table, self.tr("Planned shifts"),
              self.tr("Rows are assistants, columns are days; the last row shows hours not covered"))
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.findings = FindingsPanel()
        self.findings.cells_requested.connect(self.select_keys)
        self.reasons = text_label()
        self.reasons.setWordWrap(True)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.findings)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(splitter, 1)
        self.setTabOrder(self.next_button, self.swap_button)
        self.setTabOrder(self.cancel_button, self.vikar_button)
        self.setTabOrder(self.vikar_button, self.table)
        self._update_buttons()

    # --- data -------------------------------------------------------------------------------
    def set_context(self, assistants: list, templates: list, need: list) -> None:
        self.assistants, self.templates, self.need = list(assistants), list(templates), list(need)

    @property
    def shown(self) -> tuple[date, date]:
        return range_for(self.mode, self.anchor)

    def show_date(self, day: date) -> None:
        self.anchor = day
        self.reload()

    def move(self, forward: bool) -> None:
        self.show_date(step(self.mode, self.anchor, forward))

    def _mode_changed(self) -> None:
        self.mode = self.mode_box.currentData()
        self.reload()

    def reload(self) -> None:
        arrangement_id = self.ctx.arrangement_id
        first, last = self.shown
        self.range_label.setText(f"{format_date(first)} – {format_date(last)}")
        self.range_label.setAccessibleName(self.range_label.text())
        if arrangement_id is None:
            self._show([])
            return
        self.ctx.runner.submit(self.ctx.workspace.rota.list_planned_shifts, arrangement_id,
                               first - timedelta(days=CONTEXT_DAYS), last + timedelta(days=CONTEXT_DAYS),
                               on_done=lambda shifts, shown=(first, last): self._loaded(shown, shifts),
                               on_error=lambda error: show_error(self, error), owner=self)

    def _loaded(self, shown: tuple[date, date], shifts: list) -> None:
        if shown == self.shown:
            self._show(shifts)

    def _show(self, shifts: list) -> None:
        first, last = self.shown
        kept = [self.model.key(r, c) for r, c in self.selected()]  # the person's place survives a reload
        current = self.table.currentIndex()
        kept_current = (self.model.key(current.row(), current.column())
                        if current.isValid() and not self.model.is_gap_row(current.row()) else None)
        self.shifts = shifts
        visible = [s for s in shifts if first <= local_day(s) <= last]
        gaps: dict[date, float] = {}
        if self.need:
            for gap in coverage_gaps(self.need, shifts, first, last):
                day = local_day_of(gap.start)
                gaps[day] = gaps.get(day, 0.0) + gap.hours * max(gap.missing, 1)
        self.model.set_plan(first, last, self.assistants, self.templates, visible, gaps)
        if kept:
            self.select_keys(kept, current=kept_current)
        self._check()
        self._update_buttons()
        self.loaded.emit()

    def _check(self) -> None:
        first, last = self.shown
        arrangement = self.ctx.arrangement
        agreement = arrangement.agreement if arrangement else "aml"
        names = {str(a.id): a.name for a in self.assistants}
        found = check_window(self.shifts, first, last, agreement, names=names) if self.shifts else []
        groups = group_findings(found, self._cells_of, names)
        self.model.set_marks(marks_of(groups))
        self.findings.set_groups(groups, complete=True)

    def _cells_of(self, finding) -> set:
        lower, upper = finding.start.timestamp(), finding.end.timestamp()
        return {(int(s.assistant), local_day(s)) for s in self.shifts
                if s.assistant == finding.assistant and s.start.timestamp() <= upper and s.end.timestamp() >= lower}

    # --- selection --------------------------------------------------------------------------
    def select_keys(self, keys, current=None) -> None:
        selection = QItemSelection()
        first = self.model.index_of(current) if current is not None else None
        first = first if first is not None and first.isValid() else None
        for key in sorted(keys, key=lambda k: (k[1], k[0])):
            index = self.model.index_of(key)
            if index.isValid():
                selection.select(index, index)
                first = first or index
        if first is None:
            return
        self.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.table.selectionModel().setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.table.scrollTo(first)

    def select_cell(self, assistant_id: int, day: date, add: bool = False) -> None:
        index = self.model.index_of((assistant_id, day))
        flag = QItemSelectionModel.SelectionFlag.Select if add else QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.table.selectionModel().setCurrentIndex(index, flag)

    def selected(self) -> list[tuple[int, int]]:
        return sorted({(i.row(), i.column()) for i in self.table.selectionModel().selectedIndexes()
                       if not self.model.is_gap_row(i.row())})

    def selected_shifts(self) -> list:
        return [s for r, c in self.selected() for s in self.model.shifts_at(r, c)]

    def _update_buttons(self) -> None:
        cells = self.selected()
        shifts = self.selected_shifts()
        has_arrangement = self.ctx.arrangement is not None
        self.swap_button.setEnabled(has_arrangement and len(shifts) == 2
                                    and shifts[0].assistant != shifts[1].assistant)
        self.substitute_button.setEnabled(has_arrangement and len(shifts) == 1)
        self.sick_button.setEnabled(has_arrangement and len(shifts) == 1)
        self.times_button.setEnabled(has_arrangement and len(shifts) == 1)
        self.cancel_button.setEnabled(has_arrangement and len(shifts) == 1)
        self.extra_button.setEnabled(has_arrangement and len(cells) == 1 and bool(self.templates))
        self.vikar_button.setEnabled(has_arrangement and (len(shifts) == 1 or self.selected_gap_day() is not None))

    def selected_gap_day(self):
        """The day of the one selected cell of the gap row, when it has hours not covered."""
        indexes = self.table.selectionModel().selectedIndexes()
        if len(indexes) != 1 or not self.model.is_gap_row(indexes[0].row()):
            return None
        day = self.model.days[indexes[0].column()]
        return day if self.model.gap_hours.get(day) else None

    # --- single-shift changes ---------------------------------------------------------------
    def _ask(self, dialog: ChangeDialog, then) -> None:
        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                then(*dialog.value())
            self.table.setFocus()

        open_single(self, dialog, finished)

    def _name(self, assistant_id) -> str:
        return next((a.name for a in self.assistants if str(a.id) == str(assistant_id)), "")

    def _describe(self, shift) -> str:
        return f"{self._name(shift.assistant)} {format_date(local_day(shift))} {self.model.describe_shift(shift)}"

    def swap(self) -> None:
        shifts = self.selected_shifts()
        if not self.swap_button.isEnabled():
            return
        first, second = shifts
        prompt = self.tr("Swap %1 and %2.").replace("%1", self._describe(first)).replace("%2", self._describe(second))
        undo = self.tr("%1 and %2 swap shifts %3").replace("%1", self._name(first.assistant)).replace(
            "%2", self._name(second.assistant)).replace("%3", format_day(local_day(first)))
        self._ask(ChangeDialog(self.tr("Swap shifts"), prompt, parent=self),
                  lambda _choice, reason: self._change(undo, first.id, kind="swap", reason=reason,
                                                       other_shift_id=second.id))

    def substitute(self) -> None:
        if not self.substitute_button.isEnabled():
            return
        shift = self.selected_shifts()[0]
        day = local_day(shift)
        choices = [(a.name, a.id) for a in self.assistants if str(a.id) != shift.assistant and a.active_on(day)]
        prompt = self.tr("Give %1 to someone else.").replace("%1", self._describe(shift))

        def give(who, reason) -> None:
            undo = self.tr("%1 takes %2's shift %3").replace("%1", self._name(who)).replace(
                "%2", self._name(shift.assistant)).replace("%3", format_day(day))
            self._change(undo, shift.id, kind="substitute", reason=reason, other_assistant_id=who)

        self._ask(ChangeDialog(self.tr("Give to substitute"), prompt, self.tr("&Who takes it"), choices, self), give)

    def new_times(self) -> None:
        if not self.times_button.isEnabled():
            return
        shift = self.selected_shifts()[0]
        day = local_day(shift)
        prompt = self.tr("New times for %1, this once. The pattern stays as it is.").replace(
            "%1", self._describe(shift))
        undo = self.tr("New times for %1 %2").replace("%1", self._name(shift.assistant)).replace(
            "%2", format_day(day))
        dialog = ChangeDialog(self.tr("New times"), prompt, parent=self, times=(shift.start, shift.end), day=day)

        def move(_choice, reason) -> None:
            start, end = dialog.times()
            self._change(undo, shift.id, kind="change_times", reason=reason, start=start, end=end)

        self._ask(dialog, move)

    def sick_cover(self) -> None:
        """"X is sick, Y covers" for the chosen shift: the Timelister dialog, on this day."""
        if not self.sick_button.isEnabled() or self.dialog is not None:
            return
        shift = self.selected_shifts()[0]
        assistant_id, day = int(shift.assistant), local_day(shift)
        ws = self.ctx.workspace
        self.ctx.runner.submit(ws.timesheets.preview_timesheet, assistant_id, day,
                               on_done=lambda detail: self._open_sick_cover(detail, assistant_id, day),
                               on_error=lambda error: show_error(self, error), owner=self)

    def _open_sick_cover(self, detail, assistant_id: int, day: date) -> None:
        from bpa_desktop.ui.timesheets.deviation_dialog import SICK_COVER, DeviationDialog, undo_text

        sick = next(a for a in self.assistants if a.id == assistant_id)
        others = [a for a in self.assistants if a.id != assistant_id]
        # the write is heard by this view and the Timelister like every other change
        writer = OpRunner(self.ctx, Changes.of("calendar", "timesheets"),
                          undo_text=lambda request: undo_text(request, sick, others))
        dialog = DeviationDialog(self.ctx.workspace, self.ctx.arrangement_id, detail, sick, others,
                                 writer, self, kind=SICK_COVER, day=day)

        def finished(_result: int) -> None:
            self.table.setFocus()

        open_single(self, dialog, finished)

    def cancel(self) -> None:
        if not self.cancel_button.isEnabled():
            return
        shift = self.selected_shifts()[0]
        prompt = self.tr("Cancel %1. The pattern stays as it is.").replace("%1", self._describe(shift))
        undo = self.tr("%1's shift %2 cancelled").replace("%1", self._name(shift.assistant)).replace(
            "%2", format_day(local_day(shift)))
        self._ask(ChangeDialog(self.tr("Cancel shift"), prompt, parent=self),
                  lambda _choice, reason: self._change(undo, shift.id, kind="cancel", reason=reason))

    def extra(self) -> None:
        if not self.extra_button.isEnabled():
            return
        row, column = self.selected()[0]
        assistant, day = self.model.assistants[row], self.model.days[column]
        choices = [(f"{t.code} {t.name} {t.start}–{t.end}", t.code) for t in self.templates]
        prompt = self.tr("An extra shift for %1 on %2.").replace("%1", assistant.name).replace("%2", format_date(day))
        templates = {t.code: t for t in self.templates}
        undo = self.tr("Extra shift for %1 %2").replace("%1", assistant.name).replace("%2", format_day(day))
        arrangement_id = self.ctx.arrangement_id

        def add(code, reason) -> None:
            shift = replace(template_shift(templates[code], str(assistant.id), day), id=None)
            self._write(undo, lambda ws: ws.undoable.add_extra_shift(arrangement_id, shift, reason))

        self._ask(ChangeDialog(self.tr("Extra shift"), prompt, self.tr("Shift &code"), choices, self), add)

    def _change(self, undo: str, shift_id: str, **options) -> None:
        arrangement_id = self.ctx.arrangement_id
        self._write(undo, lambda ws: ws.undoable.change_shift(arrangement_id, shift_id, **options))

    def find_vikar(self) -> None:
        """Finn vikar for the selected shift, or for the need not covered on the selected day."""
        if not self.vikar_button.isEnabled() or self.dialog is not None:
            return
        shifts = self.selected_shifts()
        if len(shifts) == 1:
            names = {str(a.id): a.name for a in self.assistants}
            self._open_vikar(shifts, self.tr("Substitute for %1").replace("%1", names.get(shifts[0].assistant, "")))
            return
        day = self.selected_gap_day()
        self.ctx.runner.submit(self.ctx.workspace.planner.need_gaps, self.ctx.arrangement_id, day,
                               on_done=lambda gaps: self._open_vikar(gaps, self.tr("Need not covered")) if gaps else None,
                               on_error=lambda error: show_error(self, error), owner=self)

    def _open_vikar(self, gaps: list, reason: str) -> None:
        from bpa_desktop.ui.rota.vikar_dialog import VikarDialog

        def describe(shift) -> str:
            if shift.assistant:
                return self._describe(shift)
            return f"{format_date(local_day(shift))} {self.model.describe_shift(shift)}"

        dialog = VikarDialog(self.ctx, gaps, describe, reason, self)

        def finished(_result: int) -> None:  # the write broadcast its changes: this view reloads
            self.window().activateWindow()
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

        open_single(self, dialog, finished)


    def _write(self, undo: str, call) -> None:
        # the calendar and the timesheets (a planned shift moves between sheets); the page and
        # the others hear it and reload, this view included
        WriteOp(self.ctx, self, call, Changes.of("calendar", "timesheets")).undoable(undo) \
            .failure(lambda error: show_error(self, error)).run()


def local_day_of(instant) -> date:
    return cal.to_local(instant).date()
