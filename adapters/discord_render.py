"""Pure translation for Discord: `Answer` to embed and buttons, and the invite URL."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Any

import discord

from bot.models import Answer, Suggestion, Topic

BUTTON_PREFIX = "storybot:ask:"
BUTTON_TEMPLATE = r"storybot:ask:(?P<entry_id>[a-z0-9][a-z0-9-]*)"
WRONG_PREFIX = "storybot:wrong:"
WRONG_TEMPLATE = r"storybot:wrong:(?P<ref>[0-9a-f]{1,32})"
WRONG_LABEL = "Not what I asked"
MAX_CHOICES = 25  # Discord's limit for autocomplete
# what the bot needs in a channel: see it, read history (to reply), send, embed, use threads
PERMISSIONS = discord.Permissions(
    view_channel=True,
    send_messages=True,
    send_messages_in_threads=True,
    embed_links=True,
    read_message_history=True,
)
SCOPES = ("bot", "applications.commands")
_COLOUR = discord.Colour.blurple()
# Discord's embed limits: 6,000 characters in all, 25 fields of 1,024; room kept for the footer
_EMBED_BUDGET = 5_900
_FIELDS = 25
_FIELD_VALUE = 1024
FAQ_TITLE = "What I can answer"


@dataclass(frozen=True)
class Rendered:
    """What one Discord message carries: an embed and its suggestion buttons."""

    embed: discord.Embed
    buttons: tuple[discord.ui.Button[discord.ui.View], ...]

    def send_kwargs(self) -> dict[str, Any]:
        """Return the keyword arguments for `send`, `reply` or `send_message`."""
        if not self.buttons:
            return {"embed": self.embed}
        view = discord.ui.View(timeout=None)
        for button in self.buttons:
            view.add_item(button)
        # presses reach the registered dynamic items, not this view: stopped, it is not kept
        # in discord.py's view store, where every answer's view stayed for good (months of
        # answers, never freed)
        view.stop()
        return {"embed": self.embed, "view": view}


def render(answer: Answer) -> Rendered:
    """Turn an `Answer` into an embed (text, source) and up to 3 suggestion buttons."""
    text = discord.utils.escape_markdown(answer.text)[:4096]
    embed = discord.Embed(description=text, colour=_COLOUR)
    if answer.source:
        quote = discord.utils.escape_markdown(answer.source)
        embed.add_field(name="From the story", value=f"“{_cut(quote, 1000)}”", inline=False)
    buttons = tuple(
        discord.ui.Button[discord.ui.View](
            label=_cut(s.question, 80),
            custom_id=f"{BUTTON_PREFIX}{s.entry_id}",
            style=discord.ButtonStyle.secondary,
        )
        for s in answer.suggestions[:5]
    )
    if answer.ref:  # the asker can say the answer missed their question
        wrong = discord.ui.Button[discord.ui.View](
            label=WRONG_LABEL, custom_id=f"{WRONG_PREFIX}{answer.ref}"
        )
        buttons += (wrong,)
    return Rendered(embed, buttons)


def retired(message: discord.Message) -> discord.ui.View:
    """Return `message`'s buttons with "not what I asked" disabled, the others as they were."""
    view = discord.ui.View.from_message(message, timeout=None)
    for item in view.children:
        if isinstance(item, discord.ui.Button) and (item.custom_id or "").startswith(WRONG_PREFIX):
            item.disabled = True
    view.stop()  # kept by nobody: presses of its other buttons reach their dynamic items
    return view


def faq_pages(topics: tuple[Topic, ...]) -> list[discord.Embed]:
    """Return the FAQ by topic as embeds that each fit Discord's limits, one per message."""
    pages: list[list[tuple[str, str]]] = [[]]
    size = len(FAQ_TITLE)
    for topic in topics:
        for n, value in enumerate(_field_values(topic.questions)):
            name = _cut(topic.name if n == 0 else f"{topic.name} (continued)", 256)
            if len(pages[-1]) == _FIELDS or size + len(name) + len(value) > _EMBED_BUDGET:
                pages.append([])
                size = len(FAQ_TITLE)
            pages[-1].append((name, value))
            size += len(name) + len(value)
    embeds = []
    for number, fields in enumerate(pages, 1):
        embed = discord.Embed(title=FAQ_TITLE, colour=_COLOUR)
        for name, value in fields:
            embed.add_field(name=name, value=value, inline=False)
        if not fields:
            embed.description = "No questions yet."
        if len(pages) > 1:
            embed.set_footer(text=f"Page {number} of {len(pages)}")
        embeds.append(embed)
    return embeds


def _field_values(questions: tuple[Suggestion, ...]) -> list[str]:
    """Pack a topic's questions, one a line, into field values of at most 1,024 characters."""
    values = [""]
    for question in questions:
        line = _cut(f"• {discord.utils.escape_markdown(question.question)}", _FIELD_VALUE)
        if values[-1] and len(values[-1]) + 1 + len(line) > _FIELD_VALUE:
            values.append("")
        values[-1] = f"{values[-1]}\n{line}" if values[-1] else line
    return [v for v in values if v]


def choice_name(question: str) -> str:
    """Return a question shortened to Discord's 100-character choice limit."""
    return _cut(question, 100)


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def client_id_from_token(token: str) -> str | None:
    """Return the application id a bot token starts with (base64 of the bot's user id)."""
    head = token.split(".", 1)[0]
    try:
        decoded = base64.b64decode(head + "=" * (-len(head) % 4), validate=False).decode()
    except (binascii.Error, UnicodeDecodeError):
        return None
    return decoded if decoded.isdigit() else None


def invite_url(client_id: str) -> str:
    """Return the OAuth2 URL that adds the bot with its slash commands and minimal rights."""
    return discord.utils.oauth_url(client_id, permissions=PERMISSIONS, scopes=SCOPES)
