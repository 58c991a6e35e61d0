# Production image of the portal: gunicorn (web), celery worker and beat share it.
FROM python:3.11-slim-bookworm

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
CMD ["gunicorn", "portal.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
