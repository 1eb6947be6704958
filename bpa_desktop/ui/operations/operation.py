"""The one path from a widget to the Workspace (after Anki's `CollectionOp` and `QueryOp`).

A change a person makes is a `WriteOp`: the Workspace call runs on the serial write queue (never
on the GUI thread), and once it has committed the context broadcasts the typed `Changes` it made,
so every page that shows those areas re-reads them. If the call hands back a receipt
(`core.receipts`), `.undoable(text)` records it on the window's undo history; `.not_undoable(...)`
records a step whose undo is refused with a message (an attestation). A failure goes to the
`failure` callback, or to an error box when there is none; nothing is broadcast then.

    WriteOp(ctx, self, lambda ws: ws.undoable.change_shift(aid, shift_id, kind="cancel", reason=why),
            Changes.of("calendar", "timesheets")).undoable(self.tr("Cancel Kari 03.11")).run()

A read is a `QueryOp`: parallel on the read lane, no broadcast. Both call back on the GUI thread
and skip the callbacks when `parent` has been deleted meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtWidgets import QWidget

from bpa_desktop.ui.operations.changes import Changes
from bpa_desktop.ui.operations.jobs import READ, WRITE, Job

T = TypeVar("T")


class _Op(Generic[T]):
    lane = READ

    def __init__(self, ctx, parent: QWidget | None, call: Callable[[Any], T]) -> None:
        self._ctx = ctx
        self._parent = parent
        self._call = call
        self._success: Callable[[T], Any] | None = None
        self._failure: Callable[[BaseException], Any] | None = None
        self._title = ""
        self._visible = False

    def success(self, success: Callable[[T], Any] | None):
        self._success = success
        return self

    def failure(self, failure: Callable[[BaseException], Any] | None):
        self._failure = failure
        return self

    def with_progress(self, title: str):
        """Show the job in the status bar's progress widget while it runs."""
        self._title, self._visible = title, True
        return self

    def on_lane(self, lane: str):
        """Run on another lane (``jobs.SYNC``: a call that waits on the network must not hold up
        the write queue; its own transactions are short)."""
        self.lane = lane
        return self

    def _alive(self) -> bool:
        return self._parent is None or shiboken6.isValid(self._parent)

    def _failed(self, error: BaseException) -> None:
        if not self._alive():
            return
        if self._failure is not None:
            self._failure(error)
        else:
            from bpa_desktop.ui.errors import show_error

            show_error(self._parent, error)

    def _succeeded(self, result: T) -> None:
        if self._alive() and self._success is not None:
            self._success(result)

    def run(self) -> Job:
        workspace = self._ctx.workspace
        return self._ctx.jobs.run(self._title, lambda _progress: self._call(workspace), lane=self.lane,
                                  visible=self._visible, on_done=self._done, on_error=self._failed)

    def _done(self, result: T) -> None:
        self._succeeded(result)


class QueryOp(_Op[T]):
    """A read: runs beside other reads, changes nothing."""

    lane = READ

    def __init__(self, ctx, parent: QWidget | None, call: Callable[[Any], T], success: Callable[[T], Any]) -> None:
        super().__init__(ctx, parent, call)
        self._success = success


class WriteOp(_Op[T]):
    """A change: serial on the write queue; broadcasts `changes` after it committed.

    `changes` may be a function of the result (when what changed depends on it)."""

    lane = WRITE

    def __init__(self, ctx, parent: QWidget | None, call: Callable[[Any], T],
                 changes: Changes | Callable[[T], Changes]) -> None:
        super().__init__(ctx, parent, call)
        self._changes = changes
        self._undo_text: str | Callable[[T], str] | None = None
        self._refusal: tuple[str, str] | None = None

    def undoable(self, text: str | Callable[[T], str]):
        """The call returns a receipt: record it on the undo history as `text`."""
        self._undo_text = text
        return self

    def not_undoable(self, text: str, refusal: str):
        """Record a step that cannot be undone: its undo says `refusal` and changes nothing."""
        self._refusal = (text, refusal)
        return self

    def _done(self, result: T) -> None:
        changes = self._changes(result) if callable(self._changes) else self._changes
        history = getattr(self._ctx, "history", None)
        if history is not None and self._undo_text is not None:
            text = self._undo_text(result) if callable(self._undo_text) else self._undo_text
            history.record(text, result, changes)
        elif history is not None and self._refusal is not None:
            history.record_refusal(*self._refusal)
        try:
            self._succeeded(result)
        finally:
            self._ctx.broadcast(changes, self._parent)


class OpRunner:
    """A `TaskRunner`-shaped front for the dialogs that take a runner for their save: each
    submitted call becomes a `WriteOp` with these `changes`. With `undo_text`, the call returns a
    receipt and `undo_text(*args)` (the dialog's record) says what Undo will take back."""

    def __init__(self, ctx, changes: Changes | Callable[[Any], Changes],
                 undo_text: Callable[..., str] | None = None) -> None:
        self._ctx, self._changes, self._undo_text = ctx, changes, undo_text

    def submit(self, fn: Callable[..., Any], *args: Any, on_done=None, on_error=None, owner=None, **kwargs: Any) -> Job:
        op = WriteOp(self._ctx, owner, lambda _ws: fn(*args, **kwargs), self._changes)
        if self._undo_text is not None:
            text = self._undo_text(*args, **kwargs)
            op.undoable(text)
        return op.success(on_done).failure(on_error).run()
