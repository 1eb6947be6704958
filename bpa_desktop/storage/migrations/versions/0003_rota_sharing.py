"""Turnus planner: single-occurrence changes, need pattern, approvals per version.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26

New tables, plus one nullable column on planned_shift (``occurrence``: the pattern
occurrence a shift was rolled out from, or ``"x<id>"`` of the extra shift it is). SQLite adds a nullable column without a table
rebuild, so no batch mode is needed. Existing planned shifts get no occurrence: their key is
derived from their own assistant, day and code, which is right because nothing was
changed on them before this revision.

Frozen: this file must not import the app's ORM classes or enums.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _fk(table: str, column: str, target: str, ondelete: str | None = None):
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"), ondelete=ondelete
    )


def _check(table: str, name: str, sql: str) -> sa.CheckConstraint:
    return sa.CheckConstraint(sql, name=op.f(f"ck_{table}_{name}"))


def upgrade() -> None:
    op.add_column("planned_shift", sa.Column("occurrence", sa.String(64), nullable=True))

    op.create_table(
        "rota_approval",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rota_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("who", sa.String(100), nullable=False),
        sa.Column("assistant_id", sa.Integer(), nullable=True),
        sa.Column("seen_on", sa.Date(), nullable=True),
        sa.Column("approved_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        _check("rota_approval", "role", "role IN ('assistant', 'employer', 'union_rep')"),
        _check(
            "rota_approval",
            "approved_after_seen",
            "approved_on IS NULL OR (seen_on IS NOT NULL AND approved_on >= seen_on)",
        ),
        _fk("rota_approval", "rota_id", "rota", ondelete="CASCADE"),
        _fk("rota_approval", "assistant_id", "assistant"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rota_approval")),
    )
    op.create_index(op.f("ix_rota_approval_rota_id"), "rota_approval", ["rota_id"])

    op.create_table(
        "need_block",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("arrangement_id", sa.Integer(), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("start_time", sa.String(5), nullable=False),
        sa.Column("end_time", sa.String(5), nullable=False),
        sa.Column("staff", sa.Integer(), nullable=False),
        sa.Column("passive", sa.Boolean(), nullable=False),
        _check("need_block", "weekday", "weekday BETWEEN 0 AND 6"),
        _check("need_block", "staff", "staff >= 1"),
        _fk("need_block", "arrangement_id", "arrangement"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_need_block")),
    )
    op.create_index(op.f("ix_need_block_arrangement_id"), "need_block", ["arrangement_id"])

    op.create_table(
        "rota_override",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("arrangement_id", sa.Integer(), nullable=False),
        sa.Column("rota_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("occurrence", sa.String(64), nullable=True),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("other_occurrence", sa.String(64), nullable=True),
        sa.Column("assistant_id", sa.Integer(), nullable=True),
        sa.Column("start_at", sa.DateTime(), nullable=True),
        sa.Column("end_at", sa.DateTime(), nullable=True),
        sa.Column("template_code", sa.String(16), nullable=True),
        sa.Column("passive_start_at", sa.DateTime(), nullable=True),
        sa.Column("passive_end_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        _check(
            "rota_override",
            "kind",
            "kind IN ('swap', 'substitute', 'cancel', 'change_times', 'extra')",
        ),
        _check("rota_override", "period", "end_at IS NULL OR end_at > start_at"),
        _check(
            "rota_override",
            "passive",
            "passive_end_at IS NULL OR passive_end_at > passive_start_at",
        ),
        _fk("rota_override", "arrangement_id", "arrangement"),
        _fk("rota_override", "rota_id", "rota", ondelete="SET NULL"),
        _fk("rota_override", "assistant_id", "assistant"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rota_override")),
    )
    op.create_index(
        op.f("ix_rota_override_arrangement_id_day"), "rota_override", ["arrangement_id", "day"]
    )


def downgrade() -> None:
    for table in ("rota_override", "need_block", "rota_approval"):
        op.drop_table(table)
    with op.batch_alter_table("planned_shift") as batch:
        batch.drop_column("occurrence")
