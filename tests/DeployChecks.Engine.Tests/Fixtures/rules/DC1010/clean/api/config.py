from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    allowed_hosts: list[str] = ["api.example.com"]


settings = Settings()
