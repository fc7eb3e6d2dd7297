"""StoryBot's settings, from the environment (prefix `STORYBOT_`) or a `.env` file."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.knowledge import default_folder


class Settings(BaseSettings):
    """Every setting in one place; build it in `main()` and pass it down."""

    model_config = SettingsConfigDict(
        env_prefix="STORYBOT_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    knowledge_dir: Path = Field(default_factory=default_folder)
    telegram_token: SecretStr | None = None
    telegram_api_url: str = "https://api.telegram.org/bot"
    discord_token: SecretStr | None = None
    discord_client_id: str | None = None
    discord_api_url: str = "https://discord.com/api/v10"
    answer_threshold: float = Field(default=0.5, ge=0.0, le=1.0)
    clarify_threshold: float = Field(default=0.4, ge=0.0, le=1.0)
    max_question_chars: int = Field(default=500, ge=20, le=10_000)
    log_level: str = "INFO"
