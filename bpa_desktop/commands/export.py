"""`bpa export ...`: files for paper and for payroll, from a database, without the GUI.

    bpa export timesheet --db DB --assistant ID --period 2026-03 --out FILE.pdf [--version N]
    bpa export payroll --db DB --period 2026-03 --format visma|csv --out FILE [--arrangement ID]
    bpa export rota --db DB --format json|pdf|ics [--assistant ID] [--from DATE --to DATE] --out FILE

Each exporter is one `add_<name>(kinds)` function that adds its sub-parser and handler;
`EXPORTERS` lists them (a rota exporter is one more such function). Handlers share
`find_period` and the helpers in `commands/common.py`. A JSON summary goes to stdout, messages to stderr.
Exit codes: 0 done; 1 payroll file written but some timesheets of the period are not
attested (left out, listed on stderr); 2 input could not be used (one line on stderr).
Messages name employee numbers and ids, never people.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from bpa_desktop.commands.common import (
    CliError,
    add_arrangement_argument,
    add_db_argument,
    add_out_argument,
    cannot_write,
    find_arrangement,
    open_database,
    print_summary,
)
from bpa_desktop.i18n import get_language, t


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "export",
        help=t("cli.export.help"),
        description=t("cli.export.description"),
    )
    kinds = parser.add_subparsers(dest="export_kind", required=True, metavar="{timesheet,payroll,rota}")
    for add in EXPORTERS:
        add(kinds)


def _common(parser: argparse.ArgumentParser) -> None:
    add_db_argument(parser)
    add_out_argument(parser)


# --- shared helpers ---------------------------------------------------------------------------


def find_period(ws, arrangement_id: int, text: str):
    from bpa_desktop.core.pay_period import parse_period

    try:
        return parse_period(text, ws.timesheets.pay_settings(arrangement_id).period_start_day)
    except ValueError as error:
        raise CliError(str(error)) from None


# --- timesheet PDF ----------------------------------------------------------------------------


def add_timesheet(kinds) -> None:
    parser = kinds.add_parser(
        "timesheet",
        help=t("cli.export.timesheet"),
        description=t("cli.export.timesheet_description"),
    )
    _common(parser)
    parser.add_argument("--assistant", required=True, metavar="ID", help=t("cli.export.assistant"))
    parser.add_argument("--period", required=True, metavar="YYYY-MM", help=t("cli.export.period"))
    parser.add_argument("--version", type=int, metavar="N", help=t("cli.export.version"))
    parser.set_defaults(handler=run_timesheet)


def _find_assistant(ws, key: str):

    matches = []
    for arrangement in ws.people.list_arrangements():
        for assistant in ws.people.list_assistants(arrangement.id):
            if str(assistant.id) == key.strip() or assistant.employee_no == key.strip():
                matches.append((arrangement, assistant))
    by_id = [m for m in matches if str(m[1].id) == key.strip()]
    if by_id:
        return by_id[0]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise CliError(t("cli.error.no_assistant", key=key))
    raise CliError(t("cli.error.employee_no_ambiguous", key=key))


def run_timesheet(args: argparse.Namespace) -> int:
    from bpa_desktop.workspace import WorkspaceError

    with open_database(args.db, actor="system") as ws:
        _arrangement, assistant = _find_assistant(ws, args.assistant)
        period = find_period(ws, assistant.arrangement_id, args.period)
        try:
            written = ws.exports.timesheet_pdf(assistant.id, period.start, args.out, version=args.version,
                                               refuse_empty=True)
        except WorkspaceError as error:
            raise CliError(str(error)) from None
        except OSError as error:
            raise cannot_write(args.out, error) from None
    print_summary(
        out=str(args.out),
        assistant_id=assistant.id,
        period=[period.start.isoformat(), period.end.isoformat()],
        status=written.status.value,
        version=written.version,
        hours=round(written.hours, 2),
    )
    return 0


# --- payroll file -----------------------------------------------------------------------------


def add_payroll(kinds) -> None:
    parser = kinds.add_parser(
        "payroll",
        help=t("cli.export.payroll"),
        description=t("cli.export.payroll_description"),
    )
    _common(parser)
    parser.add_argument("--period", required=True, metavar="YYYY-MM", help=t("cli.export.period"))
    parser.add_argument("--format", required=True, choices=("visma", "csv"), help=t("cli.export.format"))
    add_arrangement_argument(parser)
    parser.add_argument("--run-no", type=int, default=0, metavar="N", help=t("cli.export.run"))
    parser.set_defaults(handler=run_payroll)


def run_payroll(args: argparse.Namespace) -> int:
    from bpa_desktop.export.payroll import PayrollExportError
    from bpa_desktop.workspace import WorkspaceError

    with open_database(args.db, actor="system") as ws:
        arrangement = find_arrangement(ws, args.arrangement)
        period = find_period(ws, arrangement.id, args.period)
        try:
            written = ws.exports.payroll_file(arrangement.id, period.start, args.out, visma=args.format == "visma",
                                              run_no=args.run_no, refuse_empty=True)
        except (WorkspaceError, PayrollExportError) as error:
            raise CliError(str(error)) from None
        except OSError as error:
            raise cannot_write(args.out, error) from None
    missing = [a.employee_no for a in written.not_attested]
    if missing:
        print(
            t("cli.export.not_attested", count=len(missing), period=period.label(get_language()),
              employees=", ".join(missing)),
            file=sys.stderr,
        )
    print_summary(
        out=str(args.out),
        format=args.format,
        period=[period.start.isoformat(), period.end.isoformat()],
        timesheets=written.timesheets,
        lines=written.lines,
        not_attested=missing,
    )
    return 1 if missing else 0


# --- rota: JSON (bpa-shifts/1), PDF or iCalendar (ws.exports) --------------------------------


def add_rota(kinds) -> None:
    parser = kinds.add_parser(
        "rota",
        help=t("cli.export.rota"),
        description=t("cli.export.rota_description"),
    )
    _common(parser)
    parser.add_argument("--format", required=True, choices=("json", "pdf", "ics"), help=t("cli.export.format"))
    parser.add_argument("--assistant", metavar="ID", help=t("cli.export.only_assistant"))
    add_arrangement_argument(parser)
    parser.add_argument("--from", dest="start", type=_iso_date, metavar="YYYY-MM-DD", help=t("cli.export.from"))
    parser.add_argument("--to", dest="end", type=_iso_date, metavar="YYYY-MM-DD", help=t("cli.export.to"))
    parser.add_argument(
        "--names", choices=("first", "full", "none"), default="first",
        help=t("cli.export.names"),
    )
    parser.set_defaults(handler=run_rota)


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(t("cli.error.not_a_date", text=text)) from None


def run_rota(args: argparse.Namespace) -> int:
    from bpa_desktop.core.shift_document import RotaFileError

    with open_database(args.db, actor="system") as ws:
        assistant = None
        if args.assistant is not None:
            arrangement, assistant = _find_assistant(ws, args.assistant)
            if args.arrangement is not None and arrangement.id != args.arrangement:
                raise CliError(t("cli.error.assistant_elsewhere", assistant=assistant.id, arrangement=args.arrangement))
        else:
            arrangement = find_arrangement(ws, args.arrangement)
        if args.format == "ics" and assistant is None:
            raise CliError(t("cli.error.ics_needs_assistant"))
        exports = ws.exports
        try:
            start, end = exports.default_rota_period(arrangement.id)
            start, end = args.start or start, args.end or end
            if end < start:
                raise CliError(t("cli.error.to_before_from", end=end, start=start))
            only = assistant.id if assistant else None
            if args.format == "json":
                document = exports.rota_json(arrangement.id, start, end, args.out, assistant_id=only, names=args.names)
                shifts = len(document["shifts"])
            else:
                if args.format == "pdf":
                    exports.rota_pdf(arrangement.id, start, end, args.out, assistant_id=only)
                else:
                    exports.rota_ics(arrangement.id, only, start, end, args.out)
                shifts = sum(1 for s in ws.rota.list_planned_shifts(arrangement.id, start, end)
                             if only is None or int(s.assistant) == only)
        except RotaFileError as error:
            raise CliError(str(error)) from None
        except OSError as error:
            raise cannot_write(args.out, error) from None
    print_summary(
        out=str(args.out),
        format=args.format,
        arrangement_id=arrangement.id,
        assistant_id=assistant.id if assistant else None,
        period=[start.isoformat(), end.isoformat()],
        shifts=shifts,
    )
    return 0


EXPORTERS = (add_timesheet, add_payroll, add_rota)
