"""Settings for the test suite: the base settings with the demo defaults and a fast password
hasher. Production-only behaviour (required second factor, secure cookies) is tested with
override_settings."""

import os

os.environ.setdefault("JEUGDKETEN_DEMO", "true")
os.environ.setdefault("SECURE_COOKIES", "false")

from .settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
OTP_REQUIRED = False
