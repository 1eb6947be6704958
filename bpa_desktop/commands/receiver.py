"""`bpa receiver …` (and `bpa-receiver …` from the receiver's own distribution): run and
administer the reference receiver. docs/receiver.md is the operator's guide.

  migrate      bring the database to this version's schema (once, before the workers start)
  serve        run the HTTP API and staff web page (uvicorn, N workers; 127.0.0.1 by default)
  enrol-code   one-time code for an arrangement (created if new), printed once
  list         stored submissions as JSON
  import       a bpa-bundle/1 file through the same intake as the HTTP API
  add-user     staff user for the web page (password from BPA_RECEIVER_PASSWORD or a prompt)
  revoke-token revoke every live API token of an arrangement
  unlock       lift a login lockout (account and/or address); --list shows the locks
  purge        delete decided submissions older than N days (retention), audited
  openapi      print the API's OpenAPI document (the receiver does not publish it by default)
  export-events the receiver-signed bpa-sync/2 events of one arrangement as an EventBundle file

The database comes from --db, else BPA_RECEIVER_DB, else `db` in the settings file named by
BPA_RECEIVER_CONFIG (receiver/settings.py).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

from bpa_desktop.commands import cli_language
from bpa_desktop.commands.common import CliError
from bpa_desktop import i18n
from bpa_desktop.i18n import t

PASSWORD_ENV = "BPA_RECEIVER_PASSWORD"
CLI_ACTOR = "cli"
APP_FACTORY = "bpa_desktop.sync.receiver.app:create_app"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("receiver", help=t("cli.receiver.help"))
    _add_actions(parser.add_subparsers(dest="receiver_command", required=True))


def _add_actions(actions: argparse._SubParsersAction) -> None:
    def add(name: str, handler, help_text: str) -> argparse.ArgumentParser:
        sub = actions.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--db", help=t("cli.receiver.db"))
        sub.set_defaults(handler=handler)
        return sub

    add("migrate", _migrate, t("cli.receiver.action_migrate"))

    serve = add("serve", _serve, t("cli.receiver.action_serve"))
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--workers", type=int, default=1, help=t("cli.receiver.workers"))
    serve.add_argument("--root-path", help=t("cli.receiver.root_path"))
    serve.add_argument("--log-level", choices=["critical", "error", "warning", "info", "debug"])
    serve.add_argument("--access-log", action=argparse.BooleanOptionalAction, default=None,
                       help=t("cli.receiver.access_log"))
    serve.add_argument("--forwarded-allow-ips", default=None,
                       help=t("cli.receiver.proxies"))
    serve.add_argument("--pool-size", type=int, help=t("cli.receiver.pool"))
    serve.add_argument("--secure-cookies", action="store_true", default=None,
                       help=t("cli.receiver.https"))

    add("enrol-code", _enrol_code, t("cli.receiver.action_enrol_code")).add_argument("--name", required=True)
    add("list", _list, t("cli.receiver.action_list")).add_argument(
        "--json", action="store_true", help=t("cli.common.json")
    )
    add("import", _import, t("cli.receiver.action_import")).add_argument("file", type=Path)
    add("add-user", _add_user, t("cli.receiver.action_add_user")).add_argument("--username", required=True)
    add("revoke-token", _revoke_token, t("cli.receiver.action_revoke_token")).add_argument(
        "--arrangement", required=True, help=t("cli.receiver.arrangement_name")
    )
    unlock = add("unlock", _unlock, t("cli.receiver.action_unlock"))
    unlock.add_argument("--username", help=t("cli.receiver.locked_username"))
    unlock.add_argument("--address", help=t("cli.receiver.locked_address"))
    unlock.add_argument("--list", action="store_true", help=t("cli.receiver.list_locks"))
    purge = add("purge", _purge, t("cli.receiver.action_purge"))
    purge.add_argument("--older-than-days", type=int, help=t("cli.receiver.older_than"))
    add("openapi", _openapi, t("cli.receiver.action_openapi"))
    export = add("export-events", _export_events, t("cli.receiver.action_export_events"))
    export.add_argument("--arrangement", required=True, help=t("cli.receiver.arrangement_name_or_ref"))
    export.add_argument("--since", type=int, default=0, help=t("cli.receiver.since"))
    export.add_argument("file", type=Path)


def main(argv: list[str] | None = None) -> int:
    """`bpa-receiver`: the receiver's own console script (no desktop commands, no Qt)."""
    with i18n.language_kept():  # a caller in the same process gets its language back
        argv = cli_language.choose(sys.argv[1:] if argv is None else argv)
        parser = argparse.ArgumentParser(prog="bpa-receiver", description=t("cli.receiver.description"))
        cli_language.add_argument(parser)
        _add_actions(parser.add_subparsers(dest="receiver_command", required=True))
        args = parser.parse_args(argv)
        try:
            return int(args.handler(args) or 0)
        except CliError as error:
            print(f"bpa-receiver: {error}", file=sys.stderr)
            return 2


def _settings(args: argparse.Namespace, **overrides):
    from pydantic import ValidationError

    from bpa_desktop.sync.receiver import settings

    try:
        loaded = settings.load(db=getattr(args, "db", None), **overrides)
    except (ValidationError, FileNotFoundError) as error:
        raise CliError(t("cli.error.bad_settings", error=error)) from None
    if not loaded.db:
        raise CliError(str(settings.MissingDatabase()))
    return loaded


def _db(args: argparse.Namespace) -> str:
    return _settings(args).db


def _open_error(error: Exception) -> CliError:
    # The type and the driver's message without the URL (it may hold the password).
    return CliError(t("cli.error.cannot_open_db", detail=f"{type(error).__name__}: {str(error).splitlines()[0][:200]}"))


def _ready_engine(db: str):
    """The engine of a database that has this version's schema (only `migrate` changes it)."""
    from bpa_desktop.sync.receiver import database

    try:
        engine = database.make_engine(db)
        database.require_current_schema(engine)
    except database.ReceiverDatabaseError as error:
        raise CliError(str(error)) from None
    except Exception as error:  # unreadable file, bad URL, no driver, server down
        raise _open_error(error) from None
    return engine


def _migrate(args: argparse.Namespace) -> int:
    from bpa_desktop.sync.receiver import database

    db = _db(args)
    try:
        before, after = database.migrate(db)
    except database.ReceiverDatabaseError as error:
        raise CliError(str(error)) from None
    except Exception as error:
        raise _open_error(error) from None
    print(json.dumps({"from": before, "to": after, "changed": before != after}))
    return 0


def _in_write_session(db: str, work, errors: type[Exception] | tuple[type[Exception], ...]):
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


def _prepare_metrics_dir() -> str | None:
    """Prometheus multiprocess mode: one empty directory shared by this run's workers. Returns
    the directory made here (removed at exit), or None when PROMETHEUS_MULTIPROC_DIR was given."""
    given = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if given:
        Path(given).mkdir(parents=True, exist_ok=True)
        for stale in Path(given).glob("*.db"):  # counters of an earlier run would be added in
            stale.unlink()
        return None
    made = tempfile.mkdtemp(prefix="bpa-receiver-metrics-")
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = made
    return made


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from bpa_desktop.sync.receiver import database, logs
    from bpa_desktop.sync.receiver import settings as receiver_settings

    if args.workers < 1:
        raise CliError(t("cli.error.workers"))
    settings = _settings(
        args, root_path=args.root_path, log_level=args.log_level, access_log=args.access_log,
        pool_size=args.pool_size, secure_cookies=args.secure_cookies,
    )
    # Refuse here, before any worker starts, rather than in N workers at once.
    try:
        engine = database.make_engine(settings.db)
        try:
            database.require_current_schema(engine)
        finally:
            engine.dispose()
    except database.ReceiverDatabaseError as error:
        raise CliError(str(error)) from None
    except Exception as error:
        raise _open_error(error) from None
    # The workers build the app themselves (factory) from these variables.
    os.environ.update(receiver_settings.as_environment(settings))
    made = _prepare_metrics_dir()
    print(t("cli.receiver.starting", url=f"http://{args.host}:{args.port}{settings.root_path}/",
            workers=args.workers), file=sys.stderr)
    try:
        uvicorn.run(
            APP_FACTORY, factory=True, host=args.host, port=args.port, workers=args.workers,
            root_path=settings.root_path, log_config=logs.logging_config(settings.log_level),
            log_level=settings.log_level, access_log=False, proxy_headers=True,
            forwarded_allow_ips=args.forwarded_allow_ips, server_header=False, timeout_graceful_shutdown=10,
        )
    finally:
        if made:
            shutil.rmtree(made, ignore_errors=True)
    return 0


def _enrol_code(args: argparse.Namespace) -> int:
    from bpa_desktop.sync.receiver import enrolment

    issued = _in_write_session(
        _db(args), lambda session: enrolment.create_enrol_code(session, args.name, actor=CLI_ACTOR), ValueError)
    print(json.dumps({
        "arrangement": issued.arrangement_name,
        "arrangement_id": issued.arrangement_ref,
        "code": issued.code,
        "expires_at": issued.expires_at.isoformat(),
    }, ensure_ascii=False))
    print(t("cli.receiver.code_once"), file=sys.stderr)
    return 0


def _list(args: argparse.Namespace) -> int:
    from sqlalchemy import select
    from sqlalchemy.orm import selectinload

    from bpa_desktop.sync.receiver import database, intake
    from bpa_desktop.sync.receiver.store import Submission

    engine = _ready_engine(_db(args))
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
                    "seq": row.arrangement_seq,
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
        raise CliError(t("cli.error.cannot_read", file=args.file, reason=error.strerror)) from None
    except BundleError as error:
        raise CliError(f"{args.file}: {error}") from None
    engine = _ready_engine(_db(args))
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
            raise CliError(t("cli.error.passwords_differ"))
    created = _in_write_session(
        _db(args), lambda session: staff.add_user(session, args.username, password, actor=CLI_ACTOR), ValueError)
    print(json.dumps({"username": args.username.strip(), "created": created}))
    return 0


def _revoke_token(args: argparse.Namespace) -> int:
    from bpa_desktop.sync.receiver import enrolment

    count = _in_write_session(
        _db(args), lambda session: enrolment.revoke_tokens(session, args.arrangement, actor=CLI_ACTOR), LookupError)
    print(json.dumps({"arrangement": args.arrangement, "revoked": count}, ensure_ascii=False))
    return 0


def _unlock(args: argparse.Namespace) -> int:
    from bpa_desktop.sync.receiver import throttle

    if args.list:
        locks = _in_write_session(_db(args), throttle.list_locks, ValueError)
        print(json.dumps({"locks": [
            {"kind": lock.kind, "key": lock.key, "failures": lock.failures, "locked_until": lock.locked_until.isoformat()}
            for lock in locks
        ]}, ensure_ascii=False))
        return 0
    if not (args.username or args.address):
        raise CliError(t("cli.error.unlock_what"))
    removed = _in_write_session(
        _db(args), lambda session: throttle.lift(session, username=args.username, address=args.address, actor=CLI_ACTOR),
        ValueError)
    print(json.dumps({"username": args.username, "address": args.address, "lifted": removed}, ensure_ascii=False))
    return 0


def _purge(args: argparse.Namespace) -> int:
    from bpa_desktop.sync.receiver import retention

    days = args.older_than_days if args.older_than_days is not None else _settings(args).retention_days
    if days is None:
        raise CliError(t("cli.error.older_than"))
    result = _in_write_session(
        _db(args), lambda session: retention.purge_decided(session, older_than_days=days, actor=CLI_ACTOR), ValueError)
    print(json.dumps({"purged": result.submissions, "decided_before": result.cutoff.isoformat(),
                      "events": result.events, "publications": result.publications, "links": result.links}))
    return 0


def _openapi(args: argparse.Namespace) -> int:
    from bpa_desktop.sync.receiver.app import create_app
    from bpa_desktop.sync.receiver.settings import ReceiverSettings

    app = create_app(settings=ReceiverSettings(db="sqlite://", openapi=True), check_schema=False)
    print(json.dumps(app.openapi(), ensure_ascii=False, indent=1))
    return 0


def _export_events(args: argparse.Namespace) -> int:
    """The events after --since as a bpa-sync/2 EventBundle (for `bpa sync import-events`)."""
    from sqlalchemy import or_, select

    from bpa_desktop import atomic_write
    from bpa_desktop.sync.protocol_v2 import canonical_bytes
    from bpa_desktop.sync.receiver import events
    from bpa_desktop.sync.receiver.problems import ProblemError
    from bpa_desktop.sync.receiver.store import Arrangement

    def work(session):
        arrangement = session.scalars(select(Arrangement).where(
            or_(Arrangement.name == args.arrangement, Arrangement.ref == args.arrangement))).one_or_none()
        if arrangement is None:
            raise LookupError(t("receiver.enrol.no_arrangement", name=args.arrangement))
        try:
            return events.bundle(session, arrangement, since=max(0, args.since))
        except ProblemError as problem:
            raise LookupError(problem.title) from None

    bundle = _in_write_session(_db(args), work, LookupError)
    data = canonical_bytes(bundle)
    target = args.file
    try:
        atomic_write.write_bytes(target, data)  # a reader never sees half a file
    except OSError as error:
        raise CliError(t("cli.error.cannot_write", path=target, reason=error.strerror)) from None
    print(json.dumps({"arrangement_id": bundle.arrangement_id, "events": len(bundle.events),
                      "file": str(target)}, ensure_ascii=False))
    return 0
