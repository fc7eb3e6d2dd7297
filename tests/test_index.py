"""The array-backed retrievers score exactly as the plain loops they replaced."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.matching.analysis import Analysis
from bot.matching.bm25 import Bm25
from bot.matching.corpus import CorpusBuilder, IndexedEntry, Postings
from bot.matching.encoder import WordLlamaEncoder, unit_rows
from bot.matching.index import Index, qtype_agreement
from bot.matching.lexicon import QType
from bot.matching.semantic import SemanticIndex

WORDS = ["moon", "base", "china", "land", "india", "crew", "@kakar", "@india", "@nasa"]
QTYPES = [QType.NONE, QType.WHO, QType.WHEN, QType.WHAT, QType.COUNT]

phrasings = st.builds(
    Analysis, st.lists(st.sampled_from(WORDS), max_size=5).map(tuple), st.sampled_from(QTYPES)
)
entries = st.builds(
    IndexedEntry,
    st.lists(phrasings, min_size=1, max_size=4).map(tuple),
    st.frozensets(st.sampled_from(WORDS), max_size=4),
    st.booleans(),
)


def reference(entries: Sequence[IndexedEntry], query: Analysis, index: Index) -> list[tuple]:
    """Score every entry as the index did with a Python loop over sets, per phrasing."""
    terms = set(query.terms)
    found = []
    for position, entry in enumerate(entries):
        weights = {t: index.weight(t, plain=entry.strict) for t in terms}
        total = sum(weights.values())
        union = frozenset().union(*(p.terms for p in entry.phrasings))
        in_entry = sum(weights[t] for t in terms & union)
        in_answer = sum(weights[t] for t in (terms & entry.answer_terms) - union)
        missing = {t for t in terms if t.startswith("@")} - union - entry.answer_terms
        share = 0.9 if entry.strict else 0.65
        best = (0.0, 0)
        for number, phrasing in enumerate(entry.phrasings):
            own = sum(index.weight(t, plain=entry.strict) for t in phrasing.terms) or 1.0
            shared = sum(weights[t] for t in terms & set(phrasing.terms))
            reached = shared + (in_entry - shared) * 0.85 + in_answer * 0.6
            score = (reached / total) ** share * (shared / own) ** (1 - share)
            score *= qtype_agreement(query.qtype, phrasing.qtype)
            if missing and {t for t in phrasing.terms if t.startswith("@")} - terms:
                score *= 0.65
            if score > best[0]:
                best = (score, number)
        found.append((position, *best))
    return found


@settings(max_examples=150, deadline=None)
@given(st.lists(entries, min_size=1, max_size=12), phrasings)
def test_the_array_index_scores_every_entry_as_the_phrasing_loop_did(
    indexed: list[IndexedEntry], query: Analysis
) -> None:
    builder = CorpusBuilder()
    for entry in indexed:
        builder.add(entry)
    index = Index(builder.build())
    hits = index.score(query, range(len(indexed)))
    expected = reference(indexed, query, index) if query.terms else []
    assert [(h.entry, h.phrasing) for h in hits] == [(p, n) for p, _, n in expected]
    assert [h.score for h in hits] == pytest.approx([s for _, s, _ in expected], abs=1e-12)
    for position, entry in enumerate(indexed):
        union = frozenset().union(*(p.terms for p in entry.phrasings))
        assert index.terms_of(position) == union | entry.answer_terms
        names = [frozenset(t for t in p.terms if t.startswith("@")) for p in entry.phrasings]
        assert index.required(position) == frozenset.intersection(*names)


def test_bm25_counts_a_term_once_per_use_in_each_document() -> None:
    documents = [["base", "moon", "crew"], ["moon", "moon", "base"], ["base"]]
    postings = Postings.of_documents(documents)
    assert postings.rows("moon").tolist() == [0, 1]
    assert postings.lengths.tolist() == [3, 3, 1]
    bm25 = Bm25(postings)
    assert bm25.scores(["moon"]).top(2) == [1, 0]  # twice beats once, at the same length
    assert bm25.scores(["mars"]).top(1) == []


class PositionEncoder:
    """A fake encoder: a text's vector spreads its characters over 256 dimensions."""

    name = "positions"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        rows = np.zeros((len(texts), 256), dtype=np.float32)
        for i, text in enumerate(texts):
            for j, char in enumerate(text):
                rows[i, (ord(char) * 31 + j * 7) % 256] += 1.0 + j / 10
        return unit_rows(rows)


def test_the_semantic_index_built_in_chunks_equals_one_built_at_once() -> None:
    texts = [[f"entry {n}", f"also {n * 7}", "x" * (n % 5)][: 1 + n % 3] for n in range(9000)]
    index = SemanticIndex(PositionEncoder(), texts)  # more entries than one chunk
    vectors = PositionEncoder().encode([t for entry in texts for t in entry])
    starts = np.concatenate(([0], np.cumsum([len(entry) for entry in texts])))[:-1]
    stored = vectors.astype(np.float16)  # large knowledge keeps half-precision vectors
    # the coarse vectors are summed from the rows as stored, as a rebuild that reuses them is
    coarse = unit_rows(np.add.reduceat(stored[:, :64].astype(np.float32), starts))
    assert np.array_equal(index._coarse, coarse)
    assert np.array_equal(index._vectors, stored)


def test_the_encoder_reads_a_text_the_same_alone_or_in_any_batch() -> None:
    texts = ["who signed it?", "", "the Moon's south pole", "ok", "Ünïcödé ☃"] * 60
    encoder = WordLlamaEncoder()
    together = encoder.encode(texts)
    alone = np.concatenate([encoder.encode([text]) for text in texts[:5]])
    assert np.array_equal(together[:5], alone)
    assert np.array_equal(
        together, np.concatenate([encoder.encode(texts[:7]), encoder.encode(texts[7:])])
    )
