from webapp import create_app

if __name__ == "__main__":
    create_app("DevelopmentConfig").run(debug=True)
