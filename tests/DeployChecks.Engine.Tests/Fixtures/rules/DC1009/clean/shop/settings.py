import os

import dj_database_url
import sentry_sdk

SECRET_KEY = os.environ["SECRET_KEY"]

DATABASES = {"default": dj_database_url.config(conn_max_age=600)}

STORAGES = {"default": {"BACKEND": "storages.backends.s3.S3Storage"}}

sentry_sdk.init(traces_sample_rate=0.1)
