"""Server-rendered pages: new plan, goals, live progress, roadmap, history, providers."""

from planner.web import errors, goals, roadmap  # noqa: F401 - they register their routes on bp
from planner.web.pages import bp

__all__ = ["bp"]
