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
language falls back to bokmål. Texts kept to be written later: ``bpa_desktop/message.py``.
"""

from __future__ import annotations

import json
import os
import string
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from importlib import resources
from typing import Any

LANGUAGES = ("nb", "en")
ENV_VAR = "BPA_LANG"
_language = os.environ.get(ENV_VAR, "nb") if os.environ.get(ENV_VAR) in LANGUAGES else "nb"
_entries: dict[str, dict[str, Any]] | None = None
#: A language for one thread or task only (a PDF in a worker, a receiver's request): threads
#: and tasks start without it and see ``_language``.
_local_language: ContextVar[str | None] = ContextVar("bpa_language", default=None)


class CatalogueError(ValueError):
    """A catalogue file that breaks the format (tests/i18n/test_catalogue.py checks them all)."""


def set_language(language: str) -> None:
    global _language
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}; choose one of {LANGUAGES}")
    _language = language


def get_language() -> str:
    return _local_language.get() or _language


@contextmanager
def language(code: str | None) -> Iterator[None]:
    """Texts in ``code`` inside the block (a PDF in the language asked for); None: unchanged.

    Only this thread or task sees it: the window painting meanwhile keeps its own language."""
    if code is None:
        yield
        return
    if code not in LANGUAGES:
        raise ValueError(f"unsupported language {code!r}; choose one of {LANGUAGES}")
    token = _local_language.set(code)
    try:
        yield
    finally:
        _local_language.reset(token)


@contextmanager
def language_kept() -> Iterator[None]:
    """The process's language as it was before the block (a command's --lang inside it)."""
    before = _language
    try:
        yield
    finally:
        set_language(before)


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
    value = entry.get(language or get_language()) or entry["nb"]
    if isinstance(value, Mapping):
        value = value["one"] if count == 1 else value["other"]
    return value


def t(key: str, /, **params: object) -> str:
    """The text for ``key`` in the current language with ``params`` filled in."""
    count = params.get("count")
    template = text(key, count=count if isinstance(count, int) else None)
    return template.format(**params)


message = t  # the name the Workspace and the branches before the catalogue use


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
