"""Every sentence the core says to a user, and the `Answer`s that carry them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from bot.matching.decision import Candidate, Entry
from bot.models import Answer, AnswerKind, Marked, Suggestion

APOLOGY = "Sorry, something went wrong on my side. Please try again in a moment."
NOT_IN_STORY = "The story doesn't say. Here are questions it does answer."
GONE = "That question is no longer in my knowledge. Ask me again in your words."


NOTED = "Thanks — noted. Someone who looks after me will see which question I got wrong."
ALREADY_NOTED = "Already noted — thanks. Someone who looks after me will see it."
NOT_THE_ASKER = "Only the person who asked can mark this answer."
NOTHING_TO_MARK = "There is no answer to mark: 'wrong' marks the answer I just gave."
TOO_OLD = (
    "That answer is too old to mark. If I got your question wrong, ask it again "
    "and mark the new answer."
)
_MARKED = {
    Marked.NOTED: NOTED,
    Marked.ALREADY: ALREADY_NOTED,
    Marked.NOT_ASKER: NOT_THE_ASKER,
    Marked.UNKNOWN: TOO_OLD,
    Marked.NOTHING: NOTHING_TO_MARK,
}
SLOW_DOWN = "You're asking faster than I can answer. Please wait a little and ask again."


WELCOME = "You're welcome! Ask me anything else about the story."
ANYTHING_ELSE = "Anything else about the story? Just ask."
GOODBYE = "Goodbye! Come back with more questions about the story."
# what leads the facts given to a question asking an opinion or a forecast
NO_VIEW = "The story can't settle that: it reports, it doesn't judge or predict. It says:"


def greeting(title: str) -> str:
    """Return the reply to "hi": what the bot is for."""
    return f"Hi! I answer questions about one news story: {title}. Ask me anything about it."


def what_i_am(title: str) -> str:
    """Return the reply to "are you a bot?": a bot, and what it answers."""
    return f"I'm a bot that answers questions about one news story: {title}. Ask me anything."


def help_text(title: str) -> str:
    """Return how to use the bot, for "help", `/help` and the greeting's follow-up."""
    return (
        f"I answer questions about one news story: {title}. Ask in your own words — "
        "who, what, where, when — and I'll answer with the sentence from the story that "
        "backs it, or tell you honestly when the story doesn't say."
    )


def prompt(title: str) -> str:
    """Return the nudge for a message with nothing to match."""
    return f"Ask me a question about the story: {title}."


def unclear(title: str) -> str:
    """Return the reply to "who is he?" with nothing earlier to say who is meant."""
    return (
        "I'm not sure who you mean: please ask again with their name or the whole "
        f"question. I answer questions about the story: {title}."
    )


def about(title: str, lead: str) -> str:
    """Return what the bot knows about: the story's title and its opening sentence."""
    return f"{title}\n\n{lead}\n\nI answer only from this one story."


def marked(outcome: Marked) -> Answer:
    """Tell the presser of "not what I asked" what came of it (a refusal says its own)."""
    return Answer(text=_MARKED[outcome], kind=AnswerKind.SMALLTALK)


def suggestion(entry: Entry) -> Suggestion:
    """Return `entry` as a question to offer."""
    return Suggestion(entry_id=entry.id, question=entry.question)


def unique(items: Iterable[Suggestion], limit: int | None = None) -> tuple[Suggestion, ...]:
    """Return `items` without repeated entries or questions, first kept; `limit` at most.

    A FAQ entry and a fact-store entry may ask the same "Who is X?": it is offered once.
    Items past the `limit`-th kept are never drawn: a lazy `items` makes no more than it must.
    """
    seen: set[tuple[str, str]] = set()
    first: list[Suggestion] = []
    for item in items:
        if len(first) == limit:
            break
        keys = {("entry", item.entry_id), ("question", item.question.casefold())}
        if not keys & seen:
            first.append(item)
        seen |= keys
    return tuple(first)


# the "Yes." an answer opens with, answering its own entry's yes/no question ("No." stays: to
# "why did the hospital pay?" it corrects the question; "Yes and no" is no such answer)
_SAID = r"(?:[.,;:!]|\s+[\u2014\u2013-])\s+(?=\S)"  # "Yes." or "Yes -" before the rest
_YES = re.compile(rf"^Yes{_SAID}")
_OPENER = re.compile(rf"^(?:Yes|No){_SAID}")  # either: a view asked is settled by neither


def opens_yes(answer: str) -> bool:
    """Return whether `answer` opens with a "Yes." that answers its entry's own question."""
    return bool(_YES.match(answer))


def answer_text(entry: Entry, yes_no: bool = False) -> str:
    """Return `entry`'s answer to a question; unless `yes_no`, without its opening "Yes.".

    "How did the museum get them?" is not answered "Yes. Aldous's family sold them …".
    """
    if yes_no or not opens_yes(entry.answer):
        return entry.answer
    text = _YES.sub("", entry.answer, count=1)
    # "The museum …" from "Yes. the museum …"; not "IPhone" from "iPhone"
    return text[:1].upper() + text[1:] if text[1:2].islower() else text


def single(entry: Entry, confidence: float, yes_no: bool = False) -> Answer:
    """Answer with one entry (`yes_no`: its "Yes." answers the question: `answer_text`)."""
    return Answer(
        text=answer_text(entry, yes_no),
        kind=AnswerKind.ANSWER,
        source=entry.source,
        confidence=round(confidence, 3),
        entry_id=entry.id,
        question=entry.question,
    )


def quoted(sentence: str, view: bool = False) -> Answer:
    """Answer with a sentence of the story itself, when no entry answers the question.

    Asked a `view` (an opinion, a forecast), the sentence is only what bears on it.
    """
    said = f"\u201c{_nested(sentence)}\u201d"
    if view:
        return Answer(text=f"{NO_VIEW} {said}", kind=AnswerKind.CORRECTION, confidence=0.5)
    return Answer(text=f"The story says: {said}", kind=AnswerKind.ANSWER, confidence=0.5)


def _nested(sentence: str) -> str:
    """Return `sentence` with its double quotation marks made single, balanced.

    A quotation inside a quotation takes single marks; a sentence may also close a quote that
    an earlier sentence opened ("… development,\u201d Kakar stated"), so its opening is added.
    """
    opened, closed = sentence.count("\u201c"), sentence.count("\u201d")
    if closed > opened:
        sentence = "\u201c" + sentence
    elif opened > closed:
        sentence += "\u201d"
    return sentence.replace("\u201c", "\u2018").replace("\u201d", "\u2019")


def combined(candidates: list[Candidate], left: int = 0, yes_no: Sequence[bool] = ()) -> Answer:
    """Answer several questions of one message, one line each; say if `left` were not read.

    `yes_no`: per question, whether its answer's "Yes." answers it (`answer_text`); none, if
    not given.
    """
    asks = list(yes_no) or [False] * len(candidates)
    lines = [answer_text(c.entry, whether) for c, whether in zip(candidates, asks, strict=True)]
    if left:
        other = "the other one on its own" if left == 1 else f"the other {left} on their own"
        lines.append(f"(I answered the first {len(candidates)} questions; please ask {other}.)")
    return _lines(lines, candidates)


def between(candidates: list[Candidate], apart: str, by: str) -> Answer:
    """Answer how long lies between two dated things: each one's answer, then the span.

    `apart` ("3 days apart", "the same year") is worked out from the story's `by` ("dates").
    """
    return worked(candidates, f"By the story's {by}, that is {apart}.")


def worked(candidates: list[Candidate], line: str) -> Answer:
    """Answer with each candidate's answer, then a `line` worked out from them."""
    return _lines([*(c.entry.answer for c in candidates), line], candidates)


def compared(sides: list[tuple[str, Candidate]]) -> Answer:
    """Answer an either-or question of two parties: what the story says of each, by name."""
    lines = [
        c.entry.answer
        if c.entry.answer.startswith(name)
        else f"{_capital(_named(name))}: {c.entry.answer}"
        for name, c in sides
    ]
    return _lines(lines, [c for _, c in sides])


def _lines(lines: list[str], candidates: list[Candidate]) -> Answer:
    """Return one answer of several `lines`, from as many entries."""
    return Answer(
        text="\n".join(lines),
        kind=AnswerKind.ANSWER,
        source=" … ".join(dict.fromkeys(c.entry.source for c in candidates)),
        confidence=round(min(c.probability for c in candidates), 3),
        entry_id="+".join(c.entry.id for c in candidates),
    )


def _did_you_mean(entry: Entry) -> str:
    return f"I'm not sure I understood. Did you mean: {entry.question}"


def clarify(best: Candidate, related: list[Suggestion], limit: int) -> Answer:
    """Ask "did you mean" the best candidate, with related questions."""
    return Answer(
        text=_did_you_mean(best.entry),
        kind=AnswerKind.CLARIFY,
        confidence=round(best.probability, 3),
        suggestions=unique([suggestion(best.entry), *related])[:limit],
    )


def guessed(entries: list[Entry], limit: int) -> Answer:
    """Ask "did you mean" the entry a question of pronouns is nearest to, with the others."""
    return Answer(
        text=_did_you_mean(entries[0]),
        kind=AnswerKind.CLARIFY,
        suggestions=unique(suggestion(e) for e in entries)[:limit],
    )


def correction(
    asked: str, told: str, best: Candidate, about_asked: str | None, limit: int
) -> Answer:
    """Say the story gives what was asked of `asked` to `told`, and what it says of `asked`."""
    asked, told = _named(asked), _named(told)
    said = f"The story doesn't say that about {asked}. It says this about {told}: "
    text = said + best.entry.answer
    if about_asked:
        text += f"\n\nAbout {asked}, it says: {about_asked}"
    return Answer(
        text=text,
        kind=AnswerKind.CORRECTION,
        source=best.entry.source,
        confidence=round(best.probability, 3),
        entry_id=best.entry.id,
        suggestions=(suggestion(best.entry),)[:limit],
    )


# names English says with "the": the United States, the Philippines, the European Union
_WITH_THE = re.compile(
    r"^(?:united|european|czech|dominican|central african)\b|"
    r"\b(?:states|kingdom|republic|emirates|islands|netherlands|philippines|union|gambia|"
    r"bahamas|maldives|vatican|congo)\b",
    re.I,
)


def another_value(stated: str, best: Candidate) -> Answer:
    """Say the story does not give the value a yes/no question states, and what it says.

    Not a plain "no": the entry may be about a narrower thing ("the last landing, in 1972"
    says nothing against "the first in 1969").
    """
    return _told_instead(f"The story doesn't give {stated} for that. It says:", best)


def no_view(best: Candidate) -> Answer:
    """Say the story holds no opinion or forecast to answer with, and what bears on it."""
    # without the entry's own "Yes." or "No.", which would settle it
    return _told_instead(NO_VIEW, best, _OPENER.sub("", best.entry.answer, count=1))


def other_side(stated: str, told: str, best: Candidate) -> Answer:
    """Say the story gives the opposite side to the one a yes/no question states, and what."""
    return _told_instead(f"Not {stated}: the story says {told}.", best)


def _told_instead(lead: str, best: Candidate, said: str | None = None) -> Answer:
    """Return a correction: `lead`, then what the entry `best` says instead (or `said`)."""
    return Answer(
        text=f"{lead} {best.entry.answer if said is None else said}",
        kind=AnswerKind.CORRECTION,
        source=best.entry.source,
        confidence=round(best.probability, 3),
        entry_id=best.entry.id,
        suggestions=(suggestion(best.entry),),
    )


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _named(name: str) -> str:
    """Return `name` as it stands in a sentence: "the United States", "Pakistan"."""
    return f"the {name}" if _WITH_THE.search(name) and not name.lower().startswith("the ") else name


def off_topic(title: str, first: tuple[Suggestion, ...]) -> Answer:
    """Say what the story is about, to a message that shares no word with it.

    Not "you are off-topic": "cost?" may be about the story, which just never says.
    """
    return Answer(
        text=f"The story doesn't mention that. It is about: {title}. Try one of these.",
        kind=AnswerKind.DECLINE,
        suggestions=first,
    )


def other_script(title: str, first: tuple[Suggestion, ...]) -> Answer:
    """Say that only questions in Latin letters are read, to one in another script."""
    return Answer(
        text=(
            "I can only read questions written in English letters. "
            f"I answer questions about the story: {title}. Try one of these."
        ),
        kind=AnswerKind.DECLINE,
        suggestions=first,
    )


def decline(confidence: float, related: tuple[Suggestion, ...]) -> Answer:
    """Say the story does not answer it, offering questions it does answer."""
    return Answer(
        text=NOT_IN_STORY,
        kind=AnswerKind.DECLINE,
        confidence=round(confidence, 3),
        suggestions=related,
    )
