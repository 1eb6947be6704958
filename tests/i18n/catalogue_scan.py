"""What the catalogue checks read from the source: keys used, tr() strings, literal text."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import bpa_desktop
from bpa_desktop import i18n

PACKAGE = Path(bpa_desktop.__file__).parent
CATALOGUE = PACKAGE.parent / "resources" / "catalogue"
#: Calls whose first argument is a catalogue key.
KEY_CALLS = {"t", "message", "Message", "Reason"}  # Reason: bpa_desktop/planner/reasons.py
#: Qt's own texts, which Qt asks for itself.
QT_OWN_FILE = "qt.json"


def sources() -> dict[Path, ast.Module]:
    return {path: ast.parse(path.read_text(encoding="utf-8"), str(path))
            for path in sorted(PACKAGE.rglob("*.py")) if "resources" not in path.relative_to(PACKAGE).parts}


def entries_by_file() -> dict[str, dict[str, dict]]:
    found = {}
    for path in sorted(CATALOGUE.glob("*.json")):
        flat: dict[str, dict] = {}
        i18n._flatten(json.loads(path.read_text(encoding="utf-8")), "", flat, path.name)
        found[path.name] = flat
    return found


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _literal(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def keys_used(trees: dict[Path, ast.Module]) -> dict[str, list[str]]:
    """key -> where it is used, for every t("key") / message("key") / Message("key") call."""
    used: dict[str, list[str]] = {}
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node.func) in KEY_CALLS and node.args:
                key = _literal(node.args[0])
                if key:
                    used.setdefault(key, []).append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    return used


#: t("key", …) in the receiver's Jinja templates (web.py gives them t).
TEMPLATE_KEY = re.compile(r"""\bt\(\s*["']([\w.]+)["']""")


def template_keys() -> dict[str, list[str]]:
    """key -> where, for every t("key") in a template of the package."""
    used: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("templates/*.html")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for key in TEMPLATE_KEY.findall(line):
                used.setdefault(key, []).append(f"{path.relative_to(PACKAGE)}:{number}")
    return used


def string_constants(trees: dict[Path, ast.Module]) -> set[str]:
    return {node.value for tree in trees.values() for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)}


class _TrVisitor(ast.NodeVisitor):
    def __init__(self, where: str) -> None:
        self.where = where
        self.classes: list[str] = []
        self.found: list[tuple[str, str, str]] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        name = _name(node.func)
        if name == "tr" and isinstance(node.func, ast.Attribute) and node.args and self.classes:
            source = _literal(node.args[0])
            if source is not None:
                self.found.append((self.classes[-1], source, f"{self.where}:{node.lineno}"))
        elif name == "translate" and len(node.args) >= 2:
            context, source = _literal(node.args[0]), _literal(node.args[1])
            if context is not None and source is not None:
                self.found.append((context, source, f"{self.where}:{node.lineno}"))
        self.generic_visit(node)


def tr_calls(trees: dict[Path, ast.Module]) -> list[tuple[str, str, str]]:
    """(context, English source, where) of every tr()/translate() with literal text."""
    found = []
    for path, tree in trees.items():
        visitor = _TrVisitor(str(path.relative_to(PACKAGE)))
        visitor.visit(tree)
        found += visitor.found
    return found
