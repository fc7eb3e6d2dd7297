"""StoryBot's settings, from the environment (prefix `STORYBOT_`) or a `.env` file."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field, SecretStr, field_validator
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
    telegram_max_retries: int = Field(default=3, ge=0, le=10)
    telegram_poll_timeout: int = Field(default=10, ge=0, le=60)
    telegram_webhook_url: str | None = None
    telegram_webhook_listen: str = "127.0.0.1"
    telegram_webhook_port: int = Field(default=8443, ge=1, le=65535)
    telegram_webhook_secret: SecretStr | None = None
    discord_token: SecretStr | None = None
    discord_client_id: str | None = None
    discord_api_url: str = "https://discord.com/api/v10"
    discord_guild_id: int | None = None  # sync slash commands to this test guild only
    discord_ephemeral: bool = False  # answers to /ask seen only by the asker
    discord_message_content: bool = False  # the privileged intent; see the README
    discord_shard_count: int | None = None
    discord_shard_ids: list[int] | None = None
    encoder: str = "wordllama"  # the semantic layer: "wordllama" (shipped) or "none"
    followup_seconds: float = Field(default=300, ge=0)  # how long "and where?" looks back
    answer_threshold: float = Field(default=0.5, ge=0.0, le=1.0)
    clarify_threshold: float = Field(default=0.4, ge=0.0, le=1.0)
    max_question_chars: int = Field(default=500, ge=20, le=10_000)
    log_level: str = "INFO"
    data_dir: Path = Field(default_factory=lambda: _xdg_data_home() / "storybot")
    gaps_db: Path | None = None  # default: <data_dir>/gaps.sqlite3
    gaps_retention_days: float = Field(default=90, gt=0)
    gaps_low_confidence: float = Field(default=0.6, ge=0.0, le=1.0)
    gaps_max_rows: int = Field(default=50_000, ge=1)  # past it the oldest are dropped
    rate_user_burst: int = Field(default=5, ge=1)
    rate_user_per_minute: float = Field(default=6, gt=0)
    rate_chat_burst: int = Field(default=20, ge=1)
    rate_chat_per_minute: float = Field(default=20, gt=0)
    rate_typing_burst: int = Field(default=30, ge=1)  # inline queries, autocomplete
    rate_typing_per_minute: float = Field(default=60, gt=0)
    rate_listing_burst: int = Field(default=2, ge=1)  # /faq, /about, /help
    rate_listing_per_minute: float = Field(default=2, gt=0)

    @property
    def gaps_path(self) -> Path:
        """Return where the unanswered-questions database lives."""
        return self.gaps_db or self.data_dir / "gaps.sqlite3"

    def secrets(self) -> list[str]:
        """Return every secret value, so logging can mask them."""
        fields = (self.telegram_token, self.discord_token, self.telegram_webhook_secret)
        return [f.get_secret_value() for f in fields if f is not None]

    @field_validator(
        "telegram_token",
        "discord_token",
        "discord_client_id",
        "telegram_webhook_url",
        "telegram_webhook_secret",
        mode="before",
    )
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        """Treat `STORYBOT_TELEGRAM_TOKEN=` (set but empty) as not set."""
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("discord_shard_ids", mode="before")
    @classmethod
    def _comma_list(cls, value: object) -> object:
        """Accept `STORYBOT_DISCORD_SHARD_IDS=0,1` as well as JSON `[0, 1]`."""
        if isinstance(value, str) and not value.lstrip().startswith("["):
            return [int(part) for part in value.split(",") if part.strip()]
        return value


def _xdg_data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
