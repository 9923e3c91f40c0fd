import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = "django-insecure-7f3k9x2m8q4w1z6v5n0b3c8j2h7g4d1s"

DEBUG = False

ALLOWED_HOSTS = ["shop.example.com"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "shop",
        "USER": "shop",
        "PASSWORD": "Tr0ub4dor-and-3",
        "HOST": os.environ.get("DB_HOST", "localhost"),
    }
}
