"""A fake Discord on 127.0.0.1: REST routes and a websocket gateway, recording every request."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from aiohttp import WSMsgType, web

from tests.fakes.discord_payloads import (
    ANNOUNCE_CHANNEL_ID,
    APP_ID,
    BOT_USER,
    CHANNEL_ID,
    DM_CHANNEL_ID,
    GUILD_ID,
    SHOWCASE_THREAD_ID,
    application,
    channel,
    guild,
    message_payload,
    snowflake,
    user,
)
from tests.fakes.server import serve_locally, wait_until


@dataclass
class Request:
    """One REST request the bot made."""

    method: str
    path: str
    body: Any
    query: dict[str, str]


@dataclass
class FakeDiscord:
    """Discord's REST API and gateway, as much of them as StoryBot uses."""

    token: str
    requests: list[Request] = field(default_factory=list)
    commands: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # scope -> commands
    sockets: list[web.WebSocketResponse] = field(default_factory=list)
    identifies: int = 0
    resumes: int = 0
    _seq: int = 0
    _runner: web.AppRunner | None = None
    port: int = 0
    ready: asyncio.Event = field(default_factory=asyncio.Event)
    # channels where Discord refuses the bot's posts (403, Missing Permissions): those where the
    # guild's overwrites forbid it, and any a test adds where the client's cache still says yes
    forbidden: set[str] = field(default_factory=lambda: {ANNOUNCE_CHANNEL_ID, SHOWCASE_THREAD_ID})

    @property
    def api_url(self) -> str:
        """The value for `STORYBOT_DISCORD_API_URL`."""
        return f"http://127.0.0.1:{self.port}/api/v10"

    async def start(self, port: int = 0) -> None:
        """Serve REST and the gateway on `port` (0: a free one) of 127.0.0.1."""
        app = web.Application()
        app.router.add_get("/ws", self._gateway)
        app.router.add_route("*", "/api/v10/{path:.*}", self._rest)
        self._runner, self.port = await serve_locally(app, port)

    async def stop(self) -> None:
        """Close every socket and stop serving."""
        for ws in list(self.sockets):
            await ws.close()
        if self._runner:
            await self._runner.cleanup()

    # ── what tests do ────────────────────────────────────────────────────────
    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        """Send one gateway event to the connected bot."""
        await self.ready.wait()
        self._seq += 1
        await self.sockets[-1].send_str(
            json.dumps({"op": 0, "t": event, "s": self._seq, "d": data})
        )

    async def close_gateway(self, code: int = 4000) -> None:
        """Close the gateway with `code` (4000: unknown error, resumable)."""
        self.ready.clear()
        await self.sockets[-1].close(code=code, message=b"fake closes")

    async def drop_gateway(self) -> None:
        """Cut the gateway's TCP connection without a close frame."""
        self.ready.clear()
        ws = self.sockets[-1]
        transport = ws._req.transport if ws._req else None  # type: ignore[union-attr]
        if transport:
            transport.abort()

    def message(
        self,
        content: str,
        *,
        guild: bool = True,
        author: dict[str, Any] | None = None,
        mentions: list[dict[str, Any]] | None = None,
        mention_everyone: bool = False,
        mention_roles: list[str] | None = None,
        channel_id: str | None = None,
    ) -> dict[str, Any]:
        """Build a MESSAGE_CREATE payload (in `channel_id`, or the guild's first channel)."""
        author = author or user()
        payload = message_payload(
            channel_id or (CHANNEL_ID if guild else DM_CHANNEL_ID),
            author,
            content,
            mention_everyone=mention_everyone,
            mentions=mentions or [],
            mention_roles=mention_roles or [],
        )
        if guild:
            payload["guild_id"] = GUILD_ID
            payload["member"] = {
                "roles": [],
                "joined_at": payload["timestamp"],
                "deaf": False,
                "mute": False,
                "flags": 0,
            }
        return payload

    def interaction(
        self, kind: int, data: dict[str, Any], message: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        """Build an INTERACTION_CREATE payload (2: command, 3: component, 4: autocomplete)."""
        payload: dict[str, Any] = {
            "id": snowflake(),
            "application_id": APP_ID,
            "type": kind,
            "data": data,
            "guild_id": GUILD_ID,
            "channel_id": CHANNEL_ID,
            "channel": channel(),
            "member": {
                "user": user(),
                "roles": [],
                "joined_at": datetime.now(UTC).isoformat(),
                "deaf": False,
                "mute": False,
                "flags": 0,
                "permissions": "2147483647",
            },
            "token": f"itoken-{snowflake()}",
            "version": 1,
            "app_permissions": "2147483647",
            "locale": "en-US",
            "guild_locale": "en-US",
            "entitlements": [],
            "authorizing_integration_owners": {"0": GUILD_ID},
            "context": 0,
            "attachment_size_limit": 10485760,
        }
        if message is not None:
            payload["message"] = message
        return payload

    def slash(self, name: str, **options: Any) -> dict[str, Any]:
        """Build a slash-command interaction."""
        opts = [
            {"name": k, "type": 5 if isinstance(v, bool) else 3, "value": v}
            for k, v in options.items()
        ]
        return self.interaction(2, {"id": snowflake(), "name": name, "type": 1, "options": opts})

    def found(self, method: str, path_start: str) -> list[Request]:
        """Return the recorded requests of `method` whose path starts with `path_start`."""
        return [r for r in self.requests if r.method == method and r.path.startswith(path_start)]

    async def wait_for(self, predicate: Any, timeout: float = 10.0) -> None:
        """Wait until `predicate(self)` is true."""
        await wait_until(lambda: predicate(self), timeout, "that")

    # ── REST ─────────────────────────────────────────────────────────────────
    async def _rest(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["path"]
        # interaction callbacks and follow-ups are authorised by the interaction token
        by_token = path.startswith(("/interactions/", "/webhooks/"))
        if not by_token and request.headers.get("Authorization") != f"Bot {self.token}":
            return _json({"message": "401: Unauthorized", "code": 0}, 401)
        body = await request.json() if request.can_read_body else None
        self.requests.append(Request(request.method, path, body, dict(request.query)))
        return _json(*self._route(request.method, path, body))

    def _route(self, method: str, path: str, body: Any) -> tuple[Any, int]:
        parts = path.strip("/").split("/")
        if path == "/users/@me":
            return BOT_USER, 200
        if path == "/oauth2/applications/@me":
            return application(), 200
        if path in ("/gateway", "/gateway/bot"):
            limit = {"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1}
            return {
                "url": f"ws://127.0.0.1:{self.port}/ws",
                "shards": 1,
                "session_start_limit": limit,
            }, 200
        if parts[0] == "applications" and parts[-1] == "commands":
            scope = parts[3] if len(parts) == 5 else "global"
            if method == "PUT":
                self.commands[scope] = [
                    {**c, "id": snowflake(), "application_id": APP_ID, "version": "1"} for c in body
                ]
            return self.commands.get(scope, []), 200
        if parts[0] == "channels" and parts[-1] == "messages" and method == "POST":
            if parts[1] in self.forbidden:
                return {"message": "Missing Permissions", "code": 50013}, 403
            return self._message(parts[1], body), 200
        if parts[0] == "interactions" and parts[-1] == "callback":
            resource: dict[str, Any] = {"type": body["type"]}
            if body.get("data") and body["type"] in (4, 7):
                resource["message"] = self._message(CHANNEL_ID, body["data"])
            return {"interaction": {"id": parts[1], "type": 2}, "resource": resource}, 200
        if parts[0] == "webhooks":
            return self._message(CHANNEL_ID, body or {}), 200
        return {"message": f"404: fake has no {method} {path}", "code": 0}, 404

    def _message(self, channel_id: str, body: dict[str, Any]) -> dict[str, Any]:
        return message_payload(
            channel_id,
            BOT_USER,
            body.get("content") or "",
            embeds=body.get("embeds") or [],
            components=body.get("components") or [],
            type=19 if body.get("message_reference") else 0,
        )

    # ── gateway ──────────────────────────────────────────────────────────────
    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self.sockets.append(ws)
        await ws.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": 41250}}))
        async for msg in ws:
            if msg.type != WSMsgType.TEXT:
                continue
            frame = json.loads(msg.data)
            if frame["op"] == 1:
                await ws.send_str(json.dumps({"op": 11}))
            elif frame["op"] == 2:
                self.identifies += 1
                await self._send_ready(ws)
            elif frame["op"] == 6:
                self.resumes += 1
                self._seq += 1
                await ws.send_str(json.dumps({"op": 0, "t": "RESUMED", "s": self._seq, "d": {}}))
                self.ready.set()
        return ws

    async def _send_ready(self, ws: web.WebSocketResponse) -> None:
        self._seq += 1
        ready = {
            "v": 10,
            "user": BOT_USER,
            "guilds": [{"id": GUILD_ID, "unavailable": True}],
            "session_id": "fake-session",
            "resume_gateway_url": f"ws://127.0.0.1:{self.port}/ws",
            "shard": [0, 1],
            "application": {"id": APP_ID, "flags": 0},
        }
        await ws.send_str(json.dumps({"op": 0, "t": "READY", "s": self._seq, "d": ready}))
        self._seq += 1
        await ws.send_str(json.dumps({"op": 0, "t": "GUILD_CREATE", "s": self._seq, "d": guild()}))
        self.ready.set()


def _json(payload: Any, status: int = 200) -> web.Response:
    # discord.py parses JSON only when Content-Type is exactly application/json
    return web.Response(
        body=json.dumps(payload).encode(),
        status=status,
        headers={"Content-Type": "application/json"},
    )
