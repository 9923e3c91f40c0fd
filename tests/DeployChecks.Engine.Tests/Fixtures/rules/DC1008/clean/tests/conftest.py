import os

TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "sqlite://")
