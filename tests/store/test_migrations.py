"""Migrations build the schema from empty, match the models, and go down and up again."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from planner.config import Settings
from planner.store.db import Database, downgrade, migration_state, upgrade
from planner.store.models import Base, Rejection


def test_schema_is_at_head_and_matches_models(settings: Settings) -> None:
    db = Database(settings.database_url)
    current, head = migration_state(db.engine)
    assert current == head
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    db.dispose()
    assert diff == [], f"models and migrations differ: {diff}"


def test_downgrade_to_empty_and_upgrade_again(settings: Settings) -> None:
    db = Database(settings.database_url)
    try:
        downgrade(settings.database_url, "base")
        assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
        upgrade(settings.database_url)
        db.engine.dispose()
        assert {"plans", "rejections", "skill_goals", "roadmap_items", "provider_runs",
                "resources"} <= set(inspect(db.engine).get_table_names())
    finally:
        upgrade(settings.database_url)
        db.dispose()


def test_rejections_stored_before_unnamed_reasons_read_as_none_listed(settings: Settings) -> None:
    db = Database(settings.database_url)
    try:
        downgrade(settings.database_url, "0003")
        with db.engine.begin() as conn:
            conn.execute(text("INSERT INTO users (id, display_name, created_at) "
                              "VALUES ('old-user', '', CURRENT_TIMESTAMP)"))
            conn.execute(text(
                "INSERT INTO rejections (id, owner_id, text, templated, actions, created_at) "
                "VALUES ('old-rej', 'old-user', 'You lacked SQL.', false, '[]', "
                "CURRENT_TIMESTAMP)"))
        upgrade(settings.database_url)
        db.engine.dispose()
        with db.session() as s:
            rej = s.get(Rejection, "old-rej")
            assert rej is not None and rej.text == "You lacked SQL."
            assert rej.unnamed_reasons == []
    finally:
        upgrade(settings.database_url)
        with db.engine.begin() as conn:
            conn.execute(text("DELETE FROM rejections WHERE id = 'old-rej'"))
            conn.execute(text("DELETE FROM users WHERE id = 'old-user'"))
        db.dispose()
