"""pipeline: plan deadline, provider run attempts and cache hits

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa


revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("plans") as batch:
        batch.add_column(sa.Column("deadline_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("provider_runs") as batch:
        batch.add_column(sa.Column("attempts", sa.Integer(), server_default="0", nullable=False))
        batch.add_column(sa.Column("cached", sa.Integer(), server_default="0", nullable=False))
        batch.add_column(sa.Column("started_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("provider_runs") as batch:
        batch.drop_column("started_at")
        batch.drop_column("cached")
        batch.drop_column("attempts")
    with op.batch_alter_table("plans") as batch:
        batch.drop_column("deadline_at")
