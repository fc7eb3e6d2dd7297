"""The work one question may cause is bounded by design, whatever its words or the knowledge size.

Each cap is proven by counting the work it bounds (postings, rows, words, rankings), never by
timing: the benchmarks time them.
"""

from __future__ import annotations

import json
import random
import re
import re._parser as sre_parse
import string

import numpy as np
import pytest

from bot.knowledge.loading import default_folder, load_knowledge
from bot.matching import (
    answerability,
    clues,
    clusters,
    completions,
    ranking,
    semantic,
    suggesting,
)
from bot.matching.analysis import Analysis
from bot.matching.analyzer import Analyzer
from bot.matching.bm25 import Bm25
from bot.matching.clauses import split_clauses
from bot.matching.clues import Clues
from bot.matching.clusters import Clusters
from bot.matching.completions import Completions
from bot.matching.corpus import COMMON_CEILING, POSTINGS_READ, CorpusBuilder, IndexedEntry, Postings
from bot.matching.encoder import unit_rows
from bot.matching.engine import Engine
from bot.matching.index import Index
from bot.matching.lexicon import QType
from bot.matching.needs import Need
from bot.matching.semantic import SemanticIndex
from bot.matching.typos import COMPARED, Speller
from bot.models import Query
from tests.conftest import DATA
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


def test_a_long_message_ranks_and_matches_by_meaning_a_bounded_number_of_terms(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(11)  # noqa: S311 - made-up words, no secret
    typos = " ".join("".join(rng.choices(string.ascii_lowercase, k=6)) for _ in range(80))[:500]
    assert len(engine.analyzer.analyze(typos).terms) > 2 * ranking.MAX_TERMS
    ranked: list[int] = []
    scores = engine.tools.bm25.scores
    monkeypatch.setattr(
        engine.tools.bm25, "scores", lambda terms: (ranked.append(len(terms)), scores(terms))[1]
    )
    words = engine.tools.words
    assert words is not None
    matched: set[str] = set()
    of = words.of
    monkeypatch.setattr(words, "of", lambda term, said: (matched.add(term), of(term, said))[1])
    engine.decide(Query(text=typos))
    # every ranking of the message, its whole and its gist, reads its first terms only; and
    # only those are embedded to be matched by meaning (each a new word: an encoder call)
    assert ranked and max(ranked) == ranking.MAX_TERMS
    assert 0 < len(matched) <= ranking.MAX_TERMS


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


class _Counted:
    """A compiled pattern that counts its searches."""

    def __init__(self, pattern: re.Pattern[str], searched: list[str]) -> None:
        self._pattern, self._searched = pattern, searched

    def search(self, text: str) -> re.Match[str] | None:
        self._searched.append(self._pattern.pattern)
        return self._pattern.search(text)

    def __getattr__(self, name: str) -> object:
        return getattr(self._pattern, name)


def test_reading_an_answer_runs_only_the_patterns_its_words_allow(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # each entry's kinds of value are read when it is first a candidate: at scale, most of the
    # ~18 a question measures; all nineteen patterns ran for every one
    searched: list[str] = []
    for need, pattern in answerability._OFFERS.items():
        monkeypatch.setitem(answerability._OFFERS, need, _Counted(pattern, searched))
    for name in ("_BODIES", "_PLANNED", "_HAPPENED"):
        monkeypatch.setattr(answerability, name, _Counted(getattr(answerability, name), searched))
    assert answerability.offers("the oak fox has the pale stone.") == {Need.PAST}
    assert searched == []
    found = answerability.offers("The mayor said 40 buses run in Lagos.")
    assert {Need.ROLE, Need.NUMBER, Need.COUNT, Need.WORDS, Need.PLACE} <= found
    assert len(searched) < len(answerability._OFFERS)  # no length, weight, money …
    searched.clear()
    answerability.offers("İn Lagos")  # another script's letters: every pattern, as before
    assert len(searched) == len(answerability._OFFERS) + 3


def _drawn(parsed: list[tuple[object, object]], rng: random.Random, folded: bool) -> str:
    """Return a random string of the parsed pattern `parsed` (look-arounds left out)."""
    out = []
    for op, value in parsed:
        if op is sre_parse.LITERAL:
            out.append(chr(value))  # type: ignore[arg-type]
        elif op is sre_parse.IN:
            out.append(_member(value, rng))  # type: ignore[arg-type]
        elif op is sre_parse.CATEGORY:
            out.append(_member([(op, value)], rng))
        elif op is sre_parse.ANY:
            out.append(rng.choice("a ."))
        elif op is sre_parse.BRANCH:
            out.append(_drawn(rng.choice(value[1]), rng, folded))  # type: ignore[index]
        elif op is sre_parse.SUBPATTERN:
            group = value[3]  # type: ignore[index]
            out.append(_drawn(group, rng, folded or bool(value[1] & re.I)))  # type: ignore[index]
        elif op in (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT):
            low, high, inner = value  # type: ignore[misc]
            times = rng.randint(low, min(high, low + 3))
            out.append("".join(_drawn(inner, rng, folded) for _ in range(times)))
    text = "".join(out)
    if folded:  # any case, as the pattern allows
        text = "".join(c.upper() if rng.random() < 0.3 else c for c in text)
    return text


def _member(items: list[tuple[object, object]], rng: random.Random) -> str:
    """Return a random character of a character set."""
    if items[0][0] is sre_parse.NEGATE:
        return rng.choice([c for c in " .,x1" if not re.match(_set(items), c)])
    op, value = rng.choice(items)
    if op is sre_parse.LITERAL:
        return chr(value)  # type: ignore[arg-type]
    if op is sre_parse.RANGE:
        return chr(rng.randint(*value))  # type: ignore[misc]
    return {
        sre_parse.CATEGORY_DIGIT: rng.choice("0123456789"),
        sre_parse.CATEGORY_SPACE: " ",
        sre_parse.CATEGORY_WORD: rng.choice("abZ_9"),
    }.get(value, " ")


def _set(items: list[tuple[object, object]]) -> str:
    """Return the source of a negated character set (only those the patterns use)."""
    return "[^" + "".join(re.escape(chr(v)) for op, v in items[1:] if op is sre_parse.LITERAL) + "]"


def _patterns() -> dict[str, re.Pattern[str]]:
    patterns: dict[str, re.Pattern[str]] = dict(answerability._OFFERS)
    patterns.update(
        bodies=answerability._BODIES,
        planned=answerability._PLANNED,
        happened=answerability._HAPPENED,
    )
    return patterns


@pytest.mark.parametrize("name", list(_patterns()))
def test_every_string_a_kind_pattern_matches_holds_its_clue(name: str) -> None:
    pattern = _patterns()[name]
    clue = clues.CLUES[name]
    rng = random.Random(name)  # noqa: S311 - drawn strings, no secret
    parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    matched = 0
    for _ in range(3000):
        core = _drawn(list(parsed), rng, bool(pattern.flags & re.I))
        text = rng.choice(["", "The ", "x, ", "(", ". "]) + core + rng.choice(["", ".", " it", "/"])
        if pattern.search(text):
            matched += 1
            assert Clues(text).allow(clue), text
    assert matched > 1000


def _texts() -> list[str]:
    stories = (DATA / "stories").iterdir()
    folders = [
        default_folder(),
        *sorted(d / "knowledge" for d in stories if (d / "knowledge").is_dir()),
    ]
    texts: list[str] = []
    for folder in folders:
        knowledge = load_knowledge(folder)
        for faq in knowledge.faq:
            texts += [faq.question, faq.answer, *faq.phrasings, *split_clauses(faq.answer)]
        texts += [e.description for e in knowledge.entities]
        texts += split_clauses(knowledge.story)
    for path in [*DATA.glob("*.jsonl"), *DATA.glob("stories/*/*.jsonl")]:
        texts += [json.loads(line)["question"] for line in path.read_text().splitlines() if line]
    return texts


def test_the_kinds_read_with_clues_are_those_every_pattern_finds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = [*_texts(), "İt was in İstanbul", "at ٣ pm", "the 5degrees", "“yes”", "₦40"]
    fast = [answerability.offers(text) for text in texts]
    monkeypatch.setattr(Clues, "allow", lambda self, clue: True)
    monkeypatch.setattr(Clues, "capitals", lambda self: True)
    assert fast == [answerability.offers(text) for text in texts]
    assert len(texts) > 5000
