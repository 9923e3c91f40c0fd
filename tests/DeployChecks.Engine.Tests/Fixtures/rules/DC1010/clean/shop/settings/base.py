import environ

env = environ.Env()

SECRET_KEY = env("DJANGO_SECRET_KEY")
DEBUG = env.bool("DJANGO_DEBUG", default=False)

# ALLOWED_HOSTS = ["*"] would accept any Host header; list the domains instead.
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")
CORS_ALLOWED_ORIGINS = ["https://shop.example.com"]
CSRF_TRUSTED_ORIGINS = ["https://*.example.com"]
