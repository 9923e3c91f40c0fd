import logging
import os

from flask import Flask

logger = logging.getLogger(__name__)


def create_app():
    app = Flask(__name__)
    app.config.from_object("app.config.ProductionConfig")
    # Never log app.config["SQLALCHEMY_DATABASE_URI"]: it carries the password.
    app.logger.info("Debug is %s, env %s", app.config["DEBUG"], app.config.get("ENV"))
    logger.info("SECRET_KEY set: %s", bool(app.config["SECRET_KEY"]))
    logger.info("Sentry enabled: %s", "SENTRY_DSN" in os.environ)
    logger.info("Variables set: %s", sorted(os.environ.keys()))
    logger.info("App variables: %s", sorted(os.environ))
    logger.info("Masked: %s", {k: "***" for k in os.environ if k.startswith("APP_")})
    logger.info("Log level %s", os.environ.get("LOG_LEVEL", "INFO"))
    print("Set DATABASE_URL and SECRET_KEY before starting")
    return app
