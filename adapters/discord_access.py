"""Who asks the bot on Discord, and where it may answer: mentions, roles, channel permissions."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

import discord

log = logging.getLogger(__name__)

# what a reply (an embed, referencing the question) needs; a thread asks its own send right
_REPLY = {"view_channel", "embed_links", "read_message_history"}
_IN_CHANNEL = frozenset(_REPLY | {"send_messages"})
_IN_THREAD = frozenset(_REPLY | {"send_messages_in_threads"})
SAY_AGAIN_AFTER = 3600.0  # seconds between two log lines about one channel


def is_addressed(message: discord.Message, me: discord.abc.User) -> bool:
    """Return whether a message asks the bot: a DM, a mention of the bot or of its own role.

    Discord makes a role for a bot when it joins (managed, tagged with the bot's id) and the
    @ menu offers it beside the bot; people pick either. Other roles, @everyone and @here
    (which `me.mentioned_in` counts) do not ask the bot.
    """
    if message.author.bot:
        return False
    if message.guild is None:
        return True
    if any(user.id == me.id for user in message.mentions):
        return True
    return any(
        role.is_bot_managed() and role.tags is not None and role.tags.bot_id == me.id
        for role in message.role_mentions
    )


def missing_permissions(channel: object, me: discord.Member | None) -> list[str]:
    """Return the permissions the bot lacks to reply in `channel`, by name; [] if none.

    Also [] when the cache cannot tell (a DM, a channel or thread parent not cached): the
    reply is tried, and a refusal handled.
    """
    if me is None or not isinstance(channel, discord.abc.GuildChannel | discord.Thread):
        return []
    try:
        have = channel.permissions_for(me)
    except discord.ClientException:  # a thread whose parent channel is not cached
        return []
    needed = _IN_THREAD if isinstance(channel, discord.Thread) else _IN_CHANNEL
    return [_label(name) for name, allowed in have if name in needed and not allowed]


class Quiet:
    """Whether to speak of a key again: at most once per `period` seconds, `capacity` keys."""

    def __init__(
        self,
        period: float = SAY_AGAIN_AFTER,
        clock: Callable[[], float] = time.monotonic,
        capacity: int = 10_000,
    ) -> None:
        """Allow one line per key per `period`, remembering at most `capacity` keys."""
        self._period, self._clock, self._capacity = period, clock, capacity
        self._said: dict[int, float] = {}

    def due(self, key: int) -> bool:
        """Return whether `key` may be spoken of now; if so, start its quiet period."""
        now = self._clock()
        last = self._said.pop(key, None)
        if last is not None and now - last < self._period:
            self._said[key] = last
            return False
        while len(self._said) >= self._capacity:  # the longest unspoken of go first
            del self._said[next(iter(self._said))]
        self._said[key] = now
        return True

    def __len__(self) -> int:
        """Return how many keys are remembered."""
        return len(self._said)


class Access:
    """Where the bot may reply; says, once an hour per channel, where it may not."""

    def __init__(self, quiet: Quiet | None = None) -> None:
        """Log through `quiet` (one line per channel per hour by default)."""
        self._quiet = quiet or Quiet()

    def may_reply(self, message: discord.Message) -> bool:
        """Return whether the bot may reply to `message` where it was sent."""
        me = message.guild.me if message.guild is not None else None
        missing = missing_permissions(message.channel, me)
        if missing:
            self._say(message, f"missing {', '.join(missing)}")
        return not missing

    def refused(self, message: discord.Message, error: discord.Forbidden) -> None:
        """Note that Discord refused a reply to `message` although the cache allowed it."""
        self._say(message, f"Discord refused the reply ({error.status}, code {error.code})")

    def _say(self, message: discord.Message, why: str) -> None:
        channel = message.channel
        if self._quiet.due(channel.id):
            log.warning(
                "discord: cannot answer in channel %s (server %s): %s; questions there are "
                "logged but not answered (said at most once an hour per channel)",
                channel.id,
                message.guild.id if message.guild else None,
                why,
            )


def _label(permission: str) -> str:
    return permission.replace("_", " ").title()  # "send_messages" -> "Send Messages"
