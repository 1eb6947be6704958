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

from bpa_desktop import __version__, commands, i18n
from bpa_desktop.commands import cli_language
from bpa_desktop.commands.common import CliError
from bpa_desktop.core.input_file import one_line
from bpa_desktop.i18n import t


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bpa", description=t("cli.description"))
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}",
                        help=t("cli.argparse.version"))  # argparse does not translate this one
    cli_language.add_argument(parser)
    subparsers = parser.add_subparsers(dest="command", required=True)
    for module_info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{commands.__name__}.{module_info.name}")
        if hasattr(module, "register"):  # helper modules (commands/common.py) add no command
            module.register(subparsers)
    return parser


#: Exit status when the reader of our output went away (`bpa check FILE | head -c 10`):
#: what a shell shows for a program that SIGPIPE ended (128 + 13), as `cat` would end.
EXIT_BROKEN_PIPE = 141


def main(argv: list[str] | None = None) -> int:
    with i18n.language_kept():  # a caller in the same process gets its language back
        argv = cli_language.choose(sys.argv[1:] if argv is None else argv)
        parser = build_parser()
        args = parser.parse_args(argv)
        try:
            return int(args.handler(args) or 0)
        except CliError as error:
            # One line whatever the message holds (a value from a file may end in a newline).
            print(f"bpa: {one_line(str(error))}", file=sys.stderr)
            return 2
        except BrokenPipeError:
            _drop_stdout()
            return EXIT_BROKEN_PIPE
        except Exception as error:
            # A database that cannot be used, or one that fills the disk or holds a damaged
            # record during the command: its message is for people, whichever command met it.
            from bpa_desktop.storage.errors import DatabaseError

            if not isinstance(error, DatabaseError):
                raise
            print(f"bpa: {one_line(str(error))}", file=sys.stderr)
            return 2


def _drop_stdout() -> None:
    """Point standard output at the null device, so that Python's own flush at exit does
    not raise a second BrokenPipeError (the recipe in the signal module's documentation)."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # stdout is not a real file (tests capture it)
        pass


if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()  # a frozen `bpa receiver serve --workers N` starts its workers
    raise SystemExit(main())
