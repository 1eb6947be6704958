"""`bpa db status|encrypt|decrypt|recovery-code|unlock`: encryption at rest of a database file.

    bpa db status --db DB          encrypted?, is sqlcipher3 installed, is the key in the keyring
    bpa db encrypt --db DB         encrypt the file (and its backup copies); the key goes to the keyring
    bpa db decrypt --db DB
    bpa db recovery-code           the key as a code to print and keep safe
    bpa db unlock --code CODE      put the key of a recovery code back in this user's keyring

Without the key (or without sqlcipher3) nothing is opened or changed: exit 2 with the reason.
"""

from __future__ import annotations

import argparse

from bpa_desktop.i18n import t
from bpa_desktop.commands.common import CliError, add_db_argument, open_database, print_summary


def register(subparsers) -> None:
    parser = subparsers.add_parser("db", help=t("cli.db.help"),
                                   description=t("cli.db.description"))
    actions = parser.add_subparsers(dest="db_command", required=True)
    for name, text, handler in (
        ("status", t("cli.db.status"), run_status),
        ("encrypt", t("cli.db.encrypt"), run_encrypt),
        ("decrypt", t("cli.db.decrypt"), run_decrypt),
    ):
        action = actions.add_parser(name, help=text)
        add_db_argument(action)
        action.set_defaults(handler=handler)
    code = actions.add_parser("recovery-code", help=t("cli.db.recovery_code"))
    code.set_defaults(handler=run_recovery_code)
    unlock = actions.add_parser("unlock", help=t("cli.db.unlock"))
    unlock.add_argument("--code", required=True, help=t("cli.db.code"))
    unlock.set_defaults(handler=run_unlock)


def run_status(args: argparse.Namespace) -> int:
    from bpa_desktop.storage import encryption

    if not args.db.is_file():
        raise CliError(t("cli.error.no_database", path=args.db))
    print_summary(db=str(args.db), encrypted=encryption.is_encrypted(args.db), library=encryption.available(),
                  key_in_keyring=encryption.stored_key() is not None)
    return 0


def _convert(args: argparse.Namespace, encrypt: bool) -> int:
    from bpa_desktop.workspace import WorkspaceError

    with open_database(args.db) as ws:
        try:
            copies = ws.encryption.encrypt() if encrypt else ws.encryption.decrypt()
        except WorkspaceError as error:
            raise CliError(str(error)) from None
        print_summary(db=str(args.db), encrypted=encrypt, copies_encrypted=copies)
    return 0


def run_encrypt(args: argparse.Namespace) -> int:
    return _convert(args, True)


def run_decrypt(args: argparse.Namespace) -> int:
    return _convert(args, False)


def run_recovery_code(_args: argparse.Namespace) -> int:
    from bpa_desktop.i18n import message
    from bpa_desktop.storage import encryption

    key = encryption.stored_key()
    if key is None:
        raise CliError(message("db_key_missing", path="-"))
    print_summary(recovery_code=encryption.recovery_code(key))
    return 0


def run_unlock(args: argparse.Namespace) -> int:
    from bpa_desktop.i18n import message
    from bpa_desktop.storage import encryption

    try:
        encryption.restore_key(args.code)
    except ValueError:
        raise CliError(message("db_recovery_code_bad")) from None
    print_summary(key_in_keyring=encryption.stored_key() is not None)
    return 0
