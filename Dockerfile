# One image for every service; docker-compose.yml picks the command.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY planner ./planner
COPY workers ./workers
COPY plugins ./plugins
# EXTRAS=flower adds the optional Flower dashboard (compose profile "flower").
ARG EXTRAS=""
RUN pip install . && for p in plugins/[a-z]*/; do pip install "$p"; done \
    && if [ -n "$EXTRAS" ]; then pip install ".[$EXTRAS]"; fi
RUN useradd --create-home planner
USER planner
EXPOSE 8000
CMD ["gunicorn", "planner.wsgi:app", "-b", "0.0.0.0:8000", "-w", "2", "--threads", "4"]
