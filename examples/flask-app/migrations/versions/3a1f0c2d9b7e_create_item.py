"""create item table

Revision ID: 3a1f0c2d9b7e
Revises:
Create Date: 2024-03-02 10:12:44.000000
"""
import sqlalchemy as sa
from alembic import op

revision = "3a1f0c2d9b7e"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "item",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("sku", sa.String(length=32), nullable=False, unique=True),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime()),
    )


def downgrade():
    op.drop_table("item")
