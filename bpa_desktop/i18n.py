"""The one message catalogue: every text a person reads, in Norwegian bokmål and English.

The texts live in ``resources/catalogue/*.json`` (docs/catalogue.md). An entry is
``{"nb": "...", "en": "..."}`` with named ``{parameters}``; nested objects group entries and
their names join into the key (``"sync": {"unreachable": ...}`` is ``sync.unreachable``). A
text may instead be ``{"one": "...", "other": "..."}``, chosen by the ``count`` parameter.
Entries under ``ui.<Context>`` are the Qt widgets' ``tr()`` strings: their ``en`` is the source
text in the code, and ``ui/translation.py`` serves them to Qt.

Plain Python (json from the standard library, no Qt), so core, the CLI, export and the receiver
share it. The files are read on the first lookup (about 2 ms), not at import. The language is
``BPA_LANG`` when set, else bokmål, until ``set_language``; a key without text in the chosen
language falls back to bokmål.
"""

from __future__ import annotations

import json
import os
import string
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from importlib import resources
from typing import Any

LANGUAGES = ("nb", "en")
ENV_VAR = "BPA_LANG"
_language = os.environ.get(ENV_VAR, "nb") if os.environ.get(ENV_VAR) in LANGUAGES else "nb"
_entries: dict[str, dict[str, Any]] | None = None


class CatalogueError(ValueError):
    """A catalogue file that breaks the format (tests/i18n/test_catalogue.py checks them all)."""


def set_language(language: str) -> None:
    global _language
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}; choose one of {LANGUAGES}")
    _language = language


def get_language() -> str:
    return _language


def catalogue_files() -> list:
    folder = resources.files("bpa_desktop.resources") / "catalogue"
    return sorted((entry for entry in folder.iterdir() if entry.name.endswith(".json")), key=lambda e: e.name)


def _is_entry(node: Mapping) -> bool:
    return "nb" in node or "en" in node


def _flatten(node: Mapping, prefix: str, out: dict[str, dict], source: str) -> None:
    for name, value in node.items():
        if name.startswith("_"):  # "_note": a word for translators
            continue
        key = f"{prefix}{name}"
        if not isinstance(value, Mapping):
            raise CatalogueError(f"{source}: {key} is neither an entry nor a group")
        if _is_entry(value):
            if key in out:
                raise CatalogueError(f"{source}: {key} is defined twice")
            out[key] = dict(value)
        else:
            _flatten(value, key + ".", out, source)


def entries() -> dict[str, dict[str, Any]]:
    """Every entry by its full key (read once)."""
    global _entries
    if _entries is None:
        found: dict[str, dict] = {}
        for item in catalogue_files():
            _flatten(json.loads(item.read_text(encoding="utf-8")), "", found, item.name)
        _entries = found
    return _entries


def text(key: str, language: str | None = None, count: int | None = None) -> str:
    """The unfilled text of ``key`` (bokmål when the language has none)."""
    entry = entries()[key]
    value = entry.get(language or _language) or entry["nb"]
    if isinstance(value, Mapping):
        value = value["one"] if count == 1 else value["other"]
    return value


def t(key: str, /, **params: object) -> str:
    """The text for ``key`` in the current language with ``params`` filled in.

    A parameter may itself be a ``Message`` (rendered in the same language), a ``date`` or a
    ``datetime`` (written by ``bpa_desktop.text_format``).
    """
    count = params.get("count")
    template = text(key, count=count if isinstance(count, int) else None)
    return template.format(**{name: _shown(value) for name, value in params.items()})


message = t  # the name the Workspace and the branches before the catalogue use


def _shown(value: object) -> object:
    if isinstance(value, Message):
        return value.render()
    if isinstance(value, (date, datetime)):
        from bpa_desktop import text_format

        return text_format.datetime_text(value) if isinstance(value, datetime) else text_format.date_text(value)
    return value


@dataclass(frozen=True)
class Message:
    """A text kept as its key and parameters, rendered when shown (in the language of then).

    What the outbox stores for an error is ``to_json()``; ``plain`` wraps an outside text (the
    municipality's words, or a row written before messages were stored as codes) shown as is.
    """

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def plain(cls, value: str) -> Message:
        return cls("", {"text": value})

    def render(self) -> str:
        if not self.key:
            return str(self.params.get("text", ""))
        return t(self.key, **dict(self.params))

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


def fields(template: str) -> set[str]:
    """The named ``{parameters}`` of a text."""
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


def texts_of(entry: Mapping[str, Any], language: str) -> Iterator[str]:
    """The text(s) of one language of an entry (both plural forms when it has them)."""
    value = entry.get(language)
    if isinstance(value, Mapping):
        yield from value.values()
    elif value is not None:
        yield value
