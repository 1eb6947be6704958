"""Undoable edits of the pattern (QUndoCommand): set cells, clear, paste, move, resize, lock,
a whole pattern (a draft taken back).

Each command stores what the cells held before, so undo restores exactly that. Set, clear,
paste and move are all "change these cells" and share `SetCellsCommand`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

from PySide6.QtGui import QUndoCommand

from bpa_desktop.core.live_plan import CellKey


class PatternModel(Protocol):
    """What the commands need of the pattern grid (ui/rota/pattern_model.py's model)."""

    cells: Mapping[CellKey, str]
    weeks: int

    def apply(self, changes: Mapping[CellKey, str | None]) -> None: ...
    def resize(self, weeks: int) -> None: ...
    def key(self, row: int, column: int) -> CellKey: ...
    def code_at(self, row: int, column: int) -> str | None: ...
    def normalise_code(self, text: str) -> str | None: ...
    def rowCount(self) -> int: ...  # noqa: N802 - Qt's name
    def columnCount(self) -> int: ...  # noqa: N802 - Qt's name


class SetCellsCommand(QUndoCommand):
    def __init__(self, model: PatternModel, changes: Mapping[CellKey, str | None], text: str) -> None:
        super().__init__(text)
        self.model = model
        self.after = dict(changes)
        self.before = {key: model.cells.get(key) for key in changes}

    def redo(self) -> None:
        self.model.apply(self.after)

    def undo(self) -> None:
        self.model.apply(self.before)


class LockCommand(QUndoCommand):
    """Lock cells for the planner, or unlock them (undo does the opposite)."""

    def __init__(self, model, keys: Iterable[CellKey], lock: bool, text: str) -> None:
        super().__init__(text)
        self.model = model
        self.keys = [k for k in keys if (k in model.locked) != lock]
        self.lock = lock

    def redo(self) -> None:
        self.model.set_locked(self.keys, self.lock)

    def undo(self) -> None:
        self.model.set_locked(self.keys, not self.lock)


class ResizeCommand(QUndoCommand):
    """Change the number of weeks; undo brings back the cells a shorter pattern dropped."""

    def __init__(self, model: PatternModel, weeks: int, text: str) -> None:
        super().__init__(text)
        self.model = model
        self.before_weeks = model.weeks
        self.after_weeks = weeks
        self.dropped = {k: v for k, v in model.cells.items() if k[1] >= weeks}

    def redo(self) -> None:
        self.model.resize(self.after_weeks)

    def undo(self) -> None:
        self.model.resize(self.before_weeks)
        if self.dropped:
            self.model.apply(self.dropped)


class ReplacePatternCommand(QUndoCommand):
    """Show a whole other pattern (a draft taken back); undo shows the one before it."""

    def __init__(self, model: PatternModel, weeks: int, cells: Mapping[CellKey, str], text: str) -> None:
        super().__init__(text)
        self.model = model
        self.before = (model.weeks, dict(model.cells))
        self.after = (weeks, dict(cells))

    @staticmethod
    def show(model: PatternModel, weeks: int, cells: Mapping[CellKey, str]) -> None:
        model.resize(weeks)
        changes: dict[CellKey, str | None] = {key: None for key in model.cells if key not in cells}
        changes.update({key: code for key, code in cells.items() if model.cells.get(key) != code})
        model.apply(changes)

    def redo(self) -> None:
        self.show(self.model, *self.after)

    def undo(self) -> None:
        self.show(self.model, *self.before)


# --- building the changes ---------------------------------------------------------------

def clear_changes(model: PatternModel, cells: Iterable[tuple[int, int]]) -> dict[CellKey, str | None]:
    return {model.key(r, c): None for r, c in cells if model.code_at(r, c) is not None}


def paste_changes(model: PatternModel, top: int, left: int,
                  block: Sequence[Sequence[str]]) -> tuple[dict[CellKey, str | None], list[str]]:
    """Changes that write `block` (rows of code texts, "" = free) from (top, left); cells
    outside the grid are cut off. Returns the changes and the texts that are not vaktkoder."""
    changes: dict[CellKey, str | None] = {}
    unknown: list[str] = []
    for dr, line in enumerate(block):
        for dc, text in enumerate(line):
            row, column = top + dr, left + dc
            if row >= model.rowCount() or column >= model.columnCount():
                continue
            code = model.normalise_code(text) if text.strip() else None
            if text.strip() and code is None:
                unknown.append(text.strip())
                continue
            changes[model.key(row, column)] = code
    return changes, unknown


def move_changes(model: PatternModel, cells: Iterable[tuple[int, int]], rows: int, columns: int,
                 copy: bool = False) -> dict[CellKey, str | None]:
    """Move (or copy) the codes of `cells` by (rows, columns); targets outside the grid are dropped."""
    sources = [(r, c) for r, c in cells]
    changes: dict[CellKey, str | None] = {}
    if not copy:
        for r, c in sources:
            if model.code_at(r, c) is not None:
                changes[model.key(r, c)] = None
    for r, c in sources:
        tr, tc = r + rows, c + columns
        if 0 <= tr < model.rowCount() and 0 <= tc < model.columnCount():
            changes[model.key(tr, tc)] = model.code_at(r, c)
    return {k: v for k, v in changes.items() if model.cells.get(k) != v}


def block_text(model: PatternModel, cells: Iterable[tuple[int, int]]) -> str:
    """The selection's bounding block as tab-separated codes (what Ctrl+C puts on the clipboard)."""
    cells = list(cells)
    if not cells:
        return ""
    top, bottom = min(r for r, _ in cells), max(r for r, _ in cells)
    left, right = min(c for _, c in cells), max(c for _, c in cells)
    return "\n".join("\t".join(model.code_at(r, c) or "" for c in range(left, right + 1))
                     for r in range(top, bottom + 1))


def parse_block(text: str) -> list[list[str]]:
    lines = text.replace("\r\n", "\n").rstrip("\n").split("\n")
    return [line.split("\t") for line in lines] if text.strip("\n") else []
