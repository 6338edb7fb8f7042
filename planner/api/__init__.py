"""JSON API v1: validate, store, enqueue, read. Never calls a provider inline."""

from planner.api.routes import bp

__all__ = ["bp"]
