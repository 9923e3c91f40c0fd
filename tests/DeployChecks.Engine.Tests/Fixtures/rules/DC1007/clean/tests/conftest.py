import os

os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-secret-value")
DATABASE_URL = os.getenv("DATABASE_URL", "postgres://test:test@localhost/test")
