"""Arguments and look-ups that several `bpa` sub-commands share.

Not a command itself (it has no `register`). Heavy imports stay inside the functions.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from bpa_desktop.i18n import t


class CliError(Exception):
    """An input problem: `bpa` prints it as one line on stderr and exits 2.

    It lives here, not in cli.py, so that `python -m bpa_desktop.cli` (which runs cli.py as
    __main__) catches the same class the commands raise.
    """


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, required=True, metavar="DB", help=t("cli.common.db"))


def add_arrangement_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--arrangement", type=int, metavar="ID", help=t("cli.common.arrangement"))


def add_out_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, required=True, metavar="FILE", help=t("cli.common.out"))


def open_database(path: Path, *, actor: str = "arbeidsleder"):
    """The Workspace for an existing database file (a command never creates one by mistake)."""
    from bpa_desktop.storage.errors import DatabaseError
    from bpa_desktop.workspace import Workspace

    if not path.exists():
        raise CliError(t("cli.error.no_database", path=path))
    try:
        return Workspace.open(path, actor=actor)
    except DatabaseError as error:
        raise CliError(str(error)) from None


def find_arrangement(ws, arrangement_id: int | None):
    """The arrangement `--arrangement` names, or the only one in the database."""

    arrangements = ws.people.list_arrangements()
    if arrangement_id is not None:
        for arrangement in arrangements:
            if arrangement.id == arrangement_id:
                return arrangement
        raise CliError(t("cli.error.no_arrangement_id", id=arrangement_id))
    if len(arrangements) == 1:
        return arrangements[0]
    if not arrangements:
        raise CliError(t("cli.error.no_arrangement"))
    raise CliError(t("cli.error.several_arrangements"))


def cannot_write(path: Path, error: OSError):
    """The CliError for an output file that could not be written."""
    from bpa_desktop.atomic_write import FileWriteError

    if not isinstance(error, FileWriteError):
        error = FileWriteError(Path(path), error)
    return CliError(str(error))


def print_summary(**values) -> None:
    """A command's JSON summary on stdout."""
    print(json.dumps(values, ensure_ascii=False, indent=2))
