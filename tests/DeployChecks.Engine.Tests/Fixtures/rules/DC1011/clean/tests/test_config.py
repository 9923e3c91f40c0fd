import os

from django.conf import settings


def test_prints_for_debugging():
    print(os.environ)
    print(settings.SECRET_KEY)
