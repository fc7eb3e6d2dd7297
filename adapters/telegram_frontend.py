"""Telegram as a front end of `storybot run`: its settings, whether it can start, and serve."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from adapters.telegram_settings import TelegramSettings

if TYPE_CHECKING:
    from bot.serving.service import StoryBot


class TelegramFrontend:
    """The `Frontend` for Telegram; python-telegram-bot is imported only when it serves."""

    name = "telegram"

    def settings(self) -> TelegramSettings:
        """Read `STORYBOT_TELEGRAM_*` from the environment and `.env`."""
        return TelegramSettings()

    def wanted(self, settings: TelegramSettings) -> bool:
        """Return whether a token is set: the operator means to run it."""
        return settings.token is not None

    def ready(self, settings: TelegramSettings) -> str | None:
        """Return why Telegram cannot start, or None."""
        if settings.token is None:
            return "STORYBOT_TELEGRAM_TOKEN is not set"
        if settings.webhook_url and settings.webhook_secret is None:
            # without one, anyone who finds the URL can post forged updates
            return "webhook mode needs STORYBOT_TELEGRAM_WEBHOOK_SECRET"
        return None

    async def serve(self, bot: StoryBot, settings: TelegramSettings, stop: asyncio.Event) -> None:
        """Run Telegram until `stop` is set."""
        from adapters.telegram_adapter import serve

        await serve(bot, settings, stop)

    def fatal(self, error: Exception) -> str | None:
        """Return what to fix when Telegram refused the token; None for what a retry may cure."""
        if isinstance(error, ImportError):  # first: the import below would fail too
            return f"cannot load python-telegram-bot ({error}): reinstall storybot"
        from telegram.error import InvalidToken  # `serve` loaded it

        if isinstance(error, InvalidToken):  # its message holds the token: never shown
            # 401 for a token Telegram does not know, 404 for a malformed one (or a wrong URL)
            return (
                "the Bot API rejected the token: check STORYBOT_TELEGRAM_TOKEN (from @BotFather)"
                " and, if set, STORYBOT_TELEGRAM_API_URL"
            )
        return None


FRONTEND = TelegramFrontend()
