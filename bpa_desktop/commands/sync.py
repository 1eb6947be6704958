"""`bpa sync …`: send attested timesheets to the municipality (bpa-sync/1).

  enrol   one-time code from the municipality + this arrangement's key → API token (keyring)
  push    one pass: send what is due, fetch decisions; JSON summary; exit 0 when nothing
          waits, 1 when something still waits (queued, paused, blocked …)
  status  submissions per state as JSON
  bundle  the unconfirmed submissions as a signed file for `bpa receiver import`
  import-events FILE  answers from the assistants' and approvers' links (bpa-sync/2) in a
          file from `bpa receiver export-events`, checked with the pinned receiver key

Headless machines choose a keyring with keyring's own PYTHON_KEYRING_BACKEND setting.
"""

from __future__ import annotations

import argparse
import json

from bpa_desktop.commands.common import CliError
from bpa_desktop.commands.common import (
    add_arrangement_argument,
    add_db_argument,
    add_out_argument,
    find_arrangement,
    open_database,
)
from bpa_desktop.i18n import t


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("sync", help=t("cli.sync.help"))
    actions = parser.add_subparsers(dest="sync_command", required=True)

    def add(name: str, handler, help_text: str) -> argparse.ArgumentParser:
        sub = actions.add_parser(name, help=help_text)
        add_db_argument(sub)
        add_arrangement_argument(sub)
        sub.set_defaults(handler=handler)
        return sub

    enrol = add("enrol", _enrol, t("cli.sync.action_enrol"))
    enrol.add_argument("--url", required=True, help=t("cli.sync.url"))
    enrol.add_argument("--code", required=True, help=t("cli.sync.code"))

    push = add("push", _push, t("cli.sync.action_push"))
    push.add_argument("--now", action="store_true", help=t("cli.sync.now"))
    push.add_argument("--timeout", type=float, metavar="S", help=t("cli.sync.timeout"))
    push.add_argument("--lease", type=float, default=None, metavar="S", help=argparse.SUPPRESS)

    status = add("status", _status, t("cli.sync.action_status"))
    status.add_argument("--json", action="store_true", help=t("cli.common.json"))
    status.add_argument("--list", action="store_true", help=t("cli.sync.verbose"))

    bundle = add("bundle", _bundle, t("cli.sync.action_bundle"))
    add_out_argument(bundle)

    events = add("import-events", _import_events, t("cli.sync.action_import_events"))
    events.add_argument("file", metavar="FILE", help=t("cli.sync.events_file"))


def _enrol(args: argparse.Namespace) -> int:
    from bpa_desktop.workspace import WorkspaceError

    with open_database(args.db) as ws:
        arrangement_id = find_arrangement(ws, args.arrangement).id
        try:
            info = ws.sync.enrol(arrangement_id, args.url, args.code)
        except WorkspaceError as error:
            raise CliError(str(error)) from None
    print(json.dumps({
        "arrangement": info.arrangement_id,
        "receiver_url": info.receiver_url,
        "remote_arrangement_id": info.remote_arrangement_id,
        "key_id": info.key_id,
    }, ensure_ascii=False))
    return 0


def _push(args: argparse.Namespace) -> int:
    options = {}
    if args.timeout is not None:
        import httpx

        options["timeout"] = httpx.Timeout(args.timeout, connect=min(5.0, args.timeout))
    if args.lease is not None:
        options["lease_seconds"] = args.lease
    with open_database(args.db) as ws:
        summary = ws.sync.push(args.arrangement, ignore_backoff=args.now, **options)
    print(json.dumps(summary.as_json(), ensure_ascii=False))
    return 1 if summary.waiting else 0


def _status(args: argparse.Namespace) -> int:
    with open_database(args.db) as ws:
        counts = ws.sync.status(args.arrangement)
        result: dict = dict(counts)
        if args.list:
            result = {"counts": counts, "submissions": [
                {
                    "id": s.id, "employee_no": s.employee_no, "period": s.period, "version": s.version,
                    "state": s.state, "attempts": s.attempts, "next_attempt_at": s.next_attempt_at.isoformat(),
                    "last_error": s.last_error_text, "decision_reason": s.decision_reason,
                    "body_sha256": s.body_sha256,
                }
                for s in ws.sync.list_submissions(args.arrangement)
            ]}
    print(json.dumps(result, ensure_ascii=False))
    return 0


def _bundle(args: argparse.Namespace) -> int:
    from bpa_desktop.workspace import WorkspaceError

    with open_database(args.db) as ws:
        arrangement_id = find_arrangement(ws, args.arrangement).id
        try:
            count = ws.sync.write_bundle(arrangement_id, args.out)
        except WorkspaceError as error:
            raise CliError(str(error)) from None
    print(json.dumps({"file": str(args.out), "items": count}, ensure_ascii=False))
    return 0


def _import_events(args: argparse.Namespace) -> int:
    from bpa_desktop.workspace import WorkspaceError

    with open_database(args.db) as ws:
        arrangement_id = find_arrangement(ws, args.arrangement).id
        try:
            result = ws.sync.sharing.import_events(args.file, arrangement_id)
        except WorkspaceError as error:
            raise CliError(str(error)) from None
    print(json.dumps({"file": str(args.file), "applied": result.applied, "refused": result.refused,
                      "skipped": result.skipped}, ensure_ascii=False))
    return 0
