import os

API_BASE = os.environ["EXAMPLE_API_BASE"]
