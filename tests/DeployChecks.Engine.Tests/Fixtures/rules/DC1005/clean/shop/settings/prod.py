from .base import *  # noqa: F401,F403

SECURE_SSL_REDIRECT = True
EMAIL_HOST_PASSWORD = os.environ["EMAIL_HOST_PASSWORD"]
