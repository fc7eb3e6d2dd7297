"""A message of several parts: each question in it read, then answered together or by one.

"Who signed it? And where?" gets one answer per question; "how big was the loan and over how
many years?" asks one entry twice, and its surest part speaks for the message. A long message
is also read without the names of a claim it doubts, and by its last clause.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, cast

from bot import replies
from bot.matching.analysis import ENTITY_PREFIX, Analysis
from bot.matching.decision import Candidate, Decision
from bot.matching.lexicon import QUESTION_VERBS, QType
from bot.matching.qtypes import detect_qtype
from bot.matching.text import tokenize

if TYPE_CHECKING:  # the engine makes its parts reader: imported for types only
    from bot.matching.engine import Engine

_WH = r"(?:who|whom|what|when|where|which|why|how|did|does|do|is|was|were|are|kab|kahan|kaun|kis)"
PART_BREAK = re.compile(
    rf"\?+\s+|;\s*|,?\s+(?:and|aur|also)\s+(?={_WH}\b)|[,.!]\s+(?={_WH}\b)", re.I
)
LONG_QUESTION = 10  # terms; past this, a message is also read by its last clause on its own
# a part of a message this likely on its entry asks it; below, the entry hardly answers it
_PART_ASKS = 0.1
_PIECES = 4  # questions of one message answered, at most: each costs a ranking
# a clause that reports what someone else claims: "my uncle swears it was Xi", "he insists"
_HEARSAY = re.compile(
    r"\b(?:says|saying|swears|swore|insists|insisting|insisted|claims|claiming|reckons|"
    r"keeps telling|argues|arguing)\b",
    re.I,
)
_AUXILIARY = f"(?:{'|'.join(sorted(QUESTION_VERBS | {'can'}))})"  # a question's own verb
# where a long message's last clause, tried on its own, begins
# ("…, so which court?", "… lol, anyway how many?", "… and everything, what time did …?")
_CLAUSE_BREAK = re.compile(
    r"[.!?;:]+\s+|,\s+(?:so|but|and|anyway|anyways)\s+"
    r"|,\s+(?=(?:what|when|where|which|who|why|how)\b)"
    # "… doing all the work lol so what did they agree to?", "… but what's the group saying?"
    r"|\s+(?:so|but|lol|lmao|anyway|anyways)\s+"
    r"(?=(?:what|whats|what's|when|where|which|who|why|how)\b)"
    # "… sorry if this is dumb but is the ward still open?", "…, did everyone get off?"
    rf"|\s+but\s+(?={_AUXILIARY}\b)"
    rf"|,\s+(?={_AUXILIARY}\s+(?:the|they|there|it|everyone|anyone)\b)",
    re.I,
)
# a message's sentences, each with its closing mark: "… twenty-two years. What were his reasons?"
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_TOLD = 3  # sentences of a message that tells as well as asks: its question is read alone
# finer: a claim sits between any two commas ("my uncle, who insists it was Xi, ...")
_CLAUSE = re.compile(r"[.!?;:,\u2014]+\s*|\s+but\s+", re.I)


# what a message says before its question, then a colon or a sentence's end: "For accuracy in
# my copy: how many …?", "Kalimera! The analyst, which company …?"
_PREAMBLE = re.compile(r"^(?P<said>[^:?!.]+)(?::|[.!]+)\s+(?P<asked>\S.*)$", re.S)
# and what it says after its question: "… what's her full name? I want to write it down"
_AFTERWORD = re.compile(r"^(?P<asked>[^?]+\?+)\s+(?P<said>[^?]+)$", re.S)
_ASIDE_WORDS = 10  # at most: a longer one is a sentence of its own
_ASKED_WORDS = 3  # at least, left to ask: "Battery tender: which year?" asks of both


def asides(text: str) -> list[tuple[str, str]]:
    """Return a message's short opening or closing words with the question they leave.

    An opening ends with a colon or a sentence's end; a closing follows the question mark.
    """
    found = []
    for pattern in (_PREAMBLE, _AFTERWORD):
        match = pattern.match(text)
        if match is None or len(match["said"].split()) > _ASIDE_WORDS:
            continue
        if pattern is _AFTERWORD and _claims(match["said"]):
            continue
        if len(match["asked"].split()) >= _ASKED_WORDS:
            found.append((match["said"], match["asked"]))
    return found


def _claims(said: str) -> bool:
    """Return whether words after a question may state what it asks of: a figure or a name.

    "… aren't they? Proper seafaring town, Bergen." puts its claim after the question.
    """
    words = said.split()
    return any(c.isdigit() for c in said) or any(w[0].isupper() and w != "I" for w in words[1:])


def questions_in(text: str) -> list[str] | None:
    """Return the questions of a message of several parts; None for a message of one part."""
    pieces = [p.strip(" ,?.") for p in PART_BREAK.split(text)]
    if len(pieces) < 2:
        return None
    return [p for p in pieces if _is_question(p)]


class Parts:
    """Answers the messages of several parts for one engine."""

    def __init__(self, engine: Engine) -> None:
        """Read through `engine`'s public ranking and settling."""
        # a proxy, not a reference: no cycle, so a replaced engine is freed by refcount alone
        self._engine = cast("Engine", weakref.proxy(engine))

    def decide(self, text: str, whole: list[Candidate], questions: list[str]) -> Decision:
        """Answer each question of a message, or the one question among its other words."""
        engine = self._engine
        # the sets' messages ask three questions at most; 40 "who? " must not cost 40
        left, questions = len(questions[_PIECES:]), questions[:_PIECES]
        found = self._leaning([engine.candidates(q) for q in questions], questions)
        bests = [c[0] for c in found]
        sure = {c.entry.id: c for c in bests if c.probability >= engine.thresholds.answer}
        if len(bests) > 1 and len(sure) > 1 and len(sure) == len({c.entry.id for c in bests}):
            # each answer's "Yes." stays only for a part that asks whether (`affirms`)
            parts = zip(bests, questions, strict=False)
            asked = {c.entry.id: engine.analyzer.analyze(q) for c, q in parts}
            whether = [engine.affirms(c.entry, asked[i]) for i, c in sure.items()]
            both = replies.combined(list(sure.values()), left, whether)
            return Decision(text, both, "one answer per question", tuple(bests))
        if (
            len(questions) == 1
            and found
            and bests[0].probability > whole[0].probability
            and self._apart(text, questions[0], bests[0])
        ):
            whole = found[0]
        asking = all(c.probability >= _PART_ASKS for c in bests)
        if len(bests) > 1 and len({c.entry.id for c in bests}) == 1 and asking:
            # every part asks the same entry ("how big was the loan and over how many years?"):
            # the part it answers most surely speaks for the message
            surest = max(found, key=lambda c: c[0].probability)
            if surest[0].probability > whole[0].probability:
                whole = surest
        return engine.settle(text, whole)

    def longer(self, text: str, analysis: Analysis, found: list[Candidate]) -> list[Candidate]:
        """Return the likeliest of `found` and a long message's other readings of `text`.

        Read without the names only a doubted claim says (as a whole and by its gist), and
        by its last clause alone.
        """
        engine = self._engine
        told = undoubted(text, analysis, lambda clause: engine.analyzer.analyze(clause).terms)
        if told is not analysis:
            for reading in (told, told.keeping(engine.index.knows)):
                found = max(found, engine.rank(reading), key=likeliest)
        return self.tail(text, found)

    def tail(self, text: str, found: list[Candidate]) -> list[Candidate]:
        """Return `found`, or a likelier reading: the message's last clause, or its question.

        A question among three sentences or more is read alone too: "I was a guide in Salford
        for 22 years. What were Brennan's reasons? I'd like to know before I make up my mind."
        """
        engine = self._engine
        clauses = [c for c in _CLAUSE_BREAK.split(text) if len(c.split()) >= 3]
        if len(clauses) < 2:
            return found
        sentences = _SENTENCE.split(text.strip())
        asked = [s for s in sentences if s.endswith("?") and len(s.split()) >= 3]
        alone = [clauses[-1], *(asked[-1:] if len(sentences) >= _TOLD else [])]
        for reading in dict.fromkeys(alone):  # each read once: two rankings at most
            tail = engine.rank(engine.analyzer.analyze(reading))
            if (
                tail
                and tail[0].probability > found[0].probability
                and self._apart(text, reading, tail[0])
            ):
                found = tail
        return found

    def _apart(self, text: str, part: str, best: Candidate) -> bool:
        """Return whether `part` of message `text` may be answered apart from the rest.

        A part that names no one is about the person the rest names: "Pantazis, the deputy
        minister, how old?" is not answered by the ship's age, which "how old" alone would get
        (a place said in passing is no one: "my gran lives near Cordoba, how are people told?").
        """
        engine = self._engine
        if any(t.startswith(ENTITY_PREFIX) for t in engine.analyzer.analyze(part).terms):
            return True  # it says whom it is about itself
        named = engine.tools.people.intersection(engine.analyzer.analyze(text).terms)
        return named <= engine.terms_of(best.entry.id)

    def _leaning(self, found: list[list[Candidate]], questions: list[str]) -> list[list[Candidate]]:
        """Read each part of a message that leans on the sure part before it with that part.

        "Who's the guy from Gavi and what's his role there?": "his" is the one the first part
        answers about. That reading replaces the part's own only when it is sure.
        """
        engine = self._engine
        sure = engine.thresholds.answer
        before: Candidate | None = None
        asked = ""
        for i, (candidates, question) in enumerate(zip(found, questions, strict=True)):
            best = candidates[0] if candidates else None
            if before is not None and (best is None or best.probability < sure):
                turn = engine.turn_of(replies.single(before.entry, before.probability), asked)
                leaning = engine.dialogue.within(question, turn) if turn else []
                if leaning and leaning[0].probability >= sure:
                    found[i], best = leaning, leaning[0]
            if best is not None and best.probability >= sure:
                before, asked = best, question
        return [c for c in found if c]


def _is_question(piece: str) -> bool:
    # only pieces that are questions themselves: "not counting Pakistan, how many ..." is one
    return len(piece.split()) >= 2 and detect_qtype(tokenize(piece)) != QType.NONE


def likeliest(candidates: list[Candidate]) -> float:
    """Return how likely a reading's first candidate is right (-1 for a reading with none)."""
    return candidates[0].probability if candidates else -1.0


def undoubted(text: str, reading: Analysis, terms: Callable[[str], Sequence[str]]) -> Analysis:
    """Return `reading` of a long message `text` without the names only a claim it doubts says.

    `terms` reads a clause. A short question is returned as it is: "Kakar says China is a
    friend?" asks about what Kakar says.
    """
    if len(reading.terms) <= LONG_QUESTION:
        return reading
    heard = hearsay_names(text, terms)
    return reading.keeping(lambda term: term not in heard) if heard else reading


def hearsay_names(text: str, terms: Callable[[str], Sequence[str]]) -> frozenset[str]:
    """Return the names a message only says in someone else's claim, by their `terms`.

    "My uncle swears it was Xi Jinping ..., but who was it actually?" does not ask about Xi:
    a claim the asker doubts names the wrong one as often as the right one.
    """
    claimed: list[str] = []
    own: list[str] = []
    for clause in _CLAUSE.split(text):
        (claimed if _HEARSAY.search(clause) else own).append(clause)
    if not claimed:
        return frozenset()
    said = {t for c in claimed for t in terms(c) if t.startswith(ENTITY_PREFIX)}
    return frozenset(said.difference(*map(terms, own)))
