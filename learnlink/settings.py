"""Learnlink's one settings file, configured by the environment.

Defaults make a fresh clone run on one machine with nothing else installed: SQLite in WAL mode
and Huey on SQLite, both under ./var/. A grown network sets DATABASE_URL and REDIS_URL and runs
the same code on PostgreSQL and Redis. Bad values stop start-up with a clear message.
"""

import os
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


RELAY_SCHEMES = ("smtp", "smtp+tls", "smtps", "smtp+ssl")


def _relay_settings(url: str) -> dict[str, Any]:
    """EMAIL_URL's host, port, user and TLS, refused at start-up unless the outbox can send with
    it: mail always goes through the outbox to an SMTP relay (a `consolemail://` once failed at
    every sending run instead). A URL without a port gets the scheme's usual one."""
    scheme = url.partition("://")[0].lower()
    config = environ.Env.email_url_config(url) if scheme in RELAY_SCHEMES else {}
    if not config.get("EMAIL_HOST"):
        raise ImproperlyConfigured(
            f"EMAIL_URL {scheme}://... cannot send mail: give an SMTP relay (smtp://host:25, "
            "smtp+tls://user:password@host:587 or smtps://user:password@host:465), or leave "
            "EMAIL_URL unset to keep mail in the outbox, where the outgoing mail page shows it")
    if not config.get("EMAIL_PORT"):
        config["EMAIL_PORT"] = (465 if config.get("EMAIL_USE_SSL")
                                else 587 if config.get("EMAIL_USE_TLS") else 25)
    return config


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
    "learnlink.mentoring",
    "learnlink.impact",
    "learnlink.knowledge",
    "learnlink.web",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",  # its templates; the request's address stands for the site
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "huey.contrib.djhuey",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "learnlink.web.middleware.ContentSecurityPolicy",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",  # after gzip: ETags of the page itself
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "learnlink.web.middleware.RefuseNulCharacters",  # after the locale: says why in their language
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
                "learnlink.web.context.mentor_menu",
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
    vars().update(_relay_settings(EMAIL_URL))
EMAIL_BACKEND = "learnlink.mail.backend.OutboxBackend"
# Processes that send at once when much is due (one Python process keeps one core busy), each
# over its own LEARNLINK_SMTP_CONNECTIONS connections.
LEARNLINK_SENDERS = env.int("LEARNLINK_SENDERS", default=os.cpu_count() or 1)
LEARNLINK_SMTP_CONNECTIONS = env.int("LEARNLINK_SMTP_CONNECTIONS", default=4)
# Seconds a worker holds the deliveries it took: a worker killed mid-run leaves them to the
# others once this has passed (the relay may have taken a few of them already: sent twice).
LEARNLINK_SEND_LEASE = env.int("LEARNLINK_SEND_LEASE", default=30 * 60)
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
# SpamAssassin's daemon checks inbound mail when set (spamd://127.0.0.1:783); empty: no check.
# Each check waits at most SPAMD_TIMEOUT seconds; larger mail than SPAMD_MAX_SIZE is not sent.
SPAMD_URL = env.str("SPAMD_URL", default="")
if SPAMD_URL and not SPAMD_URL.startswith("spamd://"):
    raise ImproperlyConfigured(f"SPAMD_URL must be spamd://HOST:PORT, not {SPAMD_URL!r}")
SPAMD_TIMEOUT = env.int("SPAMD_TIMEOUT", default=10)
SPAMD_MAX_SIZE = env.int("SPAMD_MAX_SIZE", default=512 * 1024)
# A write-up's reply address (mailed with the draft to its learner) takes replies this long.
LEARNLINK_WRITEUP_REPLY_DAYS = env.int("LEARNLINK_WRITEUP_REPLY_DAYS", default=60)
# The server refuses mail larger than this at SMTP level; a group's own (smaller) limit
# quarantines the message instead, so a mentor can see what was too big and release it.
LEARNLINK_SERVER_SIZE_LIMIT = env.int("LEARNLINK_SERVER_SIZE_LIMIT", default=64 * 1024 * 1024)
# The largest document a mentor may upload to the library of resources: a guide of a few
# pages as a PDF fits well; learners download it on slow and costly connections.
LEARNLINK_RESOURCE_SIZE_LIMIT = env.int("LEARNLINK_RESOURCE_SIZE_LIMIT", default=5 * 1024 * 1024)
IMAP_URL = env.str("IMAP_URL", default="")  # imaps://user:password@host:993/INBOX, for poll_imap
IMAP_GROUP = env.str("IMAP_GROUP", default="")  # the group whose address that mailbox is
IMAP_DONE_FOLDER = env.str("IMAP_DONE_FOLDER", default="Learnlink")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default=f"learnlink@{LEARNLINK_MAIL_DOMAIN}")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# One backend, one password hash per attempt (user name or email address): see accounts.
AUTHENTICATION_BACKENDS = ["learnlink.people.accounts.EmailAddressBackend"]
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
        "BACKEND": "learnlink.web.staticfiles.StaticFiles"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Before `collectstatic` has run, WhiteNoise serves the files from the apps (web/staticfiles.py).
WHITENOISE_USE_FINDERS = not (STATIC_ROOT / "staticfiles.json").exists()
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

# --- HTTPS (sec-hardening): off by default, so `make run` works over plain http; a production
# machine behind TLS turns them on (docs/deploying.md), and `learnlink check --deploy` passes.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
# A balancer probes each node's /health over plain http, behind the TLS it ends itself.
SECURE_REDIRECT_EXEMPT = [r"^health$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
# The header a TLS proxy in front sets to "https" (nginx: proxy_set_header X-Forwarded-Proto
# $scheme), so the redirect knows a request came in over TLS; without it, it would loop.
_PROXY_HEADER = env.str("SECURE_PROXY_SSL_HEADER", default="")
if _PROXY_HEADER:
    SECURE_PROXY_SSL_HEADER = ("HTTP_" + _PROXY_HEADER.upper().replace("-", "_"), "https")
if (SECURE_SSL_REDIRECT or SECURE_HSTS_SECONDS) and not LEARNLINK_BASE_URL.startswith("https://"):
    raise ImproperlyConfigured("SECURE_SSL_REDIRECT and SECURE_HSTS_SECONDS need "
                               "LEARNLINK_BASE_URL to start with https://")
# --- end of the HTTPS block

LEARNLINK_PAGE_SIZE = 25

# --- Abuse limits and sender authentication (email commands, sign-in) ---
# (per address, per client, window in seconds): the client is the IP address on the web (many
# learners share a cyber cafe's, hence the larger number) and the envelope sender by mail.
LEARNLINK_LIMITS = {
    "sign-in": (10, 50, 15 * 60),       # failed passwords
    "login-link": (5, 30, 60 * 60),     # sign-in links asked for
    "command": (10, 30, 60 * 60),       # mail to SLUG+COMMAND@, SLUG-request@, a command post
    "search": (20, 60, 60 * 60),        # mail to search@ and get@
    "contact": (5, 20, 60 * 60),        # mail to SLUG-owner@ and to our own From address
    "writeup-reply": (20, 60, 60 * 60),  # mail to a write-up's reply address
    "contract-reply": (10, 60, 60 * 60),  # mail to a contract offer's reply address
    "join-form": (3, 20, 60 * 60),      # a group page's join form: confirmations mailed
}
# Trusted reverse proxies in front of the web: the visitor's IP is read from X-Forwarded-For.
LEARNLINK_PROXY_COUNT = env.int("LEARNLINK_PROXY_COUNT", default=0)
# The authserv-id our MTA writes in Authentication-Results (OpenDMARC's AuthservID). A command
# that changes a membership takes effect at once only if the topmost such header says
# dmarc=pass for the From domain; else (and when this is empty) the member confirms by mail.
LEARNLINK_AUTHSERV_ID = env.str("LEARNLINK_AUTHSERV_ID", default="")
# --- end of abuse limits ---

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # One handler for the worker's log, at INFO: Huey adds its own (DEBUG) only if none is set.
    "loggers": {"huey": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}

# Drafting: an optional OpenAI-compatible chat endpoint (http://host:8080/v1) that writes thread
# syntheses; without it, or when it fails or takes longer than LLM_TIMEOUT seconds, the drafter's
# embedded extractive draft is used. Nothing downloads a model.
LLM_URL = env.str("LLM_URL", default="")
LLM_TIMEOUT = env.float("LLM_TIMEOUT", default=20.0)
if LLM_URL and not LLM_URL.startswith(("http://", "https://")):
    raise ImproperlyConfigured("LLM_URL must be an http:// or https:// address")
if LLM_TIMEOUT <= 0:
    raise ImproperlyConfigured("LLM_TIMEOUT must be a number of seconds above 0")
