"""The sync line in the main window's status bar ("Synk: 3 i kø · sist sendt 14:02").

It re-reads the chosen arrangement's outbox through the Workspace (in the TaskRunner) when
the sync worker reports, when the arrangement changes and when a page says the sync data
changed; the text itself comes from ``wording.status_line``.
"""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from bpa_desktop.ui.context import AppContext
from bpa_desktop.ui.plain import tooltip
from bpa_desktop.ui.sync.controller import SyncController
from bpa_desktop.ui.sync.wording import status_line


def read_outbox(workspace, arrangement_id: int) -> tuple[list, bool]:
    """(submissions, enrolled) of one arrangement; runs on a worker thread."""
    return workspace.sync.list_submissions(arrangement_id), workspace.sync.enrolment(arrangement_id) is not None


class SyncStatusLine(QLabel):
    def __init__(self, ctx: AppContext, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # it shows the receiver's error text
        self.ctx = ctx
        self.controller = controller
        self.setAccessibleName(self.tr("Sync status"))
        self._data: tuple[list, bool] = ([], False)
        self._reading = False
        self._again = False
        self.updates = 0  # how many times the text was set (tests wait on it)
        controller.outbox_changed.connect(self.refresh)
        controller.busy_changed.connect(lambda _busy: self._show())
        ctx.arrangement_changed.connect(lambda _arrangement: self.refresh())
        ctx.changed.connect(lambda changes, _initiator: self.refresh() if changes.sync else None)

    def refresh(self) -> None:
        arrangement_id = self.ctx.arrangement_id
        if arrangement_id is None:
            self._data = ([], False)
            self._show()
            return
        if self._reading:  # one read at a time; one more afterwards
            self._again = True
            return
        self._reading = True
        self.ctx.runner.submit(read_outbox, self.ctx.workspace, arrangement_id,
                               on_done=self._read, on_error=self._failed, owner=self)

    def _read(self, data: tuple[list, bool]) -> None:
        self._data = data
        self._done()
        self._show()

    def _failed(self, _error: BaseException) -> None:
        self._done()  # the line keeps its last text; the next report tries again

    def _done(self) -> None:
        self._reading = False
        if self._again:
            self._again = False
            self.refresh()

    def _show(self) -> None:
        submissions, enrolled = self._data
        text = status_line(submissions, enrolled, datetime.now(timezone.utc), busy=self.controller.busy)
        self.setText(text)
        self.setToolTip(tooltip(text))
        self.setAccessibleDescription(text)
        self.updates += 1
