import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
application = get_wsgi_application()
# Every view module imported now rather than by the first request (about 0.5 s of CPU): once in gunicorn's master,
# which workers are forked from (gunicorn.conf.py, preload_app), instead of in each new or recycled worker.
get_resolver().url_patterns  # noqa: B018 (the property imports the views)
