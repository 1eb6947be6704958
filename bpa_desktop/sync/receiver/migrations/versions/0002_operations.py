"""Per-arrangement decision cursor and login throttling.

The decisions feed used the receiver-wide `seq`, so any arrangement could read the total number
of decisions of all arrangements from it. Each arrangement now counts its own decisions
(`decision.arrangement_seq`, head in `arrangement.decision_head`); existing decisions are
numbered in their old order. Clients holding an old, larger cursor get `cursor_ahead` once,
start from 0 and re-apply (applying is idempotent).

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
    with op.batch_alter_table("decision") as batch:
        batch.add_column(sa.Column("arrangement_seq", sa.Integer(), nullable=True))

    connection = op.get_bind()
    heads: dict[int, int] = {}
    for seq, arrangement_id in connection.execute(sa.text("SELECT seq, arrangement_id FROM decision ORDER BY seq")):
        heads[arrangement_id] = heads.get(arrangement_id, 0) + 1
        connection.execute(
            sa.text("UPDATE decision SET arrangement_seq = :n WHERE seq = :seq"), {"n": heads[arrangement_id], "seq": seq}
        )
    for arrangement_id, head in heads.items():
        connection.execute(
            sa.text("UPDATE arrangement SET decision_head = :head WHERE id = :id"), {"head": head, "id": arrangement_id}
        )

    with op.batch_alter_table("decision") as batch:
        batch.alter_column("arrangement_seq", existing_type=sa.Integer(), nullable=False)
        batch.create_unique_constraint("uq_decision_arrangement_seq", ["arrangement_id", "arrangement_seq"])

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


def downgrade() -> None:
    op.drop_table("login_throttle")
    with op.batch_alter_table("decision") as batch:
        batch.drop_constraint("uq_decision_arrangement_seq", type_="unique")
        batch.drop_column("arrangement_seq")
    with op.batch_alter_table("arrangement") as batch:
        batch.drop_column("decision_head")
