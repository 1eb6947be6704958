"""The keyboard focus back where the person was after every modal dialog, however it was opened
(`open_single`, a menu's dialog, an error box, a file chooser, `QMessageBox.information`).

One filter on the application watches every dialog window: when a modal one is shown it notes
the widget that had the focus (and the page's main control, for when that widget is gone); when
it hides it gives the focus back at once (so a `finished` handler, which runs after, may still move
it on, as `open_single`'s `closed` may), and once more after the event loop's turn if by then the
focus is on no widget at all (the widget gone in a reload: then the page's `main_control()`)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from bpa_desktop.ui.dialogs.single import restore_focus


def _usable(widget: QWidget | None) -> bool:
    return (isinstance(widget, QWidget) and shiboken6.isValid(widget) and widget.isVisible()
            and widget.isEnabled() and widget.focusPolicy() != Qt.FocusPolicy.NoFocus)


def _main_control(widget: QWidget | None) -> QWidget | None:
    """The control the page (or view) holding `widget` names as its main one, if any."""
    while isinstance(widget, QWidget):
        main = getattr(widget, "main_control", None)
        if callable(main):
            return main()
        widget = widget.parentWidget()
    return None


class FocusReturn(QObject):
    """Install once per application with `FocusReturn.install()`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._came_from: dict[int, tuple] = {}  # the dialog's address -> (focus widget, main control, parent)

    @classmethod
    def install(cls) -> FocusReturn:
        app = QApplication.instance()
        keeper = app.findChild(FocusReturn)
        if keeper is None:
            keeper = cls(app)
            app.installEventFilter(keeper)
        return keeper

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind not in (QEvent.Type.Show, QEvent.Type.Hide) or not isinstance(watched, QDialog):
            return False
        if not watched.isWindow():
            return False
        # the C++ address: a dialog made in C++ (QFileDialog.getSaveFileName) gets a new Python
        # wrapper, with another id(), for each event
        key = shiboken6.getCppPointer(watched)[0]
        if kind == QEvent.Type.Show and (watched.isModal()
                                         or watched.windowModality() != Qt.WindowModality.NonModal):
            focus = QApplication.focusWidget()
            if focus is not None and (focus is watched or watched.isAncestorOf(focus)):
                return False  # shown again while in use
            if key not in self._came_from:
                self._came_from[key] = (focus, _main_control(focus) or _main_control(watched.parentWidget()),
                                        watched.parentWidget())
                watched.destroyed.connect(lambda _object=None, key=key: self._came_from.pop(key, None))
        elif kind == QEvent.Type.Hide and key in self._came_from:
            came_from = self._came_from.pop(key)
            if QApplication.activeModalWidget() in (None, watched) and _usable(came_from[0]):
                restore_focus(came_from[0])  # a handler of `finished` may still move it on
            QTimer.singleShot(0, self, lambda: self._give_back(*came_from))
        return False

    @staticmethod
    def _give_back(widget, main, parent) -> None:
        if QApplication.activeModalWidget() is not None:
            return  # another dialog is up (a question after this one): it has the keyboard
        focus = QApplication.focusWidget()
        if _usable(focus):
            return  # on a widget
        if _usable(widget):
            restore_focus(widget)
        elif _usable(main):
            restore_focus(main)
        elif isinstance(parent, QWidget) and shiboken6.isValid(parent):
            restore_focus(None, parent.window())
            if QApplication.focusWidget() is None:
                parent.window().focusNextChild()
