"""Payloads as Discord sends them, for the fake Discord and the tests that drive it."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from typing import Any

APP_ID = "900000000000000001"
BOT_ID = APP_ID
GUILD_ID = "800000000000000001"
CHANNEL_ID = "700000000000000001"
DM_CHANNEL_ID = "700000000000000099"
# read-only for members and the bot alike: @everyone may not send (threads are allowed)
ANNOUNCE_CHANNEL_ID = "700000000000000002"
ANNOUNCE_THREAD_ID = "700000000000000003"
# anyone may send, but not in its threads
SHOWCASE_CHANNEL_ID = "700000000000000004"
SHOWCASE_THREAD_ID = "700000000000000005"
SEND_MESSAGES = 1 << 11
SEND_MESSAGES_IN_THREADS = 1 << 38
# the role Discord makes for a bot when it joins (managed, tagged with the bot's id), which the
# @ menu offers beside the bot itself; another bot's role, and a plain role
BOT_ROLE_ID = "800000000000000002"
OTHER_BOT_ROLE_ID = "800000000000000003"
MODS_ROLE_ID = "800000000000000004"
OTHER_BOT_ID = "900000000000000002"
BOT_USER = {
    "id": BOT_ID,
    "username": "StoryBot",
    "discriminator": "0",
    "avatar": None,
    "bot": True,
    "global_name": "StoryBot",
}
_ids = itertools.count(600000000000000001)


def snowflake() -> str:
    """Return a fresh id."""
    return str(next(_ids))


def user(
    user_id: str = "500000000000000001", name: str = "asker", bot: bool = False
) -> dict[str, Any]:
    """Return a user payload."""
    return {
        "id": user_id,
        "username": name,
        "discriminator": "0",
        "avatar": None,
        "bot": bot,
        "global_name": name,
    }


def message_payload(
    channel_id: str, author: dict[str, Any], content: str, **extra: Any
) -> dict[str, Any]:
    """Return a message object as Discord sends it, with `extra` fields set."""
    return {
        "id": snowflake(),
        "channel_id": channel_id,
        "author": author,
        "content": content,
        "timestamp": datetime.now(UTC).isoformat(),
        "edited_timestamp": None,
        "tts": False,
        "mention_everyone": False,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": [],
        "pinned": False,
        "type": 0,
    } | extra


def channel(channel_id: str = CHANNEL_ID, name: str = "general", deny: int = 0) -> dict[str, Any]:
    """Return a text channel of the guild; `deny` is what @everyone may not do there."""
    overwrites = [{"id": GUILD_ID, "type": 0, "allow": "0", "deny": str(deny)}] if deny else []
    return {
        "id": channel_id,
        "type": 0,
        "guild_id": GUILD_ID,
        "name": name,
        "position": 0,
        "permission_overwrites": overwrites,
        "nsfw": False,
        "parent_id": None,
    }


def thread(thread_id: str, parent_id: str, name: str) -> dict[str, Any]:
    """Return a public thread of the text channel `parent_id`."""
    return {
        "id": thread_id,
        "type": 11,
        "guild_id": GUILD_ID,
        "parent_id": parent_id,
        "owner_id": "500000000000000001",
        "name": name,
        "last_message_id": None,
        "message_count": 0,
        "member_count": 1,
        "rate_limit_per_user": 0,
        "thread_metadata": {
            "archived": False,
            "auto_archive_duration": 1440,
            "archive_timestamp": datetime.now(UTC).isoformat(),
            "locked": False,
        },
    }


def role(
    role_id: str, name: str, permissions: int = 0, bot_id: str | None = None
) -> dict[str, Any]:
    """Return a role; with `bot_id`, the managed role Discord made for that bot."""
    payload: dict[str, Any] = {
        "id": role_id,
        "name": name,
        "permissions": str(permissions),
        "position": 1,
        "color": 0,
        "hoist": False,
        "managed": bot_id is not None,
        "mentionable": True,
        "flags": 0,
    }
    if bot_id is not None:
        payload["tags"] = {"bot_id": bot_id}
    return payload


def application() -> dict[str, Any]:
    """Return the bot's application."""
    return {
        "id": APP_ID,
        "name": "StoryBot",
        "icon": None,
        "description": "",
        "bot_public": True,
        "bot_require_code_grant": False,
        "owner": user("500000000000000009", "owner"),
        "verify_key": "0" * 64,
        "flags": 0,
        "team": None,
    }


def guild() -> dict[str, Any]:
    """Return the one guild the bot is in."""
    now = datetime.now(UTC).isoformat()
    return {
        "id": GUILD_ID,
        "name": "Moon fans",
        "icon": None,
        "owner_id": "500000000000000009",
        "afk_timeout": 300,
        "verification_level": 0,
        "default_message_notifications": 0,
        "explicit_content_filter": 0,
        "roles": [
            role(GUILD_ID, "@everyone", 1071698660929) | {"position": 0, "mentionable": False},
            role(BOT_ROLE_ID, "StoryBot", 274877991936, bot_id=BOT_ID),  # what the invite asks
            role(OTHER_BOT_ROLE_ID, "OtherBot", bot_id=OTHER_BOT_ID),
            role(MODS_ROLE_ID, "Mods"),
        ],
        "emojis": [],
        "features": [],
        "mfa_level": 0,
        "system_channel_flags": 0,
        "premium_tier": 0,
        "preferred_locale": "en-US",
        "nsfw_level": 0,
        "premium_progress_bar_enabled": False,
        "unavailable": False,
        "member_count": 2,
        "large": False,
        "joined_at": now,
        "members": [
            {
                "user": BOT_USER,
                "roles": [BOT_ROLE_ID],
                "joined_at": now,
                "deaf": False,
                "mute": False,
                "flags": 0,
            }
        ],
        "channels": [
            channel(),
            channel(ANNOUNCE_CHANNEL_ID, "announcements", deny=SEND_MESSAGES),
            channel(SHOWCASE_CHANNEL_ID, "showcase", deny=SEND_MESSAGES_IN_THREADS),
        ],
        "threads": [
            thread(ANNOUNCE_THREAD_ID, ANNOUNCE_CHANNEL_ID, "talk about the news"),
            thread(SHOWCASE_THREAD_ID, SHOWCASE_CHANNEL_ID, "feedback"),
        ],
        "stickers": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
        "voice_states": [],
        "presences": [],
    }
