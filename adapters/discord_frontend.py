"""Discord as a front end of `storybot run`, and its own command, `storybot invite`."""

from __future__ import annotations

import asyncio
import sys
from typing import TYPE_CHECKING

from pydantic import ValidationError

from adapters.discord_settings import DiscordSettings
from bot.config import problems

if TYPE_CHECKING:
    from bot.serving.service import StoryBot


class DiscordFrontend:
    """The `Frontend` for Discord; discord.py is imported only when it serves."""

    name = "discord"

    def settings(self) -> DiscordSettings:
        """Read `STORYBOT_DISCORD_*` from the environment and `.env`."""
        return DiscordSettings()

    def wanted(self, settings: DiscordSettings) -> bool:
        """Return whether a token is set: the operator means to run it."""
        return settings.token is not None

    def ready(self, settings: DiscordSettings) -> str | None:
        """Return why Discord cannot start, or None."""
        return "STORYBOT_DISCORD_TOKEN is not set" if settings.token is None else None

    async def serve(self, bot: StoryBot, settings: DiscordSettings, stop: asyncio.Event) -> None:
        """Run Discord until `stop` is set."""
        from adapters.discord_adapter import serve

        await serve(bot, settings, stop)

    def fatal(self, error: Exception) -> str | None:
        """Return what to fix when Discord refused the bot; None for what a retry may cure."""
        if isinstance(error, ImportError):  # first: the import below would fail too
            return f"cannot load discord.py ({error}): reinstall storybot"
        import discord  # `serve` loaded it

        if isinstance(error, discord.LoginFailure):
            return (
                "Discord rejected the token: check STORYBOT_DISCORD_TOKEN"
                " (developer portal → Bot → Reset Token)"
            )
        if isinstance(error, discord.PrivilegedIntentsRequired):
            return (
                "Discord refused the message content intent: enable it in the developer portal"
                " (Bot → Message Content Intent) or unset STORYBOT_DISCORD_MESSAGE_CONTENT"
            )
        return None


def invite_command() -> int:
    """`storybot invite`: print the URL that adds the bot to a Discord server."""
    from adapters.discord_render import client_id_from_token, invite_url

    try:
        settings = DiscordSettings()
    except ValidationError as exc:
        print(problems(exc, DiscordSettings.model_config["env_prefix"]), file=sys.stderr)
        return 2
    client_id = settings.client_id
    if client_id is None and settings.token is not None:
        client_id = client_id_from_token(settings.token.get_secret_value())
    if client_id is None:
        print(
            "storybot invite: set STORYBOT_DISCORD_CLIENT_ID or STORYBOT_DISCORD_TOKEN",
            file=sys.stderr,
        )
        return 2
    print(invite_url(client_id))
    return 0


FRONTEND = DiscordFrontend()
