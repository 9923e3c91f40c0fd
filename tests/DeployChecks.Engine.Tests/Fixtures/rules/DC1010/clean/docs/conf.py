# Sphinx does not care, but the snippet shows ALLOWED_HOSTS = ["*"]
example = 'ALLOWED_HOSTS = ["*"]'
