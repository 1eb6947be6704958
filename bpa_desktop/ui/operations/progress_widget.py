"""The status bar's progress: what long job runs, how far it is, and Cancel.

It shows the oldest visible job of the `JobManager` ("Writing PDFs: 3 of 12 – Kari Nordmann"),
with a bar (done/total; busy when the total is unknown) and a Cancel button for jobs that can be
cancelled. A job that ends within `SHOW_AFTER_MS` never appears (no flicker for a fast sync
pass). Ctrl+. puts the keyboard focus on Cancel; Esc, Space or Enter there cancels, and the focus
goes back where it was. The text is the label's accessible name, so a screen reader hears it
change.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from bpa_desktop.ui.operations.jobs import Job, JobManager

SHOW_AFTER_MS = 400
CANCEL_KEYS = "Ctrl+."


class JobProgress(QWidget):
    def __init__(self, jobs: JobManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.jobs = jobs
        self.job: Job | None = None
        self._return_focus: QWidget | None = None
        self.setAccessibleName(self.tr("Progress"))
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.bar = QProgressBar()
        self.bar.setAccessibleName(self.tr("Progress"))
        self.bar.setMaximumWidth(self.fontMetrics().averageCharWidth() * 24)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        keys = QKeySequence(CANCEL_KEYS).toString(QKeySequence.SequenceFormat.NativeText)
        self.cancel_button.setAccessibleName(self.tr("Cancel the running job"))
        self.cancel_button.setAccessibleDescription(self.tr("Stops after the piece it is doing; what is finished "
                                                            "stays (%1 comes here)").replace("%1", keys))
        self.cancel_button.setToolTip(self.tr("Cancel (%1 comes here)").replace("%1", keys))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.installEventFilter(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(SHOW_AFTER_MS)
        self._delay.timeout.connect(self._refresh)
        jobs.jobs_changed.connect(self._jobs_changed)
        self.hide()

    def install_shortcut(self, window: QWidget) -> None:
        """Ctrl+. anywhere in `window` goes to Cancel while a job runs."""
        QShortcut(QKeySequence(CANCEL_KEYS), window, self.focus_cancel)

    # --- what is shown ------------------------------------------------------------------------
    def _jobs_changed(self) -> None:
        current = next(iter(self.jobs.visible_jobs()), None)
        if current is self.job:
            return
        if self.job is not None:
            self.job.progressed.disconnect(self._progressed)
        self.job = current
        if current is None:
            self._delay.stop()
            self._give_focus_back()
            self.hide()
            return
        current.progressed.connect(self._progressed)
        if self.isVisible():
            self._refresh()
        else:
            self._delay.start()

    def _progressed(self, _done: int, _total: int, _text: str) -> None:
        if self.isVisible():
            self._refresh()

    def _refresh(self) -> None:
        job = self.job
        if job is None:
            return
        if job.total > 0:
            self.bar.setRange(0, job.total)
            self.bar.setValue(min(job.done, job.total))
            text = self.tr("%1: %2 of %3").replace("%1", job.title).replace("%2", str(job.done)).replace(
                "%3", str(job.total))
        else:
            self.bar.setRange(0, 0)  # busy: how much is not known
            text = job.title
        if job.text and job.text != job.title:
            text += f" – {job.text}"
        if job.cancel_requested:
            text += " – " + self.tr("cancelling…")
        self.label.setText(text)
        self.label.setAccessibleName(text)
        self.bar.setAccessibleDescription(text)
        self.cancel_button.setVisible(job.cancellable)
        self.cancel_button.setEnabled(job.cancellable and not job.cancel_requested)
        self.show()

    # --- cancel ---------------------------------------------------------------------------------
    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self._refresh()
        self._give_focus_back()

    def focus_cancel(self) -> None:
        if self.job is None or not self.job.cancellable:
            return
        self._refresh()  # shown at once, also within the first moments
        self._return_focus = QApplication.focusWidget()
        self.cancel_button.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        from PySide6.QtCore import QEvent

        if (watched is self.cancel_button and event.type() == QEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_Escape):
            self.cancel()
            return True
        return False

    def _give_focus_back(self) -> None:
        from bpa_desktop.ui.dialogs.single import restore_focus

        if self.cancel_button.hasFocus() or self._return_focus is not None:
            widget, self._return_focus = self._return_focus, None
            restore_focus(widget, self.window())
