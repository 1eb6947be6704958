"""Initial receiver schema (arrangements, keys, tokens, submissions, decisions, staff).

Revision ID: 0001
Revises: 
Create Date: 2026-11-26 06:22:44.299809

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0001'
down_revision: Union[str, Sequence[str], None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('arrangement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ref', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('vedtak_minutes_per_week', sa.Integer(), nullable=True),
    sa.Column('vedtak_pay_codes', sa.String(length=500), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_arrangement')),
    sa.UniqueConstraint('name', name=op.f('uq_arrangement_name')),
    sa.UniqueConstraint('ref', name=op.f('uq_arrangement_ref'))
    )
    op.create_table('audit_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('subject', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_event'))
    )
    op.create_table('counter',
    sa.Column('name', sa.String(length=32), nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_counter'))
    )
    op.create_table('staff_user',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('disabled_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_user')),
    sa.UniqueConstraint('username', name=op.f('uq_staff_user_username'))
    )
    op.create_table('device_key',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('arrangement_id', sa.Integer(), nullable=False),
    sa.Column('key_id', sa.String(length=16), nullable=False),
    sa.Column('public_key', sa.LargeBinary(length=32), nullable=False),
    sa.Column('device_label', sa.String(length=64), nullable=False),
    sa.Column('enrolled_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['arrangement_id'], ['arrangement.id'], name=op.f('fk_device_key_arrangement_id_arrangement')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_device_key')),
    sa.UniqueConstraint('arrangement_id', 'key_id', name='uq_device_key_arrangement_key')
    )
    with op.batch_alter_table('device_key', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_device_key_arrangement_id'), ['arrangement_id'], unique=False)

    op.create_table('enrol_code',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('arrangement_id', sa.Integer(), nullable=False),
    sa.Column('code_sha256', sa.String(length=64), nullable=False),
    sa.Column('token_salt', sa.LargeBinary(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('used_key_id', sa.String(length=16), nullable=True),
    sa.ForeignKeyConstraint(['arrangement_id'], ['arrangement.id'], name=op.f('fk_enrol_code_arrangement_id_arrangement')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_enrol_code')),
    sa.UniqueConstraint('code_sha256', name=op.f('uq_enrol_code_code_sha256'))
    )
    with op.batch_alter_table('enrol_code', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_enrol_code_arrangement_id'), ['arrangement_id'], unique=False)

    op.create_table('staff_session',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token_sha256', sa.String(length=64), nullable=False),
    sa.Column('staff_user_id', sa.Integer(), nullable=False),
    sa.Column('csrf_token', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['staff_user_id'], ['staff_user.id'], name=op.f('fk_staff_session_staff_user_id_staff_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_session')),
    sa.UniqueConstraint('token_sha256', name=op.f('uq_staff_session_token_sha256'))
    )
    with op.batch_alter_table('staff_session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staff_session_staff_user_id'), ['staff_user_id'], unique=False)

    op.create_table('api_token',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('arrangement_id', sa.Integer(), nullable=False),
    sa.Column('device_key_id', sa.Integer(), nullable=False),
    sa.Column('enrol_code_id', sa.Integer(), nullable=False),
    sa.Column('token_sha256', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['arrangement_id'], ['arrangement.id'], name=op.f('fk_api_token_arrangement_id_arrangement')),
    sa.ForeignKeyConstraint(['device_key_id'], ['device_key.id'], name=op.f('fk_api_token_device_key_id_device_key')),
    sa.ForeignKeyConstraint(['enrol_code_id'], ['enrol_code.id'], name=op.f('fk_api_token_enrol_code_id_enrol_code')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_api_token')),
    sa.UniqueConstraint('enrol_code_id', name=op.f('uq_api_token_enrol_code_id')),
    sa.UniqueConstraint('token_sha256', name=op.f('uq_api_token_token_sha256'))
    )
    with op.batch_alter_table('api_token', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_api_token_arrangement_id'), ['arrangement_id'], unique=False)

    op.create_table('submission',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('submission_id', sa.Uuid(), nullable=False),
    sa.Column('arrangement_id', sa.Integer(), nullable=False),
    sa.Column('device_key_id', sa.Integer(), nullable=False),
    sa.Column('employee_no', sa.String(length=20), nullable=False),
    sa.Column('period', sa.String(length=7), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('supersedes', sa.Uuid(), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('body', sa.LargeBinary(), nullable=False),
    sa.Column('sig', sa.LargeBinary(length=64), nullable=False),
    sa.Column('key_id', sa.String(length=16), nullable=False),
    sa.Column('body_sha256', sa.String(length=64), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('received_via', sa.String(length=8), nullable=False),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.CheckConstraint("state IN ('received', 'accepted', 'rejected')", name=op.f('ck_submission_state')),
    sa.ForeignKeyConstraint(['arrangement_id'], ['arrangement.id'], name=op.f('fk_submission_arrangement_id_arrangement')),
    sa.ForeignKeyConstraint(['device_key_id'], ['device_key.id'], name=op.f('fk_submission_device_key_id_device_key')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_submission')),
    sa.UniqueConstraint('arrangement_id', 'employee_no', 'period', 'version', name='uq_submission_natural_key'),
    sa.UniqueConstraint('submission_id', name=op.f('uq_submission_submission_id'))
    )
    with op.batch_alter_table('submission', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_submission_arrangement_id'), ['arrangement_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_submission_period'), ['period'], unique=False)

    op.create_table('decision',
    sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('submission_pk', sa.Integer(), nullable=False),
    sa.Column('arrangement_id', sa.Integer(), nullable=False),
    sa.Column('decision', sa.String(length=10), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('staff_user_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("decision IN ('accepted', 'rejected')", name=op.f('ck_decision_decision')),
    sa.ForeignKeyConstraint(['arrangement_id'], ['arrangement.id'], name=op.f('fk_decision_arrangement_id_arrangement')),
    sa.ForeignKeyConstraint(['staff_user_id'], ['staff_user.id'], name=op.f('fk_decision_staff_user_id_staff_user')),
    sa.ForeignKeyConstraint(['submission_pk'], ['submission.id'], name=op.f('fk_decision_submission_pk_submission')),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_decision')),
    sa.UniqueConstraint('submission_pk', name=op.f('uq_decision_submission_pk'))
    )
    with op.batch_alter_table('decision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_decision_arrangement_id'), ['arrangement_id'], unique=False)

    # The decisions feed takes its gap-free `seq` from this row (locked while deciding).
    counter = sa.table('counter', sa.column('name', sa.String), sa.column('value', sa.Integer))
    op.bulk_insert(counter, [{'name': 'decision_seq', 'value': 0}])

    op.create_table('submission_line',
    sa.Column('submission_pk', sa.Integer(), nullable=False),
    sa.Column('pay_code', sa.String(length=32), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['submission_pk'], ['submission.id'], name=op.f('fk_submission_line_submission_pk_submission')),
    sa.PrimaryKeyConstraint('submission_pk', 'pay_code', name=op.f('pk_submission_line'))
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('submission_line')
    with op.batch_alter_table('decision', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_decision_arrangement_id'))

    op.drop_table('decision')
    with op.batch_alter_table('submission', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_submission_period'))
        batch_op.drop_index(batch_op.f('ix_submission_arrangement_id'))

    op.drop_table('submission')
    with op.batch_alter_table('api_token', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_api_token_arrangement_id'))

    op.drop_table('api_token')
    with op.batch_alter_table('staff_session', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_staff_session_staff_user_id'))

    op.drop_table('staff_session')
    with op.batch_alter_table('enrol_code', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_enrol_code_arrangement_id'))

    op.drop_table('enrol_code')
    with op.batch_alter_table('device_key', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_device_key_arrangement_id'))

    op.drop_table('device_key')
    op.drop_table('staff_user')
    op.drop_table('counter')
    op.drop_table('audit_event')
    op.drop_table('arrangement')
