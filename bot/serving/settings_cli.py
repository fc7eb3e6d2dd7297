"""Settings at the command line: `storybot config` prints them."""

from __future__ import annotations

import sys

from bot.config import Settings
from bot.serving.frontends import installed, read_settings

PREFIX = "STORYBOT_"


def show(settings: Settings) -> int:
    """Print the effective settings of the core and of each front end, secrets masked."""
    # SecretStr fields dump as "**********": the effective settings, minus the secrets
    effective = settings.model_dump(mode="json") | {"gaps_db": str(settings.gaps_path)}
    _print_settings(PREFIX, effective)
    status = 0
    for frontend in installed():  # each front end's own settings, under its own prefix
        own = read_settings(frontend)
        if isinstance(own, str):
            print(own, file=sys.stderr)
            status = 2
            continue
        _print_settings(str(own.model_config.get("env_prefix", "")), own.model_dump(mode="json"))
    return status


def _print_settings(prefix: str, values: dict[str, object]) -> None:
    for name, value in values.items():
        if value is None:
            shown: object = "(not set)"
        elif isinstance(value, list):
            shown = ",".join(map(str, value))
        else:
            shown = value
        print(f"{prefix}{name.upper()}={shown}")
