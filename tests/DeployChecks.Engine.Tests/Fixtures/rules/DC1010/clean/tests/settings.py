from shop.settings.base import *  # noqa

ALLOWED_HOSTS = ["*"]
