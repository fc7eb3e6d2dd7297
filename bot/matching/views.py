"""Questions that ask the bot's view or a forecast, which no news story answers for it.

"Would u feel safe on a greek ferry this summer?", "shouldn't they just pay?", "will the
hackers actually publish the data?": the story may hold what bears on them, but not the
answer. General English chat, nothing about one story.
"""

from __future__ import annotations

import re

from bot.matching.text import chat_words

# the asker wants the bot's opinion, or a judgement the story leaves to its reader
_VIEW = re.compile(
    r"\b(?:do|would) (?:you|u|ya) (?:think|reckon|feel|say|believe)\b"
    r"|\b(?:you|u) reckon\b|\bwhat do (?:you|u) make of\b|\b(?:your|ur) (?:opinion|view|take)\b"
    r"|^(?:(?:tbh|so|honestly|but|and|ok|okay|well|seriously|lol|imo|ngl) )?"
    r"(?:should|shouldn't|shouldnt)\b"
    r"|\bis it (?:right|fair|wise|safe|worth)\b|\bworth it\b|\bwould (?:you|u) feel\b"
)
# the asker wants to know whether it will happen, doubting what is planned: "will it really
# reopen?" (not "when will it actually open?", which asks the plan)
_ASKING_WHAT = re.compile(r"\b(?:when|where|who|whom|what|which|how|why)\b")
_FORECAST = re.compile(
    r"\b(?:will|gonna|going to)\b(?:\s+\S+){0,6}?\s+(?:actually|really|ever)\b"
    r"|\b(?:gonna|going to) end up\b"
)


def asks_a_view(text: str) -> bool:
    """Return whether `text` asks the bot's opinion or a forecast rather than a fact."""
    plain = chat_words(text)
    forecast = _FORECAST.search(plain) and not _ASKING_WHAT.search(plain)
    return bool(_VIEW.search(plain) or forecast)
