"""The boundary types between the core and every adapter."""

from __future__ import annotations

from enum import StrEnum
from importlib.metadata import entry_points

from pydantic import BaseModel, ConfigDict, Field, computed_field


class AnswerKind(StrEnum):
    """What sort of reply an `Answer` is, so adapters and logs can tell them apart."""

    ANSWER = "answer"
    DECLINE = "decline"
    CLARIFY = "clarify"
    CORRECTION = "correction"  # the question's premise is wrong: what the story says instead
    SMALLTALK = "smalltalk"
    EMPTY = "empty"
    THROTTLED = "throttled"  # over the rate limit: a polite "slow down", once
    SILENT = "silent"  # still over the limit: send nothing


class ChatKind(StrEnum):
    """Where a question was asked: for logs and limits, never for matching."""

    PRIVATE = "private"  # a direct message or the terminal
    GROUP = "group"  # a group, a server channel: other people read the reply
    CHANNEL = "channel"  # a broadcast channel


# the package metadata groups front ends register in (pyproject.toml, one line each)
FRONTEND_GROUP = "storybot.frontends"
TERMINAL_GROUP = "storybot.terminal"


def _registered() -> dict[str, str]:
    names = {e.name for g in (TERMINAL_GROUP, FRONTEND_GROUP) for e in entry_points(group=g)}
    return {name.upper(): name for name in sorted(names | {"console"})}


# An enum, so a typo or stray text can never name a platform, built from the registry, so a
# new front end (Slack, Matrix) adds its member with its one pyproject line and no core edit.
Platform = StrEnum("Platform", _registered())  # type: ignore[misc]
Platform.__doc__ = "The front ends installed: the terminal chat and every registered platform."


class Query(BaseModel):
    """A question and where it came from, as plain values."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    platform: Platform = Platform("console")
    chat_id: str = "local"
    user_id: str = "local"
    chat_kind: ChatKind = ChatKind.PRIVATE
    # posted as the group or a channel, not as a person: no later press can be proven theirs
    anonymous: bool = False


class Suggestion(BaseModel):
    """A question the knowledge can answer, offered to the asker (a button, a numbered line)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    entry_id: str
    question: str


class Answer(BaseModel):
    """What the bot says back, as plain data with no platform markup."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    kind: AnswerKind
    source: str | None = None
    confidence: float = Field(default=0.0, ge=0.0, le=1.0)
    entry_id: str | None = None
    question: str | None = None  # the FAQ question this answers, when it answers one
    ref: str | None = None  # sent back with "not what I asked"; opaque to front ends
    suggestions: tuple[Suggestion, ...] = ()

    @computed_field  # type: ignore[prop-decorator]
    @property
    def answered(self) -> bool:
        """Whether the story answered the question; it follows from `kind`, never set apart."""
        return self.kind is AnswerKind.ANSWER


class Topic(BaseModel):
    """One topic of the FAQ and the questions filed under it, in file order."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    questions: tuple[Suggestion, ...]


class Catalogue(BaseModel):
    """The FAQ by topic for `/faq`, or, over the rate limit, the refusal to send instead."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    topics: tuple[Topic, ...] = ()
    refusal: Answer | None = None


class Marked(StrEnum):
    """What came of pressing "not what I asked" on an answer."""

    NOTED = "noted"  # logged for the maintainer
    ALREADY = "already noted"  # its asker marked it before
    NOT_ASKER = "not the asker"  # only the asker knows whether it answered their question
    UNKNOWN = "unknown or expired"  # too old, given before a restart, or never given
    REFUSED = "refused"  # the presser is over their rate limit
    NOTHING = "nothing to mark"  # `wrong` typed in a chat before any answer to mark


class Feedback(BaseModel):
    """The outcome of a "not what I asked" press, and the reply for the presser alone."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    marked: Marked
    reply: Answer

    @property
    def settled(self) -> bool:
        """Whether the answer can be marked no more: a front end may retire its button."""
        return self.marked in {Marked.NOTED, Marked.ALREADY, Marked.UNKNOWN}
