import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]

# Local development is the default; production sets DJANGO_DEBUG=False.
DEBUG = os.environ.get("DJANGO_DEBUG", "True") == "True"

ALLOWED_HOSTS = os.environ["DJANGO_ALLOWED_HOSTS"].split(",")
