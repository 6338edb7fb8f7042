"""unnamed reasons: the sentences of a rejection that give a reason but name no skill

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa


revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # rejections stored before this revision were read without looking for such sentences
    with op.batch_alter_table("rejections") as batch:
        batch.add_column(sa.Column("unnamed_reasons", sa.JSON(), server_default="[]",
                                   nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("rejections") as batch:
        batch.drop_column("unnamed_reasons")
