"""Questions answered by putting the story's facts together, tried before the plain reading.

How long lies between two dated things (`between`) or two days the question types (`spans`), which
came first (`order`); which of two people is older (`ages`); what a figure quoted from the
story stands for (`figured`); what happened at a time it names (`dated`); who said a line the
story quotes (`speakers`); who wrote the story itself (`credits`); whom it quotes or names
(`people`); what figures the question quotes from the story add up to (`calculated`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.conversation.ages import older
from bot.conversation.between import between
from bot.conversation.calculated import calculated
from bot.conversation.credits import credited
from bot.conversation.dated import dated
from bot.conversation.figured import figured
from bot.conversation.order import came_first
from bot.conversation.people import people
from bot.conversation.speakers import said_by

if TYPE_CHECKING:
    from bot.matching.analysis import Analysis
    from bot.matching.decision import Decision
    from bot.matching.engine import Engine


def combined(engine: Engine, text: str, reading: Analysis) -> Decision | None:
    """Answer `text` (read as `reading`) from facts put together, or None to read it as asked."""
    return (
        between(engine, text)  # "how many days between the closure and the vote?"
        or came_first(engine, text)  # "which came first, the vote or the report?"
        or older(engine, text, engine.naming.read(reading, engine.index))  # "is A older than B?"
        or figured(engine, text, reading)  # "what's the 62 million figure about?"
        or dated(engine, text)  # "what happened in January?"
        or said_by(engine, text, reading)  # "who said 'a man went to work and …'?"
        or credited(engine, text)  # "who wrote this article?"
        or people(engine, text)  # "list every person quoted and their post"
        or calculated(engine, text)  # "310,000 pounds for 42 objects: how much per object?"
    )
