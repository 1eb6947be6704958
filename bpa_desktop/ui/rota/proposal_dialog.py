"""«Lag forslag …»: the planner's settings in plain words, a search in a worker with a
progress line and Stop, the proposal beside the current pattern with its findings and
fairness, or, when there is no legal rota, why and what would help.

Keyboard: every setting has a mnemonic; Enter makes a proposal; Esc stops a running
search (and closes the dialog when nothing runs); Alt+U (Bruk) takes the proposal, which the
page then stores as one undoable edit. ``outcome`` holds the accepted proposal."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QFormLayout, QHBoxLayout, QLabel, QListWidget, QPlainTextEdit, QPushButton, QSlider,
    QSpinBox, QSplitter, QVBoxLayout, QWidget,
)

from bpa_desktop.ui.errors import user_message
from bpa_desktop.ui.formatting import format_number
from bpa_desktop.ui.rota.planner_job import PlanJob, PlanOutcome, PlanRequest
from bpa_desktop.ui.rota.proposal_view import FindingsList, PatternPane, explanation_text
from bpa_desktop.ui.widgets.accessible import buddy_label, button, named

LEVELS = 5  # 0 = not at all, 3 = as the planner weighs it by default, 5 = very much
DEFAULT_LEVEL = 3


class WeightSlider(QWidget):
    """A 0–5 slider with its level in words beside it (and in its accessible description)."""

    def __init__(self, default_weight: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.default_weight = default_weight
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, LEVELS)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setValue(DEFAULT_LEVEL)
        self.words = QLabel()
        self.words.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 8)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.words)
        self.slider.valueChanged.connect(self._show)
        self._show(DEFAULT_LEVEL)

    def level_words(self, level: int) -> str:
        return (self.tr("not at all"), self.tr("a little"), self.tr("somewhat"), self.tr("normal"),
                self.tr("much"), self.tr("very much"))[level]

    def _show(self, level: int) -> None:
        self.words.setText(self.level_words(level))
        self.slider.setAccessibleDescription(self.level_words(level))

    @property
    def weight(self) -> int:
        return round(self.default_weight * self.slider.value() / DEFAULT_LEVEL)


class ProposalDialog(QDialog):
    def __init__(self, ctx, page, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from bpa_desktop.planner.problem import Weights  # plain dataclass, no solver import

        self.ctx = ctx
        self.page = page
        self.job: PlanJob | None = None
        self.outcome: PlanOutcome | None = None
        self._result: PlanOutcome | None = None
        self.setWindowTitle(self.tr("Propose a rota"))
        self.setAccessibleName(self.tr("Propose a rota"))

        defaults = Weights()
        self.weeks = named(QSpinBox(), self.tr("Weeks in the rota"))
        self.weeks.setRange(1, 8)
        self.weeks.setValue(page.model.weeks)
        self.band_min = named(QSpinBox(), self.tr("At least, percent of the contract"))
        self.band_max = named(QSpinBox(), self.tr("At most, percent of the contract"))
        for spin, value in ((self.band_min, 0), (self.band_max, 100)):
            spin.setRange(0, 150)
            spin.setSuffix(" %")
            spin.setValue(value)
        self.time_limit = named(QSpinBox(), self.tr("Time to search, seconds"))
        self.time_limit.setRange(1, 120)
        self.time_limit.setValue(10)
        self.time_limit.setSuffix(self.tr(" s"))
        self.sliders: dict[str, WeightSlider] = {}
        # two columns so the proposal below gets the height: the numbers and the locked
        # cells on the left, the weights on the right (Tab goes down the left, then the right)
        form = QFormLayout()
        form.addRow(buddy_label(self.tr("&Weeks in the rota"), self.weeks), self.weeks)
        form.addRow(buddy_label(self.tr("At &least, % of the contract"), self.band_min), self.band_min)
        form.addRow(buddy_label(self.tr("At &most, % of the contract"), self.band_max), self.band_max)
        form.addRow(buddy_label(self.tr("&Time to search"), self.time_limit), self.time_limit)
        weights = QFormLayout()
        for name, text in (
            ("weekends", self.tr("Fair spread of week&ends")),
            ("nights", self.tr("Fair spread of &nights")),
            ("evenings", self.tr("Fair spread of e&venings")),
            ("holidays", self.tr("Fair spread of &holidays")),
            ("hours", self.tr("Hours close to each &contract")),
            ("handovers", self.tr("Few hand-&overs")),
            ("warnings", self.tr("As few warnin&gs as possible")),
        ):
            slider = WeightSlider(getattr(defaults, name))
            named(slider.slider, text)
            self.sliders[name] = slider
            weights.addRow(buddy_label(text, slider.slider), slider)

        self.locked_list = named(QListWidget(), self.tr("Locked cells"),
                                 self.tr("Cells locked in the pattern with Ctrl+L keep what they hold"))
        for key, code in page.model.locked_cells().items():
            index = page.model.index_of(key)
            what = code or self.tr("free")
            self.locked_list.addItem(f"{page.model.describe(index.row(), index.column()).split(':')[0]}: {what}")
        if not page.model.locked:
            self.locked_list.addItem(self.tr("None (lock cells in the pattern with Ctrl+L)"))
        self.locked_list.setMaximumHeight(self.fontMetrics().height() * 4)  # it scrolls; the proposal needs the room
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(buddy_label(self.tr("Loc&ked cells"), self.locked_list))
        left.addWidget(self.locked_list, 1)
        top = QHBoxLayout()
        top.addLayout(left, 2)
        top.addSpacing(self.fontMetrics().averageCharWidth() * 3)
        top.addLayout(weights, 3)

        self.solve_button = button(self.tr("Make &proposal"))
        self.solve_button.setDefault(True)
        self.stop_button = button(self.tr("&Stop"), description=self.tr("Stop the search and keep the best rota so far (Esc)"))
        self.use_button = button(self.tr("&Use the proposal"), description=self.tr(
            "Save the proposal as a new rota version over the period; Ctrl+Z on the page undoes it"))
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close"))
        self.solve_button.clicked.connect(self.solve)
        self.stop_button.clicked.connect(self.stop)
        self.use_button.clicked.connect(self.use)
        self.close_button.clicked.connect(self.reject)
        self.stop_button.setEnabled(False)
        self.use_button.setEnabled(False)
        buttons = QHBoxLayout()
        for widget in (self.solve_button, self.stop_button, self.use_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        self.progress = QLabel(self.tr("Set what matters and press Enter to make a proposal."))
        self.progress.setWordWrap(True)
        self.progress.setAccessibleName(self.progress.text())
        self.current_pane = PatternPane(self.tr("Current pattern"))
        self.proposal_pane = PatternPane(self.tr("Proposal"))
        panes = QSplitter(Qt.Orientation.Horizontal)
        panes.addWidget(self.current_pane)
        panes.addWidget(self.proposal_pane)
        self.findings = named(FindingsList(), self.tr("Warnings in the proposal"))
        self.explanation = named(QPlainTextEdit(), self.tr("Why there is no legal rota"))
        self.explanation.setReadOnly(True)
        self.explanation.hide()
        results = QSplitter(Qt.Orientation.Vertical)
        results.addWidget(panes)
        results.addWidget(self.findings)
        results.addWidget(self.explanation)
        results.setStretchFactor(0, 4)
        results.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(results, 1)
        chain = [self.weeks, self.band_min, self.band_max, self.time_limit, self.locked_list,
                 *(s.slider for s in self.sliders.values())]
        for before, after in zip(chain, chain[1:]):
            self.setTabOrder(before, after)
        self.current_pane.show_pattern(page.model.assistants, page.model.templates.values(), page.model.weeks,
                                       page.model.cells, page.start_date, None)
        self._fit_to_screen()
        self.weeks.setFocus()

    def _fit_to_screen(self) -> None:
        """Wide and tall enough for two 4-week grids, never larger than the screen."""
        width, height = self.fontMetrics().averageCharWidth() * 190, self.fontMetrics().height() * 56
        screen = (self.parentWidget() or self).screen()
        if screen is not None:
            room = screen.availableGeometry()
            width, height = min(width, room.width() * 19 // 20), min(height, room.height() * 19 // 20)
        self.resize(width, height)

    # --- the search -----------------------------------------------------------------------

    @property
    def solving(self) -> bool:
        return self.job is not None

    def request(self) -> PlanRequest:
        model = self.page.model
        low, high = sorted((self.band_min.value(), self.band_max.value()))
        return PlanRequest(
            arrangement_id=self.ctx.arrangement_id, start=self.page.start_date, end=self.page.end_date,
            weeks=self.weeks.value(), band=(float(low), float(high)),
            weights={name: s.weight for name, s in self.sliders.items()},
            locked={k: v for k, v in model.locked_cells().items() if k[1] < self.weeks.value()},
            current=dict(model.cells), time_limit=float(self.time_limit.value()),
        )

    def solve(self) -> None:
        if self.solving or self.ctx.arrangement_id is None:
            return
        self.job = PlanJob(self)
        self.job.progressed.connect(self._progressed)
        self._result = None
        self.use_button.setEnabled(False)
        self.solve_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self._say(self.tr("Preparing the search…"))
        self.stop_button.setFocus()
        self.ctx.runner.submit(self.job.run, self.ctx.workspace, self.request(),
                               on_done=self._solved, on_error=self._failed, owner=self)

    def stop(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self._say(self.tr("Stopping…"))

    def _say(self, text: str) -> None:
        self.progress.setText(text)
        self.progress.setAccessibleName(text)

    def _progressed(self, progress) -> None:
        if self.job is None:
            return
        phase = {"building": self.tr("Preparing"), "solving": self.tr("Searching"),
                 "checking": self.tr("Checking against the working-time rules"),
                 "explaining": self.tr("No legal rota yet: finding out why")}.get(progress.phase, progress.phase)
        parts = [f"{phase} … {format_number(progress.elapsed)} s"]
        if progress.objective is not None:
            parts.append(self.tr("best so far %1").replace("%1", format_number(progress.objective, 0)))
        if progress.bound is not None:
            parts.append(self.tr("bound %1").replace("%1", format_number(progress.bound, 0)))
        if progress.gap is not None:
            parts.append(self.tr("%1 % from the bound").replace("%1", format_number(100 * progress.gap, 0)))
        self._say(" · ".join(parts))

    def _finish(self) -> None:
        self.job = None
        self.solve_button.setEnabled(True)
        self.stop_button.setEnabled(False)

    def _failed(self, error: BaseException) -> None:
        self._finish()
        self._say(user_message(error))
        self.solve_button.setFocus()

    def _solved(self, outcome: PlanOutcome) -> None:
        self._finish()
        self._result = outcome
        result, model = outcome.result, self.page.model
        self.current_pane.show_pattern(model.assistants, model.templates.values(), model.weeks, model.cells,
                                       self.page.start_date, outcome.current, outcome.current_groups)
        proposal = result.proposal
        if proposal is None:
            self.proposal_pane.show_pattern(model.assistants, model.templates.values(), outcome.request.weeks,
                                            {}, self.page.start_date, None)
            self.findings.hide()
            self.explanation.setPlainText(explanation_text(result.explanation) if result.status == "no-legal-rota"
                                          else self.tr("The search stopped before it found a legal rota. "
                                                       "Give it more time, or fewer locked cells."))
            self.explanation.show()
            self._say(self.tr("No legal rota found (%1 s).").replace("%1", format_number(result.elapsed)))
            self.explanation.setFocus()
            return
        cells = {(int(a), w, d): code for (a, w, d), code in proposal.pattern.cells.items()}
        description = _ProposalDescription(proposal)
        self.proposal_pane.show_pattern(model.assistants, model.templates.values(), proposal.pattern.weeks,
                                        cells, self.page.start_date, description, outcome.proposal_groups)
        self.explanation.hide()
        self.findings.show()
        self.findings.show_groups(outcome.proposal_groups)
        if proposal.optimal:
            quality = self.tr("the best possible with these settings")
        elif proposal.gap is not None:
            quality = self.tr("at most %1 % from the best possible").replace("%1", format_number(100 * proposal.gap, 0))
        else:
            quality = self.tr("legal; not improved further in the time given")
        warnings = sum(1 for g in outcome.proposal_groups if g.severity == "warning")
        self._say(self.tr("Proposal ready in %1 s: %2 warnings, %3.").replace(
            "%1", format_number(result.elapsed)).replace("%2", str(warnings)).replace("%3", quality))
        self.use_button.setEnabled(True)
        self.use_button.setFocus()

    # --- closing --------------------------------------------------------------------------

    def use(self) -> None:
        if self._result is None or self._result.result.proposal is None:
            return
        self.outcome = self._result
        self.accept()

    def reject(self) -> None:
        if self.solving:  # Esc during a search stops it; a second Esc closes
            self.stop()
            return
        super().reject()


class _ProposalDescription:
    """A proposal as ``PatternPane`` shows it (the same terms as ``describe_pattern``)."""

    def __init__(self, proposal) -> None:
        self.fairness = proposal.fairness
        self.gaps = ()
