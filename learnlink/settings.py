"""Learnlink's one settings file, configured by the environment.

Defaults make a fresh clone run on one machine with nothing else installed: SQLite in WAL mode
and Huey on SQLite, both under ./var/. A grown network sets DATABASE_URL and REDIS_URL and runs
the same code on PostgreSQL and Redis. Bad values stop start-up with a clear message.
"""

import secrets
from pathlib import Path
from typing import Any

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env()


def _read_or_create_secret_key(var_dir: Path) -> str:
    """A key generated once per installation, so a clone never runs with a committed secret."""
    key_file = var_dir / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


VAR_DIR = Path(env.str("LEARNLINK_VAR_DIR", default=str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="") or _read_or_create_secret_key(VAR_DIR)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])
LEARNLINK_BASE_URL = env.str("LEARNLINK_BASE_URL", default="http://127.0.0.1:8000").rstrip("/")
LEARNLINK_MAIL_DOMAIN = env.str("LEARNLINK_MAIL_DOMAIN", default="learnlink.localhost")
if not LEARNLINK_BASE_URL.startswith(("http://", "https://")):
    raise ImproperlyConfigured("LEARNLINK_BASE_URL must start with http:// or https://")

INSTALLED_APPS = [
    "learnlink.people",
    "learnlink.mail",
    "learnlink.search",
    "learnlink.exchange",
    "learnlink.alliance",
    "learnlink.impact",
    "learnlink.web",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "huey.contrib.djhuey",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "learnlink.people.person_language.PersonLanguageMiddleware",
    "learnlink.people.guests.SignInRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "learnlink.urls"
WSGI_APPLICATION = "learnlink.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "learnlink.mail.context.outbox_reader",
            ],
        },
    },
]


def _database() -> dict[str, Any]:
    """SQLite under ./var by default, tuned for one web process and one worker writing at once."""
    default_url = f"sqlite:///{VAR_DIR / 'learnlink.sqlite3'}"
    db: dict[str, Any] = env.db_url("DATABASE_URL", default=default_url)
    if db["ENGINE"] == "django.db.backends.sqlite3":
        db["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    elif db["ENGINE"] not in ("django.db.backends.postgresql",):
        raise ImproperlyConfigured("DATABASE_URL must be a sqlite:// or postgres:// URL")
    else:
        db["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
        db["CONN_HEALTH_CHECKS"] = True
    return db


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                          "LOCATION": REDIS_URL, "KEY_PREFIX": "learnlink"}}
    HUEY: dict[str, Any] = {
        "huey_class": "huey.RedisHuey",
        "name": "learnlink",
        "url": REDIS_URL,
        "immediate": False,
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    HUEY = {
        "huey_class": "huey.SqliteHuey",
        "name": "learnlink",
        "filename": str(VAR_DIR / "huey.sqlite3"),
        "immediate": False,
    }
HUEY["consumer"] = {"workers": env.int("LEARNLINK_WORKERS", default=2), "worker_type": "thread"}

# Mail out goes through the outbox (a table the worker sends from) to the relay in EMAIL_URL:
# smtp://user:pass@host:port, smtp+tls:// (STARTTLS) or smtps://. Without a relay, mail waits in
# the outbox and the outgoing mail page shows it.
EMAIL_URL = env.str("EMAIL_URL", default="")
LEARNLINK_RELAY = bool(EMAIL_URL)
if EMAIL_URL:
    vars().update(env.email_url("EMAIL_URL"))
EMAIL_BACKEND = "learnlink.mail.backend.OutboxBackend"
LEARNLINK_SMTP_CONNECTIONS = env.int("LEARNLINK_SMTP_CONNECTIONS", default=4)
LEARNLINK_SMTP_TIMEOUT = env.int("LEARNLINK_SMTP_TIMEOUT", default=60)
DKIM_KEY_FILE = env.str("DKIM_KEY_FILE", default="")  # PEM private key; signs when set
DKIM_SELECTOR = env.str("DKIM_SELECTOR", default="learnlink")
DKIM_DOMAIN = env.str("DKIM_DOMAIN", default="")  # the mail domain when empty
# Bounces: a hard one counts 1, a soft one 0.5, at most once a day; at this score the address
# stops receiving until its owner clicks the link in a probe mail.
LEARNLINK_BOUNCE_THRESHOLD = env.float("LEARNLINK_BOUNCE_THRESHOLD", default=3.0)
# Sent deliveries are kept this long (bounces come back within days), then deleted: a post to
# 10,000 members leaves 10,000 rows. Failed ones stay for the mentors' list of contacts to fix.
LEARNLINK_SENT_RETENTION_DAYS = env.int("LEARNLINK_SENT_RETENTION_DAYS", default=30)
# A footer's link to a member's delivery settings works this long; each copy carries a new one.
LEARNLINK_MEMBER_LINK_DAYS = env.int("LEARNLINK_MEMBER_LINK_DAYS", default=60)
# The server refuses mail larger than this at SMTP level; a group's own (smaller) limit
# quarantines the message instead, so a mentor can see what was too big and release it.
LEARNLINK_SERVER_SIZE_LIMIT = env.int("LEARNLINK_SERVER_SIZE_LIMIT", default=64 * 1024 * 1024)
IMAP_URL = env.str("IMAP_URL", default="")  # imaps://user:password@host:993/INBOX, for poll_imap
IMAP_GROUP = env.str("IMAP_GROUP", default="")  # the group whose address that mailbox is
IMAP_DONE_FOLDER = env.str("IMAP_DONE_FOLDER", default="Learnlink")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default=f"learnlink@{LEARNLINK_MAIL_DOMAIN}")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "learnlink.people.accounts.EmailAddressBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "me:home"
LOGOUT_REDIRECT_URL = "home"
LOGIN_LINK_MAX_AGE = env.int("LOGIN_LINK_MAX_AGE", default=30 * 60)

LANGUAGE_CODE = env.str("LANGUAGE_CODE", default="en")
LANGUAGES = [("en", "English"), ("sw", "Kiswahili"), ("fr", "Français")]
if LANGUAGE_CODE not in dict(LANGUAGES):
    raise ImproperlyConfigured(f"LANGUAGE_CODE must be one of {', '.join(dict(LANGUAGES))}")
LOCALE_PATHS = [BASE_DIR / "learnlink" / "locale"]
TIME_ZONE = env.str("TIME_ZONE", default="Africa/Nairobi")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
MEDIA_URL = "media/"

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
if LEARNLINK_BASE_URL.startswith("https://"):
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
    CSRF_TRUSTED_ORIGINS = [LEARNLINK_BASE_URL]

LEARNLINK_PAGE_SIZE = 25

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # One handler for the worker's log, at INFO: Huey adds its own (DEBUG) only if none is set.
    "loggers": {"huey": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}
