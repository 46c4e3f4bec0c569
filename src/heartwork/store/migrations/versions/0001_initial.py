"""Initial schema: users, pairing, journal, daily choices, questionnaires, repair conversations, chats.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=False)


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("username", sa.String(100), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=True),
        sa.Column("display_name", sa.String(200), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_users"),
        sa.UniqueConstraint("username", name="uq_users_username"),
    )
    op.create_table(
        "pairs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_a", sa.Integer(), nullable=False),
        sa.Column("user_b", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("ended_at", TS, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_pairs"),
        sa.ForeignKeyConstraint(["user_a"], ["users.id"], name="fk_pairs_user_a_users", ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_b"], ["users.id"], name="fk_pairs_user_b_users", ondelete="CASCADE"),
        sa.CheckConstraint("user_a <> user_b", name="ck_pairs_distinct_users"),
    )
    op.create_index("ix_pairs_user_a", "pairs", ["user_a"])
    op.create_index("ix_pairs_user_b", "pairs", ["user_b"])
    op.create_table(
        "pair_invites",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code_hash", sa.String(128), nullable=False),
        sa.Column("from_user", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("expires_at", TS, nullable=False),
        sa.Column("used_at", TS, nullable=True),
        sa.Column("used_by", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_pair_invites"),
        sa.UniqueConstraint("code_hash", name="uq_pair_invites_code_hash"),
        sa.ForeignKeyConstraint(
            ["from_user"], ["users.id"], name="fk_pair_invites_from_user_users", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["used_by"], ["users.id"], name="fk_pair_invites_used_by_users", ondelete="SET NULL"
        ),
    )
    op.create_index("ix_pair_invites_from_user", "pair_invites", ["from_user"])
    op.create_table(
        "journal_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=True),
        sa.Column("shared", sa.Boolean(), nullable=False),
        sa.Column("sensitive", sa.Boolean(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_journal_entries"),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_journal_entries_user_id_users", ondelete="CASCADE"
        ),
        sa.CheckConstraint("NOT (shared AND sensitive)", name="ck_journal_entries_sensitive_never_shared"),
    )
    op.create_index("ix_journal_entries_user_created", "journal_entries", ["user_id", "created_at"])
    op.create_table(
        "daily_choices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("choice", sa.String(20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("analysis", sa.JSON(), nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_daily_choices"),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_daily_choices_user_id_users", ondelete="CASCADE"
        ),
        sa.CheckConstraint("choice IN ('compassion', 'reacted')", name="ck_daily_choices_choice_valid"),
    )
    op.create_index("ix_daily_choices_user_day", "daily_choices", ["user_id", "day"])
    op.create_table(
        "questionnaire_responses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("instrument", sa.String(40), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("scores", sa.JSON(), nullable=False),
        sa.Column("share_consent", sa.Boolean(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_questionnaire_responses"),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_questionnaire_responses_user_id_users", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_questionnaire_responses_user_id", "questionnaire_responses", ["user_id"])
    op.create_table(
        "conversations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pair_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("stage", sa.String(40), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_conversations"),
        sa.ForeignKeyConstraint(
            ["pair_id"], ["pairs.id"], name="fk_conversations_pair_id_pairs", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_conversations_pair_id", "conversations", ["pair_id"])
    op.create_table(
        "conversation_turns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("private_draft", sa.Text(), nullable=False),
        sa.Column("sent_text", sa.Text(), nullable=True),
        sa.Column("sent_at", TS, nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_conversation_turns"),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["conversations.id"],
            name="fk_conversation_turns_conversation_id_conversations",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_conversation_turns_user_id_users", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_conversation_turns_conversation_id", "conversation_turns", ["conversation_id"])
    op.create_table(
        "chats",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("source_format", sa.String(40), nullable=False),
        sa.Column("imported_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_chats"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name="fk_chats_user_id_users", ondelete="CASCADE"),
    )
    op.create_index("ix_chats_user_id", "chats", ["user_id"])
    op.create_table(
        "chat_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.Integer(), nullable=False),
        sa.Column("ts", TS, nullable=True),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_chat_messages"),
        sa.ForeignKeyConstraint(
            ["chat_id"], ["chats.id"], name="fk_chat_messages_chat_id_chats", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_chat_messages_chat_ts", "chat_messages", ["chat_id", "ts"])


def downgrade() -> None:
    for table in (
        "chat_messages",
        "chats",
        "conversation_turns",
        "conversations",
        "questionnaire_responses",
        "daily_choices",
        "journal_entries",
        "pair_invites",
        "pairs",
        "users",
    ):
        op.drop_table(table)
