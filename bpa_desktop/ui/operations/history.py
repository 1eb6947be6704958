"""The window's undo history: one QUndoGroup over the saved changes and the views' own stacks.

The *data stack* holds changes that are already saved (a calendar change, a deviation, a
registered shift, a confirmation). Its steps carry the receipt the Workspace handed back
(`core.receipts`); undo runs `ws.undoable.undo(receipt)`, an inverse use case in one
transaction (audited as "undo"), on the write queue, and only when that has committed does the
stack move and the message say "Undone: …". Redo is the undo of the undo's receipt. A step the
Workspace refuses (something changed it since) leaves the list with a message saying why.
An attestation is a step whose undo is refused, with a pointer to a correction.

A view with edits that are not saved yet (the Turnus pattern grid) adds its own stack and makes
it active while it is shown (`set_view_stack`); undo and redo then act there, at once.

The Undo and Redo actions (Ctrl+Z; Ctrl+Shift+Z and Ctrl+Y) say exactly what they will do
("Undo: Kari sick 03.11"); QUndoGroup's own actions are not used, because they would move a
stack without the Workspace having done anything.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoGroup, QUndoStack

from bpa_desktop.ui.operations.changes import Changes


class ReceiptCommand(QUndoCommand):
    """A saved change. `undo`/`redo` do nothing themselves: UndoHistory moves the stack only
    after the inverse use case has committed."""

    def __init__(self, text: str, receipt: object, changes: Changes) -> None:
        super().__init__(text)
        self.receipt = receipt
        self.changes = changes

    def undo(self) -> None:
        pass

    def redo(self) -> None:
        pass


class RefusedCommand(QUndoCommand):
    """A change that cannot be undone (an attestation): undo says `refusal` and stays put."""

    def __init__(self, text: str, refusal: str) -> None:
        super().__init__(text)
        self.refusal = refusal

    def undo(self) -> None:
        pass

    def redo(self) -> None:
        pass


class UndoHistory(QObject):
    """`message(text)` says what undo or redo did, or why it did not (pages and the status bar
    show it); `changed()` when what Undo/Redo would do changes."""

    message = Signal(str)
    changed = Signal()

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.group = QUndoGroup(self)
        self.data_stack = QUndoStack(self)
        self.group.addStack(self.data_stack)
        self.group.setActiveStack(self.data_stack)
        self.busy = False
        self.undo_action = QAction(self)
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction(self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.triggered.connect(self.redo)
        for signal in (self.group.indexChanged, self.group.activeStackChanged, self.group.canUndoChanged,
                       self.group.canRedoChanged, self.group.undoTextChanged, self.group.redoTextChanged):
            signal.connect(self._update)
        ctx.arrangement_changed.connect(self._arrangement_changed)
        self._update()

    def _arrangement_changed(self, _arrangement) -> None:
        self.data_stack.clear()  # the steps name another arrangement's people and days

    # --- stacks -----------------------------------------------------------------------------
    def add_stack(self, stack: QUndoStack) -> None:
        self.group.addStack(stack)

    def set_view_stack(self, stack: QUndoStack | None) -> None:
        """Undo acts on `stack` while the view that owns it is shown; None: the saved changes."""
        self.group.setActiveStack(stack or self.data_stack)

    @property
    def active_stack(self) -> QUndoStack:
        return self.group.activeStack() or self.data_stack

    # --- recording --------------------------------------------------------------------------
    def record(self, text: str | None, receipt: object, changes: Changes) -> None:
        """A saved change that `ws.undoable.undo(receipt)` can undo."""
        if text and receipt is not None:
            self.data_stack.push(ReceiptCommand(text, receipt, changes))

    def record_refusal(self, text: str, refusal: str) -> None:
        self.data_stack.push(RefusedCommand(text, refusal))

    # --- what Undo and Redo would do --------------------------------------------------------
    def next_undo(self) -> QUndoCommand | None:
        stack = self.active_stack
        return stack.command(stack.index() - 1) if stack.canUndo() else None

    def next_redo(self) -> QUndoCommand | None:
        stack = self.active_stack
        return stack.command(stack.index()) if stack.canRedo() else None

    def undo_text(self) -> str:
        command = self.next_undo()
        if command is None:
            return self.tr("Undo")
        if isinstance(command, RefusedCommand):
            return self.tr("Cannot undo: %1").replace("%1", command.text())
        return self.tr("Undo: %1").replace("%1", command.text())

    def redo_text(self) -> str:
        command = self.next_redo()
        return self.tr("Redo: %1").replace("%1", command.text()) if command is not None else self.tr("Redo")

    def _update(self) -> None:
        self.undo_action.setText(self.undo_text())
        self.undo_action.setEnabled(not self.busy and self.next_undo() is not None)
        self.redo_action.setText(self.redo_text())
        self.redo_action.setEnabled(not self.busy and self.next_redo() is not None)
        self.changed.emit()

    # --- undo and redo ----------------------------------------------------------------------
    def undo(self) -> None:
        self._step(backwards=True)

    def redo(self) -> None:
        self._step(backwards=False)

    def _step(self, backwards: bool) -> None:
        if self.busy:
            return
        stack = self.active_stack
        command = self.next_undo() if backwards else self.next_redo()
        if command is None:
            return
        text = command.text()
        if isinstance(command, RefusedCommand):
            if backwards:
                self._say(command.refusal)
            else:
                stack.redo()  # nothing to do again: the attestation was never undone
            return
        if not isinstance(command, ReceiptCommand):  # a view's unsaved edit: at once
            stack.undo() if backwards else stack.redo()
            self._say((self.tr("Undone: %1") if backwards else self.tr("Redone: %1")).replace("%1", text))
            return
        self._run_inverse(stack, command, backwards)

    def _run_inverse(self, stack: QUndoStack, command: ReceiptCommand, backwards: bool) -> None:
        from bpa_desktop.ui.operations.operation import WriteOp

        receipt = command.receipt
        text = command.text()

        def done(inverse) -> None:
            command.receipt = inverse  # undoing the inverse is the redo
            self._move(stack, backwards)
            self._say((self.tr("Undone: %1") if backwards else self.tr("Redone: %1")).replace("%1", text))

        def failed(error: BaseException) -> None:
            from bpa_desktop.ui.errors import user_message
            from bpa_desktop.workspace.errors import WorkspaceError

            if isinstance(error, WorkspaceError):  # it cannot be done any more: take it off the list
                command.setObsolete(True)
                self._move(stack, backwards)
                template = (self.tr("Could not undo “%1”: %2 It has been taken off the undo list.") if backwards
                            else self.tr("Could not redo “%1”: %2 It has been taken off the undo list."))
            else:
                self._move(stack, None)
                template = (self.tr("Could not undo “%1”: %2") if backwards
                            else self.tr("Could not redo “%1”: %2"))
            self._say(template.replace("%1", text).replace("%2", user_message(error)))

        self.busy = True
        self._update()
        WriteOp(self.ctx, None, lambda ws: ws.undoable.undo(receipt), command.changes) \
            .success(done).failure(failed).run()

    def _move(self, stack: QUndoStack, backwards: bool | None) -> None:
        self.busy = False
        if backwards is True:
            stack.undo()
        elif backwards is False:
            stack.redo()
        self._update()

    def _say(self, text: str) -> None:
        self.message.emit(text)
