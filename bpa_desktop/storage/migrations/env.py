"""Alembic environment for bpa-desktop.

The app runs migrations from code (storage/migrate.py) and hands its connection over in
``config.attributes["connection"]``. Developers can also run the ``alembic`` command with
``-x db=PATH`` to autogenerate a new revision against a database file.

No ``fileConfig()`` here: it would switch off the app's own loggers.
"""

from __future__ import annotations

from pathlib import Path

from alembic import context

from bpa_desktop.storage.schema import Base
from bpa_desktop.storage.types import UTCDateTime

config = context.config
target_metadata = Base.metadata


def render_item(type_, obj, autogen_context):
    # Migrations stay frozen: store UTCDateTime as the plain DateTime it is underneath.
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime()"
    return False


def _configure_and_run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things: move and copy instead
        compare_type=True,
        render_item=render_item,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure_and_run(connection)
        return
    from bpa_desktop.storage.connection import make_engine

    db = context.get_x_argument(as_dictionary=True).get("db")
    if not db:
        raise SystemExit("give the database file: alembic -x db=PATH ...")
    engine = make_engine(Path(db), foreign_keys=False, single_connection=True)
    with engine.connect() as connection:
        _configure_and_run(connection)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline (SQL script) migrations are not supported")
run_migrations_online()
