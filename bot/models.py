"""The boundary types between the core and every adapter."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class AnswerKind(StrEnum):
    """What sort of reply an `Answer` is, so adapters and logs can tell them apart."""

    ANSWER = "answer"
    DECLINE = "decline"
    CLARIFY = "clarify"
    SMALLTALK = "smalltalk"
    EMPTY = "empty"
    THROTTLED = "throttled"  # over the rate limit: a polite "slow down", once
    SILENT = "silent"  # still over the limit: send nothing


class Query(BaseModel):
    """A question and where it came from, as plain values."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    platform: str = "console"
    chat_id: str = "local"
    user_id: str = "local"
    chat_kind: str = "private"  # private, group or channel: for logs and limits, not matching


class Suggestion(BaseModel):
    """A question the knowledge can answer, offered to the asker (a button, a numbered line)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    entry_id: str
    question: str


class Answer(BaseModel):
    """What the bot says back, as plain data with no platform markup."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    answered: bool
    text: str
    kind: AnswerKind
    source: str | None = None
    confidence: float = Field(default=0.0, ge=0.0, le=1.0)
    entry_id: str | None = None
    suggestions: tuple[Suggestion, ...] = ()
