from .base import *  # noqa: F401,F403

EMAIL_HOST = "smtp.mailgun.org"
EMAIL_HOST_USER = "postmaster@mg.shop.example.com"
EMAIL_HOST_PASSWORD = "9b1f0c7e2d4a6b8c"
