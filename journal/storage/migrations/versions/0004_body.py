"""The body log: logs, pad changes, recovery details, appointments, signs, drafts.

Revision ID: 0004_body
Revises: 0001_vault
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_body"
down_revision = "0001_vault"
branch_labels = ("body",)
depends_on = None


def upgrade() -> None:
    """Alembic's step up to this revision, on the open journal's connection: the body log:
    logs, pad changes, recovery details, appointments, signs, drafts."""
    op.create_table(
        "body_logs",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("logged_at", sa.DateTime(), nullable=False),
        sa.Column("bleeding", sa.Integer(), nullable=False),
        sa.Column("clots", sa.String(16), nullable=False),
        sa.Column("tissue_passed", sa.Boolean(), nullable=False),
        sa.Column("cramping", sa.Integer(), nullable=False),
        sa.Column("pain_relief", sa.Text(), nullable=False),
        sa.Column("pain_relief_at", sa.DateTime(), nullable=True),
        sa.Column("temperature_value", sa.Float(), nullable=True),
        sa.Column("temperature_unit", sa.String(16), nullable=True),
        sa.Column("chills", sa.Boolean(), nullable=False),
        sa.Column("discharge", sa.String(24), nullable=False),
        sa.Column("pain_with_sex", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_body_logs")),
    )
    op.create_index(op.f("ix_body_logs_logged_at"), "body_logs", ["logged_at"])
    op.create_table(
        "body_pad_changes",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("soaking", sa.String(16), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_body_pad_changes")),
    )
    op.create_index(op.f("ix_body_pad_changes_changed_at"), "body_pad_changes", ["changed_at"])
    op.create_table(
        "body_recovery",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("loss_date", sa.Date(), nullable=True),
        sa.Column("loss_kind", sa.String(24), nullable=False),
        sa.Column("treatment", sa.String(24), nullable=False),
        sa.Column("treatment_note", sa.Text(), nullable=False),
        sa.Column("bleeding_stopped_on", sa.Date(), nullable=True),
        sa.Column("first_period_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_body_recovery")),
    )
    op.create_table(
        "body_appointments",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("when", sa.DateTime(), nullable=False),
        sa.Column("place", sa.Text(), nullable=False),
        sa.Column("questions", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_body_appointments")),
    )
    op.create_index(op.f("ix_body_appointments_when"), "body_appointments", ["when"])
    op.create_table(
        "body_signs",
        sa.Column("key", sa.String(80), nullable=False),
        sa.Column("sign", sa.String(40), nullable=False),
        sa.Column("evidence_at", sa.DateTime(), nullable=False),
        sa.Column("raised_at", sa.DateTime(), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_body_signs")),
    )
    op.create_table(
        "body_drafts",
        sa.Column("key", sa.String(32), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_body_drafts")),
    )


def downgrade() -> None:
    """Alembic's step back to the previous revision: undoes `upgrade`."""
    op.drop_table("body_drafts")
    op.drop_table("body_signs")
    op.drop_index(op.f("ix_body_appointments_when"), table_name="body_appointments")
    op.drop_table("body_appointments")
    op.drop_table("body_recovery")
    op.drop_index(op.f("ix_body_pad_changes_changed_at"), table_name="body_pad_changes")
    op.drop_table("body_pad_changes")
    op.drop_index(op.f("ix_body_logs_logged_at"), table_name="body_logs")
    op.drop_table("body_logs")
