"""Sync: the transactional outbox of attested timesheets and the enrolment.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26

New tables only. ``outbox_submission`` is written in the same transaction as the
attestation (docs/protocol.md). What was attested (id, employee, period, version, supersedes,
lines) never changes, and neither do the body bytes once built; triggers refuse it, and
rows are never deleted. Secrets (signing key, API token) are never stored here: keyring.

Frozen: this file must not import the app's ORM classes or enums.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

STATES = (
    "'queued', 'sending', 'delivered', 'accepted', 'rejected', 'superseded', "
    "'paused_auth', 'needs_correction', 'blocked'"
)

TRIGGERS = (
    """
    CREATE TRIGGER outbox_submission_content_locked
    BEFORE UPDATE OF id, arrangement_id, timesheet_id, employee_no, period, version,
        supersedes_id, kind, lines, attested_at, app_version, created_at ON outbox_submission
    BEGIN SELECT RAISE(ABORT, 'outbox submission content is immutable'); END
    """,
    """
    CREATE TRIGGER outbox_submission_body_locked
    BEFORE UPDATE OF body, body_sha256 ON outbox_submission
    WHEN OLD.body IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'outbox submission body is immutable'); END
    """,
    """
    CREATE TRIGGER outbox_submission_never_deleted
    BEFORE DELETE ON outbox_submission
    BEGIN SELECT RAISE(ABORT, 'outbox submissions are never deleted'); END
    """,
)


def upgrade() -> None:
    op.create_table(
        "sync_enrolment",
        sa.Column("arrangement_id", sa.Integer(), nullable=False),
        sa.Column("receiver_url", sa.String(500), nullable=False),
        sa.Column("remote_arrangement_id", sa.String(64), nullable=False),
        sa.Column("key_id", sa.String(16), nullable=False),
        sa.Column("public_key", sa.LargeBinary(), nullable=False),
        sa.Column("decisions_cursor", sa.Integer(), nullable=False),
        sa.Column("enrolled_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["arrangement_id"], ["arrangement.id"], name=op.f("fk_sync_enrolment_arrangement_id_arrangement")
        ),
        sa.PrimaryKeyConstraint("arrangement_id", name=op.f("pk_sync_enrolment")),
    )
    op.create_table(
        "outbox_submission",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("arrangement_id", sa.Integer(), nullable=False),
        sa.Column("timesheet_id", sa.Integer(), nullable=False),
        sa.Column("employee_no", sa.String(32), nullable=False),
        sa.Column("period", sa.String(7), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("supersedes_id", sa.String(36), nullable=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("lines", sa.Text(), nullable=False),
        sa.Column("attested_at", sa.DateTime(), nullable=False),
        sa.Column("app_version", sa.String(32), nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=True),
        sa.Column("body_sha256", sa.String(64), nullable=True),
        sa.Column("sig", sa.LargeBinary(), nullable=True),
        sa.Column("key_id", sa.String(16), nullable=True),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=False),
        sa.Column("lease_owner", sa.String(64), nullable=True),
        sa.Column("lease_until", sa.DateTime(), nullable=True),
        sa.Column("last_attempt_at", sa.DateTime(), nullable=True),
        sa.Column("last_error_code", sa.String(64), nullable=True),
        sa.Column("last_error_text", sa.Text(), nullable=True),
        sa.Column("receipt", sa.Text(), nullable=True),
        sa.Column("decision", sa.String(16), nullable=True),
        sa.Column("decision_reason", sa.Text(), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("exported_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(f"state IN ({STATES})", name=op.f("ck_outbox_submission_state")),
        sa.CheckConstraint("version >= 1", name=op.f("ck_outbox_submission_version")),
        sa.ForeignKeyConstraint(
            ["arrangement_id"], ["arrangement.id"], name=op.f("fk_outbox_submission_arrangement_id_arrangement")
        ),
        sa.ForeignKeyConstraint(
            ["timesheet_id"], ["timesheet.id"], name=op.f("fk_outbox_submission_timesheet_id_timesheet")
        ),
        sa.ForeignKeyConstraint(
            ["supersedes_id"],
            ["outbox_submission.id"],
            name=op.f("fk_outbox_submission_supersedes_id_outbox_submission"),
        ),
        sa.UniqueConstraint(
            "arrangement_id",
            "employee_no",
            "period",
            "version",
            name=op.f("uq_outbox_submission_arrangement_id_employee_no_period_version"),
        ),
        sa.UniqueConstraint("timesheet_id", name=op.f("uq_outbox_submission_timesheet_id")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox_submission")),
    )
    op.create_index(
        op.f("ix_outbox_submission_state_next_attempt_at"), "outbox_submission", ["state", "next_attempt_at"]
    )
    for trigger in TRIGGERS:
        op.execute(trigger)


def downgrade() -> None:
    op.drop_table("outbox_submission")  # drops its triggers and index too
    op.drop_table("sync_enrolment")
