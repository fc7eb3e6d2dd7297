"""Discord front end on discord.py 2: slash commands, mentions, DMs and suggestion buttons."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable
from typing import Any

import discord
from discord import app_commands

from adapters.discord_access import Access, is_addressed
from adapters.discord_render import (
    BUTTON_TEMPLATE,
    MAX_CHOICES,
    WRONG_PREFIX,
    WRONG_TEMPLATE,
    choice_name,
    faq_pages,
    render,
    retired,
)
from adapters.discord_settings import DiscordSettings
from bot.models import Answer, AnswerKind, ChatKind, Query
from bot.serving.service import APOLOGY, StoryBot

log = logging.getLogger(__name__)
DEFER_AFTER = 1.0  # seconds; Discord drops an interaction not answered or deferred within 3 s


def to_query(text: str, channel_id: int | None, user_id: int, in_guild: bool) -> Query:
    """Build a core `Query` from what a Discord message or interaction carries."""
    return Query(
        text=text,
        platform="discord",
        chat_id=str(channel_id or 0),
        user_id=str(user_id),
        chat_kind=ChatKind.GROUP if in_guild else ChatKind.PRIVATE,
    )


class SuggestionButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=BUTTON_TEMPLATE):
    """A suggestion button; its custom id names the entry, so it works across restarts."""

    def __init__(self, entry_id: str) -> None:
        """Rebuild the button for `entry_id`."""
        super().__init__(discord.ui.Button(custom_id=f"storybot:ask:{entry_id}"))
        self.entry_id = entry_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str]
    ) -> SuggestionButton:
        """Parse the entry id out of a pressed button."""
        return cls(match["entry_id"])

    async def callback(self, interaction: discord.Interaction) -> None:
        """Answer the suggested question."""
        client = interaction.client
        if isinstance(client, StoryBotClient):
            query = to_query(
                "", interaction.channel_id, interaction.user.id, interaction.guild_id is not None
            )
            await client.respond(interaction, client.bot.ask(query, entry_id=self.entry_id))


class WrongButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=WRONG_TEMPLATE):
    """The "not what I asked" button under an answer; its custom id holds the reference."""

    def __init__(self, ref: str) -> None:
        """Rebuild the button for the answer `ref`."""
        super().__init__(discord.ui.Button(custom_id=f"{WRONG_PREFIX}{ref}"))
        self.ref = ref

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str]
    ) -> WrongButton:
        """Parse the answer reference out of a pressed button."""
        return cls(match["ref"])

    async def callback(self, interaction: discord.Interaction) -> None:
        """Log the mark; once settled, disable the button; tell the presser, privately."""
        client = interaction.client
        if isinstance(client, StoryBotClient):
            feedback = await asyncio.to_thread(client.bot.feedback, _asker(interaction), self.ref)
            if feedback.settled and interaction.message is not None:
                await interaction.response.edit_message(view=retired(interaction.message))
            await client.respond(interaction, feedback.reply, ephemeral=True)


class StoryBotClient(discord.AutoShardedClient):
    """The Discord client: owns the command tree, routes messages to the service."""

    def __init__(self, bot: StoryBot, settings: DiscordSettings) -> None:
        """Connect `bot` to Discord with mentions off everywhere."""
        intents = discord.Intents.default()
        intents.message_content = settings.message_content
        shards: dict[str, Any] = {}
        if settings.shard_ids is not None:  # this process runs only these shards
            shards["shard_ids"] = settings.shard_ids
        super().__init__(
            intents=intents,
            allowed_mentions=discord.AllowedMentions.none(),
            shard_count=settings.shard_count,
            **shards,
        )
        self.bot = bot
        self.settings = settings
        self.access = Access()  # where it may reply, and one log line where it may not
        self.tree = app_commands.CommandTree(self)
        self.tree.on_error = self.on_command_error  # type: ignore[method-assign]
        _add_commands(self)

    async def setup_hook(self) -> None:
        """Register buttons and bring slash commands up to date."""
        self.add_dynamic_items(SuggestionButton, WrongButton)
        await sync_commands(self.tree, self.settings.guild_id)

    async def on_ready(self) -> None:
        """Log who the bot is once connected."""
        log.info("discord: connected as %s", self.user)

    async def on_message(self, message: discord.Message) -> None:
        """Answer a DM or a message that mentions the bot, as a reply."""
        if self.user is None or not is_addressed(message, self.user):
            return
        query = to_query(
            message.content, message.channel.id, message.author.id, message.guild is not None
        )
        answer = await self.bot.ask(query)  # asked even where it cannot reply: logged, gaps kept
        if answer.kind is AnswerKind.SILENT or not self.access.may_reply(message):
            return  # no request Discord would refuse: too many refusals get a bot banned a while
        try:
            await message.reply(**render(answer).send_kwargs(), mention_author=False)
        except discord.Forbidden as error:  # the cache allowed it; no apology there either
            self.access.refused(message, error)

    async def respond(
        self,
        interaction: discord.Interaction,
        answer: Answer | Awaitable[Answer],
        ephemeral: bool = False,
    ) -> None:
        """Send an answer as the response to an interaction; defer first if it is slow."""
        if not isinstance(answer, Answer):
            pending = asyncio.ensure_future(answer)
            await asyncio.wait({pending}, timeout=DEFER_AFTER)
            if not pending.done():  # "thinking…" now, the answer as a follow-up
                await interaction.response.defer(ephemeral=ephemeral, thinking=True)
            answer = await pending
        if answer.kind is AnswerKind.SILENT:  # an interaction must be answered: say little
            answer = answer.model_copy(update={"text": "…"})
            ephemeral = True
        kwargs = render(answer).send_kwargs()
        if interaction.response.is_done():
            await interaction.followup.send(**kwargs, ephemeral=ephemeral)
        else:
            await interaction.response.send_message(**kwargs, ephemeral=ephemeral)

    async def on_error(self, event: str, /, *args: Any, **kwargs: Any) -> None:
        """Log a failed event handler and apologise to the asker when there is one."""
        log.exception("discord: handler for %s failed", event)
        message = args[0] if args else None
        if event == "on_message" and isinstance(message, discord.Message):
            if not self.access.may_reply(message):
                return
            try:
                await message.reply(APOLOGY, mention_author=False)
            except discord.HTTPException:
                log.warning("discord: could not send the apology")

    async def on_command_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        """Log a failed command and tell the user, privately."""
        log.error("discord: command failed", exc_info=error)
        try:
            if interaction.response.is_done():
                await interaction.followup.send(APOLOGY, ephemeral=True)
            else:
                await interaction.response.send_message(APOLOGY, ephemeral=True)
        except discord.HTTPException:
            log.warning("discord: could not send the apology")


def _add_commands(client: StoryBotClient) -> None:
    bot, tree = client.bot, client.tree

    @tree.command(name="ask")
    @app_commands.describe(
        question="Your question about the story", private="Only you see the answer"
    )
    async def ask(
        interaction: discord.Interaction, question: str, private: bool | None = None
    ) -> None:
        """Ask a question about the story."""
        query = to_query(
            question, interaction.channel_id, interaction.user.id, interaction.guild_id is not None
        )
        ephemeral = client.settings.ephemeral if private is None else private
        await client.respond(interaction, bot.ask(query), ephemeral)

    @ask.autocomplete("question")
    async def ask_autocomplete(
        interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        query = _asker(interaction, current)
        names = [choice_name(s.question) for s in bot.suggest(query, MAX_CHOICES)]
        return [app_commands.Choice(name=n, value=n) for n in names][:MAX_CHOICES]

    @tree.command(name="faq")
    async def faq(interaction: discord.Interaction) -> None:
        """List the topics and questions I can answer."""
        catalogue = bot.catalogue(_asker(interaction))
        if catalogue.refusal is not None:
            await client.respond(interaction, catalogue.refusal, ephemeral=True)
            return
        first, *more = faq_pages(catalogue.topics)  # 6,000 characters an embed: paginate
        await interaction.response.send_message(embed=first, ephemeral=True)
        for page in more:
            await interaction.followup.send(embed=page, ephemeral=True)

    @tree.command(name="about")
    async def about(interaction: discord.Interaction) -> None:
        """Say which story I know."""
        await client.respond(interaction, bot.about(_asker(interaction)), ephemeral=True)

    @tree.command(name="help")
    async def help_command(interaction: discord.Interaction) -> None:
        """How to ask me questions."""
        answer = bot.help(_asker(interaction))
        if answer.kind is AnswerKind.SMALLTALK:
            how = "Use /ask, mention me in a channel, or send me a direct message."
            answer = answer.model_copy(update={"text": f"{answer.text}\n\n{how}"})
        await client.respond(interaction, answer, ephemeral=True)


def _asker(interaction: discord.Interaction, text: str = "") -> Query:
    return to_query(
        text, interaction.channel_id, interaction.user.id, interaction.guild_id is not None
    )


def _signature(commands: list[Any]) -> set[tuple[Any, ...]]:
    """Reduce command payloads to what a user sees, to tell whether a sync is needed."""

    def options(items: list[dict[str, Any]]) -> tuple[Any, ...]:
        return tuple(
            (
                o["name"],
                o.get("description", ""),
                o["type"],
                bool(o.get("required")),
                bool(o.get("autocomplete")),
            )
            for o in items
        )

    return {
        (c["name"], c.get("description", ""), c.get("type", 1), options(c.get("options", [])))
        for c in commands
    }


async def sync_commands(tree: app_commands.CommandTree[Any], guild_id: int | None) -> bool:
    """Sync slash commands to a test guild (instant) or globally, only when they changed."""
    guild = discord.Object(id=guild_id) if guild_id else None
    if guild is not None:
        tree.copy_global_to(guild=guild)
    local = [c.to_dict(tree) for c in tree.get_commands(guild=guild)]
    remote = [c.to_dict() for c in await tree.fetch_commands(guild=guild)]
    if _signature(local) == _signature(remote):
        log.info("discord: slash commands unchanged, not syncing")
        return False
    await tree.sync(guild=guild)
    log.info(
        "discord: synced %d slash commands %s",
        len(local),
        f"to guild {guild_id}" if guild else "globally",
    )
    return True


async def serve(bot: StoryBot, settings: DiscordSettings, stop: asyncio.Event) -> None:
    """Run the Discord bot until `stop` is set."""
    if settings.token is None:
        raise ValueError("STORYBOT_DISCORD_TOKEN is not set")
    # discord.py reads its REST base from this class attribute; the gateway URL then comes
    # from that host's GET /gateway/bot (AutoShardedClient), so a proxy or fake sees both
    discord.http.Route.BASE = settings.api_url.rstrip("/")
    discord.VoiceClient.warn_nacl = False  # a text bot: no voice, no warning about it
    client = StoryBotClient(bot, settings)
    async with client:
        runner = asyncio.create_task(client.start(settings.token.get_secret_value()))
        stopper = asyncio.create_task(stop.wait())
        done, _ = await asyncio.wait({runner, stopper}, return_when=asyncio.FIRST_COMPLETED)
        stopper.cancel()
        await client.close()
        if runner in done:
            runner.result()  # a failed login surfaces here
        else:
            await asyncio.gather(runner, return_exceptions=True)
