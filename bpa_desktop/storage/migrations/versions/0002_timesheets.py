"""Timesheets: attested content and pay lines, not-worked shifts, pay settings.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26

Only new tables, so no batch mode is needed. The attested content and its pay lines are
written once, when a timesheet is attested: triggers refuse every update and delete.

Frozen: this file must not import the app's ORM classes or enums.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _fk(table: str, column: str, target: str, ondelete: str | None = None):
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"), ondelete=ondelete
    )


IMMUTABLE_TABLES = ("timesheet_snapshot", "timesheet_pay_line")


def _immutable_triggers(table: str) -> list[str]:
    return [
        f"""
        CREATE TRIGGER {table}_locked_{event.lower()}
        BEFORE {event} ON {table}
        BEGIN SELECT RAISE(ABORT, 'attested timesheet is locked'); END
        """
        for event in ("UPDATE", "DELETE")
    ]


def upgrade() -> None:
    op.create_table(
        "timesheet_snapshot",
        sa.Column("timesheet_id", sa.Integer(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        _fk("timesheet_snapshot", "timesheet_id", "timesheet"),
        sa.PrimaryKeyConstraint("timesheet_id", name=op.f("pk_timesheet_snapshot")),
    )
    op.create_table(
        "timesheet_pay_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("timesheet_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("pay_code", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("hours", sa.Float(), nullable=False),
        sa.Column("rate", sa.Float(), nullable=True),
        _fk("timesheet_pay_line", "timesheet_id", "timesheet"),
        sa.UniqueConstraint(
            "timesheet_id", "position", name=op.f("uq_timesheet_pay_line_timesheet_id_position")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_timesheet_pay_line")),
    )
    op.create_index(
        op.f("ix_timesheet_pay_line_timesheet_id"), "timesheet_pay_line", ["timesheet_id"]
    )
    for table in IMMUTABLE_TABLES:
        for trigger in _immutable_triggers(table):
            op.execute(trigger)

    op.create_table(
        "cancelled_shift",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("arrangement_id", sa.Integer(), nullable=False),
        sa.Column("assistant_id", sa.Integer(), nullable=False),
        sa.Column("planned_shift_id", sa.Integer(), nullable=True),
        sa.Column("start_at", sa.DateTime(), nullable=False),
        sa.Column("end_at", sa.DateTime(), nullable=False),
        sa.Column("template_code", sa.String(16), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("end_at > start_at", name=op.f("ck_cancelled_shift_period")),
        _fk("cancelled_shift", "arrangement_id", "arrangement"),
        _fk("cancelled_shift", "assistant_id", "assistant"),
        _fk("cancelled_shift", "planned_shift_id", "planned_shift", ondelete="SET NULL"),
        sa.UniqueConstraint("planned_shift_id", name=op.f("uq_cancelled_shift_planned_shift_id")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cancelled_shift")),
    )
    op.create_index(
        op.f("ix_cancelled_shift_arrangement_id"), "cancelled_shift", ["arrangement_id"]
    )
    op.create_index(
        op.f("ix_cancelled_shift_assistant_id_start_at"),
        "cancelled_shift",
        ["assistant_id", "start_at"],
    )

    op.create_table(
        "pay_settings",
        sa.Column("arrangement_id", sa.Integer(), nullable=False),
        sa.Column("period_start_day", sa.Integer(), nullable=False),
        sa.Column("hourly_rate", sa.Float(), nullable=True),
        sa.Column("social_cost_percent", sa.Float(), nullable=True),
        sa.CheckConstraint(
            "period_start_day BETWEEN 1 AND 28", name=op.f("ck_pay_settings_period_start_day")
        ),
        _fk("pay_settings", "arrangement_id", "arrangement"),
        sa.PrimaryKeyConstraint("arrangement_id", name=op.f("pk_pay_settings")),
    )
    op.create_table(
        "pay_code_override",
        sa.Column("arrangement_id", sa.Integer(), nullable=False),
        sa.Column("line_id", sa.String(64), nullable=False),
        sa.Column("pay_code", sa.String(32), nullable=True),
        sa.Column("rate", sa.Float(), nullable=True),
        _fk("pay_code_override", "arrangement_id", "arrangement"),
        sa.PrimaryKeyConstraint("arrangement_id", "line_id", name=op.f("pk_pay_code_override")),
    )


def downgrade() -> None:
    # Dropping a table drops its triggers and indexes too.
    for table in (
        "pay_code_override",
        "pay_settings",
        "cancelled_shift",
        "timesheet_pay_line",
        "timesheet_snapshot",
    ):
        op.drop_table(table)
