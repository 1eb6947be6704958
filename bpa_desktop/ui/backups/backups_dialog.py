"""Sikkerhetskopier: the copies, what each holds (date, last attested month), taking one now,
the second folder, and restoring a copy. Every disk step runs in the TaskRunner; a restore
asks first and ws.backups copies the open database before it replaces it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from bpa_desktop.ui.backups import pause_sync, resume_sync
from bpa_desktop.ui.errors import user_message
from bpa_desktop.ui.widgets.accessible import button

REASONS = ("daily", "attestation", "manual", "before-restore")


def read_copies(ws) -> list[tuple[object, object, str | None]]:
    """(copy, summary or None, problem or None) for each copy: runs in a worker."""
    from bpa_desktop.workspace import WorkspaceError

    rows = []
    for copy in ws.backups.list():
        try:
            rows.append((copy, ws.backups.summary(copy.path), None))
        except WorkspaceError as error:
            rows.append((copy, None, str(error)))
    return rows


class BackupsDialog(QDialog):
    def __init__(self, ctx, on_restored, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.on_restored = on_restored
        self.rows: list = []
        self.setWindowTitle(self.tr("Backups"))
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        self.intro = QLabel(self.tr(
            "A copy is taken after the first change of each day and before attesting. Seven daily, "
            "four weekly and twelve monthly copies are kept. Restoring a copy first copies what you have now."))
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Taken"), self.tr("Why"), self.tr("Last attested month"),
                                              self.tr("Assistants"), self.tr("Where")])
        self.table.setAccessibleName(self.tr("Backup copies"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)
        self.second_label = QLabel()
        self.second_label.setWordWrap(True)
        layout.addWidget(self.second_label)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Status"))
        layout.addWidget(self.status)
        row = QHBoxLayout()
        self.take_button = button(self.tr("&Take a copy now"))
        self.take_button.clicked.connect(self.take_copy)
        self.restore_button = button(self.tr("&Restore the chosen copy…"))
        self.restore_button.clicked.connect(self.ask_restore)
        self.second_button = button(self.tr("&Second folder (USB stick)…"))
        self.second_button.clicked.connect(self.choose_second_folder)
        self.close_button = button(self.tr("&Close"))
        self.close_button.clicked.connect(self.reject)
        for each in (self.take_button, self.restore_button, self.second_button):
            row.addWidget(each)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        self.resize(900, 460)
        self.reload()

    # --- reading ---------------------------------------------------------------------------

    def reload(self) -> None:
        self.restore_button.setEnabled(False)
        self.status.setText(self.tr("Reading the copies…"))
        self.ctx.runner.submit(read_copies, self.ctx.workspace, on_done=self._show, on_error=self._failed, owner=self)
        second = self.ctx.workspace.backups.second_folder()
        self.second_label.setText(self.tr("Second folder: %1").replace("%1", str(second)) if second
                                  else self.tr("No second folder chosen."))

    def _reason(self, reason: str) -> str:
        return {
            "daily": self.tr("first change of the day"), "attestation": self.tr("before attesting"),
            "manual": self.tr("taken by hand"), "before-restore": self.tr("before a restore"),
            "before-encryption": self.tr("before encryption"), "before-erasure": self.tr("before an erasure"),
        }.get(reason, reason)

    def _show(self, rows: list) -> None:
        from bpa_desktop.ui.formatting import format_date

        self.rows = rows
        self.table.setRowCount(len(rows))
        for index, (copy, summary, problem) in enumerate(rows):
            local = copy.taken_at.astimezone()
            month = (QLocale().toString(summary.last_attested_period, "MMMM yyyy")
                     if summary and summary.last_attested_period else self.tr("none"))
            cells = (f"{format_date(local.date())} {local:%H:%M}", self._reason(copy.reason),
                     month if summary else self.tr("damaged"), str(summary.assistants) if summary else "–",
                     str(copy.path.parent))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if problem:
                    item.setToolTip(problem)
                self.table.setItem(index, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        if not rows:
            self.status.setText(self.tr("No copies yet."))
        elif len(rows) == 1:
            self.status.setText(self.tr("One copy."))
        else:
            self.status.setText(self.tr("%1 copies.").replace("%1", str(len(rows))))
        if rows:
            self.table.selectRow(0)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _failed(self, error: BaseException) -> None:
        self.status.setText(user_message(error))
        self.take_button.setEnabled(True)

    def chosen(self):
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.rows[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        chosen = self.chosen()
        self.restore_button.setEnabled(chosen is not None and chosen[1] is not None)
        if chosen is not None and chosen[2]:
            self.status.setText(chosen[2])

    # --- acting ----------------------------------------------------------------------------

    def take_copy(self) -> None:
        self.take_button.setEnabled(False)
        self.status.setText(self.tr("Taking a copy…"))
        self.ctx.runner.submit(self.ctx.workspace.backups.create, "manual", on_done=self._taken,
                               on_error=self._failed, owner=self)

    def _taken(self, result) -> None:
        self.take_button.setEnabled(True)
        self.reload()
        if result.second_error:
            self.status.setText(self.tr("The copy was taken, but not to the second folder: %1")
                                .replace("%1", result.second_error))

    def ask_restore(self) -> None:
        chosen = self.chosen()
        if chosen is None or chosen[1] is None:
            return
        copy = chosen[0]
        local = copy.taken_at.astimezone()
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Restore this copy?"), self.tr(
            "The data will be as it was on %1. What you have now is copied first, so it can be "
            "restored again.").replace("%1", f"{local:%d.%m.%Y %H:%M}"), parent=self)
        restore = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(restore)
        box.exec()
        if box.clickedButton() is restore:
            self.restore(copy.path)

    def restore(self, path: Path) -> None:
        self.restore_button.setEnabled(False)
        self.status.setText(self.tr("Restoring…"))
        pause_sync(self.ctx)
        self.ctx.runner.submit(self.ctx.workspace.backups.restore, path, on_done=self._restored,
                               on_error=self._restore_failed, owner=self)

    def _restore_failed(self, error: BaseException) -> None:
        resume_sync(self.ctx)
        self._failed(error)

    def _restored(self, safety) -> None:
        resume_sync(self.ctx)
        self.on_restored()
        self.reload()
        self.status.setText(self.tr("Restored. What you had before is kept as a copy from %1.")
                            .replace("%1", f"{safety.copy.taken_at.astimezone():%d.%m.%Y %H:%M}"))

    def choose_second_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a second folder for the backups"))
        if folder:
            self.set_second_folder(Path(folder))

    def set_second_folder(self, folder: Path | None) -> None:
        self.ctx.runner.submit(self.ctx.workspace.backups.set_second_folder, folder,
                               on_done=lambda _none: self.reload(), on_error=self._failed, owner=self)
