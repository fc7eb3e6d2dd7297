"""The Telegram front end's own settings: `STORYBOT_TELEGRAM_*`, from the environment or `.env`."""

from __future__ import annotations

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class TelegramSettings(BaseSettings):
    """Everything the Telegram front end reads; the core's settings know none of it."""

    model_config = SettingsConfigDict(
        env_prefix="STORYBOT_TELEGRAM_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    token: SecretStr | None = None
    api_url: str = "https://api.telegram.org/bot"
    max_retries: int = Field(default=3, ge=0, le=10)
    poll_timeout: int = Field(default=10, ge=0, le=60)
    webhook_url: str | None = None
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = Field(default=8443, ge=1, le=65535)
    webhook_secret: SecretStr | None = None

    @field_validator("token", "webhook_url", "webhook_secret", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        """Treat `STORYBOT_TELEGRAM_TOKEN=` (set but empty) as not set."""
        return None if isinstance(value, str) and not value.strip() else value
