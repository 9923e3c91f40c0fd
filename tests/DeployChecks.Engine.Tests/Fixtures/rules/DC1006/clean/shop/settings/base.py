import environ

env = environ.Env()

SECRET_KEY = env("DJANGO_SECRET_KEY")

# DEBUG = True is for settings/dev.py only.
DEBUG = env.bool("DJANGO_DEBUG", default=False)

LOGGING = {
    "version": 1,
    "root": {"level": "DEBUG" if DEBUG else "INFO"},
}
DEBUG_TOOLBAR_CONFIG = {"SHOW_TOOLBAR_CALLBACK": lambda request: DEBUG}
