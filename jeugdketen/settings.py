"""Settings for Jeugdketen: one module, everything that differs per machine comes from the
environment (twelve-factor). ``JEUGDKETEN_DEMO=true`` turns on defaults that are only safe for
the local demo (an insecure key, plain-HTTP cookies, no required second factor)."""

from datetime import timedelta
from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
DEMO = env.bool("JEUGDKETEN_DEMO", default=False)

if DEMO:
    SECRET_KEY = env.str("SECRET_KEY", default="demo-only-insecure-key-do-not-use-in-production")
else:
    SECRET_KEY = env.str("SECRET_KEY")  # production: required, no default

DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEMO else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    # Jeugdketen's own apps, one per part of the domain.
    "jeugdketen.core",
    "jeugdketen.accounts",
    "jeugdketen.organisations",
    "jeugdketen.youth",
    "jeugdketen.cases",
    "jeugdketen.intake",
    "jeugdketen.investigation",
    "jeugdketen.meldcode",
    "jeugdketen.plans",
    "jeugdketen.signals",
    "jeugdketen.meetings",
    "jeugdketen.retention",
    "jeugdketen.portal",
    "jeugdketen.schoolsupport",
    "jeugdketen.leerplicht",
    "jeugdketen.socialmap",
    "jeugdketen.verwijsindex",
    "jeugdketen.policysignals",
    "jeugdketen.handover",
    "jeugdketen.dashboards",
    "jeugdketen.subjectrights",
    "jeugdketen.access",
    "jeugdketen.auditlog",
    "jeugdketen.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "jeugdketen.accounts.middleware.RequireSecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "jeugdketen.urls"
WSGI_APPLICATION = "jeugdketen.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "jeugdketen" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "jeugdketen.core.context_processors.app",
            ],
        },
    },
]

# Forms render with the project's templates (the NL Design System field markup).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# Database: SQLite for the demo, PostgreSQL in production (DATABASE_URL).
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'jeugdketen.sqlite3'}"),
}
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=0))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # django-axes first, so a locked-out user is refused before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# OpenID Connect: the municipality's identity provider (jeugdketen/accounts/oidc.py). On when a
# client id is configured; the demo uses passwords.
OIDC_RP_CLIENT_ID = env("OIDC_RP_CLIENT_ID", default="")
OIDC_RP_CLIENT_SECRET = env("OIDC_RP_CLIENT_SECRET", default="")
OIDC_OP_AUTHORIZATION_ENDPOINT = env("OIDC_OP_AUTHORIZATION_ENDPOINT", default="")
OIDC_OP_TOKEN_ENDPOINT = env("OIDC_OP_TOKEN_ENDPOINT", default="")
OIDC_OP_USER_ENDPOINT = env("OIDC_OP_USER_ENDPOINT", default="")
OIDC_OP_JWKS_ENDPOINT = env("OIDC_OP_JWKS_ENDPOINT", default="")
OIDC_RP_SIGN_ALGO = env("OIDC_RP_SIGN_ALGO", default="RS256")
OIDC_RP_SCOPES = "openid email profile"
OIDC_CREATE_USER = False
OIDC_PROVIDER_NAME = env("OIDC_PROVIDER_NAME", default="het inlogsysteem van de gemeente")
OIDC_PROVIDER_HAS_MFA = env.bool("OIDC_PROVIDER_HAS_MFA", default=True)
LOGIN_REDIRECT_URL_FAILURE = "/account/inloggen/?oidc=mislukt"
if OIDC_RP_CLIENT_ID:
    AUTHENTICATION_BACKENDS.insert(1, "jeugdketen.accounts.oidc.Backend")
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"  # professionals to their cases, families to their overview
LOGOUT_REDIRECT_URL = "accounts:login"

# Two-factor authentication (TOTP). Production requires it; the demo may skip it.
OTP_REQUIRED = env.bool("OTP_REQUIRED", default=not DEMO)
OTP_TOTP_ISSUER = "Jeugdketen"

# Lockout after repeated failures (django-axes).
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True

# Sessions expire when idle: every request renews the cookie, silence ends it.
SESSION_COOKIE_AGE = env.int("SESSION_IDLE_SECONDS", default=30 * 60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=not DEMO)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env.bool("BEHIND_PROXY", default=False) else None
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEMO else 31536000)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content Security Policy: nothing from outside, no inline script or style.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

# Language: Dutch for users, English in code.
LANGUAGE_CODE = "nl"
# Dutch only: with a second language without translations, a browser asking for English would
# get lang="en" over Dutch text and Django's English messages.
LANGUAGES = [("nl", _("Nederlands"))]
LOCALE_PATHS = [BASE_DIR / "jeugdketen" / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "jeugdketen" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env.str(
            "STATICFILES_BACKEND",
            default="whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not DEMO
            else "django.contrib.staticfiles.storage.StaticFilesStorage",
        )
    },
}
WHITENOISE_USE_FINDERS = DEMO

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["jeugdketen.core.drf.IsProfessionalOrParent"],
    "DEFAULT_PAGINATION_CLASS": "jeugdketen.core.apis.Pagination",
    "PAGE_SIZE": 100,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_RATES": {},
    "EXCEPTION_HANDLER": "jeugdketen.core.drf.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Jeugdketen API",
    "DESCRIPTION": "Samenwerking onderwijs en jeugdhulp. Every read and change goes through the "
    "need-to-know policy and is written to the NEN 7513 access log.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "CategoryEnum": "jeugdketen.access.categories.Category",
        "CaseStatusEnum": "jeugdketen.cases.models.Case.Status",
        "HelpRequestStatusEnum": "jeugdketen.intake.models.HelpRequest.Status",
        "RequesterKindEnum": "jeugdketen.intake.models.HelpRequest.Requester",
        "ReferralStatusEnum": "jeugdketen.intake.models.Referral.Status",
        "DecisionKindEnum": "jeugdketen.intake.models.Decision.Kind",
        "QuestionKindEnum": "jeugdketen.intake.models.Question.Kind",
        "ContactChannelEnum": "jeugdketen.intake.models.Contact.Channel",
        "MeldcodeStatusEnum": "jeugdketen.meldcode.models.Track.Status",
        "AgreementStatusEnum": "jeugdketen.plans.models.Agreement.Status",
        "GoalStatusEnum": "jeugdketen.plans.models.Goal.Status",
        "AgreementOwnerEnum": "jeugdketen.plans.models.Agreement.Owner",
        "MeetingKindEnum": "jeugdketen.meetings.models.Meeting.Kind",
        "MeetingStatusEnum": "jeugdketen.meetings.models.Meeting.Status",
        "ConsentByEnum": "jeugdketen.schoolsupport.models.CONSENT_CHOICES",
        "PupilSignalStatusEnum": "jeugdketen.schoolsupport.models.PupilSignal.Status",
        "ConsultationOutcomeEnum": "jeugdketen.schoolsupport.models.Consultation.Outcome",
        "SupportPlanStatusEnum": "jeugdketen.schoolsupport.models.SupportPlan.Status",
        "OPPStatusEnum": "jeugdketen.schoolsupport.models.OPP.Status",
        "SWVRequestKindEnum": "jeugdketen.schoolsupport.models.SWVRequest.Kind",
        "SWVRequestStatusEnum": "jeugdketen.schoolsupport.models.SWVRequest.Status",
        "SWVRequestOutcomeEnum": "jeugdketen.schoolsupport.models.SWVRequest.Outcome",
        "GGDConsultationStatusEnum": "jeugdketen.schoolsupport.models.GGDConsultation.Status",
    },
}

# Background work: the database-backed task queue (django-tasks; moves to django.tasks later).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

EMAIL_BACKEND = env.str(
    "EMAIL_BACKEND",
    default="django.core.mail.backends.console.EmailBackend" if DEMO else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="jeugdketen@localhost")

# The address of this installation, for links in e-mail sent by background tasks.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")

# Emergency access ("break the glass"): how long a grant lasts.
EMERGENCY_ACCESS_HOURS = env.int("EMERGENCY_ACCESS_HOURS", default=24)
# The onderzoek: the family's days for a zienswijze, and the norm per phase in days
# (e.g. "analyse=21,oordeelsvorming=10"); working agreements of the municipality, not law.
JEUGDKETEN_ZIENSWIJZE_DAYS = env.int("JEUGDKETEN_ZIENSWIJZE_DAYS", default=14)
# Stagnation: a case without activity for this many weeks is signalled; the daily sweep's hour.
JEUGDKETEN_STAGNATION_SILENT_WEEKS = env.int("JEUGDKETEN_STAGNATION_SILENT_WEEKS", default=6)
JEUGDKETEN_STAGNATION_SWEEP_HOUR = env.int("JEUGDKETEN_STAGNATION_SWEEP_HOUR", default=6)
# Retention (Jeugdwet art. 7.3.8): the hour (local time) of the daily purge of what expired.
# Leerplicht (local choices, not law): a school day counts as a day absent (langdurig and luxe
# verzuim) from this many unauthorised lesson hours; luxe verzuim is looked for on this many
# school days before and after a vacation.
JEUGDKETEN_ABSENT_DAY_HOURS = env.int("JEUGDKETEN_ABSENT_DAY_HOURS", default=4)
JEUGDKETEN_LUXE_VERZUIM_BORDER_DAYS = env.int("JEUGDKETEN_LUXE_VERZUIM_BORDER_DAYS", default=2)
JEUGDKETEN_RETENTION_PURGE_HOUR = env.int("JEUGDKETEN_RETENTION_PURGE_HOUR", default=3)
JEUGDKETEN_INVESTIGATION_PHASE_DAYS = env.dict("JEUGDKETEN_INVESTIGATION_PHASE_DAYS", cast={"value": int}, default={})

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}
