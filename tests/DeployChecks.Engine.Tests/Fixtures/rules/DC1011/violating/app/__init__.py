import logging
import os

from flask import Flask

logger = logging.getLogger(__name__)


def create_app():
    app = Flask(__name__)
    app.config.from_object("app.config.ProductionConfig")
    app.logger.info("Connecting to %s", app.config["SQLALCHEMY_DATABASE_URI"])
    db_url = os.environ["DATABASE_URL"]
    logger.debug(f"database url is {db_url}")
    print(os.environ)
    return app
