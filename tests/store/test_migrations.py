"""Migrations build the schema from empty, match the models, and go down and up again."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from planner.config import Settings
from planner.store.db import Database, downgrade, migration_state, upgrade
from planner.store.models import Base


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
