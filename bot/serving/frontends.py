"""Front ends that plug in: each names itself, owns its settings and serves the one door.

A front end is found through the package metadata (entry point group `storybot.frontends`),
so the core never imports one: adding Slack or Matrix is its adapter files, one line in
`pyproject.toml` and its tests. `storybot chat` finds the terminal chat the same way (group
`storybot.terminal`), and a front end's own commands (`storybot invite`) come from the group
`storybot.commands`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, Any, Protocol

from pydantic import ValidationError
from pydantic_settings import BaseSettings

from bot.config import problems
from bot.models import FRONTEND_GROUP, TERMINAL_GROUP

if TYPE_CHECKING:  # front ends receive the service; the service does not know them
    from bot.serving.service import StoryBot

COMMANDS = "storybot.commands"


class Frontend(Protocol):
    """What `storybot run` needs of a platform."""

    name: str

    def settings(self) -> BaseSettings:
        """Read this front end's own settings (environment and `.env`)."""

    def wanted(self, settings: Any) -> bool:
        """Return whether the operator set it up at all (its token is set, say)."""

    def ready(self, settings: Any) -> str | None:
        """Return why it cannot start with `settings` (one line), or None when it can."""

    async def serve(self, bot: StoryBot, settings: Any, stop: asyncio.Event) -> None:
        """Serve `bot` until `stop` is set; raise when it cannot (it is started again)."""

    def fatal(self, error: Exception) -> str | None:
        """Return what the operator must fix when retrying cannot cure `error`, else None.

        One line naming the setting to fix (a rejected token: STORYBOT_…_TOKEN), never a
        secret. A network error, a timeout or a server error returns None: it is retried.
        """


def installed() -> list[Frontend]:
    """Return every installed front end, in name order."""
    found = sorted(entry_points(group=FRONTEND_GROUP), key=lambda e: e.name)
    return [entry.load() for entry in found]


def read_settings(frontend: Frontend) -> BaseSettings | str:
    """Return a front end's settings, or one line per bad variable (no traceback)."""
    try:
        return frontend.settings()
    except ValidationError as exc:
        prefix = "STORYBOT_" + frontend.name.upper() + "_"
        return problems(exc, prefix)


def terminal() -> Callable[[StoryBot], int]:
    """Return the installed terminal chat: it reads lines and answers until told to stop."""
    chat: Callable[[StoryBot], int] = _one(TERMINAL_GROUP)
    return chat


def command_names() -> list[str]:
    """Return the names of the commands front ends add, without importing them."""
    return sorted(e.name for e in entry_points(group=COMMANDS))


def command(name: str) -> Callable[[], int]:
    """Return the front-end command `name` (it reads its own settings; returns an exit code)."""
    for entry in entry_points(group=COMMANDS):
        if entry.name == name:
            loaded: Callable[[], int] = entry.load()
            return loaded
    raise LookupError(f"no command {name!r} is installed")


def _one(group: str) -> Any:
    for entry in entry_points(group=group):
        return entry.load()
    raise LookupError(f"nothing is installed in {group}")
