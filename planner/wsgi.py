"""WSGI entry point: ``gunicorn planner.wsgi:app``."""

from planner import create_app

app = create_app()
