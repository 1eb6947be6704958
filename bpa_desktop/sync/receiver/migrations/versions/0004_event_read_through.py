"""bpa-sync/2 retention: `arrangement.events_read_through`, the highest cursor the desktop has
asked events after (it commits each event with its cursor, so it holds every event up to it).
`purge` deletes only events at or below it.

Revision ID: 0004
Revises: 0003
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: Union[str, Sequence[str], None] = "0003"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("arrangement") as batch:
        batch.add_column(sa.Column("events_read_through", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("arrangement") as batch:
        batch.drop_column("events_read_through")
