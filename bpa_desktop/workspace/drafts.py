"""Unsaved work kept so that a crash or a closed window does not lose it: the Turnus pattern
a person has edited but not rolled out yet.

A draft is a small JSON file in a folder beside the database file (``bpa.sqlite.drafts/``),
one per kind and arrangement, written atomically (``atomic_write``): a reader sees the whole
previous draft or the whole new one, never half of either. A draft is not part of the records:
nothing is audited, backed up or sent; rolling out (or discarding) deletes it. A file that
cannot be read (damaged, from a newer program) counts as no draft.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bpa_desktop import atomic_write

FORMAT = "bpa-draft/1"


@dataclass(frozen=True)
class Draft:
    saved_at: datetime  # local time, to the second
    content: dict


class Drafts:
    def __init__(self, db_path: Path) -> None:
        self.folder = Path(db_path).with_name(Path(db_path).name + ".drafts")

    def _file(self, kind: str, arrangement_id: int) -> Path:
        if not kind.isidentifier():
            raise ValueError(f"not a draft kind: {kind!r}")
        return self.folder / f"{kind}-{int(arrangement_id)}.json"

    def save(self, kind: str, arrangement_id: int, content: dict, now: datetime | None = None) -> Draft:
        saved_at = (now or datetime.now()).replace(microsecond=0)
        self.folder.mkdir(exist_ok=True)
        text = json.dumps({"format": FORMAT, "saved_at": saved_at.isoformat(), "content": content},
                          ensure_ascii=False, sort_keys=True)
        atomic_write.write_text(self._file(kind, arrangement_id), text)
        return Draft(saved_at, content)

    def load(self, kind: str, arrangement_id: int) -> Draft | None:
        try:
            stored = json.loads(self._file(kind, arrangement_id).read_text(encoding="utf-8"))
            if stored.get("format") != FORMAT or not isinstance(stored.get("content"), dict):
                return None
            return Draft(datetime.fromisoformat(stored["saved_at"]), stored["content"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def discard(self, kind: str, arrangement_id: int) -> None:
        self._file(kind, arrangement_id).unlink(missing_ok=True)
