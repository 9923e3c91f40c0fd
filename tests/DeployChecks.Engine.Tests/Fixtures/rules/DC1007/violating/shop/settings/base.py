import os

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-q8w7e6r5t4y3u2i1o0p9")

DEBUG = os.environ.get("DJANGO_DEBUG", "0") == "1"

DATABASE_URL = os.getenv("DATABASE_URL", "sqlite:///db.sqlite3")
