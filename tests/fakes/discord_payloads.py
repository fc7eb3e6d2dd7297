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


def channel() -> dict[str, Any]:
    """Return the guild's one text channel."""
    return {
        "id": CHANNEL_ID,
        "type": 0,
        "guild_id": GUILD_ID,
        "name": "general",
        "position": 0,
        "permission_overwrites": [],
        "nsfw": False,
        "parent_id": None,
    }


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
            {
                "id": GUILD_ID,
                "name": "@everyone",
                "permissions": "1071698660929",
                "position": 0,
                "color": 0,
                "hoist": False,
                "managed": False,
                "mentionable": False,
                "flags": 0,
            }
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
                "roles": [],
                "joined_at": now,
                "deaf": False,
                "mute": False,
                "flags": 0,
            }
        ],
        "channels": [channel()],
        "threads": [],
        "stickers": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
        "voice_states": [],
        "presences": [],
    }
