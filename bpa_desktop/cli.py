"""Headless entry point `bpa`.

Each sub-command group lives in `bpa_desktop/commands/<name>.py` with a
`register(subparsers)` function that adds its parser and sets `handler`. Modules are found
by listing the package, so adding a command is adding a file. Heavy imports (SQLAlchemy,
ReportLab, httpx) stay inside the handler functions to keep start-up fast.

Exit codes (docs/architecture.md): 0 done and nothing wrong, 1 done and the input breaks a rule,
2 the input could not be read.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from bpa_desktop import commands, i18n
from bpa_desktop.commands import cli_language
from bpa_desktop.commands.common import CliError
from bpa_desktop.i18n import t


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bpa", description=t("cli.description"))
    cli_language.add_argument(parser)
    subparsers = parser.add_subparsers(dest="command", required=True)
    for module_info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{commands.__name__}.{module_info.name}")
        if hasattr(module, "register"):  # helper modules (commands/common.py) add no command
            module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    with i18n.language(None):  # a caller in the same process gets its language back
        argv = cli_language.choose(sys.argv[1:] if argv is None else argv)
        parser = build_parser()
        args = parser.parse_args(argv)
        try:
            return int(args.handler(args) or 0)
        except CliError as error:
            print(f"bpa: {error}", file=sys.stderr)
            return 2


if __name__ == "__main__":
    raise SystemExit(main())
