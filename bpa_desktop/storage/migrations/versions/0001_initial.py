"""Initial schema: arrangements, vedtak, assistants, rotas, shifts, absences, timesheets, audit.

Revision ID: 0001
Revises:
Create Date: 2026-11-26

Frozen: this file must not import the app's ORM classes or enums, so that it keeps
describing the schema as it was when it shipped. Enum value lists are written out.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=32)


def _pk(table: str) -> sa.PrimaryKeyConstraint:
    return sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}"))


def _fk(table: str, column: str, target: str, ondelete: str | None = None):
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"), ondelete=ondelete
    )


def _check(table: str, name: str, sql: str) -> sa.CheckConstraint:
    return sa.CheckConstraint(sql, name=op.f(f"ck_{table}_{name}"))


def _index(table: str, *columns: str) -> None:
    op.create_index(op.f(f"ix_{table}_{'_'.join(columns)}"), table, list(columns))


def _create_passive_table(shift_table: str) -> None:
    """Passive (hvilende) intervals of a shift; a shift may have several."""
    table = f"{shift_table}_passive"
    op.create_table(
        table,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column("start_at", sa.DateTime(), nullable=False),
        sa.Column("end_at", sa.DateTime(), nullable=False),
        _check(table, "period", "end_at > start_at"),
        sa.ForeignKeyConstraint(
            ["shift_id"],
            [f"{shift_table}.id"],
            name=op.f(f"fk_{table}_shift_id_{shift_table}"),
            ondelete="CASCADE",
        ),
        _pk(table),
    )
    _index(table, "shift_id")


SHIFT_KINDS = ("planned", "extra", "overtime", "swap", "substitute")

# An attested timesheet is locked: its content can never change and it is never deleted.
# Only the status may move on (submitted, accepted, rejected) as the receiver answers.
LOCKED_STATUSES = "('attested', 'submitted', 'accepted', 'rejected')"
TIMESHEET_TRIGGERS = (
    f"""
    CREATE TRIGGER timesheet_locked_update
    BEFORE UPDATE OF assistant_id, period_start, period_end, version, supersedes_id,
        content_hash, correction_reason, attested_at, attested_by ON timesheet
    WHEN OLD.status IN {LOCKED_STATUSES}
    BEGIN SELECT RAISE(ABORT, 'attested timesheet is locked'); END
    """,
    f"""
    CREATE TRIGGER timesheet_locked_unattest
    BEFORE UPDATE OF status ON timesheet
    WHEN OLD.status IN {LOCKED_STATUSES} AND NEW.status IN ('draft', 'confirmed')
    BEGIN SELECT RAISE(ABORT, 'attested timesheet is locked'); END
    """,
    f"""
    CREATE TRIGGER timesheet_locked_delete
    BEFORE DELETE ON timesheet
    WHEN OLD.status IN {LOCKED_STATUSES}
    BEGIN SELECT RAISE(ABORT, 'attested timesheet is locked'); END
    """,
)


def upgrade() -> None:
    op.create_table(
        "arrangement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("recipient_name", sa.String(200), nullable=False),
        sa.Column("leader_name", sa.String(200), nullable=False),
        sa.Column(
            "employer_kind",
            _enum("employer_kind", "municipality", "private_provider"),
            nullable=False,
        ),
        sa.Column("employer_name", sa.String(200), nullable=False),
        sa.Column("employer_org_no", sa.String(9), nullable=False),
        sa.Column("municipality", sa.String(100), nullable=False),
        sa.Column(
            "agreement",
            _enum("agreement", "aml", "individual", "tariff", "home-employer", "relief"),
            nullable=False,
        ),
        sa.Column("pay_profile", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        _pk("arrangement"),
    )

    op.create_table(
        "vedtak",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("arrangement_id", sa.Integer(), nullable=False),
        sa.Column("hours_per_week", sa.Float(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("reference", sa.String(100), nullable=False),
        sa.Column("services", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        _check("vedtak", "hours_per_week", "hours_per_week > 0 AND hours_per_week <= 168"),
        _check("vedtak", "period", "valid_to IS NULL OR valid_to >= valid_from"),
        _fk("vedtak", "arrangement_id", "arrangement"),
        _pk("vedtak"),
    )
    _index("vedtak", "arrangement_id")

    op.create_table(
        "assistant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("arrangement_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("employee_no", sa.String(32), nullable=False),
        sa.Column("employment_percent", sa.Float(), nullable=False),
        sa.Column(
            "kind",
            _enum("assistant_kind", "permanent", "substitute", "on_call"),
            nullable=False,
        ),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("colour", sa.String(9), nullable=False),
        _check(
            "assistant",
            "employment_percent",
            "employment_percent > 0 AND employment_percent <= 100",
        ),
        _check(
            "assistant",
            "period",
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
        ),
        _fk("assistant", "arrangement_id", "arrangement"),
        sa.UniqueConstraint(
            "arrangement_id", "employee_no", name=op.f("uq_assistant_arrangement_id_employee_no")
        ),
        _pk("assistant"),
    )
    _index("assistant", "arrangement_id")

    op.create_table(
        "shift_template",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("arrangement_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(16), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("start_time", sa.String(5), nullable=False),
        sa.Column("end_time", sa.String(5), nullable=False),
        sa.Column("passive_start", sa.String(5), nullable=True),
        sa.Column("passive_end", sa.String(5), nullable=True),
        sa.Column("colour", sa.String(9), nullable=False),
        _fk("shift_template", "arrangement_id", "arrangement"),
        sa.UniqueConstraint(
            "arrangement_id", "code", name=op.f("uq_shift_template_arrangement_id_code")
        ),
        _pk("shift_template"),
    )
    _index("shift_template", "arrangement_id")

    op.create_table(
        "rota",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("arrangement_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("weeks", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        _check("rota", "weeks", "weeks >= 1"),
        _check("rota", "period", "end_date >= start_date"),
        _fk("rota", "arrangement_id", "arrangement"),
        _pk("rota"),
    )
    _index("rota", "arrangement_id")

    op.create_table(
        "rota_cell",
        sa.Column("rota_id", sa.Integer(), nullable=False),
        sa.Column("assistant_id", sa.Integer(), nullable=False),
        sa.Column("week_index", sa.Integer(), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("template_id", sa.Integer(), nullable=False),
        _check("rota_cell", "weekday", "weekday BETWEEN 0 AND 6"),
        _check("rota_cell", "week_index", "week_index >= 0"),
        _fk("rota_cell", "rota_id", "rota", ondelete="CASCADE"),
        _fk("rota_cell", "assistant_id", "assistant"),
        _fk("rota_cell", "template_id", "shift_template"),
        sa.PrimaryKeyConstraint(
            "rota_id", "assistant_id", "week_index", "weekday", name=op.f("pk_rota_cell")
        ),
    )
    _index("rota_cell", "template_id")

    op.create_table(
        "planned_shift",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("arrangement_id", sa.Integer(), nullable=False),
        sa.Column("rota_id", sa.Integer(), nullable=True),
        sa.Column("assistant_id", sa.Integer(), nullable=False),
        sa.Column("start_at", sa.DateTime(), nullable=False),
        sa.Column("end_at", sa.DateTime(), nullable=False),
        sa.Column("template_code", sa.String(16), nullable=True),
        sa.Column("kind", _enum("planned_shift_kind", *SHIFT_KINDS), nullable=False),
        _check("planned_shift", "period", "end_at > start_at"),
        _fk("planned_shift", "arrangement_id", "arrangement"),
        _fk("planned_shift", "rota_id", "rota", ondelete="SET NULL"),
        _fk("planned_shift", "assistant_id", "assistant"),
        _pk("planned_shift"),
    )
    _index("planned_shift", "arrangement_id", "start_at")
    _index("planned_shift", "assistant_id", "start_at")
    _index("planned_shift", "rota_id")
    _create_passive_table("planned_shift")

    op.create_table(
        "worked_shift",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("arrangement_id", sa.Integer(), nullable=False),
        sa.Column("assistant_id", sa.Integer(), nullable=False),
        sa.Column("planned_shift_id", sa.Integer(), nullable=True),
        sa.Column("start_at", sa.DateTime(), nullable=False),
        sa.Column("end_at", sa.DateTime(), nullable=False),
        sa.Column("template_code", sa.String(16), nullable=True),
        sa.Column("kind", _enum("worked_shift_kind", *SHIFT_KINDS), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        _check("worked_shift", "period", "end_at > start_at"),
        _fk("worked_shift", "arrangement_id", "arrangement"),
        _fk("worked_shift", "assistant_id", "assistant"),
        _fk("worked_shift", "planned_shift_id", "planned_shift", ondelete="SET NULL"),
        _pk("worked_shift"),
    )
    _index("worked_shift", "arrangement_id", "start_at")
    _index("worked_shift", "assistant_id", "start_at")
    _index("worked_shift", "planned_shift_id")
    _create_passive_table("worked_shift")

    op.create_table(
        "absence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assistant_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            _enum("absence_kind", "egenmelding", "sykmelding", "ferie", "permisjon", "sykt_barn"),
            nullable=False,
        ),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("percent", sa.Integer(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        _check("absence", "period", "end_date >= start_date"),
        _check("absence", "percent", "percent > 0 AND percent <= 100"),
        _fk("absence", "assistant_id", "assistant"),
        _pk("absence"),
    )
    _index("absence", "assistant_id", "start_date")

    op.create_table(
        "timesheet",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assistant_id", sa.Integer(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column(
            "status",
            _enum(
                "timesheet_status",
                "draft",
                "confirmed",
                "attested",
                "submitted",
                "accepted",
                "rejected",
            ),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("supersedes_id", sa.Integer(), nullable=True),
        sa.Column("content_hash", sa.String(64), nullable=True),
        sa.Column("correction_reason", sa.Text(), nullable=False),
        sa.Column("attested_at", sa.DateTime(), nullable=True),
        sa.Column("attested_by", sa.String(32), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        _check("timesheet", "period", "period_end >= period_start"),
        _check("timesheet", "version", "version >= 1"),
        _fk("timesheet", "assistant_id", "assistant"),
        _fk("timesheet", "supersedes_id", "timesheet"),
        sa.UniqueConstraint(
            "assistant_id",
            "period_start",
            "version",
            name=op.f("uq_timesheet_assistant_id_period_start_version"),
        ),
        _pk("timesheet"),
    )
    _index("timesheet", "assistant_id")
    _index("timesheet", "supersedes_id")
    for trigger in TIMESHEET_TRIGGERS:
        op.execute(trigger)

    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(32), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("entity", sa.String(64), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("arrangement_id", sa.Integer(), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        _fk("audit_log", "arrangement_id", "arrangement"),
        _pk("audit_log"),
    )
    _index("audit_log", "arrangement_id", "at")


def downgrade() -> None:
    for table in (
        "audit_log",
        "timesheet",  # drops its triggers too
        "absence",
        "worked_shift_passive",
        "worked_shift",
        "planned_shift_passive",
        "planned_shift",
        "rota_cell",
        "rota",
        "shift_template",
        "assistant",
        "vedtak",
        "arrangement",
    ):
        op.drop_table(table)
