"""bpa-sync/2: the receiver's signing key, publications, link grants and revocations, and the
receiver-signed events with their per-arrangement counter (`arrangement.event_head`).

Revision ID: 0003
Revises: 0002
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: Union[str, Sequence[str], None] = "0002"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def _arrangement_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["arrangement_id"], ["arrangement.id"],
                                   name=op.f(f"fk_{table}_arrangement_id_arrangement"))


def upgrade() -> None:
    with op.batch_alter_table("arrangement") as batch:
        batch.add_column(sa.Column("event_head", sa.Integer(), nullable=False, server_default="0"))

    op.create_table(
        "receiver_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key_id", sa.String(length=16), nullable=False),
        sa.Column("public_key", sa.LargeBinary(length=32), nullable=False),
        sa.Column("sealed_private_key", sa.LargeBinary(length=64), nullable=False),
        sa.Column("kdf_salt", sa.LargeBinary(length=16), nullable=False),
        sa.Column("nonce", sa.LargeBinary(length=12), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_receiver_key")),
        sa.UniqueConstraint("key_id", name=op.f("uq_receiver_key_key_id")),
    )
    op.create_table(
        "publication",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("publication_id", sa.Uuid(), nullable=False),
        sa.Column("arrangement_id", sa.Integer(), nullable=False),
        sa.Column("device_key_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("assistant_ref", sa.String(length=40), nullable=True),
        sa.Column("period", sa.String(length=7), nullable=True),
        sa.Column("rota_version_id", sa.Integer(), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        sa.Column("sig", sa.LargeBinary(length=64), nullable=False),
        sa.Column("key_id", sa.String(length=16), nullable=False),
        sa.Column("body_sha256", sa.String(length=64), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("kind IN ('month', 'rota')", name=op.f("ck_publication_kind")),
        _arrangement_fk("publication"),
        sa.ForeignKeyConstraint(["device_key_id"], ["device_key.id"], name=op.f("fk_publication_device_key_id_device_key")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_publication")),
        sa.UniqueConstraint("publication_id", name=op.f("uq_publication_publication_id")),
    )
    with op.batch_alter_table("publication") as batch:
        batch.create_index(batch.f("ix_publication_arrangement_id"), ["arrangement_id"], unique=False)
        batch.create_index(batch.f("ix_publication_assistant_ref"), ["assistant_ref"], unique=False)
    op.create_table(
        "link_grant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("link_id", sa.Uuid(), nullable=False),
        sa.Column("arrangement_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("assistant_ref", sa.String(length=40), nullable=True),
        sa.Column("label", sa.String(length=40), nullable=False),
        sa.Column("code_sha256", sa.String(length=64), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("grant_sha256", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("role IN ('assistant', 'union_rep', 'employer')", name=op.f("ck_link_grant_role")),
        _arrangement_fk("link_grant"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_link_grant")),
        sa.UniqueConstraint("link_id", name=op.f("uq_link_grant_link_id")),
        sa.UniqueConstraint("code_sha256", name=op.f("uq_link_grant_code_sha256")),
    )
    with op.batch_alter_table("link_grant") as batch:
        batch.create_index(batch.f("ix_link_grant_arrangement_id"), ["arrangement_id"], unique=False)
    op.create_table(
        "link_revocation",
        sa.Column("link_id", sa.Uuid(), nullable=False),
        sa.Column("arrangement_id", sa.Integer(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        _arrangement_fk("link_revocation"),
        sa.PrimaryKeyConstraint("link_id", name=op.f("pk_link_revocation")),
    )
    with op.batch_alter_table("link_revocation") as batch:
        batch.create_index(batch.f("ix_link_revocation_arrangement_id"), ["arrangement_id"], unique=False)
    op.create_table(
        "link_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("arrangement_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("link_id", sa.Uuid(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("publication_id", sa.Uuid(), nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        sa.Column("sig", sa.LargeBinary(length=64), nullable=False),
        sa.Column("key_id", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        _arrangement_fk("link_event"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_link_event")),
        sa.UniqueConstraint("event_id", name=op.f("uq_link_event_event_id")),
        sa.UniqueConstraint("arrangement_id", "seq", name="uq_link_event_arrangement_seq"),
    )
    with op.batch_alter_table("link_event") as batch:
        batch.create_index(batch.f("ix_link_event_arrangement_id"), ["arrangement_id"], unique=False)


def downgrade() -> None:
    for table in ("link_event", "link_revocation", "link_grant", "publication"):
        op.drop_table(table)
    op.drop_table("receiver_key")
    with op.batch_alter_table("arrangement") as batch:
        batch.drop_column("event_head")
