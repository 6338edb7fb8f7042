"""Persistence: SQLAlchemy models, sessions, migrations and queries."""

from planner.store import accounts  # noqa: F401  (registers the account tables on Base.metadata)
from planner.store.db import Database, migration_state, upgrade

__all__ = ["Database", "migration_state", "upgrade"]
