"""Settings of the portal: the only module that reads the environment.

Every value comes from an environment variable with a safe default for the embedded
first run (SQLite, tasks inline, emails written to files). ``DJANGO_ENV=production``
turns the defaults off and refuses an unsafe configuration at start-up.
"""

import secrets
from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from common.cache import redis_caches

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DJANGO_ENV = env.str("DJANGO_ENV", default="dev")
if DJANGO_ENV not in {"dev", "test", "production"}:
    raise ImproperlyConfigured(f"DJANGO_ENV doit valoir dev, test ou production (reçu : {DJANGO_ENV!r}).")
IS_PRODUCTION = DJANGO_ENV == "production"

VAR_DIR = Path(env.str("VAR_DIR", default=str(BASE_DIR / "var")))
INSECURE_SECRET_KEY_PREFIX = "django-insecure-"  # noqa: S105 (a marker, not a secret)


def _embedded_secret_key() -> str:
    """A random key generated once into var/ so sessions survive restarts of the first run."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(INSECURE_SECRET_KEY_PREFIX + secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


DEBUG = env.bool("DEBUG", default=DJANGO_ENV == "dev")
SECRET_KEY = env.str("SECRET_KEY", default="") or ("" if IS_PRODUCTION else _embedded_secret_key())
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[] if IS_PRODUCTION else ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# Rotating SECRET_KEY: the previous key(s) here for a while, so sessions and emailed links signed with them still
# verify (docs/exploitation.md, « Changer la clé secrète »).
SECRET_KEY_FALLBACKS = env.list("SECRET_KEY_FALLBACKS", default=[])

# Refuse to start rather than run production on a development configuration.
if IS_PRODUCTION:
    _problems = []
    if DEBUG:
        _problems.append("DEBUG est activé (mettez DEBUG=false)")
    if (
        not SECRET_KEY
        or SECRET_KEY.startswith(INSECURE_SECRET_KEY_PREFIX)
        or len(SECRET_KEY) < 50
        or len(set(SECRET_KEY)) < 5
    ):
        _problems.append("SECRET_KEY est absente, par défaut ou trop faible (50 caractères aléatoires minimum)")
    if not ALLOWED_HOSTS or "*" in ALLOWED_HOSTS:
        _problems.append("ALLOWED_HOSTS est vide ou contient « * »")
    # Each service must be named: the embedded defaults (SQLite, tasks and rate limits in one process, emails
    # written to files) are for a first local run only.
    if not env.str("DATABASE_URL", default=""):
        _problems.append("DATABASE_URL est absente (PostgreSQL est requis : postgres://…)")
    elif env.str("DATABASE_URL").startswith("sqlite"):
        _problems.append("DATABASE_URL pointe vers SQLite (PostgreSQL est requis)")
    if not env.str("REDIS_URL", default=""):
        _problems.append(
            "REDIS_URL est absente (Redis est requis : file des tâches, limites de connexion communes aux processus)"
        )
    if not env.str("EMAIL_URL", default=""):
        _problems.append("EMAIL_URL est absente (un serveur SMTP est requis : smtp://… ou smtp+tls://…)")
    if _problems:
        raise ImproperlyConfigured(
            "Configuration de production refusée : "
            + " ; ".join(_problems)
            + ". Voir README.md, section Configuration."
        )

SITE_NAME = "Territoires IA"
# DSFR guidance: mark optional fields rather than required ones.
DSFR_MARK_OPTIONAL_FIELDS = True
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "dsfr",
    "widget_tweaks",
    "django_filters",
    "django_htmx",
    "simple_history",
    "import_export",
    "csp",
    # Our apps, in dependency order (see docs/architecture.md).
    "portal",
    "territories",
    "accounts",
    "catalogue",
    "journeys",
    "assistance",
    "reports",
    "resources",
    "awareness",
    "initiatives",
]

MIDDLEWARE = [
    # First: forwarded headers are dropped unless the connection comes from the reverse proxy.
    "portal.middleware.TrustedProxyMiddleware",
    "portal.middleware.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "portal.middleware.PrivatePagesNoStoreMiddleware",
    # Fail closed: every view needs a login unless marked @login_not_required.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # Staff powers need the second factor: marks request.user for accounts.permissions.
    "accounts.second_factor.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # django-csp's, with the policy built once per process.
    "portal.middleware.SitePolicyCSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "portal.middleware.RefuseNulBytesMiddleware",
    # Last: whole public pages for anonymous visitors, from the worker's memory (portal/pagecache.py).
    "portal.pagecache.AnonymousPageCacheMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"
ASGI_APPLICATION = "portal.asgi.application"

_template_loaders = ["django.template.loaders.filesystem.Loader", "django.template.loaders.app_directories.Loader"]
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.site",
                "accounts.context_processors.second_factor",
            ],
            # Cached loader always: recompiling templates on each request is the main cost of a page.
            "loaders": [("django.template.loaders.cached.Loader", _template_loaders)],
            "builtins": ["dsfr.templatetags.dsfr_tags"],
            # Tags of the bottom-layer package, which is no app: glossary links in any app's texts.
            "libraries": {"glossary": "common.glossary_tags"},
        },
    }
]

FORM_RENDERER = "portal.forms.DsfrRenderer"

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
IS_POSTGRES = DATABASES["default"]["ENGINE"].endswith("postgresql")
if IS_POSTGRES:
    # Statements run through a server-binding cursor (common.precompiled: a page's fixed queries) are prepared at
    # their first execution on a connection: parsed once, and planned once PostgreSQL finds its generic plan as good
    # (after five executions). Django's own cursors bind on the client and are not affected. A pooler in transaction
    # mode in front of PostgreSQL must support prepared statements (PgBouncer ≥ 1.21 with max_prepared_statements).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("prepare_threshold", 0)
# The demo collectivité and its member (initiatives/demo.py), loaded by `manage.py bootstrap` on the embedded
# default only: a development run on SQLite. Never in production, whatever LOAD_DEMO says.
LOAD_DEMO = not IS_PRODUCTION and env.bool("LOAD_DEMO", default=DJANGO_ENV == "dev" and not IS_POSTGRES)
if not IS_POSTGRES:
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    # A Redis outage degrades to a per-process memory cache instead of failing pages and the login.
    CACHES = redis_caches(REDIS_URL)
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "territoires-ia"}}

# Celery: without a broker, tasks run inline in the web process (embedded first run).
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_TIME_LIMIT = 300
CELERY_TASK_SOFT_TIME_LIMIT = 240
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 2, "socket_timeout": 5}
CELERY_BEAT_SCHEDULE: dict = {
    "clear-expired-sessions": {"task": "portal.tasks.clear_expired_sessions", "schedule": 60 * 60 * 6},
}

AUTH_USER_MODEL = "accounts.User"
# Django's and allauth's, the logged-in user read by a precompiled query (accounts/backends.py).
AUTHENTICATION_BACKENDS = [
    "accounts.backends.ModelBackend",
    "accounts.backends.AuthenticationBackend",
]
# Sessions opened under the backends' former paths (before 2026-11-27) keep their login (common/sessions.py).
AUTH_BACKEND_RENAMES = {
    "django.contrib.auth.backends.ModelBackend": "accounts.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend": "accounts.backends.AuthenticationBackend",
}
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "portal:home"
LOGOUT_REDIRECT_URL = "portal:home"

# allauth: email is the login, verified before first use.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = False
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{SITE_NAME}] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if IS_PRODUCTION else "http"
ACCOUNT_RATE_LIMITS = {"login_failed": "5/5m/key,20/5m/ip"}
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupForm"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = SITE_NAME

# DSFR alerts have no "debug" variant.
MESSAGE_TAGS = {10: "info"}

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Outside production whitenoise serves straight from the apps' static folders (no collectstatic needed).
WHITENOISE_USE_FINDERS = WHITENOISE_AUTOREFRESH = not IS_PRODUCTION
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
MEDIA_URL = "/media/"
# Private files (deliverables, reports) are never served by URL: views stream them after a permission check.
PRIVATE_STORAGE_ROOT = Path(env.str("PRIVATE_STORAGE_ROOT", default=str(VAR_DIR / "media" / "private")))
# Uploads: UPLOAD_MAX_BYTES per file, at most UPLOAD_MAX_FILES in one form (assistance attachments). The reverse
# proxy refuses a larger body before Django reads it: deploy/Caddyfile's MAX_REQUEST_BODY equals
# REQUEST_BODY_MAX_BYTES (tests/portal/test_reverse_proxy.py checks it).
UPLOAD_MAX_BYTES = 10 * 1024 * 1024
UPLOAD_MAX_FILES = 5
REQUEST_BODY_MAX_BYTES = UPLOAD_MAX_BYTES * UPLOAD_MAX_FILES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 10_485_760
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_STORAGE_ROOT, "base_url": None},
    },
    "staticfiles": {
        "BACKEND": "portal.staticstorage.StaticFilesStorage"
        if IS_PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Email: EMAIL_URL (smtp://user:pass@host:port, smtp+tls://…) or .eml files under var/mail/.
EMAIL_URL = env.str("EMAIL_URL", default="")
if EMAIL_URL:
    globals().update(env.email_url("EMAIL_URL"))
else:
    EMAIL_BACKEND = "portal.mail.EmlFileBackend"
EMAIL_FILE_PATH = Path(env.str("EMAIL_FILE_PATH", default=str(VAR_DIR / "mail")))
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default=f"{SITE_NAME} <ne-pas-repondre@territoires-ia.anct.gouv.fr>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The accessibility statement's contact (décret n° 2019-768: a way to report a defect and ask for an alternative).
ACCESSIBILITY_CONTACT_EMAIL = env.str(
    "ACCESSIBILITY_CONTACT_EMAIL", default="accessibilite@territoires-ia.anct.gouv.fr"
)
EMAIL_TIMEOUT = 10

# Security headers. The production values are what `check --deploy` expects.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 12
# Read from the cache, kept in the database: no PostgreSQL round trip for the session on each page (common.sessions).
SESSION_ENGINE = "common.sessions"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = IS_PRODUCTION
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=IS_PRODUCTION)
SECURE_HSTS_SECONDS = 31_536_000 if IS_PRODUCTION else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = IS_PRODUCTION
SECURE_HSTS_PRELOAD = IS_PRODUCTION
# Behind the reverse proxy: its addresses (IPs or networks). X-Forwarded-* headers from anyone else are removed by
# portal.middleware.TrustedProxyMiddleware before SECURE_PROXY_SSL_HEADER is read; gunicorn.conf.py gives the same
# list to gunicorn. Empty: no forwarded header is trusted.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if IS_PRODUCTION else None
# /sante/ is probed over plain HTTP by the container healthcheck.
SECURE_REDIRECT_EXEMPT = [r"^sante/$"]

# Content-Security-Policy: same origin only, scripts by nonce, no inline script or style attribute needed.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

# Logs: JSON lines on stdout in production (portal/jsonlog.py), plain text otherwise. LOG_FORMAT=json|plain.
LOG_FORMAT = env.str("LOG_FORMAT", default="json" if IS_PRODUCTION else "plain")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "portal.jsonlog.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if LOG_FORMAT == "json" else "plain",
            "stream": "ext://sys.stdout",
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
    },
}
# Celery keeps the logging above (JSON lines with the task id) instead of installing its own.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
# Workers per container: scale by configuration (docker compose up --scale worker=N for more containers).
CELERY_WORKER_CONCURRENCY = env.int("CELERY_CONCURRENCY", default=2)

# Error reporting to a Sentry-compatible service, only when SENTRY_DSN is set: otherwise nothing is sent.
SENTRY_DSN = env.str("SENTRY_DSN", default="")
if SENTRY_DSN:
    from portal.error_reporting import init_error_reporting

    init_error_reporting(
        SENTRY_DSN,
        environment=env.str("SENTRY_ENVIRONMENT", default=DJANGO_ENV),
        release=env.str("SENTRY_RELEASE", default="") or None,
        traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
    )

ADMIN_URL = env.str("ADMIN_URL", default="admin/")

# --- assistance: ingénierie requests and the espace ANCT (docs/assistance.md) ---------------------------------
# A first answer is expected within ASSISTANCE_FIRST_ANSWER_DAYS (flagged on the espace home past it); past
# ASSISTANCE_ESCALATION_DAYS without answer the request is signalled to the regional and national levels.
ASSISTANCE_FIRST_ANSWER_DAYS = env.int("ASSISTANCE_FIRST_ANSWER_DAYS", default=10)
ASSISTANCE_ESCALATION_DAYS = env.int("ASSISTANCE_ESCALATION_DAYS", default=20)
# Reminders to a collectivité ANCT waits on: every ASSISTANCE_REMINDER_DAYS, at most ASSISTANCE_REMINDER_MAX times.
ASSISTANCE_REMINDER_DAYS = env.int("ASSISTANCE_REMINDER_DAYS", default=7)
ASSISTANCE_REMINDER_MAX = env.int("ASSISTANCE_REMINDER_MAX", default=3)
ASSISTANCE_INACTIVE_PROJECT_DAYS = env.int("ASSISTANCE_INACTIVE_PROJECT_DAYS", default=60)
CELERY_BEAT_SCHEDULE["assistance-deadlines"] = {"task": "assistance.tasks.follow_up_requests", "schedule": 60 * 60}
CELERY_BEAT_SCHEDULE["assistance-validations"] = {
    "task": "assistance.tasks.notify_stage_validations",
    "schedule": 60 * 10,
}
# --- end assistance -------------------------------------------------------------------------------------------

# --- reports: private object storage, delivery of PDF reports (see README, « Rapports PDF ») ---------------------
# With S3_BUCKET_NAME, private files (reports, deliverables) live in an S3-compatible bucket shared by every web
# and worker machine; without it, under PRIVATE_STORAGE_ROOT. The bucket must not be public: files are only served
# by views that check access.
S3_BUCKET_NAME = env.str("S3_BUCKET_NAME", default="")
if S3_BUCKET_NAME:
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET_NAME,
            "endpoint_url": env.str("S3_ENDPOINT_URL", default="") or None,
            "access_key": env.str("S3_ACCESS_KEY_ID", default="") or None,
            "secret_key": env.str("S3_SECRET_ACCESS_KEY", default="") or None,
            "region_name": env.str("S3_REGION_NAME", default="") or None,
            "location": env.str("S3_LOCATION", default="prive"),
            "addressing_style": env.str("S3_ADDRESSING_STYLE", default="") or None,
            "file_overwrite": False,
            "querystring_auth": True,
        },
    }
# Above this size the email carries a download link instead of the PDF.
REPORTS_MAX_ATTACHMENT_BYTES = env.int("REPORTS_MAX_ATTACHMENT_BYTES", default=5 * 1024 * 1024)
# Reports left en attente this long (broker down when asked) are handed to the workers again by beat.
REPORTS_DISPATCH_AFTER_SECONDS = env.int("REPORTS_DISPATCH_AFTER_SECONDS", default=60)
# Tests only: a pause in each render, so a test can kill a worker while it renders.
REPORTS_RENDER_DELAY = env.float("REPORTS_RENDER_DELAY", default=0.0) if DJANGO_ENV == "test" else 0.0
CELERY_BEAT_SCHEDULE["reports-dispatch-pending"] = {
    "task": "reports.tasks.dispatch_pending_reports",
    "schedule": 60,
}
# A task whose worker died unacknowledged goes back to the queue after this delay (Redis broker). Keep it above the
# task time limit, or a long task is run twice (reports are idempotent: it would only cost time).
CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"] = env.int("CELERY_VISIBILITY_TIMEOUT", default=3600)
# Several portals (or test runs) may share one Redis: each uses its own queue.
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_TASK_DEFAULT_QUEUE", default="celery")
# WeasyPrint logs each step of each render at INFO, fontTools each font it unpacks.
LOGGING["loggers"]["weasyprint.progress"] = {"level": "WARNING"}
LOGGING["loggers"]["fontTools"] = {"level": "WARNING"}
# --- end reports ---------------------------------------------------------------------------------------------------
