"""Turn validated knowledge into entries, and the retrievers that search them."""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from itertools import chain, pairwise, starmap
from operator import itemgetter

from bot.knowledge import gcpause
from bot.knowledge.loading import Knowledge
from bot.knowledge.schema import Entity, EntityType, FaqEntry
from bot.knowledge.sentences import story_sentences, whole_sentence
from bot.matching import blas, heap
from bot.matching.acronyms import Acronyms
from bot.matching.analysis import Analysis
from bot.matching.analyzer import Analyzer
from bot.matching.asking import phrased_for_others
from bot.matching.bm25 import Bm25
from bot.matching.clauses import Clauses
from bot.matching.completions import Completions
from bot.matching.corpus import QTYPES, Corpus, CorpusBuilder, IndexedEntry
from bot.matching.cues import CUE_WORDS
from bot.matching.decision import Entry
from bot.matching.encoder import Encoder
from bot.matching.entrytexts import EntryTexts
from bot.matching.evidence import Retrievers
from bot.matching.gazetteer import unnamed_places
from bot.matching.implied import (
    answer_names,
    entries_of_kind,
    implied_terms,
    named_within,
    seats,
    terms_of_kind,
)
from bot.matching.index import Index
from bot.matching.lexicon import CONTINENT_WORDS, OPPOSITES, REGION_WORDS, QType
from bot.matching.nameforms import every_name
from bot.matching.narrowing import Narrowings
from bot.matching.offered import OfferedKinds
from bot.matching.paraphrases import general_groups
from bot.matching.phrasal import general_phrasal
from bot.matching.semantic import SemanticIndex, WordVectors
from bot.matching.text import tokenize


@dataclass(frozen=True)
class Built:
    """Everything an engine searches: the analyzer, the entries and their retrievers."""

    analyzer: Analyzer
    entries: list[Entry]  # FAQ entries in file order, then one per fact-store entity
    tools: Retrievers
    # what each entry was built from, in the same order: a rebuild finds the unchanged ones
    sources: tuple[FaqEntry | Entity, ...] = ()
    word_counts: Counter[str] = field(default_factory=Counter)  # entries using each word
    # the words a half-typed one may become: the entries' words and the names'
    completions: Completions = field(default_factory=lambda: Completions({}))


def build(knowledge: Knowledge, encoder: Encoder | None, previous: Built | None = None) -> Built:
    """Analyse and index every entry of `knowledge`; embed them too when given an `encoder`.

    Given the `previous` build (a reload), an entry written exactly as before is taken from it
    rather than analysed and embedded again, as long as the synonyms and names that every
    analysis depends on are unchanged.
    """
    # a build allocates millions of objects and frees none in cycles: at 100,000 entries
    # the collector's full passes cost 20 of 64 s
    with gcpause.paused():
        return _build(knowledge, encoder, previous)


def _build(knowledge: Knowledge, encoder: Encoder | None, previous: Built | None) -> Built:
    acronyms = Acronyms(knowledge.entities)
    aliases = every_name(knowledge, acronyms)
    sources: tuple[FaqEntry | Entity, ...] = (*knowledge.faq, *knowledge.entities)
    before = (
        {source: position for position, source in enumerate(previous.sources)} if previous else {}
    )
    # an entry hashes all its texts: a first build looks none up
    positions: list[int | None] = [None] * len(sources)
    if before:
        positions = [before.get(source) for source in sources]
    counts = _word_counts(sources, positions, previous)
    analyzer = Analyzer(
        aliases,
        knowledge.synonyms,
        [knowledge.story, *counts],
        general_groups(),
        general_phrasal(),
        acronyms,
    )
    reuse = _reuse(previous, analyzer, encoder, positions)
    completions = Completions.of(counts, [*aliases, *chain.from_iterable(knowledge.synonyms)])
    # answers quote the passage's whole sentence, found once for the many entries of a passage
    sentences = story_sentences(knowledge.story)
    sentence = lru_cache(maxsize=1024)(partial(whole_sentence, sentences=sentences))
    entries = [Entry.of_faq(f, sentence) for f in knowledge.faq]
    entries += [Entry.of_entity(e, sentence) for e in knowledge.entities]
    index, bm25, phrased = _indexes(sources, analyzer, reuse)
    heap.release()  # the analyses and scratch arrays just freed: no part of the next peak
    # what the asker will read; each fact-store entry begins with its subject's full name
    named = range(len(knowledge.faq), len(entries))
    answers = [e.answer for e in entries]
    places = terms_of_kind(knowledge.entities, EntityType.PLACE)
    nations = terms_of_kind(knowledge.entities, EntityType.COUNTRY)
    clauses = Clauses(answers, analyzer.terms)
    kinds = OfferedKinds(answers, named, phrased, clauses, places | nations)
    cues = {need: frozenset(analyzer.terms(" ".join(sorted(w)))) for need, w in CUE_WORDS.items()}
    opposed = _opposites(analyzer)
    programmes = terms_of_kind(knowledge.entities, EntityType.PROGRAMME)
    # what "it" may be, and what an entry about another one is not about: "the Express
    # Samina" is not the Blue Meltemi
    undertakings = programmes | terms_of_kind(knowledge.entities, EntityType.EVENT)
    undertakings |= terms_of_kind(knowledge.entities, EntityType.THING)
    implied = implied_terms(analyzer, knowledge.entities)
    title = frozenset(analyzer.terms(knowledge.title))
    tools = Retrievers(
        index,
        bm25,
        kinds,
        cues,
        opposed,
        places=places,
        people=terms_of_kind(knowledge.entities, EntityType.PERSON),
        person_entries=entries_of_kind(knowledge, EntityType.PERSON),
        outlying=places - title,
        countries=nations,
        regions=frozenset(analyzer.terms(" ".join(sorted(REGION_WORDS)))),
        continents=frozenset(analyzer.terms(" ".join(sorted(CONTINENT_WORDS)))),
        foreign=unnamed_places(analyzer.terms, index.knows),
        othering=phrased_for_others([(f.question, *f.phrasings) for f in knowledge.faq]),
        undertakings=undertakings,
        asides=_asides(undertakings, index, title),
        # the story's subject, with the words of the names it gives: "the metro" of the
        # Orange Line metro
        setting=title.union(*(implied.get(t, frozenset()) for t in title)),
        implied=implied,
        seats=seats(analyzer, knowledge.entities),
        within=named_within(analyzer, knowledge.entities),
        names=answer_names(analyzer, knowledge, answers, implied),
        narrowings=Narrowings(answers, analyzer.terms, index.corpus, places | nations, named),
    )
    if encoder is None:
        return Built(analyzer, entries, tools, sources, counts, completions)
    # embedded after the analysis, not beside it in a thread: both hold the GIL most of the
    # time, so a thread saved nothing (44.7 vs 43.7 s at 100,000 entries) and its heap and
    # the overlap of the two cost 110 MB of peak memory
    kept = reuse.previous.tools if reuse else None
    with blas.one_thread():  # thousands of small products: a busy core stalls two threads
        semantic = SemanticIndex(
            encoder,
            EntryTexts(knowledge),
            kept.semantic if kept else None,
            reuse.positions if reuse else None,
        )
        heap.release()
        # each term by the words it was first read from, as if every entry were read anew
        spelled = index.corpus.first_spellings()
        vectors = WordVectors(encoder, spelled, kept.words if kept else None)
    tools = replace(tools, semantic=semantic, words=vectors)
    return Built(analyzer, entries, tools, sources, counts, completions)


@dataclass(frozen=True)
class _Reuse:
    """The previous build, and each new entry's position in it (None: analyse it anew)."""

    previous: Built
    positions: list[int | None]


def _reuse(
    previous: Built | None,
    analyzer: Analyzer,
    encoder: Encoder | None,
    positions: list[int | None],
) -> _Reuse | None:
    """Return `previous` and each entry's position in it, if its work may be reused.

    An entry's analysis depends on its own text and on the synonym and name phrases alone
    (its words are all in the vocabulary, so no typo correction touches them), and its
    vectors on the encoder.
    """
    if previous is None or previous.analyzer.phrases != analyzer.phrases:
        return None
    semantic = previous.tools.semantic
    if (semantic.encoder if semantic else None) is not encoder:
        return None
    return _Reuse(previous, positions)


def _word_counts(
    sources: tuple[FaqEntry | Entity, ...], positions: list[int | None], previous: Built | None
) -> Counter[str]:
    """Return, for each word the entries' texts use, how many entries use it.

    From the previous build's counts when there is one: only the entries added or removed
    are read, and the words no entry uses any more drop out.
    """
    if previous is None:
        return Counter(chain.from_iterable(map(_words, sources)))
    counts = previous.word_counts.copy()
    kept = set(positions)
    for old, gone in enumerate(previous.sources):
        if old not in kept:
            counts.subtract(_words(gone))
    for source, position in zip(sources, positions, strict=True):
        if position is None:
            counts.update(_words(source))
    return +counts  # without the words counted down to nothing


def _words(source: FaqEntry | Entity) -> set[str]:
    """Return the words of an entry's texts: what a typo may be corrected to."""
    if isinstance(source, FaqEntry):
        # one text: no token spans a space, so the words are those of each text alone
        return set(tokenize(" ".join((source.question, *source.phrasings, source.answer))))
    return set(tokenize(source.description))


def _indexes(
    sources: tuple[FaqEntry | Entity, ...], analyzer: Analyzer, reuse: _Reuse | None
) -> tuple[Index, Bm25, tuple[frozenset[QType], ...]]:
    """Return the phrasing index, BM25, and each entry's phrasings' question types."""
    # one entry at a time into arrays: no entry's analyses outlive it
    collected = CorpusBuilder()
    # many entries quote one passage: its terms made into a set once, not once an entry
    passage_terms = lru_cache(maxsize=1024)(lambda passage: frozenset(analyzer.terms(passage)))
    # a first build reads every entry: no run to look for
    runs = _runs(reuse.positions) if reuse else ((first, 1, None) for first in range(len(sources)))
    with analyzer.reading_knowledge():
        for first, count, old in runs:
            if reuse and old is not None:  # unchanged entries, taken whole from the last build
                collected.add_run(reuse.previous.tools.index.corpus, old, old + count)
                continue
            source = sources[first]
            if isinstance(source, FaqEntry):
                collected.add(_indexed(analyzer, source, passage_terms(source.source)))
            else:
                collected.add(_indexed_entity(analyzer, source))
    corpus = collected.build()
    del collected
    return Index(corpus), Bm25(corpus.postings), _phrased_qtypes(corpus)


def _phrased_qtypes(corpus: Corpus) -> tuple[frozenset[QType], ...]:
    """Return each entry's phrasings' question types, one shared set for each combination.

    Shared: a set per entry cost 33 MB at 100,000 entries, and there are a few dozen distinct.
    """
    bounds = corpus.first_phrasing.tolist()
    qtypes = corpus.qtypes.tolist()
    shared: dict[frozenset[QType], frozenset[QType]] = {}
    return tuple(
        shared.setdefault(kinds, kinds)
        for kinds in (frozenset(QTYPES[q] for q in qtypes[a:b]) for a, b in pairwise(bounds))
    )


def _runs(positions: list[int | None]) -> Iterator[tuple[int, int, int | None]]:
    """Yield (first entry, count, first old position) for each run of entries.

    A run is consecutive entries whose old positions are consecutive too, or one entry to
    analyse (old position None).
    """
    first = 0
    while first < len(positions):
        old, count = positions[first], 1
        if old is not None:
            while first + count < len(positions) and positions[first + count] == old + count:
                count += 1
        yield first, count, old
        first += count


def _indexed(analyzer: Analyzer, faq: FaqEntry, passage: frozenset[str]) -> IndexedEntry:
    phrasings = tuple(map(analyzer.phrasing, (faq.question, *faq.phrasings)))
    answer = analyzer.surfaces(faq.answer)
    read = (zip(p.terms, p.surfaces, strict=True) for p in phrasings)
    terms = frozenset(map(itemgetter(0), answer)) | passage  # `passage`: its source's terms
    return IndexedEntry(phrasings, terms, spelled=_firsts(chain(*read, answer)))


def _indexed_entity(analyzer: Analyzer, entity: Entity) -> IndexedEntry:
    name = analyzer.analyze(entity.name)
    asked = QType.WHO if entity.type in (EntityType.PERSON, EntityType.COUNTRY) else QType.WHAT
    analyses = (
        Analysis(name.terms, asked, name.surfaces),
        Analysis(name.terms, QType.NONE, name.surfaces),
    )
    description = analyzer.surfaces(entity.description)
    spelled = _firsts([*zip(name.terms, name.surfaces, strict=True), *description])
    terms = frozenset(t for t, _ in description) | frozenset(analyzer.terms(entity.source))
    return IndexedEntry(analyses, terms, strict=True, spelled=spelled)


def _asides(undertakings: frozenset[str], index: Index, title: frozenset[str]) -> frozenset[str]:
    """Return the programmes and events under a third of the entries name, and not the title."""
    return frozenset(filter(index.corpus.postings.rare, undertakings - title))


def _opposites(analyzer: Analyzer) -> frozenset[tuple[str, str]]:
    """Return the opposite word pairs as this knowledge's terms, both ways round."""
    pairs = set()
    for first, second in OPPOSITES:
        a, b = analyzer.terms(first), analyzer.terms(second)
        if len(a) == 1 and len(b) == 1 and a != b:  # filler ("most") and merged pairs drop out
            pairs |= {(a[0], b[0]), (b[0], a[0])}
    return frozenset(pairs)


def _firsts(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Return each term of `pairs` with the words it was first read from, in order."""
    first: dict[str, str] = {}
    # the pairs handed to `setdefault` in C: a Python loop over them cost 3 us an entry
    deque(starmap(first.setdefault, pairs), maxlen=0)
    return first
