"""Who the story quotes or names: "kindly list every person quoted and what their post is".

"Which persons does the report name, and what office does each hold?", "how many people does
this story quote, and who are they?": the fact store's people, in the order the story first
names them, each with what their own entry says they are; "quoted" keeps those a sentence of
the story has speaking (a quotation or a verb of saying beside their name). A question that
also names something of the story ("the people quoted at the rally") or asks which are women
(which the fact store does not say) asks of fewer, and is read as asked.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.knowledge.sentences import story_sentences
from bot.matching.analysis import ENTITY_PREFIX
from bot.matching.decision import Decision, Entry
from bot.matching.text import tokenize
from bot.models import Answer, AnswerKind

if TYPE_CHECKING:
    from bot.matching.engine import Engine

# what asks for the story's people as a list: "which people", "every person", "how many people"
_ASKS = re.compile(
    r"\b(?:which|what) (?:people|persons)\b|\b(?:every|each) (?:person|one)\b"
    r"|\ball (?:the )?(?:people|persons)\b|\bhow many (?:people|persons)\b"
    r"|\bwho (?:all )?(?:is|are|was|were|gets?|got) (?:quoted|named)\b"
    r"|\blist\b(?=.*\b(?:people|persons?|every(?:one|body)|quoted|names)\b)"
    r"|\bkitne (?:log|logon)\b",
    re.I,
)
_NAMING = re.compile(r"\b(?:quot\w*|nam(?:e|ed|es)|mention\w*|list)\b", re.I)
_QUOTED = re.compile(r"\bquot\w*", re.I)
_WOMEN = re.compile(r"\b(?:women|woman|female|ladies|auratein|aurtein|aurton)\b", re.I)
# a sentence that has someone speak: a quotation, or a verb of saying
_SAYING = re.compile(
    r"[\"\u201c\u201d]|\b(?:said|says|told|added|warned|called|according to|insisted|argued)\b",
    re.I,
)
_LISTED = 12  # people a reply lists at most
# words that only ask for the list and what each one is
_ABOUT_PEOPLE = frozenset(
    """
    people person persons women woman men man everyone everybody quote quoted quotes quoting
    name named names mention mentioned list listing story article piece report news role roles
    job jobs post posts office offices title titles position positions full complete each every
    all directly say says said give gives given hold holds do does did what which who whom
    """.split()
)


def people(engine: Engine, text: str) -> Decision | None:
    """Answer which people the story quotes or names, with what each of them is."""
    if not (_ASKS.search(text) and _NAMING.search(text)) or _WOMEN.search(text):
        return None  # almost every question; which of them are women, the store does not say
    rest = " ".join(w for w in tokenize(text) if w not in _ABOUT_PEOPLE)
    if any(map(engine.index.knows, engine.analyzer.terms(rest))):
        return None  # "the people quoted at the rally" asks of fewer
    story = engine.knowledge.story
    sentences = story_sentences(story)
    found = [e for t in engine.tools.people if (e := engine.entry(t.removeprefix(ENTITY_PREFIX)))]
    quoted = bool(_QUOTED.search(text))
    if quoted:
        found = [e for e in found if any(_speaks(e.person, s) for s in sentences)]
    if not found:
        return None
    found.sort(key=lambda e: _first_named(e.person, story))
    said = f"The story {'quotes' if quoted else 'names'} {len(found)} "
    said += "people:" if len(found) > 1 else "person:"
    lines = [said, *(f"- {_described(e)}" for e in found[:_LISTED])]
    if len(found) > _LISTED:  # a chat reply, not a directory: a large fact store lists some
        lines.append(f"- and {len(found) - _LISTED} more")
    answer = Answer(text="\n".join(lines), kind=AnswerKind.ANSWER, confidence=0.5)
    return Decision(text, answer, f"the people the story {'quotes' if quoted else 'names'}")


def _surname(name: str) -> str:
    """Return the part of `name` a story names its person by on second mention."""
    return name.split()[-1]


def _speaks(name: str, sentence: str) -> bool:
    """Return whether `sentence` names `name`'s person and has someone speak."""
    return _surname(name) in sentence and bool(_SAYING.search(sentence))


def _first_named(name: str, story: str) -> int:
    """Return where the story first names `name`'s person (its end, if it never does)."""
    at = story.find(_surname(name))
    return at if at >= 0 else len(story)


def _described(entry: Entry) -> str:
    """Return the person's name and what their entry's first sentence says they are."""
    first = entry.answer.split(". ")[0].rstrip(".")
    subject, is_, rest = first.partition(" is ")
    # "Dr Kwabena Asante-Darko is Ghana's Health Minister": only the name before "is"
    return f"{subject}, {rest}" if is_ and subject.endswith(entry.person) else first
