"""Fuzz: `bpa import rota` (``ws.rota.import_shift_file``) on hostile rota files.

The seed is a month of the demo's own exported rota (valid: known employee numbers and
shift codes, a period, Oslo wall times). Each example mutates it; the import either
replaces the period's planned shifts or refuses with a RotaFileError of one line, and a
refusal changes nothing: every planned shift is as before."""

from __future__ import annotations

import json
import shutil
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bpa_desktop.core.shift_document import RotaFileError
from bpa_desktop.workspace import Workspace
from tests.fuzz.conftest import FUZZ, example
from tests.fuzz.corpus import mutated_bytes, structured_text

EVER = (date(1900, 1, 1), date(2199, 12, 31))


@pytest.fixture(scope="module")
def rota_seed(tmp_path_factory):
    """The demo database and June 2026 of its rota as a bpa-shifts/1 document."""
    from bpa_desktop.demo import build_demo

    folder = tmp_path_factory.mktemp("fuzz-import")
    path = folder / "demo.sqlite"
    arrangement_id = build_demo(path, today=date(2026, 5, 20))
    with Workspace.open(path) as ws:
        document = ws.exports.shift_document(arrangement_id, date(2026, 6, 1), date(2026, 6, 30))
    return path, arrangement_id, document


def _planned(ws, arrangement_id) -> list[tuple]:
    return sorted((s.assistant, s.start.timestamp(), s.end.timestamp(), s.code, s.kind,
                   tuple((p.start.timestamp(), p.end.timestamp()) for p in s.passive))
                  for s in ws.rota.list_planned_shifts(arrangement_id, *EVER))


def _import_or_refuse(rota_seed, data: bytes, category: str) -> None:
    source, arrangement_id, _ = rota_seed
    with example(category), tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.sqlite"
        shutil.copyfile(source, path)
        with Workspace.open(path, actor="system") as ws:
            before = _planned(ws, arrangement_id)
            from bpa_desktop.core.shiftfile import ShiftFileError, read_text

            file = Path(folder) / "rota.json"
            file.write_bytes(data)
            try:
                ws.rota.import_shift_file(arrangement_id, read_text(file))
            except (RotaFileError, ShiftFileError) as error:
                message = str(error)
                assert message and "\n" not in message and len(message) < 2000, message
                assert _planned(ws, arrangement_id) == before  # a refusal changes nothing
                return
            assert _planned(ws, arrangement_id) is not None


@FUZZ
@given(st.data())
def test_import_structured(rota_seed, data):
    seed = rota_seed[2]
    small = {**seed, "shifts": seed["shifts"][:40]}
    text = data.draw(structured_text(seeds=[small]))
    _import_or_refuse(rota_seed, text.encode("utf-8", "surrogatepass"), "import rota (structured)")


@FUZZ
@given(st.data())
def test_import_bytes(rota_seed, data):
    seed = rota_seed[2]
    small = {**seed, "shifts": seed["shifts"][:40]}
    _import_or_refuse(rota_seed, data.draw(mutated_bytes(seeds=[small])), "import rota (bytes)")


def test_the_seed_itself_imports(rota_seed):
    """The corpus starts from a file the import takes: the fuzzing mutates something valid."""
    _import_or_refuse(rota_seed, json.dumps(rota_seed[2]).encode(), "import rota (seed)")
