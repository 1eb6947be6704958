"""Headless entry point `bpa`.

Each sub-command lives in `bpa_desktop/commands/<name>.py` with a `register(subparsers)`
function; modules are imported here so `bpa --help` lists them all, while heavy imports
(SQLAlchemy, ReportLab) stay inside the command functions to keep start-up fast.

Exit codes (DESIGN.md): 0 done and nothing wrong, 1 done and the input breaks a rule,
2 the input could not be read.
"""

from __future__ import annotations

import argparse
import importlib
import sys

COMMAND_MODULES = ("engine", "demo")


class CliError(Exception):
    """An input problem: printed as one line on stderr, exit code 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bpa", description="bpa-desktop, headless")
    subparsers = parser.add_subparsers(dest="command", required=True)
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"bpa_desktop.commands.{name}")
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except CliError as error:
        print(f"bpa: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
