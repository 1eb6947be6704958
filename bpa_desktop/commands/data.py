"""`bpa data export-all|erase`: the person's rights over the data (workspace/data_rights.py).

    bpa data export-all --db DB --out FILE.zip     every record as JSON with its schema, and the PDFs
    bpa data erase --db DB --assistant ID          a departed assistant's personal data, once the
                                                   bookkeeping retention has run
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from bpa_desktop.i18n import t
from bpa_desktop.commands.common import CliError, add_db_argument, add_out_argument, open_database, print_summary


def register(subparsers) -> None:
    parser = subparsers.add_parser("data", help=t("cli.data.help"),
                                   description=t("cli.data.description"))
    actions = parser.add_subparsers(dest="data_command", required=True)
    export = actions.add_parser("export-all", help=t("cli.data.export_all"))
    add_db_argument(export)
    add_out_argument(export)
    export.set_defaults(handler=run_export_all)
    erase = actions.add_parser("erase", help=t("cli.data.erase"))
    add_db_argument(erase)
    erase.add_argument("--assistant", type=int, required=True, metavar="ID")
    erase.add_argument("--today", type=date.fromisoformat, metavar="YYYY-MM-DD", help=argparse.SUPPRESS)
    erase.set_defaults(handler=run_erase)


def run_export_all(args: argparse.Namespace) -> int:
    with open_database(args.db) as ws:
        try:
            result = ws.data_rights.export_all(args.out)
        except OSError as error:
            raise CliError(t("cli.error.cannot_write", path=args.out, reason=error.strerror)) from None
        print_summary(out=str(result.path), tables=result.tables, rows=result.rows, pdfs=result.pdfs)
    return 0


def run_erase(args: argparse.Namespace) -> int:
    from bpa_desktop.workspace import WorkspaceError

    with open_database(args.db) as ws:
        try:
            ws.data_rights.erase_assistant(args.assistant, today=args.today)
        except WorkspaceError as error:
            print(f"bpa: {error}", file=sys.stderr)
            return 1
        print_summary(assistant=args.assistant, erased=True)
    return 0



