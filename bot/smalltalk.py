"""Replies to greetings, thanks and "what can you do?", which are not story questions."""

from __future__ import annotations

import re

from bot import replies

_GREETING = re.compile(
    r"^(hi+|hello+|hey+|hiya|yo|salam|salaam|as+alam[ -]?o[ -]?alaikum|aoa|good (morning|"
    r"afternoon|evening)|greetings|namaste|adaab)( there| all| everyone| bot| storybot)?$"
)
_THANKS = re.compile(
    r"^(thanks?( you)?( so much| a lot)?|thx|ty|thank u|shukriya|shukria|jazak ?allah|"
    r"great|cool|nice|ok(ay)?|got it|awesome|perfect)( bot| storybot)?$"
)
_HELP = re.compile(
    r"^(help|start|commands|what can you do|what do you (do|know)|who are you|what are you|"
    r"how does this work|how do i use (you|this)|what can i ask( you)?|menu|about)$"
)
_BYE = re.compile(r"^(bye|goodbye|see you|see ya|khuda hafiz|allah hafiz|cya)$")


def smalltalk_reply(text: str, title: str) -> str | None:
    """Return a friendly reply when `text` is chit-chat rather than a question, else None."""
    plain = re.sub(r"[^\w\s']", " ", text.casefold())
    plain = re.sub(r"\s+", " ", plain).strip()
    if _GREETING.match(plain):
        return f"Hi! I answer questions about one news story: {title}. Ask me anything about it."
    if _THANKS.match(plain):
        return "You're welcome! Ask me anything else about the story."
    if _HELP.match(plain):
        return replies.help_text(title)
    if _BYE.match(plain):
        return "Goodbye! Come back with more questions about the story."
    return None
