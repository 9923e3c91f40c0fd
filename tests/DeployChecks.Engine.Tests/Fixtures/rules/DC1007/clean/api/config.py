from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="API_")

    jwt_secret: str
    database_url: str = Field(...)
    log_level: str = "INFO"
    token_url: str = "/auth/token"
