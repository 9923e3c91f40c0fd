from .base import *  # noqa: F401,F403

SECRET_KEY = "dev-only-k3j4h5g6f7d8s9a0"
DEBUG = True
DATABASES["default"]["PASSWORD"] = "localdevpassword"
