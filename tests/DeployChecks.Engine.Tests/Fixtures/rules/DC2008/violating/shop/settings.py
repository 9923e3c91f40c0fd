import os

DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
INSTALLED_APPS = ["django.contrib.admin", "django.contrib.auth", "shop"]
if DEBUG:
    INSTALLED_APPS.append("debug_toolbar")
