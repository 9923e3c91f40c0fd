# A Pipfile and its lock, made together: comments and spacing in the Pipfile do not change pipenv's hash.
