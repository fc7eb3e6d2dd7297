"""The core's exceptions."""

from __future__ import annotations


class StoryBotError(Exception):
    """Base of every error the core raises on purpose."""


class KnowledgeError(StoryBotError):
    """A knowledge folder failed to load; `problems` name file, line and field."""

    def __init__(self, problems: list[str]) -> None:
        """Keep every problem found, not just the first."""
        self.problems = problems
        super().__init__("\n".join(problems))


class SettingsError(StoryBotError, ValueError):
    """A setting names something that does not exist (an unknown encoder, say)."""


class InputFileError(StoryBotError):
    """A file the user named cannot be read: the message names the file (and line)."""
