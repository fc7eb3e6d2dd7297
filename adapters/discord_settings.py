"""The Discord front end's own settings: `STORYBOT_DISCORD_*`, from the environment or `.env`."""

from __future__ import annotations

from pydantic import SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class DiscordSettings(BaseSettings):
    """Everything the Discord front end reads; the core's settings know none of it."""

    model_config = SettingsConfigDict(
        env_prefix="STORYBOT_DISCORD_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    token: SecretStr | None = None
    client_id: str | None = None
    api_url: str = "https://discord.com/api/v10"
    guild_id: int | None = None  # sync slash commands to this test guild only
    ephemeral: bool = False  # answers to /ask seen only by the asker
    message_content: bool = False  # the privileged intent; see the README
    shard_count: int | None = None
    shard_ids: list[int] | None = None

    @field_validator("token", "client_id", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        """Treat `STORYBOT_DISCORD_TOKEN=` (set but empty) as not set."""
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("shard_ids", mode="before")
    @classmethod
    def _comma_list(cls, value: object) -> object:
        """Accept `STORYBOT_DISCORD_SHARD_IDS=0,1` as well as JSON `[0, 1]`."""
        if isinstance(value, str) and not value.lstrip().startswith("["):
            return [int(part) for part in value.split(",") if part.strip()]
        return value
