"""Participants: assistants and the rota's approvers act themselves (issue 12).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03

New tables:

* ``assistant_pin``: the assistant's own PIN at the shared table (scrypt hash and salt, the
  failed tries, when it locked);
* ``assistant_ref``: the opaque reference that stands for an assistant on the wire, and the
  short display name the leader may set;
* ``deviation_proposal``: an assistant's proposed change of the worked record, open until the
  leader accepts or declines it;
* ``timesheet_confirmation``: who confirmed which timesheet version, where (the table, a
  link, on paper), what they saw (the month view's hash) and when;
* ``share_link``, ``publication``, ``sharing_refusal``: the links the desktop granted, the
  views it published, and the events it could not apply (bpa-sync/2).

New columns: ``timesheet.unconfirmed_reason`` (why the leader attested a month the assistant
had not confirmed; frozen with the attestation like the other columns), the receiver's pinned
key and the events cursor on ``sync_enrolment``, and on ``rota_approval`` the channel, the
answer, a comment, the instant and the event. ``rota_approval`` is rebuilt (its role check
now allows the municipality): every old row is kept, as given on paper, approved when it has
an approval day.

Frozen: this file must not import the app's ORM classes or enums.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

LOCKED_STATUSES = "('attested', 'submitted', 'accepted', 'rejected')"
REASON_TRIGGER = f"""
    CREATE TRIGGER timesheet_locked_unconfirmed_reason
    BEFORE UPDATE OF unconfirmed_reason ON timesheet
    WHEN OLD.status IN {LOCKED_STATUSES}
    BEGIN SELECT RAISE(ABORT, 'attested timesheet is locked'); END
    """
OLD_APPROVAL_COLUMNS = "id, rota_id, role, who, assistant_id, seen_on, approved_on, created_at"


def _fk(table: str, column: str, target: str, ondelete: str | None = None, target_column: str = "id"):
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.{target_column}"], name=op.f(f"fk_{table}_{column}_{target}"), ondelete=ondelete
    )


def _check(table: str, name: str, sql: str) -> sa.CheckConstraint:
    return sa.CheckConstraint(sql, name=op.f(f"ck_{table}_{name}"))


def _approval_table(name: str, *, new: bool) -> None:
    roles = "'assistant', 'employer', 'union_rep'" + (", 'municipality'" if new else "")
    columns = [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rota_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("who", sa.String(100), nullable=False),
        sa.Column("assistant_id", sa.Integer(), nullable=True),
        sa.Column("seen_on", sa.Date(), nullable=True),
        sa.Column("approved_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    ]
    if new:
        columns += [
            sa.Column("channel", sa.String(16), nullable=False),
            sa.Column("approved", sa.Boolean(), nullable=False),
            sa.Column("comment", sa.Text(), nullable=False),
            sa.Column("approved_at", sa.DateTime(), nullable=True),
            sa.Column("event_id", sa.String(36), nullable=True),
            sa.Column("content_hash", sa.String(64), nullable=True),
            _check("rota_approval", "channel", "channel IN ('table', 'link', 'staff_page', 'paper')"),
            sa.UniqueConstraint("event_id", name=op.f("uq_rota_approval_event_id")),
        ]
    op.create_table(
        name,
        *columns,
        _check("rota_approval", "role", f"role IN ({roles})"),
        _check(
            "rota_approval",
            "approved_after_seen",
            "approved_on IS NULL OR (seen_on IS NOT NULL AND approved_on >= seen_on)",
        ),
        _fk("rota_approval", "rota_id", "rota", ondelete="CASCADE"),
        _fk("rota_approval", "assistant_id", "assistant"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rota_approval")),
    )


def _swap_approval_table(*, new: bool, copy_sql: str) -> None:
    _approval_table("_rota_approval_0007", new=new)
    op.execute(copy_sql)
    op.drop_index(op.f("ix_rota_approval_rota_id"), table_name="rota_approval")
    op.drop_table("rota_approval")
    op.rename_table("_rota_approval_0007", "rota_approval")
    op.create_index(op.f("ix_rota_approval_rota_id"), "rota_approval", ["rota_id"])


def upgrade() -> None:
    op.create_table(
        "assistant_pin",
        sa.Column("assistant_id", sa.Integer(), nullable=False),
        sa.Column("pin_hash", sa.Text(), nullable=False),
        sa.Column("salt", sa.LargeBinary(), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked_at", sa.DateTime(), nullable=True),
        sa.Column("set_at", sa.DateTime(), nullable=False),
        _check("assistant_pin", "failed_attempts", "failed_attempts >= 0"),
        _fk("assistant_pin", "assistant_id", "assistant"),
        sa.PrimaryKeyConstraint("assistant_id", name=op.f("pk_assistant_pin")),
    )
    op.create_table(
        "assistant_ref",
        sa.Column("assistant_id", sa.Integer(), nullable=False),
        sa.Column("ref", sa.String(40), nullable=False),
        sa.Column("short_name", sa.String(40), nullable=True),
        _fk("assistant_ref", "assistant_id", "assistant"),
        sa.PrimaryKeyConstraint("assistant_id", name=op.f("pk_assistant_ref")),
        sa.UniqueConstraint("ref", name=op.f("uq_assistant_ref_ref")),
    )
    op.create_table(
        "deviation_proposal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.String(36), nullable=False),
        sa.Column("assistant_id", sa.Integer(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("shift_ref", sa.String(40), nullable=True),
        sa.Column("change", sa.String(16), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=True),
        sa.Column("ends_at", sa.DateTime(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("channel", sa.String(8), nullable=False),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("decided_reason", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        _check("deviation_proposal", "change",
               "change IN ('as_planned', 'late_start', 'left_early', 'stayed_longer', 'sick', 'extra_shift')"),
        _check("deviation_proposal", "channel", "channel IN ('table', 'link')"),
        _check("deviation_proposal", "status", "status IN ('open', 'accepted', 'declined')"),
        _check("deviation_proposal", "minutes", "minutes >= 0"),
        _fk("deviation_proposal", "assistant_id", "assistant"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deviation_proposal")),
        sa.UniqueConstraint("event_id", name=op.f("uq_deviation_proposal_event_id")),
    )
    op.create_index(op.f("ix_deviation_proposal_status"), "deviation_proposal", ["status"])
    op.create_table(
        "timesheet_confirmation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("timesheet_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("actor", sa.String(16), nullable=False),
        sa.Column("channel", sa.String(8), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=True),  # none on paper: the paper is what was seen
        sa.Column("confirmed_at", sa.DateTime(), nullable=False),
        sa.Column("event_id", sa.String(36), nullable=True),
        _check("timesheet_confirmation", "actor", "actor IN ('assistant', 'arbeidsleder')"),
        _check("timesheet_confirmation", "channel", "channel IN ('table', 'link', 'paper')"),
        _fk("timesheet_confirmation", "timesheet_id", "timesheet"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_timesheet_confirmation")),
        sa.UniqueConstraint("event_id", name=op.f("uq_timesheet_confirmation_event_id")),
    )
    op.create_index(op.f("ix_timesheet_confirmation_timesheet_id"), "timesheet_confirmation", ["timesheet_id"])
    op.create_table(
        "share_link",
        sa.Column("link_id", sa.String(36), nullable=False),
        sa.Column("arrangement_id", sa.Integer(), nullable=True),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("assistant_id", sa.Integer(), nullable=True),
        sa.Column("label", sa.String(40), nullable=False),
        sa.Column("code_sha256", sa.String(64), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("revoke_sent_at", sa.DateTime(), nullable=True),
        _check("share_link", "role", "role IN ('assistant', 'union_rep', 'employer')"),
        _fk("share_link", "arrangement_id", "arrangement"),
        _fk("share_link", "assistant_id", "assistant"),
        sa.PrimaryKeyConstraint("link_id", name=op.f("pk_share_link")),
    )
    op.create_table(
        "publication",
        sa.Column("publication_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("assistant_id", sa.Integer(), nullable=True),
        sa.Column("period_start", sa.Date(), nullable=True),
        sa.Column("rota_id", sa.Integer(), nullable=True),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        _check("publication", "kind", "kind IN ('month', 'rota')"),
        _fk("publication", "assistant_id", "assistant"),
        _fk("publication", "rota_id", "rota", ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("publication_id", name=op.f("pk_publication")),
    )
    op.create_table(
        "sharing_refusal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.String(36), nullable=False),
        sa.Column("reason_key", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sharing_refusal")),
    )

    op.add_column("timesheet", sa.Column("unconfirmed_reason", sa.Text(), nullable=True))
    op.execute(REASON_TRIGGER)
    op.add_column("sync_enrolment", sa.Column("receiver_key_id", sa.String(16), nullable=True))
    op.add_column("sync_enrolment", sa.Column("receiver_public_key", sa.LargeBinary(), nullable=True))
    op.add_column("sync_enrolment", sa.Column("events_cursor", sa.Integer(), nullable=False, server_default="0"))

    _swap_approval_table(new=True, copy_sql=(
        f"INSERT INTO _rota_approval_0007 ({OLD_APPROVAL_COLUMNS}, channel, approved, comment) "
        f"SELECT {OLD_APPROVAL_COLUMNS}, 'paper', approved_on IS NOT NULL, '' FROM rota_approval"
    ))


def downgrade() -> None:
    # An approval the municipality gave has no place in the old table: it goes with the columns.
    _swap_approval_table(new=False, copy_sql=(
        f"INSERT INTO _rota_approval_0007 ({OLD_APPROVAL_COLUMNS}) "
        f"SELECT {OLD_APPROVAL_COLUMNS} FROM rota_approval WHERE role != 'municipality'"
    ))
    for column in ("events_cursor", "receiver_public_key", "receiver_key_id"):
        op.execute(f"ALTER TABLE sync_enrolment DROP COLUMN {column}")
    op.execute("DROP TRIGGER timesheet_locked_unconfirmed_reason")
    op.execute("ALTER TABLE timesheet DROP COLUMN unconfirmed_reason")  # native: the triggers stay
    for table in ("sharing_refusal", "publication", "share_link", "timesheet_confirmation",
                  "deviation_proposal", "assistant_ref", "assistant_pin"):
        op.drop_table(table)
