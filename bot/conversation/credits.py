"""Who wrote the story and where from: "who wrote this article?", "what is its dateline?".

A news story says who wrote it in its credit line ("(Reporting by Anna Kowalczyk; Editing by
Mark Potter)"), and where, when and by which agency it was filed in its dateline ("TORUN,
Poland, Oct 8 (Reuters) -"). Asked, the reply gives them as the story has them; a story with
neither does not say.
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
# what asks the dateline itself: "what's the dateline?", "where was this report filed from?",
# "ye report kis shehar se file hui?"
_NEWS = r"(?:this|the|ye|yeh|dis) (?:article|story|piece|report|news)"
_WHERE_FROM = re.compile(
    r"\bdatelined?\b|\bfiled from\b|\bfile (?:hui|hua|ki|kiya)\b"
    rf"|\bwhere (?:was|is) {_THE_STORY} (?:from|filed|written)\b"
    # "which day's this article from?", "what date is the story?"
    rf"|\b(?:what|which) (?:date|day|town|city)(?:'s|s)?(?: is| was)? {_NEWS}\b"
    # "ye news kis date ki hai", "dis news, e come from which town?"
    rf"|\b{_NEWS},? (?:kis (?:date|din|tareekh|shehar)"
    r"|(?:\w+ ){0,2}from which (?:town|city|day))\b",
    re.I,
)
# a dateline opening one of a story's first lines: "ULSAN, South Korea, Wednesday, July 16,
# 2025", "LAGOS, July 14 - …", "ACCRA/NAIROBI, 2 March 2026 - …"
_DATELINE_LINE = re.compile(
    r"^(?P<dateline>[A-Z][A-Z.'/-]+(?: [A-Z][A-Z.'/-]+)*,[^\n]{2,60}?)"
    r"(?:\s+[-\u2013\u2014]{1,2}\s|\s*$)"
)
_FIRST_LINES = 3  # the dateline opens the story, after its headline at most
_CREDIT = re.compile(r"\((?P<credit>(?:Reporting|Reported|Writing|Written) by [^)]+)\)")
# "TORUN, Poland, Oct 8 (Reuters) - …": the agency of a dateline opening a line
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]+,[^()\n]{0,60}\((?P<agency>[A-Z][\w .]+)\)\s+[-\u2013\u2014]", re.M
)


def credited(engine: Engine, text: str) -> Decision | None:
    """Answer who wrote the story and who filed it, or its dateline, when `text` asks."""
    if _WHERE_FROM.search(text):
        return _datelined(engine, text)
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


def _datelined(engine: Engine, text: str) -> Decision:
    """Answer with the story's dateline: where, when and by whom it was filed."""
    lines = [line.strip() for line in engine.knowledge.story.splitlines() if line.strip()]
    for line in lines[:_FIRST_LINES]:
        found = _DATELINE_LINE.match(line)
        # a dateline gives a date or an agency: "CHINA, PAKISTAN SIGN DEAL" is a headline
        if found is not None and re.search(r"\d|\(", found["dateline"]):
            dateline = found["dateline"].rstrip(" ,")
            answer = Answer(
                text=f"The story's dateline: {dateline}.",
                kind=AnswerKind.ANSWER,
                source=dateline,
                confidence=0.5,
            )
            return Decision(text, answer, "where it was filed: the dateline")
    declined = replies.decline(0.0, engine.top_questions(engine.thresholds.suggestions))
    return Decision(text, declined, "where it was filed: no dateline")
