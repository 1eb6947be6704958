"""`bpa import rota --db DB FILE`: read a bpa-shifts/1 rota file into the planned shifts.

(The module is not called ``import``: that is a Python keyword.) The file's period (its
``period`` field, else the days of its first and last shift) is replaced by its shifts, in
one transaction. A file that does not validate changes nothing; the one line on stderr
says why (exit 2). A JSON summary goes to stdout.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bpa_desktop.commands.common import (
    CliError,
    add_arrangement_argument,
    add_db_argument,
    find_arrangement,
    open_database,
    print_summary,
)
from bpa_desktop.i18n import t


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "import",
        help=t("cli.import.help"),
        description=t("cli.import.description"),
    )
    kinds = parser.add_subparsers(dest="import_kind", required=True, metavar="{rota}")
    rota = kinds.add_parser(
        "rota",
        help=t("cli.import.rota"),
        description=t("cli.import.rota_description"),
    )
    add_db_argument(rota)
    add_arrangement_argument(rota)
    rota.add_argument("file", type=Path, metavar="FILE", help=t("cli.import.file"))
    rota.set_defaults(handler=run_rota)


def run_rota(args: argparse.Namespace) -> int:
    from bpa_desktop.core.shift_document import RotaFileError
    from bpa_desktop.core.shiftfile import ShiftFileError, read_text

    try:
        text = read_text(args.file)
    except ShiftFileError as error:
        raise CliError(str(error)) from None
    with open_database(args.db, actor="system") as ws:
        arrangement = find_arrangement(ws, args.arrangement)
        try:
            result = ws.rota.import_shift_file(arrangement.id, text)
        except RotaFileError as error:
            raise CliError(t("cli.error.nothing_changed", file=args.file, error=error)) from None
    if result.agreement_differs:
        print(
            t("cli.import.agreement_differs", agreement=arrangement.agreement.value),
            file=sys.stderr,
        )
    print_summary(
        file=str(args.file),
        arrangement_id=arrangement.id,
        period=[result.start.isoformat(), result.end.isoformat()],
        shifts=result.shifts,
        kept=result.kept,
        inserted=result.inserted,
        deleted=result.deleted,
    )
    return 0
