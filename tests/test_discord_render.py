"""Pure Discord translation: embed limits, buttons and the invite URL."""

from __future__ import annotations

import asyncio
import base64
import os
import subprocess
import sys
from urllib.parse import parse_qs, urlparse

import discord

from adapters.discord_render import client_id_from_token, invite_url, render
from bot.models import Answer, AnswerKind, Suggestion


def test_render_keeps_within_discord_limits() -> None:
    answer = Answer(
        text="**bold** @everyone " * 400,
        kind=AnswerKind.ANSWER,
        source="s " * 900,
        suggestions=tuple(Suggestion(entry_id=f"e{n}", question="Q" * 200) for n in range(7)),
    )
    rendered = render(answer)
    embed = rendered.embed
    assert embed.description is not None and len(embed.description) <= 4096
    assert "\\*\\*bold" in embed.description  # markdown from text is shown, not applied
    assert all(len(f.value or "") <= 1024 for f in embed.fields)
    assert len(embed) <= 6000
    assert len(rendered.buttons) <= 5 and all(len(b.label or "") <= 80 for b in rendered.buttons)
    assert all(len(b.custom_id or "") <= 100 for b in rendered.buttons)


def test_invite_asks_for_the_scopes_and_only_the_needed_permissions() -> None:
    url = urlparse(invite_url("1234"))
    query = parse_qs(url.query)
    assert query["client_id"] == ["1234"]
    assert query["scope"] == ["bot applications.commands"]
    granted = discord.Permissions(int(query["permissions"][0]))
    needed = discord.Permissions(
        view_channel=True,
        send_messages=True,
        send_messages_in_threads=True,
        embed_links=True,
        read_message_history=True,
    )
    assert granted.value == needed.value
    assert not (granted.administrator or granted.mention_everyone or granted.manage_messages)


def test_client_id_is_derived_from_the_token() -> None:
    token = base64.b64encode(b"987654321").decode().rstrip("=") + ".x.y"
    assert client_id_from_token(token) == "987654321"
    assert client_id_from_token("not a token") is None


def test_invite_command_uses_the_client_id_or_the_token() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("STORYBOT_")}
    token = base64.b64encode(b"555").decode().rstrip("=") + ".x.y"
    derived = subprocess.run(
        [sys.executable, "-m", "bot", "invite"],
        env={**env, "STORYBOT_DISCORD_TOKEN": token},
        capture_output=True,
        text=True,
        cwd="/",
    )
    assert derived.returncode == 0 and "client_id=555&" in derived.stdout
    given = subprocess.run(
        [sys.executable, "-m", "bot", "invite"],
        env={**env, "STORYBOT_DISCORD_CLIENT_ID": "777"},
        capture_output=True,
        text=True,
        cwd="/",
    )
    assert "client_id=777&" in given.stdout
    neither = subprocess.run(
        [sys.executable, "-m", "bot", "invite"], env=env, capture_output=True, text=True, cwd="/"
    )
    assert neither.returncode == 2 and "STORYBOT_DISCORD_CLIENT_ID" in neither.stderr


def test_an_answer_s_buttons_are_not_kept_by_the_library_for_good() -> None:
    # a view still running is stored by discord.py until it stops: one per answer, never freed
    answer = Answer(
        text="x",
        kind=AnswerKind.DECLINE,
        suggestions=(Suggestion(entry_id="signing-place", question="Where was it signed?"),),
    )

    async def sent() -> discord.ui.View:  # as the adapter makes it: in the event loop
        view: discord.ui.View = render(answer).send_kwargs()["view"]
        return view

    view = asyncio.run(sent())
    assert view.children and view.is_finished()  # discord.py stores only unfinished views
