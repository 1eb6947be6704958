"""A text kept as its catalogue key and parameters, written out when it is shown.

What the outbox stores for an error is ``Message.to_json()``: shown later, it is written in the
language of then. A parameter may be another ``Message``, a ``date`` or a ``datetime``
(written by ``text_format``: a datetime as "kl. 14:05" today, with the date another day).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from bpa_desktop import text_format
from bpa_desktop.i18n import t


def _shown(value: object) -> object:
    if isinstance(value, Message):
        return value.render()
    if isinstance(value, datetime):
        return text_format.when_text(value)
    if isinstance(value, date):
        return text_format.date_text(value)
    return value


@dataclass(frozen=True)
class Message:
    """A key and its parameters; ``plain`` wraps an outside text (the municipality's words, or
    a row written before messages were kept as keys) shown as it is."""

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def plain(cls, value: str) -> Message:
        return cls("", {"text": value})

    def render(self) -> str:
        if not self.key:
            return str(self.params.get("text", ""))
        return t(self.key, **{name: _shown(value) for name, value in self.params.items()})

    __str__ = render

    def to_json(self) -> str:
        return json.dumps({"key": self.key, "params": _encode(self.params)}, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, data: str) -> Message:
        decoded = json.loads(data)
        return cls(decoded["key"], _decode(decoded.get("params") or {}))


def _encode(params: Mapping[str, Any]) -> dict:
    out: dict[str, Any] = {}
    for name, value in params.items():
        if isinstance(value, Message):
            out[name] = {"$message": {"key": value.key, "params": _encode(value.params)}}
        elif isinstance(value, datetime):
            out[name] = {"$datetime": value.isoformat()}
        elif isinstance(value, date):
            out[name] = {"$date": value.isoformat()}
        else:
            out[name] = value
    return out


def _decode(params: Mapping[str, Any]) -> dict:
    out: dict[str, Any] = {}
    for name, value in params.items():
        if isinstance(value, Mapping) and "$message" in value:
            inner = value["$message"]
            out[name] = Message(inner["key"], _decode(inner.get("params") or {}))
        elif isinstance(value, Mapping) and "$datetime" in value:
            out[name] = datetime.fromisoformat(value["$datetime"])
        elif isinstance(value, Mapping) and "$date" in value:
            out[name] = date.fromisoformat(value["$date"])
        else:
            out[name] = value
    return out
