"""Server-rendered pages."""

from planner.web.pages import bp

__all__ = ["bp"]
