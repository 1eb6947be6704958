"""The package's shape, checked on its source (docs/architecture.md): no import cycle, SQL only
in storage, small modules, and the layers importing only downwards."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "bpa_desktop"
MAX_LINES = 500
# The reference receiver is a service of its own with its own database and store
# (sync/receiver/store.py); its CLI lives in commands/receiver.py.
OWN_DATABASE = ("sync/receiver/", "commands/receiver.py")
SQL_CONSTRUCTS = {"select", "insert", "update", "delete", "text", "func", "or_", "and_"}


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        if "resources" in path.relative_to(PACKAGE).parts:
            continue
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _relative(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


def _imports(name: str, path: Path) -> set[str]:
    """Every bpa_desktop module that ``name`` imports anywhere in its source: at the top, in
    functions (lazy imports) and under TYPE_CHECKING alike."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            # `from a.b import c` imports the module a.b.c when c is one, else names of a.b
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in MODULES:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _cycles() -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan), as sorted lists."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for child in GRAPH[node]:
            if child not in index:
                visit(child)
                low[node] = min(low[node], low[child])
            elif child in on_stack:
                low[node] = min(low[node], index[child])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(GRAPH):
        if node not in index:
            visit(node)
    return components


def test_the_import_walker_sees_lazy_imports():
    # ui/pages/timesheets.py imports the deviation dialog inside a method
    assert "bpa_desktop.ui.timesheets.deviation_dialog" in GRAPH["bpa_desktop.ui.pages.timesheets"]
    assert "bpa_desktop.workspace.sync" in GRAPH["bpa_desktop.workspace"]


def test_no_import_cycle_anywhere():
    assert _cycles() == []


def test_the_cycle_finder_finds_a_cycle():
    saved = {name: set(edges) for name, edges in GRAPH.items()}
    try:
        GRAPH["bpa_desktop.core.model"].add("bpa_desktop.workspace")
        assert any("bpa_desktop.core.model" in cycle for cycle in _cycles())
    finally:
        GRAPH.clear()
        GRAPH.update(saved)


def _sqlalchemy_names(path: Path) -> set[str]:
    """SQL statement builders a module imports from SQLAlchemy."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sqlalchemy"):
            names |= {alias.name for alias in node.names} & SQL_CONSTRUCTS
    return names


def test_sql_is_written_only_in_storage():
    outside = {
        _relative(path): sorted(names)
        for path in MODULES.values()
        if not _relative(path).startswith(("storage/", *OWN_DATABASE)) and (names := _sqlalchemy_names(path))
    }
    raw = [
        _relative(path) for path in MODULES.values()
        if not _relative(path).startswith(("storage/", *OWN_DATABASE))
        and any(word in path.read_text(encoding="utf-8") for word in ("exec_driver_sql", "session.execute("))
    ]
    assert outside == {} and raw == []


@pytest.mark.parametrize("layer, forbidden", [
    ("core/", ("bpa_desktop.storage", "bpa_desktop.workspace", "bpa_desktop.ui", "bpa_desktop.sync",
               "bpa_desktop.export", "PySide6", "sqlalchemy")),
    ("storage/", ("bpa_desktop.workspace", "bpa_desktop.ui", "bpa_desktop.sync", "bpa_desktop.export")),
    ("export/", ("bpa_desktop.storage", "bpa_desktop.workspace", "bpa_desktop.ui", "sqlalchemy")),
    ("workspace/", ("bpa_desktop.ui", "bpa_desktop.commands", "PySide6")),
    ("planner/", ("bpa_desktop.storage", "bpa_desktop.workspace", "bpa_desktop.ui", "bpa_desktop.sync",
                  "bpa_desktop.export", "bpa_desktop.commands", "PySide6", "sqlalchemy")),
    ("ui/", ("bpa_desktop.storage", "sqlalchemy", "bpa_desktop.sync.outbox", "bpa_desktop.sync.client")),
])
def test_layers_import_only_downwards(layer, forbidden):
    wrong = {}
    for name, path in MODULES.items():
        if not _relative(path).startswith(layer):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        imported |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        bad = sorted(m for m in imported if m.startswith(forbidden))
        if bad:
            wrong[_relative(path)] = bad
    assert wrong == {}


def test_no_module_is_over_500_lines():
    long = {
        _relative(path): count
        for path in MODULES.values()
        if "migrations/versions/" not in _relative(path)
        and (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}
