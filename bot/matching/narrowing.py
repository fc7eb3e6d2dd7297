"""Whether an answer's "first" or "largest" is of a narrower kind than the question asks of.

"Which country landed on the moon first?" is not answered by "the first country to reach the
moon's south pole": the answer's first is of a narrower kind, and its narrowing words (south,
pole) name a thing its own entry is asked about: a place, a party or a phrase of several words.
Any other word after the superlative only describes ("unexplored") or says what was done
("reach"); one the question uses narrows nothing, nor does a thing a third of all entries name:
it is the story's setting, which a question leaves unsaid.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from bot.matching.analysis import ENTITY_PREFIX
from bot.matching.clauses import split_clauses
from bot.matching.corpus import Corpus
from bot.matching.lexicon import SUPERLATIVES

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")
_KEYS = re.compile(rf"\b(?:{'|'.join(sorted(SUPERLATIVES))})\b", re.IGNORECASE)
# in ASCII text a superlative is a run of word characters of its own: each run, lower-cased
# and every other byte a space, is looked up (a third of a search trying each at every letter)
_ASCII_RUNS = bytes.maketrans(
    bytes(range(256)),
    bytes(
        c if c < 128 and (chr(c).isalnum() or c == ord("_")) else 32
        for c in bytes(range(256)).lower()
    ),
)
_ASCII_KEYS = frozenset(s.encode("ascii") for s in SUPERLATIVES)

# (the superlative's term, the terms that narrow it) for each superlative an answer says
_Said = tuple[tuple[str, frozenset[str]], ...]


class Narrowings:
    """Per entry, the superlatives its answer says and the entry's words that narrow each."""

    def __init__(
        self,
        answers: Sequence[str],
        terms: Callable[[str], tuple[str, ...]],
        corpus: Corpus,
        places: frozenset[str],
        described: range = range(0),
    ) -> None:
        """Read the superlatives of `answers` (in entry order) and the phrasings of `corpus`.

        `places`: the terms of the places and countries the fact store names; `described`:
        the fact-store entries, whose description is all they say, so that a thing it names
        narrows too ("India became the first country to reach the moon's south pole").
        """
        self._said: dict[int, _Said] = {}
        for position, answer in enumerate(answers):
            if not _says_superlative(answer):  # most answers: one search, nothing read
                continue
            asked = _asked_things(corpus, position, places)
            if position in described:
                asked |= _things(terms(answer), corpus, places)
            said = tuple(_narrowing(clause, terms, asked) for clause in split_clauses(answer))
            found = tuple(pair for clauses in said for pair in clauses)
            if found:
                self._said[position] = found
        self.superlatives = frozenset(t for s in SUPERLATIVES for t in terms(s))

    def narrower(self, position: int, question: frozenset[str]) -> bool:
        """Return whether every superlative the question shares with the entry is narrowed.

        Narrowed: the answer says it of a kind the question does not name, by a thing the
        entry's phrasings name.
        """
        said = self._said.get(position)
        if said is None:
            return False
        shared = [narrowing for term, narrowing in said if term in question]
        return bool(shared) and all(narrowing - question for narrowing in shared)


def _says_superlative(answer: str) -> bool:
    """Return whether `answer` holds a superlative word, in any case."""
    if answer.isascii():  # the words are ASCII letters: lower-casing is all IGNORECASE does
        return not _ASCII_KEYS.isdisjoint(answer.encode("ascii").translate(_ASCII_RUNS).split())
    return _KEYS.search(answer) is not None


def _asked_things(corpus: Corpus, position: int, places: frozenset[str]) -> frozenset[str]:
    """Return the terms of entry `position`'s phrasings that may narrow a superlative.

    Those that name a thing (a place, a party, a phrase) and that under a third of all entries
    use.
    """
    first, last = corpus.first_phrasing[position : position + 2].tolist()
    starts = corpus.phrasing_starts[first : last + 1]
    rows = set(corpus.phrasing_terms[starts[0] : starts[-1]].tolist())
    return _things((corpus.terms[row] for row in rows), corpus, places)


def _things(terms: Iterable[str], corpus: Corpus, places: frozenset[str]) -> frozenset[str]:
    """Return the `terms` that name a thing (a place, a party, a phrase) few entries use."""
    return frozenset(
        term
        for term in terms
        if (term in places or term.startswith(ENTITY_PREFIX) or "_" in term)
        and corpus.postings.rare(term)
    )


def _narrowing(
    clause: str, terms: Callable[[str], tuple[str, ...]], asked: frozenset[str]
) -> list[tuple[str, frozenset[str]]]:
    """Return each superlative of `clause` with the asked-for terms that follow its head."""
    words = _WORD.findall(clause)
    found = []
    for at, word in enumerate(words):
        if word.lower() not in SUPERLATIVES:
            continue
        said = terms(word)
        after = terms(" ".join(words[at + 1 :]))[1:]  # past its head: "first *country* to …"
        narrowing = asked.intersection(after)
        if said and narrowing:
            found.append((said[0], narrowing))
    return found
