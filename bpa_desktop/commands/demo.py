"""`bpa demo --db PATH`: create the sample arrangement that `bpa-desktop --demo` shows."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from bpa_desktop.commands.common import CliError, add_db_argument
from bpa_desktop.i18n import t


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "demo",
        help=t("cli.demo.help"),
        description=t("cli.demo.description"),
    )
    add_db_argument(parser)
    parser.add_argument("--force", action="store_true", help=t("cli.demo.force"))
    parser.add_argument(
        "--today", type=date.fromisoformat, metavar="YYYY-MM-DD",
        help=t("cli.demo.today"),
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:

    path: Path = args.db
    if path.is_dir():
        raise CliError(t("cli.error.is_folder", path=path))
    if path.exists() and not args.force:
        raise CliError(t("cli.error.exists", path=path))
    # build_demo makes the new file beside the old one and replaces it only when complete.

    from bpa_desktop.demo import build_demo
    from bpa_desktop.workspace import Workspace

    today = args.today or date.today()
    arrangement_id = build_demo(path, today=today)
    with Workspace.open(path) as ws:
        far_past, far_future = date(1900, 1, 1), date(2999, 12, 31)
        summary = {
            "db": str(path),
            "today": today.isoformat(),
            "arrangement_id": arrangement_id,
            "vedtak": len(ws.vedtak.list_vedtak(arrangement_id)),
            "assistants": len(ws.people.list_assistants(arrangement_id)),
            "shift_templates": len(ws.rota.list_shift_templates(arrangement_id)),
            "planned_shifts": len(ws.rota.list_planned_shifts(arrangement_id, far_past, far_future)),
            "worked_shifts": len(ws.timesheets.list_worked_shifts(arrangement_id, far_past, far_future)),
            "absences": len(ws.timesheets.list_absences(arrangement_id, far_past, far_future)),
        }
    print(json.dumps(summary, indent=2))
    return 0
