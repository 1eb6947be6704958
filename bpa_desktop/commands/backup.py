"""`bpa backup create|list|restore --db DB`: verified copies of a database and restoring one.

    bpa backup create --db DB [--reason manual]
    bpa backup list --db DB [--json]           the copies, newest first, with what each holds
    bpa backup restore --db DB COPY            the database is copied first ("before-restore")

A damaged copy is refused with a message and exit 2; nothing is changed.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bpa_desktop.i18n import t
from bpa_desktop.commands.common import CliError, add_db_argument, open_database, print_summary


def register(subparsers) -> None:
    parser = subparsers.add_parser("backup", help=t("cli.backup.help"),
                                   description=t("cli.backup.description"))
    actions = parser.add_subparsers(dest="backup_command", required=True)
    create = actions.add_parser("create", help=t("cli.backup.create"))
    add_db_argument(create)
    create.set_defaults(handler=run_create)
    listing = actions.add_parser("list", help=t("cli.backup.list"))
    add_db_argument(listing)
    listing.add_argument("--json", action="store_true", help=t("cli.common.json"))
    listing.set_defaults(handler=run_list)
    restore = actions.add_parser("restore", help=t("cli.backup.restore"))
    add_db_argument(restore)
    restore.add_argument("copy", type=Path, metavar="COPY", help=t("cli.backup.copy"))
    restore.set_defaults(handler=run_restore)


def _described(ws, copy) -> dict:
    from bpa_desktop.workspace import WorkspaceError

    entry = {"path": str(copy.path), "taken_at": copy.taken_at.isoformat(), "reason": copy.reason,
             "size": copy.size}
    try:
        summary = ws.backups.summary(copy.path)
    except WorkspaceError as error:
        return entry | {"ok": False, "problem": str(error)}
    return entry | {
        "ok": True,
        "encrypted": summary.encrypted,
        "arrangements": summary.arrangements,
        "assistants": summary.assistants,
        "timesheets_attested": summary.timesheets_attested,
        "last_attested_month": summary.last_attested_period.strftime("%Y-%m") if summary.last_attested_period else None,
        "last_change_at": summary.last_change_at.isoformat() if summary.last_change_at else None,
    }


def run_create(args: argparse.Namespace) -> int:
    with open_database(args.db) as ws:
        result = ws.backups.create("manual")
        print_summary(copy=str(result.copy.path), size=result.copy.size,
                      second=str(result.second.path) if result.second else None,
                      second_problem=result.second_error)
    return 1 if result.second_error else 0


def run_list(args: argparse.Namespace) -> int:
    with open_database(args.db) as ws:
        print(json.dumps([_described(ws, copy) for copy in ws.backups.list()], ensure_ascii=False, indent=2))
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from bpa_desktop.workspace import WorkspaceError

    if not args.copy.is_file():
        raise CliError(t("cli.backup.no_copy", path=args.copy))
    with open_database(args.db) as ws:
        try:
            safety = ws.backups.restore(args.copy)
        except WorkspaceError as error:
            raise CliError(str(error)) from None
        print_summary(restored=str(args.copy), before_restore=str(safety.copy.path))
    return 0
