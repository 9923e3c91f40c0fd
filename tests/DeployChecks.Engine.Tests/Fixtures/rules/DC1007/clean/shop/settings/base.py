import os

# os.environ.get("DJANGO_SECRET_KEY", "insecure") would start with a known key; fail instead.
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]

DEBUG = os.environ.get("DJANGO_DEBUG", "0") == "1"
LOG_LEVEL = os.getenv("LOG_LEVEL", "INFO")
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
STRIPE_API_KEY = os.environ.get("STRIPE_API_KEY")
EMAIL_HOST_PASSWORD = os.getenv("EMAIL_HOST_PASSWORD", None)
DATABASE_URL = os.environ["DATABASE_URL"]
SESSION_COOKIE_NAME = os.environ.get("SESSION_COOKIE_NAME", "shop_session")
