# Two images: `app` (gunicorn web, celery worker and beat share it) and `proxy` (Caddy with the static files).
# docker-compose.yml builds both (build target); see docs/exploitation.md.
FROM python:3.11-slim-bookworm AS app

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_ENV=production VAR_DIR=/app/var STATIC_ROOT=/app/staticfiles

# WeasyPrint needs Pango and HarfBuzz; curl serves the healthcheck.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core curl \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY requirements.lock .
RUN pip install --no-cache-dir -r requirements.lock
COPY . .

# collectstatic needs settings that pass the production checks; the real values come at run time.
RUN SECRET_KEY=build-only-$(python -c "print('x'*60)") ALLOWED_HOSTS=build DEBUG=false \
    DATABASE_URL=postgres://build@localhost/build REDIS_URL=redis://build:6379/0 EMAIL_URL=smtp://build:25 \
    python manage.py collectstatic --noinput \
 && useradd --system --uid 1000 --home /app portal && mkdir -p /app/var && chown -R portal /app/var

USER portal
EXPOSE 8000
# Workers, threads, trusted proxy and JSON logs from the environment: gunicorn.conf.py.
CMD ["gunicorn", "portal.wsgi:application", "--config", "gunicorn.conf.py"]

# The reverse proxy, with this release's static files: they come out of the app image, so both always match
# (no volume to keep in step). Caddy serves them with a year of cache, their names carrying a content hash.
FROM caddy:2.10-alpine AS proxy
COPY --from=app /app/staticfiles /srv/static
COPY deploy/Caddyfile /etc/caddy/Caddyfile
ENV STATIC_ROOT=/srv/static
