"""ws.drafts: the Turnus pattern not rolled out yet, kept beside the database file."""

from __future__ import annotations

from datetime import datetime

from bpa_desktop.workspace.drafts import Drafts


def test_a_draft_is_saved_whole_loaded_and_discarded(workspace):
    drafts = workspace.drafts
    assert drafts.load("turnus", 1) is None
    when = datetime(2026, 12, 3, 9, 30, 12, 500)
    saved = drafts.save("turnus", 1, {"weeks": 2, "cells": [[3, 0, 0, "D"]]}, now=when)
    assert saved.saved_at == datetime(2026, 12, 3, 9, 30, 12)
    assert drafts.folder == workspace.path.with_name("bpa.sqlite.drafts")
    assert [p.name for p in drafts.folder.iterdir()] == ["turnus-1.json"]  # no temporary file left
    loaded = drafts.load("turnus", 1)
    assert loaded == saved and loaded.content["cells"] == [[3, 0, 0, "D"]]
    assert drafts.load("turnus", 2) is None  # one per arrangement
    drafts.save("turnus", 1, {"weeks": 3, "cells": []})
    assert drafts.load("turnus", 1).content["weeks"] == 3  # the new one replaces the old
    drafts.discard("turnus", 1)
    drafts.discard("turnus", 1)  # nothing there: no error
    assert drafts.load("turnus", 1) is None


def test_a_damaged_or_foreign_draft_counts_as_none(tmp_path):
    drafts = Drafts(tmp_path / "bpa.sqlite")
    drafts.save("turnus", 7, {"weeks": 1, "cells": []})
    path = drafts.folder / "turnus-7.json"
    path.write_text('{"format": "bpa-draft/1", "saved_at": "2026-12-0', encoding="utf-8")
    assert drafts.load("turnus", 7) is None
    path.write_text('{"format": "bpa-draft/9", "saved_at": "2026-12-03T09:00:00", "content": {}}', encoding="utf-8")
    assert drafts.load("turnus", 7) is None
