import logging

from django.conf import settings

log = logging.getLogger("diagnostics")


def dump(user_id, max_tokens=512):
    print(settings.DATABASES["default"]["HOST"])
    log.info("DEBUG=%s ALLOWED_HOSTS=%s", settings.DEBUG, settings.ALLOWED_HOSTS)
    cache_key = f"profile:{user_id}"
    log.debug("cache miss for %s", cache_key)
    log.info("completion limited to %d tokens", max_tokens)
    password_reset_url = f"/reset/{user_id}/"
    log.info("reset link sent: %s", password_reset_url)
    log.info("secret key length ok: %s", len(settings.SECRET_KEY) >= 50)
