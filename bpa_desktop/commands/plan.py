"""`bpa plan FILE` and `bpa plan --db DB`: a legal rota made by the planner.

FILE is a ``bpa-plan/1`` document (``bpa_desktop/schemas/bpa-plan-1.schema.json``). With
``--db`` the arrangement in the database is planned: its assistants (those employed at the
start and through the period), shift templates, need pattern, vedtak and agreement, read by
``ws.planner.problem`` (the Turnus page's proposals read it the same way); the period runs
from ``--from`` (default: the Monday of this week) to the end of the vedtak in force (52
weeks at most).

Output on stdout: a legal rota as ``bpa-shifts/1`` (its roll-out in ``shifts``, the pattern
in ``pattern``, figures in ``plan``), exit 0; no legal rota, ``{"status", "explanation"}``
with the reasons and what would help, exit 1; unreadable input, one line on stderr, exit 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, timedelta

from bpa_desktop.commands.common import CliError, add_arrangement_argument
from bpa_desktop.i18n import t


def register(subparsers: argparse._SubParsersAction) -> None:
    plan = subparsers.add_parser("plan", help=t("cli.plan.help"))
    plan.add_argument("file", nargs="?", help=t("cli.plan.file"))
    plan.add_argument("--db", help=t("cli.plan.db"))
    add_arrangement_argument(plan)
    plan.add_argument("--weeks", type=int, help=t("cli.plan.weeks"))
    plan.add_argument("--from", dest="start", type=date.fromisoformat, metavar="YYYY-MM-DD",
                      help=t("cli.plan.from"))
    plan.add_argument("--time-limit", type=float, help=t("cli.plan.time_limit"))
    plan.add_argument("--first", action="store_true", help=t("cli.plan.first"))
    plan.set_defaults(handler=_plan)


def _plan(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from bpa_desktop.plan_io import PlanFileError, answer_document, load
    from bpa_desktop.planner import Planner, PlanInputError

    if (args.file is None) == (args.db is None):
        raise CliError(t("cli.plan.file_or_db"))
    if args.db is not None:
        problem, options = _from_database(args)
    else:
        try:
            problem, options = load(args.file)
        except PlanFileError as error:
            raise CliError(str(error)) from None
    if args.weeks is not None:
        problem = replace(problem, weeks=args.weeks)
    if args.time_limit is not None:
        options = replace(options, time_limit=args.time_limit)
    if args.first:
        options = replace(options, first_legal=True)
    try:
        problem.validate()
        result = Planner(problem, options).run()
    except (PlanInputError, ValueError) as error:
        raise CliError(str(error)) from None
    sys.stdout.write(json.dumps(answer_document(problem, result), ensure_ascii=False))
    sys.stdout.write("\n")
    return 0 if result.legal else 1


def _from_database(args: argparse.Namespace):
    from pathlib import Path

    from bpa_desktop.commands.common import find_arrangement, open_database
    from bpa_desktop.planner import SolveOptions

    start = args.start or date.today() - timedelta(days=date.today().weekday())
    with open_database(Path(args.db)) as ws:
        arrangement = find_arrangement(ws, args.arrangement)
        problem = ws.planner.problem(arrangement.id, start, weeks=args.weeks)
    if not problem.need:
        raise CliError(t("cli.plan.no_need"))
    return problem, SolveOptions()
