import os

from dotenv import load_dotenv

load_dotenv()
SECRET_KEY = os.environ["SECRET_KEY"]
STRIPE_API_KEY = os.environ["STRIPE_API_KEY"]
