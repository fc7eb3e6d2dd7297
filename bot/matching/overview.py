"""What the story is about: a question made only of filler words, such as "what's this about?".

Every word of "what is this story about?" is filler, so no entry can match it by its words,
though most FAQs phrase their overview entry exactly so. Such a question is answered by the
first FAQ entry a maintainer phrased that way, or else by the story's title and lead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.knowledge.schema import FaqEntry

_ASKS = re.compile(
    r"^(?:so |and |ok |okay )?(?:what(?:'s| is| was)|whats|wat is|what are they|tell me what)"
    r" (?:this|it|that|the story|this story|the article|this article|the news|this news|"
    r"the report|this report|all this|everything)(?: all| really)?(?: about)?\W*$"
    r"|^(?:what happened|what's going on|whats going on|give me the gist|the gist|summary|"
    r"(?:(?:can|could) you |please )?(?:summari[sz]e|sum up|recap)(?: it| this| the story|"
    r" what happened)?|sum (?:it|this|the story) up|tl ?;? ?dr|tldr)\W*$"
    # "tell me everything", "can you explain it all": "everything" is filler, as "it" is
    r"|^(?:(?:so|ok|okay|just|please)\s+)*(?:(?:can|could) you (?:please )?)?(?:tell me|explain)"
    r" (?:everything|it all|all about it|about everything|the story|what happened)"
    r"(?: (?:to me|you know|please))?\W*$",
    re.IGNORECASE,
)


# "what's going on at the shipyard?": what is happening to the thing the whole story is about
_GOING_ON = re.compile(
    r"^(?:(?:so|and|ok|okay|wait|hey)\W+)*(?:what(?:'s| is)|whats|wats|wat is)"
    r"(?: actually| really)? (?:going on|happening) (?:with|at|in|to) (?P<subject>.+?)\W*$",
    re.IGNORECASE,
)


def going_on(text: str) -> str | None:
    """Return what "what's going on with X?" asks about (X), for a message asking only that."""
    found = _GOING_ON.match(text.strip())
    return found["subject"] if found else None


def asks_overview(text: str) -> bool:
    """Return whether `text` asks what the story is about, in filler words only."""
    return bool(_ASKS.match(text.strip()))


def overview_entry(faq: Iterable[FaqEntry]) -> str | None:
    """Return the id of the first entry phrased as asking what the story is about, if any."""
    for entry in faq:  # the overview is usually the first entry: the scan stops there
        if any(asks_overview(text) for text in (entry.question, *entry.phrasings)):
            return entry.id
    return None
