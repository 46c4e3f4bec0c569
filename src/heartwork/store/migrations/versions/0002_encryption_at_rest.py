"""Encryption at rest: a keyring row, and private text/JSON columns stored as tagged text
("p:<plain>" or "e1:<AES-GCM ciphertext>").

Existing values are rewritten as "p:<value>" (plain: no passphrase is set by a migration). On PostgreSQL the
JSON/VARCHAR columns become TEXT (ciphertext is longer than the plain limits). SQLite does not enforce
declared types or lengths, so there the type change would only rebuild tables (and risk their constraints)
for nothing: it is skipped and only the values are rewritten.

Revision ID: 0002
Revises: 0001
Create Date: 2025-01-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# (table, column, type before this revision); frozen here, independent of later model changes.
COLUMNS: tuple[tuple[str, str, sa.types.TypeEngine], ...] = (
    ("journal_entries", "title", sa.String(300)),
    ("journal_entries", "body", sa.Text()),
    ("journal_entries", "data", sa.JSON()),
    ("daily_choices", "note", sa.Text()),
    ("daily_choices", "analysis", sa.JSON()),
    ("questionnaire_responses", "answers", sa.JSON()),
    ("questionnaire_responses", "scores", sa.JSON()),
    ("conversations", "title", sa.String(300)),
    ("conversation_turns", "private_draft", sa.Text()),
    ("conversation_turns", "sent_text", sa.Text()),
    ("chats", "name", sa.String(300)),
    ("chat_messages", "author", sa.String(200)),
    ("chat_messages", "text", sa.Text()),
)


def upgrade() -> None:
    op.create_table(
        "keyring",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kdf", sa.Text(), nullable=True),
        sa.Column("salt", sa.String(64), nullable=True),
        sa.Column("key_check", sa.Text(), nullable=True),
        sa.Column("changed_at", sa.DateTime(timezone=False), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_keyring"),
    )
    op.execute("INSERT INTO keyring (id) VALUES (1)")
    postgres = op.get_bind().dialect.name == "postgresql"
    for table, column, old_type in COLUMNS:
        if postgres and not isinstance(old_type, sa.Text):
            op.alter_column(
                table,
                column,
                type_=sa.Text(),
                existing_type=old_type,
                postgresql_using=f"{column}::text",
            )
        op.execute(f"UPDATE {table} SET {column} = 'p:' || {column} WHERE {column} IS NOT NULL")


def downgrade() -> None:
    bind = op.get_bind()
    salt = bind.execute(sa.text("SELECT salt FROM keyring WHERE id = 1")).scalar()
    if salt is not None:
        raise RuntimeError(
            "This database is encrypted; remove the passphrase first (`heartwork passphrase --remove`) "
            "before downgrading below revision 0002."
        )
    for table, column, _ in COLUMNS:
        bad = bind.execute(
            sa.text(f"SELECT count(*) FROM {table} WHERE {column} IS NOT NULL AND {column} NOT LIKE 'p:%'")
        ).scalar()
        if bad:
            raise RuntimeError(f"{table}.{column} holds {bad} values that are not plain; cannot downgrade.")
    postgres = bind.dialect.name == "postgresql"
    for table, column, old_type in COLUMNS:
        op.execute(f"UPDATE {table} SET {column} = substr({column}, 3) WHERE {column} IS NOT NULL")
        if postgres and not isinstance(old_type, sa.Text):
            using = f"{column}::json" if isinstance(old_type, sa.JSON) else None
            op.alter_column(table, column, type_=old_type, existing_type=sa.Text(), postgresql_using=using)
    op.drop_table("keyring")
