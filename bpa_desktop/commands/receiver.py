"""`bpa receiver …`: run and administer the reference receiver (needs the `receiver` extra).

  serve        run the HTTP API and staff web page (127.0.0.1 by default)
  enrol-code   one-time code for an arrangement (created if new), printed once
  list         stored submissions as JSON
  import       a bpa-bundle/1 file through the same intake as the HTTP API
  add-user     staff user for the web page (password from BPA_RECEIVER_PASSWORD or a prompt)
  revoke-token revoke every live API token of an arrangement
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from bpa_desktop.commands.common import CliError

PASSWORD_ENV = "BPA_RECEIVER_PASSWORD"
CLI_ACTOR = "cli"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("receiver", help="kommunens mottak av timelister (bpa-sync/1)")
    actions = parser.add_subparsers(dest="receiver_command", required=True)

    def add(name: str, handler, help_text: str) -> argparse.ArgumentParser:
        sub = actions.add_parser(name, help=help_text)
        sub.add_argument("--db", required=True, help="SQLAlchemy-URL eller sti til SQLite-fil")
        sub.set_defaults(handler=handler)
        return sub

    serve = add("serve", _serve, "kjør mottaket (API og nettside)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--secure-cookies", action="store_true", help="bak HTTPS: marker informasjonskapsler Secure")

    add("enrol-code", _enrol_code, "lag engangskode for registrering").add_argument("--name", required=True)
    add("list", _list, "vis mottatte timelister som JSON").add_argument(
        "--json", action="store_true", help="JSON på stdout (standard)"
    )
    add("import", _import, "importer en bpa-bundle/1-fil").add_argument("file", type=Path)
    add("add-user", _add_user, "opprett saksbehandler").add_argument("--username", required=True)
    add("revoke-token", _revoke_token, "trekk tilbake tilgang for en ordning").add_argument(
        "--arrangement", required=True, help="ordningens navn"
    )


def _ready_engine(db: str):
    from bpa_desktop.sync.receiver import database

    try:
        database.migrate(db)
    except database.ReceiverDatabaseError as error:
        raise CliError(str(error)) from None
    except Exception as error:  # unreadable file, bad URL, no driver
        raise CliError(f"kan ikke åpne databasen ({type(error).__name__}: {error})") from None
    return database.make_engine(db)


def _in_write_session(db: str, work, errors: type[Exception]):
    """`work(session)` in one write transaction of the receiver database; `errors` it raises
    are the user's input problem (exit 2)."""
    from bpa_desktop.sync.receiver import database

    engine = _ready_engine(db)
    try:
        with database.write_session(engine) as session:
            return work(session)
    except errors as error:
        raise CliError(str(error)) from None
    finally:
        engine.dispose()


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from bpa_desktop.sync.receiver.app import create_app

    _ready_engine(args.db).dispose()
    app = create_app(args.db, migrate=False, secure_cookies=args.secure_cookies)
    print(f"Mottaket kjører på http://{args.host}:{args.port}/ (Ctrl+C stopper)", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def _enrol_code(args: argparse.Namespace) -> int:
    from bpa_desktop.sync.receiver import enrolment

    issued = _in_write_session(
        args.db, lambda session: enrolment.create_enrol_code(session, args.name, actor=CLI_ACTOR), ValueError)
    print(json.dumps({
        "arrangement": issued.arrangement_name,
        "arrangement_id": issued.arrangement_ref,
        "code": issued.code,
        "expires_at": issued.expires_at.isoformat(),
    }, ensure_ascii=False))
    print("Koden vises bare nå. Gi den til arbeidslederen.", file=sys.stderr)
    return 0


def _list(args: argparse.Namespace) -> int:
    from sqlalchemy import select
    from sqlalchemy.orm import selectinload

    from bpa_desktop.sync.receiver import database, intake
    from bpa_desktop.sync.receiver.store import Submission

    engine = _ready_engine(args.db)
    try:
        with database.read_session(engine) as session:
            rows = session.scalars(
                select(Submission)
                .options(selectinload(Submission.lines), selectinload(Submission.arrangement))
                .order_by(Submission.id)
            ).all()
            latest: dict[tuple, int] = {}
            for row in rows:
                group = (row.arrangement_id, row.employee_no, row.period)
                latest[group] = max(latest.get(group, 0), row.version)
            items = [
                {
                    "id": str(row.submission_id),
                    "seq": row.id,
                    "arrangement_id": row.arrangement.ref,
                    "employee_no": row.employee_no,
                    "period": row.period,
                    "version": row.version,
                    "supersedes": str(row.supersedes) if row.supersedes else None,
                    "kind": row.kind,
                    "lines": {line.pay_code: line.minutes for line in row.lines},
                    "state": intake.public_state(
                        row, row.version < latest[(row.arrangement_id, row.employee_no, row.period)]
                    ),
                    "body_sha256": row.body_sha256,
                    "key_id": row.key_id,
                    "received_at": row.received_at.isoformat(),
                    "received_via": row.received_via,
                }
                for row in rows
            ]
    finally:
        engine.dispose()
    print(json.dumps({"submissions": items}, ensure_ascii=False))
    return 0


def _import(args: argparse.Namespace) -> int:
    from bpa_desktop.sync.bundle import BundleError, read_bundle
    from bpa_desktop.sync.receiver.bundle_import import import_bundle
    from bpa_desktop.sync.receiver.problems import ProblemError

    try:
        bundle = read_bundle(args.file.read_bytes())
    except OSError as error:
        raise CliError(f"{args.file}: kan ikke leses ({error.strerror})") from None
    except BundleError as error:
        raise CliError(f"{args.file}: {error}") from None
    engine = _ready_engine(args.db)
    try:
        results = import_bundle(engine, bundle, actor=CLI_ACTOR)
    except ProblemError as problem:
        print(f"bpa: {args.file}: {problem.title}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    print(json.dumps({"results": [result.as_json() for result in results]}, ensure_ascii=False))
    return 1 if any(result.result == "error" for result in results) else 0


def _add_user(args: argparse.Namespace) -> int:
    from bpa_desktop.sync.receiver import staff

    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        import getpass

        password = getpass.getpass("Passord: ")
        if getpass.getpass("Gjenta passord: ") != password:
            raise CliError("passordene er ikke like")
    created = _in_write_session(
        args.db, lambda session: staff.add_user(session, args.username, password, actor=CLI_ACTOR), ValueError)
    print(json.dumps({"username": args.username.strip(), "created": created}))
    return 0


def _revoke_token(args: argparse.Namespace) -> int:
    from bpa_desktop.sync.receiver import enrolment

    count = _in_write_session(
        args.db, lambda session: enrolment.revoke_tokens(session, args.arrangement, actor=CLI_ACTOR), LookupError)
    print(json.dumps({"arrangement": args.arrangement, "revoked": count}, ensure_ascii=False))
    return 0
