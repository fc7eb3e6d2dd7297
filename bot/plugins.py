"""Find front ends (terminal, Telegram, Discord) without the core importing them."""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import entry_points
from typing import Any

GROUP = "storybot.frontends"


def load_frontend(name: str) -> Callable[..., Any]:
    """Return the entry function a front end registers under `name` in the package metadata."""
    for entry in entry_points(group=GROUP):
        if entry.name == name:
            loaded: Callable[..., Any] = entry.load()
            return loaded
    raise LookupError(f"no front end named {name!r} is installed (group {GROUP})")
