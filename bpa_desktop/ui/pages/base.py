"""What every page of the main window has in common."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from bpa_desktop.ui.context import AppContext
from bpa_desktop.ui.plain import text_label
from bpa_desktop.ui.operations.changes import Changes


def heading(text: str, scale: float = 1.5) -> QLabel:
    """A page heading: bold and larger than the system font (no fixed pixel sizes)."""
    label = text_label(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setAccessibleName(text)
    label.setWordWrap(True)
    return label


def paragraph(text: str = "") -> QLabel:
    label = text_label(text)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return label


class Page(QWidget):
    """A page loads its data through the context's TaskRunner and says so with `loaded`.

    Data is read when the page is shown and something it depends on has changed: the chosen
    arrangement, or an area in `listens` that a committed write reports (`AppContext.changed`).
    A page that can refresh part of itself overrides `on_changes`.
    """

    loaded = Signal()
    unsaved_changed = Signal()  # has_unsaved() or unsaved_text() changed
    page_id = ""
    listens: Changes = Changes()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.is_loaded = False
        self._stale = True
        self._active = False
        self.layout_ = QVBoxLayout(self)
        self.heading = heading(self.title())
        self.layout_.addWidget(self.heading)
        ctx.arrangement_changed.connect(self._on_arrangement_changed)
        ctx.changed.connect(self.on_changes)

    def title(self) -> str:
        raise NotImplementedError

    def main_control(self) -> QWidget | None:
        """Where the keyboard goes when the widget it was on is gone (a dialog closed after a
        reload): the page's first control that takes Tab focus."""
        widget = self.nextInFocusChain()
        while widget is not self and widget is not None:
            if (self.isAncestorOf(widget) and widget.isVisible() and widget.isEnabled()
                    and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
                return widget
            widget = widget.nextInFocusChain()
        return None

    def has_unsaved(self) -> bool:
        """Whether the page holds edits a person typed that are not saved yet."""
        return False

    def unsaved_text(self) -> str:
        """What is unsaved, for the window's accessible description."""
        return ""

    def may_close(self) -> bool:
        """The window is closing: True lets it; False means the page asks first (it closes the
        window itself once the person has answered)."""
        return True

    def set_active(self, active: bool) -> None:
        self._active = active
        if active and self._stale:
            self.reload()

    def reload(self) -> None:
        self._stale = False
        self.is_loaded = False
        if self.ctx.arrangements_loaded:
            self.load()
        # else: the arrangement list is on its way; arrangement_changed brings us back

    def load(self) -> None:
        """Read the page's data (subclasses submit work and call `finish_loading`)."""
        self.finish_loading()

    def finish_loading(self) -> None:
        self.is_loaded = True
        self.loaded.emit()

    def _invalidate(self) -> None:
        self._stale = True
        self.is_loaded = False
        if self._active:
            self.reload()

    def _on_arrangement_changed(self, _arrangement) -> None:
        self._invalidate()

    def on_changes(self, changes: Changes, _initiator: object = None) -> None:
        if changes & self.listens:
            self._invalidate()


class PlaceholderPage(Page):
    """A page a later release fills; says plainly what it will do."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        box = QFrame()
        box.setFrameShape(QFrame.Shape.StyledPanel)
        inner = QVBoxLayout(box)
        coming = paragraph(self.coming_text())
        coming.setAccessibleName(coming.text())
        inner.addWidget(coming)
        self.layout_.addWidget(box)
        self.layout_.addStretch(1)

    def coming_text(self) -> str:
        raise NotImplementedError
