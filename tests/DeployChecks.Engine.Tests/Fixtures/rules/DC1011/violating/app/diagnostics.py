import logging

from django.conf import settings

log = logging.getLogger("diagnostics")


def dump():
    log.warning("SECRET_KEY=%s", settings.SECRET_KEY)
