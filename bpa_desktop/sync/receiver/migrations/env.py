"""Alembic environment of the receiver database.

Run from code (database.migrate), which hands over a connection; no fileConfig() here, because
it would disable the application's loggers.
"""

from alembic import context

from bpa_desktop.sync.receiver.store import Base
from bpa_desktop.sync.receiver.database import make_engine

config = context.config
connection = config.attributes.get("connection")


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch = copy and move
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if connection is not None:
    _run(connection)
else:  # `alembic -x` style use with sqlalchemy.url set in the config
    engine = make_engine(config.get_main_option("sqlalchemy.url"), foreign_keys=False)
    with engine.connect() as own_connection:
        _run(own_connection)
        own_connection.commit()
    engine.dispose()
