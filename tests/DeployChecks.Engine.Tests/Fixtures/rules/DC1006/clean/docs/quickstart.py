from webapp import create_app

create_app().run(debug=True)
