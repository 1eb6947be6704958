"""Errors of the receiver with a stable `code`, answered as application/problem+json."""

from __future__ import annotations

from bpa_desktop.sync.protocol import Problem


class ProblemError(Exception):
    """Abort the request (and its transaction) with one problem answer."""

    def __init__(self, status: int, code: str, title: str, detail: str = "", **extra: object) -> None:
        super().__init__(f"{code}: {title}")
        self.status = status
        self.code = code
        self.title = title
        self.detail = detail
        self.extra = extra

    def problem(self) -> Problem:
        return Problem(
            type=f"https://bpa-desktop.invalid/problems/{self.code}",
            title=self.title,
            status=self.status,
            detail=self.detail,
            code=self.code,
            **self.extra,
        )

