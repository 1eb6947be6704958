"""Fixtures shared by the whole suite.

- ``workspace``: a fresh, migrated database in ``tmp_path``, opened as a Workspace.
- ``empty_database``: the path of a migrated, empty database file, to copy.
- ``demo_workspace``: the demo arrangement (``bpa demo``) built for a fixed "today", so tests
  that read it are reproducible; ``demo_today`` is that date and ``demo_arrangement_id`` its id.
"""

from __future__ import annotations

from datetime import date

import pytest

DEMO_TODAY = date(2026, 5, 20)


@pytest.fixture(scope="session")
def empty_database(tmp_path_factory):
    """A migrated, empty database file to copy: copying skips Alembic (~0.15 s a time)."""
    from bpa_desktop.workspace import Workspace

    path = tmp_path_factory.mktemp("empty") / "bpa.sqlite"
    Workspace.open(path).close()
    return path


@pytest.fixture
def workspace(empty_database, tmp_path):
    import shutil

    from bpa_desktop.workspace import Workspace

    path = tmp_path / "bpa.sqlite"
    shutil.copyfile(empty_database, path)
    ws = Workspace.open(path)
    yield ws
    ws.close()


@pytest.fixture
def demo_today() -> date:
    return DEMO_TODAY


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory):
    """Build the demo once per test session; each test gets its own copy of the file."""
    from bpa_desktop.demo import build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    arrangement_id = build_demo(path, today=DEMO_TODAY)
    return path, arrangement_id


@pytest.fixture
def demo_arrangement_id(_demo_template) -> int:
    return _demo_template[1]


@pytest.fixture
def demo_workspace(_demo_template, tmp_path):
    import shutil

    from bpa_desktop.workspace import Workspace

    source, _ = _demo_template
    target = tmp_path / "demo.sqlite"
    shutil.copyfile(source, target)
    ws = Workspace.open(target)
    yield ws
    ws.close()
