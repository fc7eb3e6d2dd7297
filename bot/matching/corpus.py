"""Every entry's terms as integer arrays, built once and shared by the phrasing index and BM25.

At 100,000 entries the phrasings hold ~2.5 million terms. Kept as Python objects (a tuple, two
frozensets and a dict entry per phrasing) they cost ~600 MB and seconds of garbage collection;
as a handful of int32 arrays they cost ~40 MB. Each entry is turned into ids as it is added,
so no entry's analysis outlives it during a build.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from bot.matching.analysis import Analysis, Phrasing
from bot.matching.arrays import distinct, distinct_inverse, first_positions
from bot.matching.lexicon import QType

Ints = npt.NDArray[np.int32]
Floats = npt.NDArray[np.float32]
Flags = npt.NDArray[np.bool_]

QTYPES = tuple(QType)  # a phrasing's question type is stored as its position here
# the work one question may cause in the phrasing index and in BM25 alike: a term's entries
# read at most (past 100,000 entries 1 % of them would grow with the knowledge), and the
# entries all its terms read, rarest terms first
COMMON_CEILING = 1024
POSTINGS_READ = 16384


class IndexedEntry(NamedTuple):
    """What the index needs of one entry: its phrasings and its answer's terms.

    A plain tuple: a build makes one per entry and keeps none, and a frozen dataclass cost
    twice as much to make.
    """

    phrasings: tuple[Analysis | Phrasing, ...]
    answer_terms: frozenset[str]
    strict: bool = False  # "who is X?" entries: the question must be about X alone
    # each term with the words it was first read from in this entry, in order: word vectors
    # embed a term by its first spelling in the knowledge
    spelled: Mapping[str, str] = MappingProxyType({})


@dataclass(frozen=True)
class Postings:
    """Which entries use each term and how often: one array per column, not one per term."""

    ids: dict[str, int]  # term -> row; every row has at least one entry
    starts: Ints  # row t's entries are entries[starts[t]:starts[t + 1]], in file order
    entries: Ints
    counts: Floats  # how often the term occurs in that entry's document (BM25's tf)
    lengths: Ints  # per entry: the number of terms in its document

    def rows(self, term: str) -> Ints:
        """Return the positions of the entries that use `term` (empty when none does)."""
        row = self.ids.get(term)
        if row is None:
            return self.entries[:0]
        return self.entries[self.starts[row] : self.starts[row + 1]]

    def frequency(self, row: int) -> int:
        """Return how many entries use the term in `row`."""
        return int(self.starts[row + 1] - self.starts[row])

    def rare(self, term: str) -> bool:
        """Return whether some but under a third of the entries use `term`.

        A word a third of a story's entries use is its setting ("moon"), which a question
        leaves unsaid.
        """
        row = self.ids.get(term)
        return row is not None and self.frequency(row) * 3 < len(self.lengths)

    @classmethod
    def of_documents(cls, documents: Sequence[Iterable[str]]) -> Postings:
        """Return the postings of plain documents, each a bag of terms (for small uses)."""
        builder = CorpusBuilder()
        for document in documents:
            builder.add(IndexedEntry((Analysis(tuple(document), QType.NONE),), frozenset()))
        return builder.build().postings


@dataclass(frozen=True)
class Corpus:
    """The terms of every phrasing and every entry, as ids into one vocabulary."""

    terms: list[str]  # id -> term
    postings: Postings  # per term: the entries using it (the transpose of the entry columns)
    first_phrasing: Ints  # entry e's phrasings are first_phrasing[e]:first_phrasing[e + 1]
    phrasing_starts: Ints  # phrasing p's distinct terms are phrasing_terms[starts[p]:…[p + 1]]
    phrasing_terms: Ints  # sorted within each phrasing
    qtypes: npt.NDArray[np.int8]  # per phrasing: its question type, as a position in QTYPES
    entry_starts: Ints  # entry e's distinct terms are entry_terms[starts[e]:starts[e + 1]]
    entry_terms: Ints  # sorted within each entry: phrasings, answer and source
    phrased: Flags  # per entry term: whether a phrasing uses it (else only the answer)
    strict: Flags  # per entry
    raw_terms: Ints  # every phrasing's terms in order, repeats kept (for its own mass)
    raw_starts: Ints
    answer_terms: Ints  # entry e's answer and source terms: answer_terms[answer_starts[e]:…]
    answer_starts: Ints
    spelled_terms: Ints  # entry e's terms as first spelled in it: spelled_*[spelled_starts[e]:…]
    spelled_as: Ints  # … and their spellings, as positions in `spellings`
    spelled_starts: Ints
    spellings: list[str]

    def first_spellings(self) -> dict[str, str]:
        """Return each spelled term with the words it was first read from, in entry order."""
        terms, spellings = self.terms, self.spellings
        firsts = first_positions(self.spelled_terms).tolist()
        pairs = zip(
            self.spelled_terms[firsts].tolist(), self.spelled_as[firsts].tolist(), strict=True
        )
        return {terms[t]: spellings[s] for t, s in pairs}


class CorpusBuilder:
    """Collects entries one at a time as ids; `build` turns them into a `Corpus`."""

    def __init__(self) -> None:
        """Start with no entry."""
        self._ids: dict[str, int] = _Numbering()
        self._raw = array("i")  # every phrasing's term ids, repeats kept
        self._raw_starts = array("i", [0])
        self._first = array("i", [0])  # per entry: its first phrasing
        self._qtypes = array("b")
        self._answer = array("i")  # every entry's answer term ids
        self._answer_counts = array("i")  # per entry: how many of those are its own
        self._strict = array("b")
        self._qcode = {q: i for i, q in enumerate(QTYPES)}
        self._spellings: dict[str, int] = _Numbering()
        self._spelled = array("i")  # per entry, each term's first spelling: the term ids
        self._spelled_as = array("i")  # … and the spellings' ids
        self._spelled_starts = array("i", [0])
        self._translated: tuple[Corpus, Ints, Ints] | None = None  # for `add_run`

    def add(self, entry: IndexedEntry) -> None:
        """Add the next entry; its position is the number added before it."""
        number, raw = self._ids.__getitem__, self._raw  # a new term is numbered as it comes
        for phrasing in entry.phrasings:
            raw.extend(map(number, phrasing.terms))
            self._raw_starts.append(len(raw))
            self._qtypes.append(self._qcode[phrasing.qtype])
        self._first.append(len(self._qtypes))
        answered = len(self._answer)
        self._answer.extend(map(number, entry.answer_terms))
        self._answer_counts.append(len(self._answer) - answered)
        self._strict.append(entry.strict)
        self._spelled.extend(map(number, entry.spelled))
        self._spelled_as.extend(map(self._spellings.__getitem__, entry.spelled.values()))
        self._spelled_starts.append(len(self._spelled))

    def add_run(self, corpus: Corpus, first: int, last: int) -> None:
        """Add entries `first` to `last - 1` of an earlier corpus as they were added there.

        A reload's unchanged entries: their ids are translated, not their terms analysed.
        """
        translate, respell = self._translations(corpus)
        start, end = corpus.first_phrasing[[first, last]]
        raw = corpus.raw_starts[start : end + 1]
        self._raw_starts.frombytes(_bytes(raw[1:] - raw[0] + len(self._raw)))
        self._raw.frombytes(_bytes(translate[corpus.raw_terms[raw[0] : raw[-1]]]))
        self._first.frombytes(
            _bytes(corpus.first_phrasing[first + 1 : last + 1] - start + len(self._qtypes))
        )
        self._qtypes.frombytes(corpus.qtypes[start:end].tobytes())
        answers = corpus.answer_starts[first : last + 1]
        self._answer.frombytes(_bytes(translate[corpus.answer_terms[answers[0] : answers[-1]]]))
        self._answer_counts.frombytes(_bytes(np.diff(answers)))
        self._strict.frombytes(corpus.strict[first:last].astype(np.int8).tobytes())
        spelled = corpus.spelled_starts[first : last + 1]
        self._spelled_starts.frombytes(_bytes(spelled[1:] - spelled[0] + len(self._spelled)))
        self._spelled.frombytes(_bytes(translate[corpus.spelled_terms[spelled[0] : spelled[-1]]]))
        self._spelled_as.frombytes(_bytes(respell[corpus.spelled_as[spelled[0] : spelled[-1]]]))

    def _translations(self, corpus: Corpus) -> tuple[Ints, Ints]:
        """Return this builder's ids of the terms and spellings of `corpus` (new ones added)."""
        if self._translated is None or self._translated[0] is not corpus:
            ids, spellings = self._ids, self._spellings
            terms = [ids.setdefault(t, len(ids)) for t in corpus.terms]
            spelled = [spellings.setdefault(s, len(spellings)) for s in corpus.spellings]
            self._translated = (corpus, np.array(terms, np.int32), np.array(spelled, np.int32))
        return self._translated[1], self._translated[2]

    def build(self) -> Corpus:
        """Return the corpus of every entry added, its columns sorted and deduplicated."""
        self._drop_unused()
        size, width = len(self._strict), max(len(self._ids), 1)
        raw, raw_starts = _ints(self._raw), _ints(self._raw_starts)
        first = _ints(self._first)
        phrasing_of = np.repeat(np.arange(len(self._qtypes)), np.diff(raw_starts))
        # a phrasing's terms as a set: (phrasing, term) pairs, deduplicated in one sort
        pairs = distinct(phrasing_of.astype(np.int64) * width + raw)
        phrasing_starts = _starts(pairs // width, len(self._qtypes))
        entry_of = np.repeat(np.arange(size), np.diff(first))[phrasing_of]
        answer_of = np.repeat(np.arange(size), _ints(self._answer_counts))
        answer_keys = answer_of.astype(np.int64) * width + _ints(self._answer)
        keys = np.concatenate((entry_of.astype(np.int64) * width + raw, answer_keys))
        unique, inverse = distinct_inverse(keys)
        counts = np.bincount(inverse, minlength=len(unique)).astype(np.float32)
        phrased = np.bincount(inverse[: len(raw)], minlength=len(unique)) > 0
        entries, terms = (unique // width).astype(np.int32), (unique % width).astype(np.int32)
        by_term = np.argsort(terms, kind="stable")  # each term's entries stay in file order
        postings = Postings(
            ids=self._ids,
            starts=_starts(terms[by_term], len(self._ids)),
            entries=entries[by_term],
            counts=counts[by_term],
            lengths=np.bincount(entries, weights=counts, minlength=size).astype(np.int32),
        )
        return Corpus(
            terms=list(self._ids),
            postings=postings,
            first_phrasing=first,
            phrasing_starts=phrasing_starts,
            phrasing_terms=(pairs % width).astype(np.int32),
            qtypes=np.frombuffer(self._qtypes, dtype=np.int8).copy(),
            entry_starts=_starts(entries, size),
            entry_terms=terms,
            phrased=phrased,
            strict=np.frombuffer(self._strict, dtype=np.int8).astype(bool),
            raw_terms=raw,
            raw_starts=raw_starts,
            answer_terms=_ints(self._answer),
            answer_starts=_starts(answer_of, size),
            spelled_terms=_ints(self._spelled),
            spelled_as=_ints(self._spelled_as),
            spelled_starts=_ints(self._spelled_starts),
            spellings=list(self._spellings),
        )

    def _drop_unused(self) -> None:
        """Forget the terms and spellings no entry uses: runs bring all of their corpus's."""
        self._ids, renumbered = _kept(self._ids, [self._raw, self._answer])
        if renumbered is not None:
            self._raw, self._answer, self._spelled = (
                array("i", _bytes(renumbered[_ints(ids)]))
                for ids in (self._raw, self._answer, self._spelled)
            )
        self._spellings, respelled = _kept(self._spellings, [self._spelled_as])
        if respelled is not None:
            self._spelled_as = array("i", _bytes(respelled[_ints(self._spelled_as)]))


class _Numbering(dict[str, int]):
    """Ids by key: a key looked up for the first time is given the next one."""

    def __missing__(self, key: str) -> int:
        self[key] = number = len(self)
        return number


def _kept(table: dict[str, int], uses: list[array[int]]) -> tuple[dict[str, int], Ints | None]:
    """Return `table` without the ids none of `uses` holds, and each old id's new one.

    The new ids are None when every id is used: nothing to renumber.
    """
    used = np.zeros(len(table), dtype=bool)
    for ids in uses:
        used[_ints(ids)] = True
    if used.all():
        return dict(table), None  # a plain table: a term looked up later is never numbered
    kept = [key for key, keep in zip(table, used.tolist(), strict=True) if keep]
    return {key: i for i, key in enumerate(kept)}, np.cumsum(used, dtype=np.int32) - 1


def _bytes(values: npt.NDArray[np.integer]) -> bytes:
    """Return `values` as the bytes of an int32 `array`."""
    return values.astype(np.int32).tobytes()


def _ints(values: array[int]) -> Ints:
    return np.frombuffer(values, dtype=np.int32).copy() if len(values) else np.zeros(0, np.int32)


def _starts(sorted_owners: npt.NDArray[np.integer], size: int) -> Ints:
    """Return where each owner's run begins in `sorted_owners`, plus the end: size + 1 values."""
    found = np.searchsorted(sorted_owners, np.arange(size + 1))
    return found.astype(np.int32)
