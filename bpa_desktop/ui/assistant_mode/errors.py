"""Telling the participants' errors apart (ws.participants raises them; the UI names them by
class so that a wrong PIN, a locked PIN and a changed month each get their own sentence)."""

from __future__ import annotations


def is_error(error: BaseException, name: str) -> bool:
    """Whether `error` is (a subclass of) the Workspace error class called `name`."""
    return any(cls.__name__ == name for cls in type(error).__mro__)


def tries_left(error: BaseException) -> int | None:
    value = getattr(error, "tries_left", None)
    return value if isinstance(value, int) else None
