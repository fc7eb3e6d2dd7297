"""What happens on a day or at a time the question names: "what happened in January?".

"whats happening july 23?", "What took place in April 2017 with the Halvik project?", "what
happend at 3:50 sunday morning": when a question asks what happens and names a time, the
entry whose answer gives that time answers it (of several, the likeliest the question's words
make); with none, the one story sentence that gives it. A time the story never gives, or a
question that asks more than what happened then, is read as asked.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import replies
from bot.conversation.amounts import CLOCK, MONTH_NAME, days_given, month_number
from bot.conversation.figured import answered_by
from bot.conversation.stated import YEARS
from bot.knowledge.sentences import story_sentences
from bot.matching.decision import Decision, Entry
from bot.matching.needs import MONTH_NAMES, WEEKDAY_NAMES

if TYPE_CHECKING:
    from bot.matching.engine import Engine

# "what happened", "wat's happening", "what is scheduled to take place", "whats going down";
# and why the story names the time: "March 2020 crops up: what is its significance?"
_HAPPENS = re.compile(
    r"\b(?:what|wat|wht|whats|what's|wats|wut)\b[^?.!]{0,30}?\b(?:happen\w*|hapen\w*|"
    r"take place|took place|taking place|takes place|scheduled|going on|going down|goin down|"
    r"significance|significant|connection)\b|\bwhy (?:does|do|did) (?:the|this) (?:article|"
    r"story|report|piece) (?:mention|bring up|cite)\b",
    re.I,
)
# a month named alone; "may" and "march" only where a time is plainly meant ("in May")
_MONTH = re.compile(
    rf"\b(?:(?:in|on|by|since|during|from|till|until|of|early|mid|late)[\s-]+)?"
    rf"(?P<month>{MONTH_NAME})\b\.?",
    re.I,
)
_PLAIN_WORDS = frozenset({"may", "march", "mar"})
_WEEKDAY = re.compile(rf"\b(?:{'|'.join(WEEKDAY_NAMES.split())})\b", re.I)
_HOUR_MINUTE = re.compile(r"\b(?P<hour>\d{1,2}):(?P<minute>\d\d)\b")
# words a question may say besides its time: "what happened between the two countries in
# January?"; more ("what happens to the programme once Gavi's money runs out after 2027?") ask
# something else of that time
_OTHERS = 3
_ABOUT_TIME = frozenset(
    "what happen happens happened happening take takes took taking place scheduled going on "
    "down goin morning afternoon evening night day then exactly significance significant "
    "connection why article story report piece mention crops date".split()
)


def dated(engine: Engine, text: str) -> Decision | None:
    """Answer what happens at the time `text` names, from the entry or sentence giving it."""
    if not _HAPPENS.search(text):  # almost every question
        return None
    times = _times(text)
    if not times:
        return None
    about = {t for word in _ABOUT_TIME for t in engine.analyzer.terms(word)}
    others = [t for t in engine.analyzer.terms(_without_times(text)) if t not in about]
    if len(others) > _OTHERS:
        return None
    giving = [e for e in _looked_up(engine, times) if all(t.search(e.answer) for t, _ in times)]
    if giving:
        return answered_by(engine, text, giving, "what happened at a time: an entry gives it")
    story = story_sentences(engine.knowledge.story)
    said = [s for s in story if all(t.search(s) for t, _ in times)]
    if len(said) != 1:
        return None
    return Decision(text, replies.quoted(said[0]), "what happened at a time: one sentence gives it")


Time = tuple[re.Pattern[str], tuple[str, ...]]  # as an answer writes it, and its words' spellings


def _times(text: str) -> list[Time]:
    """Return each time `text` names, as an answer would write it, with the words to look up."""
    found: list[Time] = []
    days = days_given(text)
    for month, day in days:
        names = _month_names(month)
        said = re.compile(rf"\b(?:{names})\.? {day}\b|\b{day} (?:{names})\b", re.I)
        found.append((said, tuple(names.split("|"))))
    if not days:
        for match in _MONTH.finditer(text):
            word = match["month"].lower()
            if word in _PLAIN_WORDS and match[0].lower() == word:
                continue  # "what may happen", "the march to the stadium"
            names = _month_names(month_number(word))
            found.append((re.compile(rf"\b(?:{names})\b", re.I), tuple(names.split("|"))))
    found += [(re.compile(rf"\b{year}\b"), (year,)) for year in YEARS.findall(text)]
    found += [(re.compile(rf"\b{day}\b", re.I), (day,)) for day in _WEEKDAY.findall(text)]
    for match in _HOUR_MINUTE.finditer(text):
        hour, minute = int(match["hour"]), match["minute"]
        found.append((re.compile(rf"\b{hour}:{minute}\b"), (minute,)))
    if not _HOUR_MINUTE.search(text):
        for match in CLOCK.finditer(text):
            hour, half = int(match["hour"]), match["half"].lower()
            found.append((re.compile(rf"\b{hour}(?::00)? ?{half}\.?m\b", re.I), (str(hour),)))
    return found


def _looked_up(engine: Engine, times: list[Time]) -> list[Entry]:
    """Return the entries whose words hold every time, looked up in the index, not read whole.

    A time none of whose words the index holds narrows nothing; with none that does, no entry
    is looked for (a question's work must not grow with the knowledge).
    """
    postings = engine.index.corpus.postings
    found: set[int] | None = None
    for _, spellings in times:
        terms = {t for word in spellings for t in engine.analyzer.terms(word)}
        rows = {int(p) for t in terms for p in postings.rows(t)} if terms else None
        if rows is not None:
            found = rows if found is None else found & rows
    return [engine.entries[p] for p in sorted(found)] if found else []


def _month_names(month: int) -> str:
    """Return the ways a text writes month `month` (1-12): "october|oct"."""
    names = MONTH_NAMES.split()
    return "|".join(n for n in names if month_number(n) == month)


def _without_times(text: str) -> str:
    """Return `text` without the times it names, to count what else it asks."""
    for pattern in (YEARS, _WEEKDAY, _HOUR_MINUTE, CLOCK, _MONTH):
        text = pattern.sub(" ", text)
    return re.sub(r"\b\d{1,2}\b", " ", text)
