"""Nothing a person typed into the Turnus pattern is lost.

`UnsavedPattern` compares the grid with the version last saved (rolled out or taken from the
planner): while they differ the pattern is *unsaved*, `changed(True)` marks the Pattern tab and
the window title, and a draft is written beside the database (`ws.drafts`, a worker, a moment
after the last edit), so a crash or a closed window keeps it. Undoing back to the saved
version, rolling out or discarding deletes the draft. When the page opens and a draft is
there, `DraftBar` offers it back ("Continue the draft" / "Throw away the draft"). Closing the
window with unsaved edits asks: Roll out… / Save draft / Discard / Cancel (Esc).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QMessageBox, QWidget

from bpa_desktop.core.live_plan import CellKey
from bpa_desktop.ui.dialogs.single import open_single
from bpa_desktop.ui.errors import user_message
from bpa_desktop.ui.formatting import format_date
from bpa_desktop.ui.plain import message_box, text_label, tooltip
from bpa_desktop.ui.formatting import to_qdate
from bpa_desktop.ui.rota.commands import ReplacePatternCommand
from bpa_desktop.ui.rota.proposal_apply import SerialWrites
from bpa_desktop.ui.widgets.accessible import button

DRAFT_KIND = "turnus"
AUTOSAVE_MS = 1000


def draft_content(name: str, weeks: int, start: date, end: date, cells: dict[CellKey, str]) -> dict:
    return {"name": name, "weeks": weeks, "start": start.isoformat(), "end": end.isoformat(),
            "cells": [[a, w, d, code] for (a, w, d), code in sorted(cells.items())]}


def read_content(content: dict) -> tuple[str, int, date, date, dict[CellKey, str]] | None:
    """What a draft holds, or None when it is not a pattern this program wrote."""
    try:
        cells = {(int(a), int(w), int(d)): str(code) for a, w, d, code in content["cells"]}
        return (str(content["name"]), int(content["weeks"]), date.fromisoformat(content["start"]),
                date.fromisoformat(content["end"]), cells)
    except (KeyError, TypeError, ValueError):
        return None


class DraftBar(QFrame):
    """The offer of a draft found when the page opened."""

    continue_requested = Signal()
    discard_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = text_label()
        self.label.setWordWrap(True)
        self.continue_button = button(self.tr("Con&tinue the draft"), description=self.tr(
            "Show the draft in the pattern (Ctrl+Z goes back to the saved version)"))
        self.discard_button = button(self.tr("Thro&w away the draft"), description=self.tr(
            "Delete the draft and keep the saved version"))
        self.continue_button.clicked.connect(self.continue_requested)
        self.discard_button.clicked.connect(self.discard_requested)
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.continue_button)
        layout.addWidget(self.discard_button)
        self.setTabOrder(self.continue_button, self.discard_button)
        self.hide()

    def offer(self, saved_at) -> None:
        text = self.tr("You have an unsaved draft of the pattern from %1 at %2: continue with it or throw it away?") \
            .replace("%1", format_date(saved_at.date())).replace("%2", saved_at.strftime("%H:%M"))
        self.label.setText(text)
        self.label.setAccessibleName(text)
        self.setAccessibleName(text)
        self.continue_button.setAccessibleDescription(text)
        self.show()


class UnsavedPattern(QObject):
    """`changed(unsaved)` when the pattern starts or stops differing from the saved version."""

    changed = Signal(bool)

    def __init__(self, page) -> None:
        super().__init__(page)
        self.page = page
        self.baseline: tuple[int, dict] = (page.model.weeks, {})
        self.arrangement_id: int | None = None
        self.unsaved = False
        self.close_allowed = False
        self.draft_kept = False  # a draft of the current edits is on disk or on its way
        self._draft = None  # the draft offered: (name, weeks, start, end, cells)
        self.writes = SerialWrites(page.ctx.runner, page)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.save_draft)
        page.model.cells_changed.connect(self.update)
        page.model.weeks_changed.connect(self.update)

    # --- what is saved --------------------------------------------------------------------
    def state(self) -> tuple[int, dict]:
        model = self.page.model
        return model.weeks, dict(model.cells)

    def set_saved(self, state: tuple[int, dict] | None = None, arrangement_id: int | None = None) -> None:
        """The grid (or `state`) is what the database holds now."""
        if arrangement_id is not None and arrangement_id != self.arrangement_id:
            self.arrangement_id = arrangement_id
            self.draft_kept = False  # the other arrangement's draft stays
        self.baseline = state if state is not None else self.state()
        self.update()

    def update(self, *_args) -> None:
        unsaved = self.state() != self.baseline
        if unsaved and self._draft is None:  # while a draft is offered it is not written over
            self.timer.start()
        elif self.draft_kept:
            self.discard_draft()
        if unsaved != self.unsaved:
            self.unsaved = unsaved
            self.changed.emit(unsaved)

    # --- the draft ------------------------------------------------------------------------
    def save_draft(self, then: Callable[[], None] | None = None) -> None:
        self.timer.stop()
        arrangement_id = self.arrangement_id
        if arrangement_id is None or not self.unsaved:
            if then:
                then()
            return
        page = self.page
        content = draft_content(page.name.text(), *self.state_with_period())
        self.draft_kept = True
        self.writes.submit(page.ctx.workspace.drafts.save, DRAFT_KIND, arrangement_id, content,
                           on_done=lambda _draft: then() if then else None, on_error=self._failed)

    def state_with_period(self):
        weeks, cells = self.state()
        return weeks, self.page.start_date, self.page.end_date, cells

    def discard_draft(self, then: Callable[[], None] | None = None, arrangement_id: int | None = None) -> None:
        self.timer.stop()
        self.draft_kept = False
        arrangement_id = arrangement_id if arrangement_id is not None else self.arrangement_id
        if arrangement_id is None:
            if then:
                then()
            return
        self.writes.submit(self.page.ctx.workspace.drafts.discard, DRAFT_KIND, arrangement_id,
                           on_done=lambda _none: then() if then else None, on_error=self._failed)

    def _failed(self, error: BaseException) -> None:
        self.page.show_message(self.tr("The draft could not be saved: %1").replace("%1", user_message(error)))

    # --- the mark and the offer -----------------------------------------------------------
    def mark(self, unsaved: bool) -> None:
        """The Pattern tab says the pattern is unsaved (its text, accessible name and tooltip)."""
        page = self.page
        title = self.tr("&Pattern")
        page.tabs.setTabText(0, f"{title} *" if unsaved else title)
        name = self.tr("Pattern, not rolled out") if unsaved else self.tr("Pattern")
        page.tabs.tabBar().setAccessibleTabName(0, name)
        page.tabs.setTabToolTip(0, tooltip(self.tr(
            "The pattern has edits that are not rolled out; they are kept as a draft")) if unsaved else "")
        page.unsaved_changed.emit()

    def offer_draft(self, draft) -> None:
        """Offer the draft the page found (None: hide the offer)."""
        page = self.page
        self._draft = read_content(draft.content) if draft is not None else None
        if self._draft is not None:
            known = {a.id for a in page.model.assistants}
            name, weeks, start, end, cells = self._draft
            weeks = min(max(weeks, 1), page.weeks.maximum())
            cells = {k: v for k, v in cells.items() if k[0] in known and k[1] < weeks}
            self._draft = (name, weeks, start, end, cells)
            if (weeks, cells) == self.baseline:
                self._draft = None  # nothing in it that is not saved
        if self._draft is None:
            page.draft_bar.hide()
            if draft is not None:
                self.discard_draft()
            return
        self.draft_kept = True  # it is on disk: going back to the saved version deletes it
        page.draft_bar.offer(draft.saved_at)
        if page._active:
            focus_later(page.draft_bar.continue_button)

    def continue_draft(self) -> None:
        page = self.page
        if self._draft is None:
            return
        name, weeks, start, end, cells = self._draft
        self._draft = None
        page.draft_bar.hide()
        page.name.setText(name)
        if start.weekday() == 0 and end >= start:
            page.start.setDate(to_qdate(start))
            page.end.setDate(to_qdate(end))
            page._period_chosen()
        page.undo_stack.push(ReplacePatternCommand(page.model, weeks, cells, self.tr("continue the draft")))
        page.show_message(self.tr("The draft is back in the pattern. It is not rolled out yet (Ctrl+Z goes back "
                                  "to the saved version)."))
        page.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def throw_away_draft(self) -> None:
        page = self.page
        self._draft = None
        page.draft_bar.hide()
        self.discard_draft()
        self.update()  # edits made while it was offered are kept from now on
        page.show_message(self.tr("The draft is thrown away; the pattern is the saved version."))
        page.view.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- closing the window ---------------------------------------------------------------
    def may_close(self) -> bool:
        """True when the window may close now; else the question is open (or the answer is being
        carried out) and the window closes itself when that is done."""
        if not self.unsaved or self.close_allowed:
            return True
        page = self.page
        if page.dialog is not None:
            return False
        box = message_box(QMessageBox.Icon.Question, self.tr("Unsaved rota pattern"), self.tr(
            "The rota pattern has edits that are not rolled out. Roll them out now, keep them as a draft "
            "for next time, or discard them?"), QMessageBox.StandardButton.NoButton, page)
        roll = box.addButton(self.tr("&Roll out…"), QMessageBox.ButtonRole.AcceptRole)
        roll.setVisible(self.arrangement_id == page.ctx.arrangement_id)  # not into another arrangement
        keep = box.addButton(self.tr("&Save draft"), QMessageBox.ButtonRole.ActionRole)
        drop = box.addButton(self.tr("&Discard"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        for widget, name in ((roll, self.tr("Roll out…")), (keep, self.tr("Save draft")),
                             (drop, self.tr("Discard")), (cancel, self.tr("Cancel"))):
            widget.setAccessibleName(name)
        box.setDefaultButton(keep)
        box.setEscapeButton(cancel)
        box.setAccessibleName(box.windowTitle())

        def closed(_result: int) -> None:
            clicked = box.clickedButton()
            if clicked is roll:
                page.roll_out(then=self._close_window)
            elif clicked is keep:
                self.save_draft(then=self._close_window)
            elif clicked is drop:
                self.discard_draft(then=self._close_window)

        open_single(page, box, closed)
        return False

    def _close_window(self) -> None:
        self.close_allowed = True
        self.page.window().close()


def focus_later(widget: QWidget) -> None:
    QTimer.singleShot(0, lambda: widget.setFocus(Qt.FocusReason.OtherFocusReason) if widget.isVisible() else None)
