"""Settings at the command line: `storybot config` prints them, and a misspelt name is named.

pydantic-settings ignores a `STORYBOT_…` variable that is no setting, so
`STORYBOT_ANSWER_TRESHOLD=0.6` would leave the threshold as it was without a word. The known
names are the core's settings and every registered front end's (`STORYBOT_TELEGRAM_…`), found
through the registry: the core imports no front end.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import get_type_hints

from pydantic_settings import BaseSettings
from rapidfuzz import fuzz, process

from bot.config import ENV_FILE, Settings, env_file_values
from bot.serving.frontends import Frontend, installed, read_settings

PREFIX = "STORYBOT_"
# the parts after the prefix are compared: TRESHOLD / THRESHOLD scores 97, LOGLEVEL / LOG_LEVEL
# 94, while names that merely share words (ANSWER_THRESHOLD / GAPS_LOW_CONFIDENCE) stay far below
CLOSE = 80


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


def misspelt(env_file: Path = Path(ENV_FILE)) -> list[str]:
    """Return one warning per `STORYBOT_…` variable that names no setting; never its value."""
    given = _given(env_file)
    known = {PREFIX + name.upper() for name in Settings.model_fields}
    unknown = {name: where for name, where in given.items() if name.upper() not in known}
    if not unknown:  # the usual case: no front end is loaded, so `storybot ask` starts quickly
        return []
    open_prefixes: list[str] = []
    for frontend in installed():
        names, prefix = _frontend_names(frontend)
        known |= names
        open_prefixes += [prefix] if prefix else []
    warnings = []
    for name, where in sorted(unknown.items()):
        wanted = name.upper()
        if wanted in known or wanted.startswith(tuple(open_prefixes)):
            continue
        close = process.extractOne(
            wanted.removeprefix(PREFIX),
            {full: full.removeprefix(PREFIX) for full in known},
            scorer=fuzz.ratio,
            score_cutoff=CLOSE,
        )
        hint = f"did you mean {close[2]}?" if close else "no setting is named like it"
        warnings.append(f"unknown setting {name} (in {where}) is ignored: {hint}")
    return warnings


def _given(env_file: Path) -> dict[str, str]:
    """Return each `STORYBOT_…` name set, as written, and where: the environment, `.env`."""
    from_file = env_file_values(env_file)
    places: dict[str, list[str]] = {}
    for where, names in (("the environment", list(os.environ)), (str(env_file), list(from_file))):
        for name in names:
            # read case-blind, as pydantic-settings reads them; a name that is no identifier
            # is no setting's either, and might hold a pasted token: it is not repeated
            if name.upper().startswith(PREFIX) and name.isidentifier():
                places.setdefault(name, []).append(where)
    return {name: " and ".join(where) for name, where in places.items()}


def _frontend_names(frontend: Frontend) -> tuple[set[str], str | None]:
    """Return a front end's setting names, or its prefix when its settings class is unknown."""
    try:  # `settings()` declares the class it returns; calling it would validate the values
        kind = get_type_hints(frontend.settings).get("return")
    except (NameError, TypeError):  # an annotation that does not resolve: trust the prefix
        kind = None
    if isinstance(kind, type) and issubclass(kind, BaseSettings) and kind.model_fields:
        prefix = str(kind.model_config.get("env_prefix") or "").upper()
        return {prefix + name.upper() for name in kind.model_fields}, None
    return set(), f"{PREFIX}{frontend.name.upper()}_"


def _print_settings(prefix: str, values: dict[str, object]) -> None:
    for name, value in values.items():
        if value is None:
            shown: object = "(not set)"
        elif isinstance(value, list):
            shown = ",".join(map(str, value))
        else:
            shown = value
        print(f"{prefix}{name.upper()}={shown}")
