"""Who wrote the story: "who wrote this article?", "which news agency filed this story?".

A news story says who wrote it in its credit line ("(Reporting by Anna Kowalczyk; Editing by
Mark Potter)") and which agency filed it in its dateline ("TORUN, Poland, Oct 8 (Reuters) -").
Asked, the reply gives both as the story has them; a story with neither does not say.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import replies
from bot.matching.decision import Decision
from bot.models import Answer, AnswerKind

if TYPE_CHECKING:
    from bot.matching.engine import Engine

_THE_STORY = r"(?:this|the) (?:article|story|piece|report|news)"
# what asks who wrote or filed the story itself, not who reported something it tells
_ASKED = re.compile(
    rf"\bwho (?:\w+ )?(?:wrote|writes|written|reported|filed) {_THE_STORY}\b"
    rf"|\b(?:author|writer|reporter|journalist|byline)s? (?:of|for|behind|on) {_THE_STORY}\b"
    r"|\bwho(?:'s| is| was) the (?:author|writer|reporter|journalist)\b"
    r"|\bwhich (?:news )?agency (?:\w+ )?(?:filed|wrote|published|put out)\b"
    # "which journalist filed this?", "who wrote this?": "this" the story, naming nothing else
    r"|\b(?:which|what) (?:journalist|reporter|writer|correspondent)s? (?:\w+ )?"
    r"(?:wrote|filed|reported|penned|authored)\b"
    r"|\bwho (?:\w+ )?(?:wrote|filed|penned|authored) this\b(?!\s*\w)",
    re.I,
)
_CREDIT = re.compile(r"\((?P<credit>(?:Reporting|Reported|Writing|Written) by [^)]+)\)")
# "TORUN, Poland, Oct 8 (Reuters) - …": the agency of a dateline opening a line
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]+,[^()\n]{0,60}\((?P<agency>[A-Z][\w .]+)\)\s+[-\u2013\u2014]", re.M
)


def credited(engine: Engine, text: str) -> Decision | None:
    """Answer who wrote the story and who filed it, when `text` asks."""
    if not _ASKED.search(text):  # almost every question
        return None
    story = engine.knowledge.story
    credit, dateline = _CREDIT.search(story), _DATELINE.search(story)
    said = []
    if credit is not None:
        said.append(f"The story's credit line says: {credit['credit']}.")
    if dateline is not None:
        said.append(f"Its dateline names {dateline['agency']}.")
    if not said:
        declined = replies.decline(0.0, engine.top_questions(engine.thresholds.suggestions))
        return Decision(text, declined, "who wrote it: no credit line or dateline")
    source = " … ".join(m[0].strip() for m in (dateline, credit) if m is not None)
    answer = Answer(text=" ".join(said), kind=AnswerKind.ANSWER, source=source, confidence=0.5)
    return Decision(text, answer, "who wrote it: the credit line and dateline")
