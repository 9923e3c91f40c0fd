import os

from .base import *  # noqa: F401,F403

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "local-dev-key-k3j4h5g6")
DATABASE_URL = os.getenv("DATABASE_URL", "sqlite:///db.sqlite3")
