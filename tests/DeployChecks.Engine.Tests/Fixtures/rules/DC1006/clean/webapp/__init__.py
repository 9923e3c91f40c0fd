import os

from flask import Flask


def create_app(config_name=None):
    app = Flask(__name__)
    app.config.from_object(f"webapp.config.{config_name or 'ProductionConfig'}")
    app.config["DEBUG"] = os.environ.get("FLASK_DEBUG") == "1"
    return app
