FLASK_APP=inventory:create_app
FLASK_DEBUG=1
