"""The work one question may cause is bounded by design, whatever its words or the knowledge size.

Each cap is proven by counting the work it bounds (postings, rows, words, rankings), never by
timing: the benchmarks time them.
"""

from __future__ import annotations

import random
import string

import numpy as np
import pytest

from bot.matching import clusters, completions, semantic, suggesting
from bot.matching.analysis import Analysis
from bot.matching.analyzer import Analyzer
from bot.matching.bm25 import Bm25
from bot.matching.clusters import Clusters
from bot.matching.completions import Completions
from bot.matching.corpus import COMMON_CEILING, POSTINGS_READ, CorpusBuilder, IndexedEntry, Postings
from bot.matching.encoder import unit_rows
from bot.matching.engine import Engine
from bot.matching.index import Index
from bot.matching.lexicon import QType
from bot.matching.semantic import SemanticIndex
from bot.matching.typos import COMPARED, Speller
from bot.models import Query
from tests.test_matching import LetterEncoder

TERMS = 100  # terms of middling rarity: each in 200 entries, 20,000 postings in all
PER_TERM = 200


def _entries() -> list[IndexedEntry]:
    # entry i uses term i % TERMS only: every term's postings are its own entries
    return [
        IndexedEntry((Analysis((f"term{i % TERMS}",), QType.WHAT),), frozenset())
        for i in range(TERMS * PER_TERM)
    ]


def test_the_phrasing_index_reads_a_bounded_number_of_postings_per_question() -> None:
    builder = CorpusBuilder()
    for entry in _entries():
        builder.add(entry)
    index = Index(builder.build())
    chunks, _ = index._voters({f"term{n}" for n in range(TERMS)})
    read = sum(len(c) for c in chunks)
    assert TERMS * PER_TERM > POSTINGS_READ >= read > POSTINGS_READ - PER_TERM


def test_bm25_scores_a_bounded_number_of_postings_per_question() -> None:
    postings = Postings.of_documents([(f"term{i % TERMS}",) for i in range(TERMS * PER_TERM)])
    scores = Bm25(postings).scores([f"term{n}" for n in range(TERMS)])
    assert POSTINGS_READ >= len(scores.touched) > POSTINGS_READ - PER_TERM


def test_a_common_term_nominates_a_bounded_number_of_entries_at_any_size() -> None:
    # 1 % of 200,000 entries would be 2,000: the ceiling holds past 100,000 entries
    postings = Postings.of_documents([("common",)] * 200_000)
    assert len(Bm25(postings).scores(["common"]).touched) == COMMON_CEILING


def test_the_groups_read_a_bounded_number_of_rows_and_find_the_nearest() -> None:
    rng = np.random.default_rng(5)
    topics = rng.standard_normal((300, 64)).astype(np.float32)
    vectors = unit_rows(
        topics[rng.integers(0, 300, 40_000)]
        + 0.3 * rng.standard_normal((40_000, 64)).astype(np.float32)
    )
    groups = Clusters(vectors)
    for n in range(0, 40_000, 4_000):
        rows, cosines = groups.nearest(vectors[n])
        assert len(rows) <= clusters.READ
        assert len(set(rows.tolist())) == len(rows)  # no row read twice
        assert n in rows.tolist()
        assert np.allclose(cosines, vectors[rows] @ vectors[n], atol=1e-5)
    # many tiny groups: the number read is capped as well as the rows
    order = np.argsort(-(groups.centres @ vectors[0]))
    sizes = np.diff(groups.starts)[order]
    rows, _ = groups.nearest(vectors[0], read=10**9)
    assert len(rows) == sizes[: clusters.PROBES].sum()


def test_semantic_neighbours_of_large_knowledge_read_the_nearest_groups_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(semantic, "_GROUPED_FROM", 4096)
    texts = [[f"question number {n}", f"another way to ask {n * 3}"] for n in range(5000)]
    index = SemanticIndex(LetterEncoder(), texts)
    assert index._groups is not None and not len(index._coarse)
    read: list[int] = []
    nearest = index._groups.nearest
    monkeypatch.setattr(
        index._groups,
        "nearest",
        lambda v: (found := nearest(v, 2500), read.append(len(found[0])))[0],
    )
    assert index.neighbours(index.embed("another way to ask 7500"), 5)[0] == 2500
    assert read == [2500]  # half the entries


def _words(count: int, first: str, seed: int) -> list[str]:
    rng = random.Random(seed)  # noqa: S311 - made-up words, no secret
    return [first + "".join(rng.choices(string.ascii_lowercase, k=6)) for _ in range(count)]


def test_typo_correction_compares_a_bounded_number_of_words_per_text() -> None:
    # a vocabulary as large as a million entries' English, 12,000 words of one first letter
    words = _words(12_000, "q", 1) + _words(12_000, "b", 2)
    analyzer = Analyzer({}, [], [" ".join(words)])
    speller = analyzer._speller
    corrected: list[str] = []
    real = analyzer._correct_uncached
    analyzer._correct = lambda word: (corrected.append(word), real(word))[1]  # type: ignore[method-assign]
    analyzer.analyze(" ".join(_words(60, "q", 3)))
    # one typo's words fit in the budget, a second's would not: without it, 8 x 12,000
    assert len(corrected) == 1 and sum(map(speller.cost, corrected)) <= COMPARED < 2 * 12_000
    # past a few thousand words of near length, only those of the typo's first letter are read
    pool = speller.pool("qwertyu")
    assert 12_000 <= len(pool) < 12_100 and all(w[0] == "q" for w in pool)  # "quick", "quiet"


def test_a_message_of_many_questions_ranks_a_bounded_number_of_them(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    ranked: list[Analysis] = []
    real = engine.rank
    monkeypatch.setattr(engine, "rank", lambda a, m=None: (ranked.append(a), real(a, m))[1])
    decision = engine.decide(Query(text="who signed? " * 42))
    assert decision.answer.answered
    assert len(ranked) <= 1 + 4  # the whole message, then its first four questions


def test_a_large_vocabulary_reads_texting_without_vowels_from_the_first_question() -> None:
    # built with the speller, not by the first "whr" asked: that one answer waited for it
    large = Speller(frozenset([*_words(6_000, "w", 4), "where"]))
    assert large._by_skeleton is not None and large._by_skeleton["whr"] == "where"
    assert Speller(frozenset(["where"]))._by_skeleton is None  # a story's few words: on use


def test_a_half_typed_word_reads_a_bounded_number_of_the_vocabulary(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # as many words as a million entries of real English use, most of them beginning "q"
    rng = random.Random(6)  # noqa: S311 - made-up words and counts, no secret
    counts = {word: rng.randint(0, 1000) for word in _words(150_000, "q", 7) + _words(50, "b", 8)}
    table = Completions(counts)
    read: list[int] = []
    most_used = completions.most_used
    monkeypatch.setattr(
        completions, "most_used", lambda c, lo, hi: (read.append(hi - lo), most_used(c, lo, hi))[1]
    )
    for prefix in ("q", "qa", "qab", "qabc", "b", "bz", "x"):
        found = table.complete(prefix)
        begun = [w for w in counts if w.startswith(prefix)]  # what a scan would have read
        best = sorted(begun, key=lambda w: (-counts[w], w))[: completions.KEPT]
        assert [word for word, _ in found] == best
    assert max(read) <= completions.SCANNED < 150_000 // 26  # not even one letter's words


def test_a_half_typed_question_searches_the_index_a_bounded_number_of_times(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    searched: list[Analysis] = []
    search = engine.index.search
    monkeypatch.setattr(
        engine.index, "search", lambda a, n=5: (searched.append(a), search(a, n))[1]
    )
    counts = []
    for text in ("co", "who sig", "what did kakar sa", "wh", "when did ind"):
        searched.clear()
        engine.suggest(text, 25)
        counts.append(len(searched))
    # "co" begins eight words ("countries", "cooperation", "cover" …): four readings are read
    assert counts[0] == suggesting.READINGS and max(counts) <= suggesting.READINGS
