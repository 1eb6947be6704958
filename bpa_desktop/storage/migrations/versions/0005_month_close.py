"""Month close: partial confirmation, the hour account's opening balance, paper copies.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03

Nullable columns and one new table, so SQLite needs no table rebuild:

* ``timesheet.confirmed_through``: the last day the assistant has confirmed (a month may be
  confirmed up to the last day that is over, and again when it ends);
* ``hour_account_start``: per arrangement, the day the records begin and the hours of that
  year's grant used before it (moving from another provider, or starting to use the app
  mid-year);
* ``outbox_submission.paper_at``: when the attested timesheet was handed over on paper. The
  row keeps its state: the electronic copy still goes, and the receiver stores its id once.

Frozen: this file must not import the app's ORM classes or enums.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("timesheet", sa.Column("confirmed_through", sa.Date(), nullable=True))
    op.add_column("outbox_submission", sa.Column("paper_at", sa.DateTime(), nullable=True))
    op.create_table(
        "hour_account_start",
        sa.Column("arrangement_id", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("opening_hours", sa.Float(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["arrangement_id"], ["arrangement.id"],
                                name=op.f("fk_hour_account_start_arrangement_id_arrangement")),
        sa.PrimaryKeyConstraint("arrangement_id", name=op.f("pk_hour_account_start")),
    )


def downgrade() -> None:
    op.drop_table("hour_account_start")
    with op.batch_alter_table("outbox_submission") as batch:
        batch.drop_column("paper_at")
    with op.batch_alter_table("timesheet") as batch:
        batch.drop_column("confirmed_through")
