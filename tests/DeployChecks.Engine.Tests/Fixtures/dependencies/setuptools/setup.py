from setuptools import setup, find_packages

REQUIREMENTS = open("requirements.txt").read().splitlines()

setup(
    name="legacy-app",
    version="2.1.0",
    packages=find_packages(),
    python_requires=">=3.8",
    install_requires=[
        "Flask>=2.2,<3",  # web
        'itsdangerous==2.1.2',
        "importlib-metadata; "
        "python_version < '3.10'",
    ],
    extras_require={
        "postgres": ["psycopg2-binary==2.9.9"],
        'test': ["pytest>=7", "pytest-cov"],
    },
)

setup(name="other", install_requires=REQUIREMENTS)
