"""A fake Telegram Bot API on 127.0.0.1: queues updates, records calls, injects faults."""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.fakes.server import serve_locally, wait_until

BOT_USER = {"id": 4242, "is_bot": True, "first_name": "StoryBot", "username": "story_test_bot"}
OK_METHODS = {
    "deleteWebhook",
    "setWebhook",
    "setMyCommands",
    "answerCallbackQuery",
    "answerInlineQuery",
}


@dataclass
class Call:
    """One method call the bot made, with its parameters decoded."""

    method: str
    params: dict[str, Any]
    result: dict[str, Any] | None = None  # the message as Telegram returned it, if one


@dataclass
class FakeTelegram:
    """The Bot API's HTTP side, as much of it as StoryBot uses."""

    token: str
    calls: list[Call] = field(default_factory=list)
    sent: list[Call] = field(default_factory=list)  # sendMessage calls that succeeded
    updates: list[dict[str, Any]] = field(default_factory=list)
    faults: dict[str, list[str]] = field(default_factory=dict)
    chats: dict[int, dict[str, Any]] = field(default_factory=dict)
    messages: dict[tuple[int, int], dict[str, Any]] = field(default_factory=dict)  # the bot's
    _next_update: int = 1
    _next_message: int = 1000
    _changed: asyncio.Condition = field(default_factory=asyncio.Condition)
    _runner: web.AppRunner | None = None
    port: int = 0

    @property
    def base_url(self) -> str:
        """The value for `STORYBOT_TELEGRAM_API_URL`."""
        return f"http://127.0.0.1:{self.port}/bot"

    async def start(self, port: int = 0) -> None:
        """Serve on `port` (0: a free one) of 127.0.0.1."""
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self._handle)
        self._runner, self.port = await serve_locally(app, port)

    async def stop(self) -> None:
        """Stop serving."""
        if self._runner:
            await self._runner.cleanup()

    def fail(self, method: str, *kinds: str) -> None:
        """Make the next calls of `method` fail: "500", "429" or "drop" (connection cut)."""
        self.faults.setdefault(method, []).extend(kinds)

    # ── updates the test pushes ──────────────────────────────────────────────
    async def push(self, update: dict[str, Any]) -> int:
        """Queue one update for getUpdates; return its update_id."""
        update_id = self._next_update
        self._next_update += 1
        self.updates.append({"update_id": update_id, **update})
        async with self._changed:
            self._changed.notify_all()
        return update_id

    def message(
        self,
        text: str,
        chat_id: int = 100,
        user_id: int = 7,
        chat_type: str = "private",
        reply_to: dict[str, Any] | None = None,
        is_bot: bool = False,
        entities: list[dict[str, Any]] | None = None,
    ) -> dict[str, Any]:
        """Build a message dict as Telegram sends it."""
        self._next_message += 1
        chat = {"id": chat_id, "type": chat_type}
        if chat_type == "private":
            chat["first_name"] = "Asker"
        else:
            chat["title"] = "Moon fans"
        self.chats[chat_id] = chat
        message: dict[str, Any] = {
            "message_id": self._next_message,
            "date": int(time.time()),
            "chat": chat,
            "from": {"id": user_id, "is_bot": is_bot, "first_name": "Asker"},
            "text": text,
        }
        if entities is None and text.startswith("/"):
            entities = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        if entities:
            message["entities"] = entities
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        return message

    async def wait_for(self, predicate: Any, timeout: float = 10.0) -> list[Call]:
        """Wait until `predicate(self)` is true; return the sent messages then."""
        await wait_until(lambda: predicate(self), timeout, f"that (sent so far: {len(self.sent)})")
        return self.sent

    # ── the HTTP side ────────────────────────────────────────────────────────
    async def _handle(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            return _error(401, "Unauthorized")
        method = request.match_info["method"]
        params = await _params(request)
        self.calls.append(Call(method, params))
        faults = self.faults.get(method)
        if faults:
            fault = faults.pop(0)
            if fault == "drop":
                request.transport.close()  # type: ignore[union-attr]
                raise asyncio.CancelledError
            if fault == "429":
                return _error(429, "Too Many Requests: retry after 1", {"retry_after": 1})
            return _error(500, "Internal Server Error")
        if method == "getMe":
            return _ok(BOT_USER)
        if method == "getUpdates":
            return _ok(await self._get_updates(params))
        if method == "sendMessage":
            return _ok(self._send_message(method, params))
        if method == "editMessageReplyMarkup":
            return self._edit_reply_markup(params)
        if method in OK_METHODS:
            return _ok(True)
        return _error(404, f"Not Found: method {method} is not faked")

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        timeout = min(float(params.get("timeout") or 0), 1.0)
        pending = [u for u in self.updates if u["update_id"] >= offset]
        if not pending and timeout:
            async with self._changed:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._changed.wait(), timeout)
            pending = [u for u in self.updates if u["update_id"] >= offset]
        return pending[:100]

    def _send_message(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        self._next_message += 1
        chat_id = int(params["chat_id"])
        chat = self.chats.get(chat_id, {"id": chat_id, "type": "private", "first_name": "Asker"})
        message = {
            "message_id": self._next_message,
            "date": int(time.time()),
            "chat": chat,
            "from": BOT_USER,
            "text": params.get("text", ""),
        }
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        self.messages[(chat_id, self._next_message)] = message
        self.sent.append(Call(method, params, message))
        return message

    def _edit_reply_markup(self, params: dict[str, Any]) -> web.Response:
        """Replace a sent message's buttons and return the message, as Telegram does."""
        key = (int(params.get("chat_id") or 0), int(params.get("message_id") or 0))
        message = self.messages.get(key)
        if message is None:  # deleted, never sent by the bot, or an inline message
            return _error(400, "Bad Request: message to edit not found")
        markup = params.get("reply_markup") or {}
        if markup.get("inline_keyboard") == message.get("reply_markup", {}).get("inline_keyboard"):
            return _error(400, "Bad Request: message is not modified")
        if markup.get("inline_keyboard"):
            message["reply_markup"] = markup
        else:  # no buttons left: Telegram drops the keyboard from the message
            message.pop("reply_markup", None)
        return _ok(message)


async def _params(request: web.Request) -> dict[str, Any]:
    if request.content_type == "application/json":
        body = await request.json()
        return dict(body) if isinstance(body, dict) else {}
    form = await request.post()
    params: dict[str, Any] = {}
    for key, value in form.items():
        text = value if isinstance(value, str) else ""
        try:  # nested objects arrive JSON-encoded inside the form
            params[key] = json.loads(text) if text[:1] in "{[" else text
        except ValueError:
            params[key] = text
    return params


def _ok(result: Any) -> web.Response:
    return web.json_response({"ok": True, "result": result})


def _error(code: int, description: str, parameters: dict[str, Any] | None = None) -> web.Response:
    body: dict[str, Any] = {"ok": False, "error_code": code, "description": description}
    if parameters:
        body["parameters"] = parameters
    return web.json_response(body, status=code)
