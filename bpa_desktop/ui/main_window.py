"""The main window: arrangement switcher on top, page list on the left, the page on the right."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QMenu,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from bpa_desktop.ui import startup_trace
from bpa_desktop.ui.context import AppContext
from bpa_desktop.ui.dialogs.focus_return import FocusReturn
from bpa_desktop.ui.errors import show_error
from bpa_desktop.ui.operations.jobs import SYNC
from bpa_desktop.ui.operations.progress_widget import JobProgress
from bpa_desktop.ui.icon import app_icon
from bpa_desktop.ui.menus import Menus
from bpa_desktop.ui.pages.base import Page
from bpa_desktop.ui.pages.registry import PAGE_IDS, PAGES
from bpa_desktop.ui.pages.slot import PageSlot
from bpa_desktop.ui.plain import text_label, tooltip
from bpa_desktop.ui.sync.controller import SyncController
from bpa_desktop.ui.sync.status_line import SyncStatusLine
from bpa_desktop.ui.widgets.arrangement_switcher import ArrangementSwitcher

if TYPE_CHECKING:
    from bpa_desktop.ui.first_run import ArrangementWizard

__all__ = ["PAGE_IDS", "MainWindow", "focus_first_control"]


class _Pages(dict):
    """`window.pages[page_id]` builds the page on first use; iteration knows only built pages."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self._window = window

    def __missing__(self, page_id: str) -> Page:
        return self._window._page_at(PAGE_IDS.index(page_id))


def focus_first_control(container: QWidget) -> bool:
    """Give focus to the first control inside `container` that takes Tab focus; False if none."""
    widget = container.nextInFocusChain()
    while widget is not container and widget is not None:
        if (container.isAncestorOf(widget) and widget.isVisible() and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return True
        widget = widget.nextInFocusChain()
    return False


class MainWindow(QMainWindow):
    """`page_loaded(page_id)` fires when the shown page has its data (the screenshot waits for it).

    `start_sync=False` keeps the sync worker from ever starting (screenshots); otherwise it starts
    once an arrangement is enrolled. `sync_options` go to the SyncWorker (tests: interval, transport).

    Pages are built when first shown (or asked for through `pages`). A context without a workspace
    yet (app start opens it in a worker) shows the pages' frames until `ctx.set_workspace`.
    """

    page_loaded = Signal(str)
    first_painted = Signal()  # the window's first frame is on the screen (app.py opens the database then)

    def __init__(self, ctx: AppContext, offer_first_run: bool = True, parent: QWidget | None = None, *,
                 start_sync: bool = True, sync_options: dict | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        FocusReturn.install()  # the keyboard focus back where it was after every dialog
        self.sync = SyncController(ctx, enabled=start_sync, worker_options=sync_options, parent=self)
        ctx.sync = self.sync  # pages reach it through the context
        self.offer_first_run = offer_first_run
        self.remember_state = False  # app.py turns it on for a real session (not screenshots)
        self.wizard: ArrangementWizard | None = None
        self._arrangement_name = ""
        self.setWindowTitle(self.tr("bpa-desktop"))
        self.setAccessibleName(self.tr("bpa-desktop main window"))
        self.setWindowIcon(app_icon())
        self.menus = Menus(self)  # Fil and Hjelp (ui/menus.py)

        self.switcher = ArrangementSwitcher(ctx)
        self.switcher.new_requested.connect(lambda: self.open_wizard(first_run=False))

        self.navigation = QListWidget()
        self.navigation.setAccessibleName(self.tr("Pages"))
        self.navigation.setAccessibleDescription(self.tr("Choose a page; Ctrl+1 to Ctrl+8 jump straight to one"))
        self.stack = QStackedWidget()
        self.pages = _Pages(self)  # page_id -> Page, the ones built so far
        self._painted = False
        self._slots = [PageSlot(entry) for entry in PAGES]  # each gives its place to its page when built
        for number, (entry, slot) in enumerate(zip(PAGES, self._slots), start=1):
            self.stack.addWidget(slot)
            item = QListWidgetItem(entry.title())
            shortcut = QKeySequence(f"Ctrl+{number}")
            item.setToolTip(tooltip(f"{entry.title()} ({shortcut.toString(QKeySequence.SequenceFormat.NativeText)})"))
            self.navigation.addItem(item)
            QShortcut(shortcut, self, lambda index=number - 1: self.show_page_index(index, focus=True))
        font = self.navigation.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)  # relative to the system size
        self.navigation.setFont(font)
        self.navigation.setSpacing(3)
        self.navigation.setFixedWidth(self.navigation.sizeHintForColumn(0) + 2 * self.navigation.frameWidth() + 32)
        self.navigation.currentRowChanged.connect(self._row_changed)
        # assistive technology chooses a page by selecting it (AT-SPI Selection), not by moving
        # the current row: a selection opens the page too
        self.navigation.itemSelectionChanged.connect(self._selection_changed)

        body = QHBoxLayout()
        body.addWidget(self.navigation)
        body.addWidget(self.stack, 1)
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.addWidget(self.switcher)
        outer.addLayout(body, 1)
        self.setCentralWidget(central)
        self.setTabOrder(self.switcher.combo, self.switcher.new_button)
        self.setTabOrder(self.switcher.new_button, self.navigation)

        self.busy_label = text_label()
        self.statusBar().addWidget(self.busy_label)
        self.progress = JobProgress(ctx.jobs)
        self.progress.install_shortcut(self)
        self.statusBar().addWidget(self.progress)
        self.history_label = text_label()  # what undo or redo just did (also said on the page)
        self.statusBar().addWidget(self.history_label)
        ctx.history.message.connect(self._history_said)
        self._add_edit_menu()
        self.sync_status = SyncStatusLine(ctx, self.sync)
        # long texts in the status bar give way on a narrow window (the full text is the tooltip)
        self.sync_status.setMinimumWidth(120)
        self.statusBar().addWidget(self.sync_status, 1)
        self.path_label = path_label = text_label()
        path_label.setAccessibleName(self.tr("Database file"))
        self.statusBar().addPermanentWidget(path_label)
        # bound methods, so that Qt drops the connections with the window (the context outlives it)
        ctx.runner.busy_changed.connect(self._show_busy)
        ctx.jobs.jobs_changed.connect(self._show_busy)
        ctx.runner.unhandled_error.connect(self._failed)
        ctx.jobs.job_failed.connect(self._job_failed)
        ctx.arrangements_changed.connect(self._arrangements_changed)
        ctx.arrangement_changed.connect(self._arrangement_changed)
        ctx.workspace_ready.connect(self._workspace_ready)

        self.navigation.setCurrentRow(0)
        if ctx.workspace is not None:
            self._workspace_ready()
        else:
            self._enable_workspace_actions(False)
        ctx.load_arrangements()

    def _workspace_ready(self) -> None:
        path = str(getattr(self.ctx.workspace, "path", ""))
        self.path_label.setText(path)
        self.path_label.setToolTip(tooltip(path))
        self.path_label.setMinimumWidth(min(self.path_label.sizeHint().width(), 160))
        self._enable_workspace_actions(True)
        self.current_page.set_active(True)

    def _enable_workspace_actions(self, enabled: bool) -> None:
        """What needs the open database waits for it (the File menu, a new arrangement)."""
        self.switcher.setEnabled(enabled)
        for action in self.menus.workspace_actions():
            action.setEnabled(enabled)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            startup_trace.mark("first_paint")
            QTimer.singleShot(0, self.first_painted.emit)  # after the frame, not inside the paint

    def closeEvent(self, event) -> None:
        for page in list(self.pages.values()):
            if page.has_unsaved() and not page.may_close():  # the page asks, and closes the window after
                self.show_page(page.page_id)
                event.ignore()
                return
        self.sync.stop()  # no sync thread outlives the window
        self.ctx.jobs.cancel_all()  # long jobs stop after the piece they are on
        if self.remember_state:
            from bpa_desktop.ui import window_state

            window_state.save(self, self.current_page_id)
        super().closeEvent(event)

    def _selection_changed(self) -> None:
        chosen = self.navigation.selectedItems()
        if chosen and self.navigation.row(chosen[0]) != self.navigation.currentRow():
            self.navigation.setCurrentRow(self.navigation.row(chosen[0]))

    def _add_edit_menu(self) -> None:
        """Undo and Redo, their texts saying what they will do (Alt then the arrows reaches the menu)."""
        menu = QMenu(self.tr("&Edit"), self)  # between Fil and Hjelp, as desktop programs order them
        self.menuBar().insertMenu(self.menus.help_menu.menuAction(), menu)
        menu.setAccessibleName(self.tr("Edit"))
        for action in (self.ctx.history.undo_action, self.ctx.history.redo_action):
            menu.addAction(action)
            self.addAction(action)  # the shortcuts work while the menu bar is hidden too

    def _failed(self, error: BaseException) -> None:
        show_error(self, error)

    def _job_failed(self, _job, error: BaseException) -> None:
        show_error(self, error)

    def _show_busy(self, *_busy) -> None:
        """A read or a write on its way (long jobs have their own progress, sync its status line)."""
        busy = self.ctx.runner.busy or any(not job.visible and job.lane != SYNC for job in self.ctx.jobs.jobs)
        self.busy_label.setText(self.tr("Working…") if busy else "")

    def _history_said(self, text: str) -> None:
        self.history_label.setText(text)
        self.history_label.setAccessibleName(text)

    def sizeHint(self) -> QSize:
        return QSize(1280, 800)

    # pages
    @property
    def current_page_id(self) -> str:
        return PAGE_IDS[self.stack.currentIndex()]

    @property
    def current_page(self) -> Page:
        return self._page_at(self.stack.currentIndex())

    def _page_at(self, index: int) -> Page:
        """The page at `index`, built now if it was not yet."""
        slot = self._slots[index]
        if slot.page is None:
            page = slot.build(self.ctx)
            self.pages[page.page_id] = page
            page.loaded.connect(lambda page_id=page.page_id: self._page_loaded(page_id))
            page.unsaved_changed.connect(self._update_title)
            shown = self.stack.currentIndex() == index
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(slot)
            slot.deleteLater()
            if shown:
                self.stack.setCurrentIndex(index)
        return slot.page

    def show_page(self, page_id: str, focus: bool = False) -> Page:
        self.show_page_index(PAGE_IDS.index(page_id), focus)
        return self.current_page

    def show_page_index(self, index: int, focus: bool = False) -> None:
        self.navigation.setCurrentRow(index)
        if focus and not focus_first_control(self.stack.currentWidget()):
            self.navigation.setFocus(Qt.FocusReason.ShortcutFocusReason)  # a page with nothing to operate

    def _row_changed(self, row: int) -> None:
        if row < 0:
            return
        previous = self.stack.currentWidget()
        if isinstance(previous, Page):
            previous.set_active(False)
        self.stack.setCurrentIndex(row)
        if self.ctx.workspace is not None:  # else the slot shows the page's frame until it is open
            self.current_page.set_active(True)

    def _page_loaded(self, page_id: str) -> None:
        if self.current_page_id == page_id:
            startup_trace.mark(f"loaded {page_id}")
            self.page_loaded.emit(page_id)

    # arrangements
    def _arrangements_changed(self, arrangements: list) -> None:
        if not arrangements and self.offer_first_run and self.wizard is None:
            self.open_wizard(first_run=True)

    def _arrangement_changed(self, arrangement) -> None:
        self._arrangement_name = arrangement.name if arrangement is not None else ""
        self._update_title()

    def _update_title(self) -> None:
        """The arrangement's name, and "(unsaved)" while a page holds edits not saved yet."""
        name = self._arrangement_name
        title = self.tr("%1 – bpa-desktop").replace("%1", name) if name else self.tr("bpa-desktop")
        unsaved = [page.unsaved_text() for page in self.pages.values() if page.has_unsaved()]
        self.setWindowTitle(title + " " + self.tr("(unsaved)") if unsaved else title)
        self.setAccessibleDescription(" ".join(unsaved))

    def open_wizard(self, first_run: bool) -> ArrangementWizard:
        from bpa_desktop.ui.first_run import ArrangementWizard

        wizard = ArrangementWizard(self.ctx, first_run, self)
        self.wizard = wizard
        wizard.finished.connect(lambda _result: self._wizard_closed(wizard))
        wizard.open()
        return wizard

    def _wizard_closed(self, wizard: ArrangementWizard) -> None:
        self.wizard = None
        if wizard.created is not None:
            self.ctx.load_arrangements(select_id=wizard.created.id)
        wizard.deleteLater()
