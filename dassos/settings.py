"""Settings for the DASSOS minutes archive, read from the environment (12-factor).

Development defaults need nothing set: SQLite in the project folder, DEBUG on. Production
(DEBUG=0) refuses to start without a real SECRET_KEY.
"""
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from dassos.env import envbool, envint, envlist

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = envbool("DEBUG", True)

_DEV_SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"
SECRET_KEY = os.environ.get("SECRET_KEY", _DEV_SECRET_KEY)
if not DEBUG and (SECRET_KEY == _DEV_SECRET_KEY or len(SECRET_KEY) < 50):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random string of at least 50 characters when DEBUG is off."
    )

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "axes",
    "csp",
    "django_filters",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "minutes",
    "ingest",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Before any view or CSRF check reads the body: it may refuse it unread.
    "dassos.middleware.BoundedRequestMiddleware",
    "dassos.middleware.PrivatePagesMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes requires: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "dassos.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "dassos.wsgi.application"
ASGI_APPLICATION = "dassos.asgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=envint("CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server and the worker share the file (`make run`): wait for a writer instead of
    # failing at once, let readers go on beside a writer (WAL), and take the write lock when a
    # transaction starts (IMMEDIATE) — a read lock upgraded later fails at once, busy timeout or
    # not, with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": envint("SQLITE_TIMEOUT", 20),
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Counts over the whole archive are cached (minutes/aggregates.py) in a database table, so the
# web processes and the worker share one cache and a change is seen by all of them at once.
# Rendered search results have a table of their own ("search"), so a stream of different
# searches pushes out only older searches, never the archive's counts. Migrations minutes/0009
# and 0024 create the tables.
_CACHE_BACKEND = os.environ.get("CACHE_BACKEND", "django.core.cache.backends.db.DatabaseCache")
CACHES = {
    "default": {
        "BACKEND": _CACHE_BACKEND,
        "LOCATION": "dassos_cache",
        "OPTIONS": {"MAX_ENTRIES": envint("CACHE_MAX_ENTRIES", 5000)},
    },
    "search": {
        "BACKEND": _CACHE_BACKEND,
        "LOCATION": "dassos_search_cache",
        "OPTIONS": {"MAX_ENTRIES": envint("SEARCH_CACHE_MAX_ENTRIES", 2000)},
    },
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "da"
LANGUAGES = [("da", "Dansk"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

# Originals and bilag copies: local files under MEDIA_ROOT, or an S3-compatible bucket when
# STORAGE_S3_BUCKET is set, so web servers and workers on different machines share them.
DEFAULT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
if os.environ.get("STORAGE_S3_BUCKET"):
    DEFAULT_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["STORAGE_S3_BUCKET"],
            "endpoint_url": os.environ.get("STORAGE_S3_ENDPOINT") or None,
            "region_name": os.environ.get("STORAGE_S3_REGION") or None,
            "access_key": os.environ.get("STORAGE_S3_ACCESS_KEY") or None,
            "secret_key": os.environ.get("STORAGE_S3_SECRET_KEY") or None,
            "default_acl": None,  # private: files are served only through the archive's views
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
STORAGES = {
    "default": DEFAULT_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"

# Limits that keep hostile files bounded; the parser reads them through ingest.parsing.limits.
INGEST_MAX_BYTES = envint("INGEST_MAX_BYTES", 50 * 1024 * 1024)
INGEST_MAX_PAGES = envint("INGEST_MAX_PAGES", 500)
INGEST_OCR_DPI = envint("INGEST_OCR_DPI", 200)
# Scanned pages OCR'd at once, each by its own Tesseract process: by default one per core.
INGEST_OCR_WORKERS = envint("INGEST_OCR_WORKERS", os.cpu_count() or 1)
# Wall-clock budget for reading one document (PDF pages and OCR check it as they go).
INGEST_MAX_SECONDS = envint("INGEST_MAX_SECONDS", 600)
# Memory the parser's child process may use beyond the worker's own; over it, the file is refused.
INGEST_MAX_MEMORY_MB = envint("INGEST_MAX_MEMORY_MB", 500)
# A worker renews its reading's lease six times in this many seconds; a reading whose lease ran
# out lost its worker and is queued again by `manage.py ingest_worker` (at most three times).
INGEST_LEASE_SECONDS = envint("INGEST_LEASE_SECONDS", 60)
# On SIGTERM a worker lets the reading under way finish for this long, then queues it again.
INGEST_STOP_GRACE_SECONDS = envint("INGEST_STOP_GRACE_SECONDS", 20)
# /sundhed/ reports the worker as down when a queued parse has waited longer than this.
HEALTH_MAX_QUEUE_WAIT = envint("HEALTH_MAX_QUEUE_WAIT", 300)
# The body a referat belongs to when the document names none (the parser never assumes one).
ARCHIVE_DEFAULT_BODY = os.environ.get("ARCHIVE_DEFAULT_BODY", "DASSOS")
# The licence the open data (OParl, JSON, feeds) is offered under, as a URL.
OPEN_DATA_LICENSE = os.environ.get(
    "OPEN_DATA_LICENSE", "https://creativecommons.org/licenses/by/4.0/"
)

# Background parsing of uploads: jobs are rows in the database, run by `manage.py db_worker`.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}
LOGOUT_REDIRECT_URL = "/"
# Any request body but a signed-in user's upload: larger ones are refused (413) unread. The
# reverse proxy should refuse the same sooner (README: Configuration).
REQUEST_MAX_BYTES = envint("REQUEST_MAX_BYTES", 2_621_440)
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
# Uploaded referater over INGEST_MAX_BYTES are counted but not written to disk.
FILE_UPLOAD_HANDLERS = [
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "ingest.forms.LimitedUploadHandler",
]

# --- Security -------------------------------------------------------------------------------
# Everything that hardens the site lives here; tests/test_security_*.py check it.
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", True)
    # Container healthchecks call /sundhed/ over plain HTTP inside the host.
    SECURE_REDIRECT_EXEMPT = [r"^sundhed/$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
# The CSRF cookie stays readable by scripts (Django's default): none of ours reads it, and
# hiding it protects nothing, since the token is in every form anyway.
X_FRAME_OPTIONS = "DENY"

# Content Security Policy (django-csp 4): only our own scripts, styles and images; no inline
# script or style anywhere, no plugins, no framing, forms post only to this site.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    },
}

# Login throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one username from
# one address, that pair is refused, even with the right password, until the cool-off passes.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = envbool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=envint("AXES_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False  # no banner on every manage.py command; lockouts are still logged
# The address is REMOTE_ADDR (django-ipware is not installed): behind a reverse proxy, have the
# proxy or gunicorn (--forwarded-allow-ips) set it to the client's address.

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
