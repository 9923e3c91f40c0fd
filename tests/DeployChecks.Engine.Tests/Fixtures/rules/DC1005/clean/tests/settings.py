from shop.settings.base import *  # noqa

SECRET_KEY = "tests-k3j4h5g6f7d8s9a0q1w2"
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:", "PASSWORD": "testpw1234"}}
