from webapp import create_app


def test_debug_page():
    app = create_app("TestingConfig")
    app.debug = True
    app.config["DEBUG"] = True
    assert app.debug
