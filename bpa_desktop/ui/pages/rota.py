"""Turnus: the rota pattern grid with live working-time checks, the rolled-out calendar,
the year's hours against the vedtak, roll-out, and proposals from the planner ("Lag
forslag …", Ctrl+Shift+P). The parts live in bpa_desktop/ui/rota/."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout, QLineEdit, QSpinBox, QSplitter, QTabWidget, QWidget,
)

from bpa_desktop.core.budget import hour_account
from bpa_desktop.core.model import Agreement
from bpa_desktop.ui.context import AppContext
from bpa_desktop.ui.operations.changes import Changes
from bpa_desktop.ui.operations.operation import OpRunner, QueryOp, WriteOp
from bpa_desktop.ui.dialogs.single import open_single
from bpa_desktop.ui.errors import show_error, user_message, validation_errors
from bpa_desktop.ui.formatting import format_date, from_qdate, to_qdate
from bpa_desktop.ui.pages.base import Page, paragraph
from bpa_desktop.ui.rota.approvals_panel import ApprovalsPanel
from bpa_desktop.ui.rota.calendar_model import local_day
from bpa_desktop.ui.rota.calendar_view import CalendarView
from bpa_desktop.ui.rota.commands import ReplacePatternCommand, ResizeCommand
from bpa_desktop.ui.rota.findings_panel import FindingsPanel, group_findings, marks_of
from bpa_desktop.ui.rota.hour_bar import HourBar
from bpa_desktop.core.live_plan import PlanSetup
from bpa_desktop.ui.rota.live_check import LiveChecker
from bpa_desktop.ui.rota.pattern_model import PatternModel
from bpa_desktop.ui.rota.pattern_view import PatternView
from bpa_desktop.ui.rota.proposal_apply import ApplyProposalCommand, SerialWrites
from bpa_desktop.ui.rota.rota_data import RotaData, read_rota_data
from bpa_desktop.ui.rota.period import calendar_opening_day, default_period
from bpa_desktop.ui.rota.rollout_questions import ask_before_roll_out, filled_past_text, roll_out_question
from bpa_desktop.ui.rota.unsaved import DraftBar, UnsavedPattern
from bpa_desktop.ui.widgets.accessible import buddy_label, button, named, named_tabs
from bpa_desktop.ui.widgets.date_field import make_date_edit
from bpa_desktop.ui.widgets.flow_layout import FlowLayout

MAX_WEEKS = 8


class RotaPage(Page):
    page_id = "turnus"
    listens = Changes.of("arrangements", "assistants", "vedtak")  # templates, calendar: on_changes

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.data: RotaData | None = None
        self.today = date.today()
        self.undo_stack = QUndoStack(self)
        self.model = PatternModel(self.undo_stack, self)
        self.view = PatternView(self.model)
        self.checker = LiveChecker(ctx.runner, self)
        self.findings = FindingsPanel()
        self.hour_bar = HourBar()
        self.calendar = CalendarView(ctx)
        self.approvals = ApprovalsPanel(ctx)
        self.dialog = None
        self.writes = SerialWrites(ctx.runner, self)
        self._waiting_for_first_check = False
        self._rolling: tuple[int, dict] | None = None  # what the roll-out on its way saves
        self.unsaved = UnsavedPattern(self)
        self.draft_bar = DraftBar()
        self.draft_bar.continue_requested.connect(self.unsaved.continue_draft)
        self.draft_bar.discard_requested.connect(self.unsaved.throw_away_draft)

        # the pattern and its period
        self.name = named(QLineEdit(self.tr("Rota")), self.tr("Rota name"))
        self.weeks = QSpinBox()
        self.weeks.setRange(1, MAX_WEEKS)
        self.weeks.setSuffix(self.tr(" weeks"))
        named(self.weeks, self.tr("Weeks in the pattern"))
        self.weeks.valueChanged.connect(self._weeks_chosen)
        self.start = named(make_date_edit(), self.tr("Roll out from (a Monday)"))
        self.end = named(make_date_edit(), self.tr("Roll out until"))
        # When the date is chosen, not per keystroke: the start snaps to a Monday
        self.start.committed.connect(self._period_chosen)
        self.end.committed.connect(self._period_chosen)
        self.roll_button = button(self.tr("&Roll out"), "Ctrl+Shift+R", self.tr(
            "Save the pattern as a new version and replace the planned shifts in the period"))
        self.roll_button.clicked.connect(lambda: self.roll_out())  # not the button's "checked"
        self.templates_button = button(self.tr("Shift co&des…"), "Ctrl+K")
        self.templates_button.clicked.connect(self.edit_templates)
        # Undo and Redo act on the window's history (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y are its actions):
        # on the Pattern tab the pattern's unsaved edits, elsewhere the saved calendar changes
        ctx.history.add_stack(self.undo_stack)
        self.propose_button = button(self.tr("Propo&se a rota…"), "Ctrl+Shift+P", self.tr(
            "Let the planner make a legal, fair rota for the period; shown beside this one before you take it"))
        self.propose_button.clicked.connect(self.propose)
        # no Alt letter (Alt+A was «Fr&a» too): Ctrl+Z and Ctrl+Shift+Z act at once, as the tooltips say
        self.undo_button = button(self.tr("Undo"), description=self.tr("Undo the last change (Ctrl+Z)"))
        self.redo_button = button(self.tr("Redo"), description=self.tr("Redo (Ctrl+Shift+Z or Ctrl+Y)"))
        self.undo_button.clicked.connect(ctx.history.undo)
        self.redo_button.clicked.connect(ctx.history.redo)
        ctx.history.changed.connect(self._history_changed)
        ctx.history.message.connect(self._history_message)
        self._history_changed()

        controls = FlowLayout()  # wraps on a narrow window instead of widening it
        for label_text, widget in ((self.tr("&Name"), self.name), (self.tr("&Length"), self.weeks),
                                   (self.tr("Fr&om"), self.start), (self.tr("&Until"), self.end)):
            pair = QWidget()  # a label stays beside its field when the row wraps
            pair_layout = QHBoxLayout(pair)
            pair_layout.setContentsMargins(0, 0, 0, 0)
            pair_layout.addWidget(buddy_label(label_text, widget))
            pair_layout.addWidget(widget)
            controls.addWidget(pair)
        controls.addWidget(self.roll_button)
        controls.addWidget(self.propose_button)
        controls.addWidget(self.templates_button)
        controls.addWidget(self.undo_button)
        controls.addWidget(self.redo_button)
        self.layout_.addLayout(controls)
        self.layout_.addWidget(self.hour_bar)
        self.message = paragraph()
        self.layout_.addWidget(self.message)
        self.layout_.addWidget(self.draft_bar)

        self.pattern_tab = pattern_tab = QSplitter(Qt.Orientation.Vertical)
        pattern_tab.addWidget(self.view)
        pattern_tab.addWidget(self.findings)
        pattern_tab.setStretchFactor(0, 3)
        pattern_tab.setStretchFactor(1, 2)
        self.tabs = named_tabs(QTabWidget(), self.tr("Rota views"))
        self.tabs.addTab(pattern_tab, self.tr("&Pattern"))
        self.tabs.addTab(self.calendar, self.tr("C&alendar"))
        self.tabs.addTab(self.approvals, self.tr("Shar&ing and approval"))
        self.tabs.currentChanged.connect(lambda _index: self._choose_undo_stack())
        self.layout_.addWidget(self.tabs, 1)

        self.model.cells_changed.connect(self.checker.cells_edited)
        self.model.weeks_changed.connect(self._weeks_changed)
        self.model.code_rejected.connect(self._code_rejected)
        self.view.message.connect(self.show_message)
        self.checker.findings_changed.connect(self._findings_changed)
        self.findings.cells_requested.connect(self.select_pattern_cells)
        # printing the rota works from every tab (its button is on Deling og godkjenning)
        QShortcut(QKeySequence("Ctrl+P"), self, self.approvals.print_rota)
        self.approvals.message.connect(self.show_message)
        QShortcut(QKeySequence("F8"), self, lambda: self.findings.step(True),
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Shift+F8"), self, lambda: self.findings.step(False),
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.setTabOrder(self.name, self.weeks)
        self.setTabOrder(self.weeks, self.start)
        self.setTabOrder(self.start, self.end)
        self.setTabOrder(self.end, self.roll_button)
        self.setTabOrder(self.roll_button, self.propose_button)
        self.unsaved.changed.connect(self.unsaved.mark)
        self.unsaved.mark(False)

    def title(self) -> str:
        return self.tr("Rota")

    # --- undo ---------------------------------------------------------------------------------
    def set_active(self, active: bool) -> None:
        super().set_active(active)
        self._choose_undo_stack()

    def _choose_undo_stack(self) -> None:
        """The pattern's own edits while the Pattern tab is shown, the saved changes elsewhere."""
        pattern_shown = self._active and self.tabs.currentWidget() is self.pattern_tab
        self.ctx.history.set_view_stack(self.undo_stack if pattern_shown else None)

    def _history_changed(self) -> None:
        history = self.ctx.history
        for widget, action in ((self.undo_button, history.undo_action), (self.redo_button, history.redo_action)):
            widget.setEnabled(action.isEnabled())
            widget.setToolTip(action.text())
            widget.setAccessibleDescription(action.text())

    def _history_message(self, text: str) -> None:
        if self._active:
            self.show_message(text)  # what undo did replaces what the page said before

    def on_changes(self, changes: Changes, initiator: object = None) -> None:
        """Templates and the plan refresh in place (unsaved pattern edits stay); the rest reloads."""
        super().on_changes(changes, initiator)
        if changes & self.listens or self.data is None:
            return
        if changes.templates:
            self._reload_templates()
        if changes.calendar and initiator is not self:
            self._plan_changed()

    # --- loading ----------------------------------------------------------------------------
    def load(self) -> None:
        arrangement = self.ctx.arrangement
        self.setEnabled(arrangement is not None)
        if arrangement is None:
            self.finish_loading()
            return
        self.ctx.runner.submit(read_rota_data, self.ctx.workspace, arrangement.id, self.today,
                               on_done=self._show, on_error=self._failed, owner=self)

    def _failed(self, error: BaseException) -> None:
        self.finish_loading()
        show_error(self, error)

    def _show(self, data: RotaData) -> None:
        arrangement_id = self.ctx.arrangement_id
        kept = None
        if self.unsaved.unsaved:
            if self.unsaved.arrangement_id == arrangement_id:  # a reload: the edits stay
                kept = (self.name.text(), self.model.weeks, dict(self.model.cells))
            else:  # another arrangement: the edits stay as that one's draft
                self.unsaved.save_draft()
        self.data = data
        current = data.current
        weeks = current.weeks if current else 4
        vedtak = next((v for v in data.vedtak if v.valid_from <= self.today
                       and (v.valid_to is None or self.today <= v.valid_to)), None)
        start, end = default_period(self.today, vedtak, weeks, current.start if current else None)
        for widget, value in ((self.weeks, weeks), (self.start, to_qdate(start)), (self.end, to_qdate(end))):
            widget.blockSignals(True)
            widget.setValue(value) if widget is self.weeks else widget.setDate(value)
            widget.blockSignals(False)
        if current is not None:
            self.name.setText(current.name)
        assistants = [a for a in data.assistants if a.end_date is None or a.end_date >= start]
        self.undo_stack.clear()
        self.model.set_pattern(assistants, data.templates, weeks, dict(current.cells) if current else {}, start)
        self.unsaved.set_saved(arrangement_id=arrangement_id)
        if kept is not None:
            self.name.setText(kept[0])
            known = {a.id for a in assistants}
            ReplacePatternCommand.show(self.model, kept[1], {k: v for k, v in kept[2].items() if k[0] in known})
        self.unsaved.offer_draft(None if kept else data.draft)
        grid = min(self.view.fitting_height(), max(self.pattern_tab.height() * 2 // 3, 200))
        self.pattern_tab.setSizes([grid, max(self.pattern_tab.height() - grid, 100)])
        self.calendar.set_context(data.assistants, data.templates, data.need)
        self.calendar.show_date(calendar_opening_day(self.today, current.start if current else None,
                                                     current.end if current else None))
        self.approvals.set_context(data.assistants, (start, end))
        self.approvals.reload()
        self._show_codes()
        self._waiting_for_first_check = True
        self._configure_checks()

    # --- unsaved edits and the draft ------------------------------------------------------
    def has_unsaved(self) -> bool:
        return self.unsaved.unsaved

    def unsaved_text(self) -> str:
        return self.tr("Rota: the pattern has edits that are not rolled out; they are kept as a draft")

    def may_close(self) -> bool:
        return self.unsaved.may_close()

    def _show_codes(self) -> None:
        templates = self.data.templates if self.data else []
        if not templates:
            self.show_message(self.tr("There are no shift codes yet: add them with “Shift codes…” first."))
        else:
            self.show_message(self.tr("Codes: %1").replace("%1", ", ".join(
                f"{t.code} {t.name} {t.start}–{t.end}" for t in templates)))

    def _configure_checks(self) -> None:
        if self.data is None:
            return
        arrangement = self.ctx.arrangement
        setup = PlanSetup(
            assistants=self.model.assistants,
            templates=self.model.templates,
            agreement=Agreement(arrangement.agreement) if arrangement else Agreement.AML,
            vedtak=self.data.vedtak,
            start=self.start_date, end=self.end_date,
        )
        self.checker.configure(setup, self.model.weeks, self.model.cells)

    @property
    def start_date(self) -> date:
        return from_qdate(self.start.date())

    @property
    def end_date(self) -> date:
        return from_qdate(self.end.date())

    # --- edits ------------------------------------------------------------------------------
    def _weeks_chosen(self, weeks: int) -> None:
        if weeks != self.model.weeks:
            self.undo_stack.push(ResizeCommand(self.model, weeks, self.tr("change the length")))

    def _weeks_changed(self, weeks: int) -> None:
        self.weeks.blockSignals(True)
        self.weeks.setValue(weeks)
        self.weeks.blockSignals(False)
        self._configure_checks()

    def _period_chosen(self) -> None:
        start = self.start_date
        monday = start - timedelta(days=start.weekday())
        if monday != start:  # week 1 of the pattern starts on a Monday
            self.start.setDate(to_qdate(monday))
            return
        if self.end_date < start:
            self.end.setDate(to_qdate(start + timedelta(weeks=self.model.weeks, days=-1)))
            return
        self.model.set_start(start)
        self.approvals.set_context(self.data.assistants if self.data else [], (start, self.end_date))
        self._configure_checks()

    def _code_rejected(self, text: str) -> None:
        codes = ", ".join(self.model.templates) or "–"
        self.show_message(self.tr("“%1” is not a shift code. Known codes: %2").replace("%1", text).replace("%2", codes))

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleName(text)

    def _findings_changed(self, findings: list) -> None:
        plan = self.checker.plan
        groups = group_findings(findings, plan.cells_of, plan.setup.options()["names"]) if plan else []
        self.model.set_marks(marks_of(groups))
        self.findings.set_groups(groups, complete=self.checker.checked_all)
        if self.checker.checked_all:
            self._update_hours()
            if self._waiting_for_first_check:
                self._waiting_for_first_check = False
                self.finish_loading()

    def select_pattern_cells(self, keys) -> None:
        cells = sorted((i.row(), i.column()) for i in map(self.model.index_of, keys) if i.isValid())
        self.tabs.setCurrentIndex(0)
        self.view.select_cells(cells)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- hours ------------------------------------------------------------------------------
    def _update_hours(self) -> None:
        """The year's account with the pattern as edited: saved plan outside the roll-out
        period, the live roll-out inside it."""
        if self.data is None or self.checker.plan is None:
            return
        start, end = self.start_date, self.end_date
        outside = [s for s in self.data.planned_year if not start <= local_day(s) <= end]
        planned = outside + list(self.checker.plan.index)
        account = hour_account(self.data.vedtak, self.today.year, planned, self.data.worked_year, self.today,
                               unregistered=self.data.unregistered, start=self.data.account_start)
        self.hour_bar.set_account(account)

    # --- actions ----------------------------------------------------------------------------
    def roll_out(self, then=None) -> None:
        """Roll out, asking first when the pattern breaks rules or the period starts in the past;
        `then()` runs once it is rolled out (closing the window)."""
        if self.ctx.arrangement_id is None or self._rolling is not None or self.dialog is not None:
            return
        errors = sum(1 for g in self.findings.groups if g.severity == "error")
        question = roll_out_question(errors, self.start_date, self.end_date, self.today)
        if question is None:
            self._roll_out(then)
            return
        ask_before_roll_out(self, question, lambda: self._roll_out(then))

    def _roll_out(self, then) -> None:
        arrangement_id = self.ctx.arrangement_id
        if arrangement_id is None:
            return
        self.roll_button.setEnabled(False)
        self.show_message(self.tr("Rolling out…"))
        name, weeks, start, end, cells = (self.name.text(), self.model.weeks, self.start_date, self.end_date,
                                          dict(self.model.cells))
        self._rolling = (weeks, dict(cells))
        WriteOp(self.ctx, self, lambda ws: ws.rota.save_rota(arrangement_id, name, weeks, start, end, cells),
                Changes.of("rota", "calendar")).success(lambda _id: self._rolled_out(start, end, then)) \
            .failure(self._roll_failed).run()

    def _rolled_out(self, start: date, end: date, then=None) -> None:
        saved, self._rolling = self._rolling, None
        self.roll_button.setEnabled(True)
        self.unsaved.set_saved(saved)
        past = filled_past_text(start, end, self.today)
        if not self.unsaved.unsaved:
            # The edits are saved in the new version: undo can no longer take back a cell of it, so
            # the pattern's undo list starts again here (undo never claims what it did not do).
            self.undo_stack.clear()
            self.unsaved.discard_draft()
            self.show_message(self.tr("Rolled out from %1 to %2 as a new version. The pattern's earlier edits "
                                      "are saved in it and can no longer be undone here.").replace(
                "%1", format_date(start)).replace("%2", format_date(end)) + past)
        else:  # edited (or undone) while it was saving: the grid is not what was rolled out
            self.show_message(self.tr("Rolled out from %1 to %2 as a new version, as the pattern was when you chose "
                                      "Roll out. The edits made since are not in it: they are still unsaved.").replace(
                "%1", format_date(start)).replace("%2", format_date(end)) + past)
            then = None
        self._plan_changed()
        self.approvals.reload()
        if then is not None:
            then()

    def _roll_failed(self, error: BaseException) -> None:
        self._rolling = None
        self.roll_button.setEnabled(True)
        errors = validation_errors(error)
        self.show_message("\n".join(errors.values()) if errors else user_message(error))

    def _plan_changed(self) -> None:
        """The saved plan changed: refresh the calendar and the hours (the operation that changed
        it tells the other pages)."""
        self.calendar.reload()
        arrangement_id = self.ctx.arrangement_id
        if arrangement_id is not None:
            year = self.today.year
            self.ctx.runner.submit(self.ctx.workspace.rota.list_planned_shifts, arrangement_id,
                                   date(year, 1, 1), date(year, 12, 31),
                                   on_done=self._planned_year_loaded, owner=self)

    def _planned_year_loaded(self, shifts: list) -> None:
        if self.data is not None:
            self.data.planned_year = shifts
            self._update_hours()

    # --- proposals --------------------------------------------------------------------------
    def propose(self) -> None:
        from bpa_desktop.ui.rota.proposal_dialog import ProposalDialog

        if self.ctx.arrangement_id is None or self.dialog is not None or self.data is None:
            return
        if not self.data.templates or not self.data.need:
            self.show_message(self.tr("The planner needs shift codes and the recipient’s need first."))
            return
        dialog = ProposalDialog(self.ctx, self, self)

        def closed(_result: int) -> None:
            outcome = dialog.outcome
            if outcome is not None:  # the proposal taken: the keyboard goes to the grid it is in
                self.window().activateWindow()
                self.view.setFocus(Qt.FocusReason.OtherFocusReason)
                self.take_proposal(outcome.result.proposal)

        open_single(self, dialog, closed)

    def take_proposal(self, proposal) -> None:
        """Store the proposal, then show it in the grid as one undoable edit."""
        before = (self.model.weeks, dict(self.model.cells))
        self.show_message(self.tr("Saving the proposal…"))

        saved_before = self.unsaved.baseline

        def stored(applied) -> None:
            command = ApplyProposalCommand(self, proposal, before, applied, self.tr("take the proposal"))
            command.saved_before = saved_before
            self.undo_stack.push(command)
            self.proposal_stored(True, command)

        self.writes.submit(self.ctx.workspace.planner.apply_proposal, self.ctx.arrangement_id, proposal,
                           name=self.name.text(), start=self.start_date, end=self.end_date,
                           on_done=stored, on_error=self.proposal_write_failed)

    def proposal_stored(self, applied: bool, command=None) -> None:
        if command is not None:  # what the database holds now
            after = (command.after_weeks, dict(command.after_cells))
            self.unsaved.set_saved(after if applied else command.saved_before)
        self.show_message(self.tr("The proposal is saved as a new version and rolled out from %1 to %2 "
                                  "(Ctrl+Z undoes it).").replace("%1", format_date(self.start_date)).replace(
            "%2", format_date(self.end_date)) if applied else self.tr("The proposal is undone: the rota is back as it was."))
        self._plan_changed()
        self.approvals.reload()

    def proposal_write_failed(self, error: BaseException) -> None:
        errors = validation_errors(error)
        self.show_message("\n".join(errors.values()) if errors else user_message(error))

    def edit_templates(self) -> None:
        from bpa_desktop.ui.rota.templates_dialog import TemplatesDialog

        if self.ctx.arrangement_id is None or self.dialog is not None:
            return
        dialog = TemplatesDialog(self.ctx.workspace, self.ctx.arrangement_id,
                                 self.data.templates if self.data else [], OpRunner(self.ctx, Changes(templates=True)),
                                 self)

        def closed(_result: int) -> None:
            if dialog.result_value is not None:
                self._templates_loaded(dialog.templates)  # at once; each save also broadcast `templates`

        open_single(self, dialog, closed)

    def _reload_templates(self) -> None:
        arrangement_id = self.ctx.arrangement_id
        if arrangement_id is not None:
            QueryOp(self.ctx, self, lambda ws: ws.rota.list_shift_templates(arrangement_id),
                    self._templates_loaded).run()

    def _templates_loaded(self, templates: list) -> None:
        if self.data is None:
            return
        self.data.templates = templates
        self.model.set_templates(templates)
        self.calendar.set_context(self.data.assistants, templates, self.data.need)
        self._show_codes()
        self._configure_checks()
