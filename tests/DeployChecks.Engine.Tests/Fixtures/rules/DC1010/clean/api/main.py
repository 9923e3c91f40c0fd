from fastapi import FastAPI
from starlette.middleware.trustedhost import TrustedHostMiddleware

from api.config import settings

app = FastAPI()
app.add_middleware(TrustedHostMiddleware, allowed_hosts=settings.allowed_hosts)
