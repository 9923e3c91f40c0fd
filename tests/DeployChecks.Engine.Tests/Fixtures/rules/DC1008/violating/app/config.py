import os


class Config:
    SECRET_KEY = os.environ["SECRET_KEY"]
    SQLALCHEMY_DATABASE_URI = os.environ["DATABASE_URL"]
    MAIL_PASSWORD = os.environ["MAIL_PASSWORD"]


class ProductionConfig(Config):
    PREFERRED_URL_SCHEME = "https"
    SENTRY_TRACES_SAMPLE_RATE = float(os.getenv("SENTRY_TRACES_SAMPLE_RATE", "0.1"))
