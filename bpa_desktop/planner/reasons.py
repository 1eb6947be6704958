"""Reasons in the leader's words: a catalogue key and its parameters.

The planner says *what* (``Reason("plan_reason_weekdays", {"name": "Hanne", "weekdays":
[5, 6]})``); the text comes from the keyed catalogue in ``bpa_desktop.i18n`` in the chosen
language when asked (``reason.text()``), so the UI and the CLI show the same words. Parameter
values are formatted by their name: ``weekday``/``weekdays`` as day names, ``dates`` as
compact date ranges, numbers with the language's decimal mark.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from bpa_desktop import i18n, text_format


def _number(value: float) -> str:
    return text_format.short_number(value, 1)


_join = text_format.joined
_date = text_format.date_text


def _date_ranges(days: list[date]) -> str:
    runs: list[list[date]] = []
    for day in sorted(days):
        if runs and day - runs[-1][-1] == timedelta(days=1):
            runs[-1].append(day)
        else:
            runs.append([day])
    return _join([_date(r[0]) if len(r) == 1 else f"{_date(r[0])}–{_date(r[-1])}" for r in runs])


def format_param(name: str, value: object) -> str:
    if name == "weekday":
        return i18n.message(f"weekday_{value}")
    if name == "weekdays":
        return _join([i18n.message(f"weekday_{d}") for d in sorted(value)])
    if name == "dates":
        return _date_ranges(list(value))
    if name == "codes":
        return _join(sorted(value))
    if name in ("rule", "preset"):
        return i18n.message(f"plan_{name}_{value}")
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return _number(value)
    return str(value)


@dataclass(frozen=True)
class Reason:
    key: str
    params: Mapping[str, object] = field(default_factory=dict)

    def text(self) -> str:
        """The reason in the current language (``bpa_desktop.i18n.set_language``)."""
        return i18n.message(self.key, **{k: format_param(k, v) for k, v in self.params.items()})

    def to_json(self) -> dict:
        def plain(value):
            if isinstance(value, (set, frozenset, tuple, list)):
                return [plain(v) for v in sorted(value)]
            if isinstance(value, date):
                return value.isoformat()
            return value

        return {"key": self.key, "params": {k: plain(v) for k, v in self.params.items()},
                "message": self.text()}
