project = "shop"
SECRET_KEY = "docs-build-k3j4h5g6f7d8s9a0"
