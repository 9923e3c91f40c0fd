import os

from .base import *  # noqa: F401,F403

REDIS_URL = os.environ.get("REDIS_URL", "redis://:Hx93kLm2pQ@cache.internal:6379/0")
