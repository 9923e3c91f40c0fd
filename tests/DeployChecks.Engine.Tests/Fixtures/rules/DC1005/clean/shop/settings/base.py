import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# Never hard-code it: SECRET_KEY = "django-insecure-..." would ship with the code.
SECRET_KEY = os.environ["SECRET_KEY"]

DEBUG = False

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("DB_NAME", "shop"),
        "USER": os.environ.get("DB_USER", "shop"),
        "PASSWORD": os.environ["DB_PASSWORD"],
        "HOST": os.environ.get("DB_HOST", "localhost"),
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]
PASSWORD_RESET_TIMEOUT = 259200
SESSION_COOKIE_NAME = "shop_session"
CSRF_HEADER_NAME = "HTTP_X_CSRFTOKEN"
STRIPE_PUBLISHABLE_KEY = "pk_live_51HxQ2bK8mN3pL7vR"
STRIPE_API_KEY = os.environ.get("STRIPE_API_KEY")
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
MAILGUN_API_KEY = "<set in the environment>"
EMAIL_HOST_PASSWORD = "changeme"
TOKEN_TYPE = "Bearer"
SECRET_KEY_ENV_VAR = "DJANGO_SECRET_KEY"
PASSWORD_RESET_TEMPLATE = "registration/password_reset_email.html"
OAUTH2_TOKEN_ENDPOINT = "https://login.microsoftonline.com/common/oauth2/v2.0/token"
JWT_ALGORITHM = "HS256"
