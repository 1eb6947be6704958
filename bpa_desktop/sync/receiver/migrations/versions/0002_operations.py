"""Per-arrangement decision cursor and receipt numbers, and login throttling.

The decisions feed and the receipts used receiver-wide numbers, so any arrangement could read
how many decisions and submissions all arrangements had. Each arrangement now counts its own
(`decision.arrangement_seq` / `arrangement.decision_head`, `submission.arrangement_seq` /
`arrangement.submission_head`); existing rows are numbered in their old order. Clients holding
an old, larger decision cursor get `cursor_ahead` once, start from 0 and re-apply (applying is
idempotent).

Revision ID: 0002
Revises: 0001
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: Union[str, Sequence[str], None] = "0001"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("arrangement") as batch:
        batch.add_column(sa.Column("decision_head", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("submission_head", sa.Integer(), nullable=False, server_default="0"))
    for table, key, head_column in (("decision", "seq", "decision_head"), ("submission", "id", "submission_head")):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("arrangement_seq", sa.Integer(), nullable=True))
        _number_per_arrangement(table, key, head_column)
        with op.batch_alter_table(table) as batch:
            batch.alter_column("arrangement_seq", existing_type=sa.Integer(), nullable=False)
            batch.create_unique_constraint(f"uq_{table}_arrangement_seq", ["arrangement_id", "arrangement_seq"])

    op.create_table(
        "login_throttle",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("first_failure_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_throttle")),
        sa.UniqueConstraint("kind", "key", name="uq_login_throttle_kind_key"),
    )


def _number_per_arrangement(table: str, key: str, head_column: str) -> None:
    connection = op.get_bind()
    heads: dict[int, int] = {}
    rows = connection.execute(sa.text(f"SELECT {key}, arrangement_id FROM {table} ORDER BY {key}")).all()
    for row_key, arrangement_id in rows:
        heads[arrangement_id] = heads.get(arrangement_id, 0) + 1
        connection.execute(sa.text(f"UPDATE {table} SET arrangement_seq = :n WHERE {key} = :key"),
                           {"n": heads[arrangement_id], "key": row_key})
    for arrangement_id, head in heads.items():
        connection.execute(sa.text(f"UPDATE arrangement SET {head_column} = :head WHERE id = :id"),
                           {"head": head, "id": arrangement_id})


def downgrade() -> None:
    op.drop_table("login_throttle")
    for table in ("decision", "submission"):
        with op.batch_alter_table(table) as batch:
            batch.drop_constraint(f"uq_{table}_arrangement_seq", type_="unique")
            batch.drop_column("arrangement_seq")
    with op.batch_alter_table("arrangement") as batch:
        batch.drop_column("submission_head")
        batch.drop_column("decision_head")
