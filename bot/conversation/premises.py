"""False premises: a question that gives one person, country or body what the story gives another.

"When did Pakistan land on the moon?" is not answered by the story, but it is not empty of
answers either: without "Pakistan" the question is about India's landing. When leaving out one
party the question names finds a confident entry, and that entry names another party of the
same kind instead, the question's premise is wrong, and the reply says what the story says.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from bot.matching.analysis import Analysis
from bot.matching.decision import Candidate
from bot.matching.lexicon import YESNO_OPENERS

PARTIES = frozenset({"person", "country", "organisation"})  # who can do or say something
_TRIED = 3  # confident entries looked through for one that names another party
_PARTIES = 2  # parties left out in turn, at most: each costs a full ranking
_BEING = frozenset("be been being is are was were s".split())
# the words a yes/no question opens with, which follow "who" as its auxiliary ("who did X
# pay?"), with "who's" and the modal verbs no yes/no question of the lexicon opens with
_AUXILIARIES = (YESNO_OPENERS - {"isn't", "kya"}) | {"s", "may", "might"}
_TOPIC = frozenset("about regarding on concerning of baare".split())  # "said about X": X is no doer


@dataclass(frozen=True)
class Premise:
    """A party the question names, the one the story gives it to, and the entry saying so."""

    asked: str  # entity term in the question: "@pakistan"
    told: str  # entity term in the entry's answer: "@india"
    candidate: Candidate


def find(
    question: Analysis,
    rank: Callable[[Analysis], list[Candidate]],
    named_in: Callable[[Candidate], tuple[str, ...]],
    kinds: dict[str, str],
    threshold: float,
) -> Premise | None:
    """Return the likeliest wrong premise of `question`, or None.

    `rank` ranks the entries for an analysis, `named_in` lists the entity terms a candidate's
    answer names, `kinds` maps entity terms to their type, and `threshold` is how sure the
    question without the party must be answered.
    """
    named = [t for t in question.terms if kinds.get(t) in PARTIES]
    found: list[Premise] = []
    doers = [t for t in dict.fromkeys(named) if not _not_doer(question, t)]
    for asked in doers[:_PARTIES]:
        without = without_term(question, asked)
        if not without.terms:
            continue
        sure = [c for c in rank(without)[:_TRIED] if c.probability >= threshold]
        if any(asked in named_in(c) for c in sure):
            continue  # the story does say it of the asked party: no clash
        for candidate in sure:
            # the party the answer is about: the first it names of the asked one's kind
            in_answer = named_in(candidate)
            subject = next((t for t in in_answer if kinds.get(t) == kinds[asked]), None)
            if subject is not None and subject not in named:
                found.append(Premise(asked, subject, candidate))
                break
    return max(found, key=lambda p: p.candidate.probability, default=None)


def clash(
    question: Analysis,
    answered: Candidate,
    terms: frozenset[str],
    in_answer: tuple[str, ...],
    kinds: dict[str, str],
) -> Premise | None:
    """Return the wrong premise of a question answered by an entry about another party.

    `terms` are every term of the answering entry, `in_answer` the entity terms its answer
    names: "Did Selent start filling the reservoir?" answered with "Dravenia began filling".
    """
    named = [t for t in question.terms if kinds.get(t) in PARTIES]
    for asked in (t for t in named if not _not_doer(question, t) and t not in terms):
        rivals = [t for t in in_answer if kinds.get(t) == kinds[asked] and t not in named]
        if rivals:
            return Premise(asked, rivals[0], answered)
    return None


def _not_doer(question: Analysis, term: str) -> bool:
    """Return whether the question names `term` as no doer: its topic, or what was done to.

    "What did X say about Y?" is about Y; "who started Harbourside?" and "who will lead
    India?" ask who did it to them, and the story's entry on another thing started or led
    says nothing wrong about them. "Who did Kalmora pay?" names Kalmora as the doer.
    """
    if len(question.surfaces) != len(question.terms):
        return False
    first = question.surfaces[question.terms.index(term)].split()[0]
    words = question.words
    if words[:1] == ("who",) and first in words[2:]:
        if _BEING.isdisjoint(words[1:3]):  # "who leads", "who will lead", "who did X pay"
            return not (words[1] in _AUXILIARIES and words[2] == first)
        # "who were the contractors?" asks who they are; "who will be the first Pakistani?"
        # names whom it asks for, as a doer is named
        named_at = words.index(first, 2)
        return all(w in _BEING or w in ("the", "a", "an") for w in words[1:named_at])
    for i, word in enumerate(words):
        if word == first and i and words[i - 1] in _TOPIC:
            # "what about X?" asks the last question of X: X is the doer, not a topic
            return not (i >= 2 and words[i - 1] == "about" and words[i - 2] in {"what", "how"})
    return False


def without_term(question: Analysis, term: str) -> Analysis:
    """Return the reading of `question` without `term` and the words it was read from."""
    keep = [i for i, t in enumerate(question.terms) if t != term]
    surfaces = question.surfaces if len(question.surfaces) == len(question.terms) else ()
    dropped = set(surfaces[question.terms.index(term)].split()) if surfaces else set()
    return replace(
        question,
        terms=tuple(question.terms[i] for i in keep),
        surfaces=tuple(surfaces[i] for i in keep) if surfaces else (),
        words=tuple(w for w in question.words if w not in dropped),  # the meaning too
    )
