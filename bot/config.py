"""StoryBot's settings, from the environment (prefix `STORYBOT_`) or a `.env` file."""

from __future__ import annotations

import codecs
import os
from pathlib import Path
from typing import Self

from dotenv import dotenv_values
from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.knowledge.loading import default_folder

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
ENV_FILE = ".env"  # in the working directory, where pydantic-settings looks for it


class Settings(BaseSettings):
    """Every setting in one place; build it in `main()` and pass it down."""

    model_config = SettingsConfigDict(
        env_prefix="STORYBOT_", env_file=ENV_FILE, env_file_encoding="utf-8", extra="ignore"
    )

    knowledge_dir: Path = Field(default_factory=default_folder)
    encoder: str = "wordllama"  # the semantic layer: "wordllama" (shipped) or "none"
    followup_seconds: float = Field(default=300, ge=0)  # how long "and where?" looks back
    answer_threshold: float = Field(default=0.5, ge=0.0, le=1.0)
    clarify_threshold: float = Field(default=0.4, ge=0.0, le=1.0)
    max_question_chars: int = Field(default=500, ge=20, le=10_000)
    log_level: str = "INFO"
    data_dir: Path = Field(default_factory=lambda: _xdg_data_home() / "storybot")
    gaps_db: Path | None = None  # default: <data_dir>/gaps.sqlite3
    gaps_retention_days: float = Field(default=90, gt=0)
    gaps_low_confidence: float = Field(default=0.6, ge=0.0, le=1.0)
    gaps_max_rows: int = Field(default=50_000, ge=1)  # past it the oldest are dropped
    rate_user_burst: int = Field(default=5, ge=1)
    rate_user_per_minute: float = Field(default=6, gt=0)
    rate_chat_burst: int = Field(default=20, ge=1)
    rate_chat_per_minute: float = Field(default=20, gt=0)
    rate_typing_burst: int = Field(default=30, ge=1)  # inline queries, autocomplete
    rate_typing_per_minute: float = Field(default=60, gt=0)
    rate_listing_burst: int = Field(default=2, ge=1)  # /faq, /about, /help
    rate_listing_per_minute: float = Field(default=2, gt=0)

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        """Accept a level name in any case; refuse others here, not in `logging` later."""
        if value.strip().upper() not in LOG_LEVELS:
            raise ValueError(
                f"not a log level: use {', '.join(LOG_LEVELS[:-1])} or {LOG_LEVELS[-1]} (any case)"
            )
        return value.strip().upper()

    @model_validator(mode="after")
    def _clarify_below_answer(self) -> Self:
        """Refuse a "did you mean" threshold above the answer threshold: no band lies between."""
        if self.clarify_threshold > self.answer_threshold:
            raise ValueError(
                f"STORYBOT_CLARIFY_THRESHOLD ({self.clarify_threshold:g}) is above "
                f"STORYBOT_ANSWER_THRESHOLD ({self.answer_threshold:g}): it must be at most the "
                'answer threshold (between the two the bot asks "did you mean …?")'
            )
        return self

    @property
    def gaps_path(self) -> Path:
        """Return where the unanswered-questions database lives."""
        return self.gaps_db or self.data_dir / "gaps.sqlite3"

    def secrets(self) -> list[str]:
        """Return every secret a front end may hold, so logging can mask them.

        Front ends own their settings, so the core cannot list their fields: any
        `STORYBOT_…_TOKEN` or `STORYBOT_…_SECRET`, from the environment or `.env`, counts.
        """
        found = env_file_values() | os.environ
        names = ((key.upper(), value) for key, value in found.items())  # read case-blind
        return [
            value
            for key, value in names
            if value and key.startswith("STORYBOT_") and key.endswith(("_TOKEN", "_SECRET"))
        ]


def env_file_values(path: Path = Path(ENV_FILE)) -> dict[str, str | None]:
    """Return the variables `.env` sets, by name as written; none when there is no file."""
    return dict(dotenv_values(path)) if path.is_file() else {}


def env_file_problem(path: Path = Path(ENV_FILE)) -> str | None:
    """Return one line saying why `.env` cannot be read, or None when it can or is absent.

    Every settings class reads it as UTF-8 and would fail with a traceback; the line never
    quotes the file (it holds tokens), only where and what is wrong.
    """
    if not path.is_file():
        return None
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return f"storybot: {path}: cannot read: {exc.strerror or exc}"
    # every reader takes a UTF-8 byte-order mark for part of the first name, which is then
    # ignored without a word: say so (Notepad's "UTF-8 with BOM", PowerShell 5's utf8)
    if raw.startswith(codecs.BOM_UTF8):
        return (
            f"storybot: {path}: starts with a byte-order mark, which hides its first setting;"
            " save it as UTF-8 without BOM"
        )
    # Notepad's "Unicode" is UTF-16: a byte-order mark, then a NUL after every ASCII letter
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\0" in raw:
        return (
            f"storybot: {path}: not UTF-8 text: it is UTF-16 (as some Windows editors save it);"
            " save it as UTF-8"
        )
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return (
            f"storybot: {path}: line {line} is not UTF-8 text (Latin-1 or another encoding?);"
            " save it as UTF-8"
        )
    return None


def _xdg_data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def problems(exc: ValidationError, prefix: str = "STORYBOT_") -> str:
    """Say which setting is wrong, what it got and what it expects, one line each."""
    lines = []
    for problem in exc.errors():
        said = problem["msg"]
        # our own checks say it as meant; pydantic's begin with a capital mid-sentence
        said = (
            said.removeprefix("Value error, ") if problem["type"] == "value_error" else said.lower()
        )
        if not problem["loc"]:  # a check of several settings together names them itself
            lines.append(f"storybot: settings: {said}")
            continue
        name = prefix + "_".join(str(p) for p in problem["loc"][:1]).upper()
        got = problem.get("input")
        shown = "" if isinstance(got, dict) else f" got {got!r}:"
        lines.append(f"storybot: setting {name}:{shown} {said}")
    return "\n".join(lines)
