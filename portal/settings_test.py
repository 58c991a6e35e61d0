"""Test settings: test defaults first, then the ordinary settings read them.

Tests use PostgreSQL whenever DATABASE_URL points to it (CI does) and an SQLite file otherwise.
"""

import os
import tempfile

os.environ.setdefault("DJANGO_ENV", "test")
os.environ.setdefault("SECRET_KEY", "tests-only-" + "x" * 50)
os.environ.setdefault("VAR_DIR", tempfile.mkdtemp(prefix="territoires-ia-tests-"))

from portal.settings import *  # noqa: F403
from portal.settings import DATABASES, VAR_DIR

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = VAR_DIR / "media"
PRIVATE_STORAGE_ROOT = VAR_DIR / "media" / "private"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_STORAGE_ROOT},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Celery runs inline in tests unless a test starts a real worker (tests/conftest.py: celery_worker).
CELERY_TASK_ALWAYS_EAGER = True
# The query budgets count the session read from the database, a cache miss: the worst case of production's engine
# (common.sessions, tested in tests/common/test_sessions.py).
SESSION_ENGINE = "django.contrib.sessions.backends.db"
DATABASES["default"]["CONN_MAX_AGE"] = 0
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}
