"""A reload rebuilds only what changed: unchanged entries are taken from the engine it replaces,
and the result decides exactly as a fresh build of the same knowledge does."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

import pytest

from bot.evaluation import read_questions
from bot.knowledge.loading import Knowledge, default_folder, load_knowledge
from bot.matching.analysis import Analysis
from bot.matching.corpus import Corpus, CorpusBuilder, IndexedEntry
from bot.matching.encoder import Encoder, Vectors, load_encoder
from bot.matching.engine import Engine
from bot.matching.lexicon import QType
from bot.models import Query

DATA = Path(__file__).parent / "data"


class CountingEncoder:
    """The shipped encoder, noting every text it is asked to embed."""

    name = "counting"

    def __init__(self, inner: Encoder) -> None:
        self.inner = inner
        self.texts: list[str] = []

    def encode(self, texts: Sequence[str]) -> Vectors:
        self.texts += texts
        return self.inner.encode(texts)


@pytest.fixture(scope="module")
def story() -> Knowledge:
    return load_knowledge(default_folder())


def _edited(knowledge: Knowledge) -> Knowledge:
    """One entry rephrased, one removed, one added: the edits a maintainer makes."""
    faq = list(knowledge.faq)
    faq[3] = faq[3].model_copy(
        update={"phrasings": (*faq[3].phrasings, "who inked the lunar quokka pact")}
    )
    added = faq[5].model_copy(update={"id": "added-entry", "question": "Who hosts the deal?"})
    faq = [*faq[:10], *faq[11:], added]
    return dataclasses.replace(knowledge, faq=tuple(faq))


@pytest.fixture(scope="module")
def knowledge(story: Knowledge) -> Knowledge:
    """The story's knowledge with one more entry, whose word no other entry uses."""
    faq = story.faq[10].model_copy(update={"question": "Who hosts the marmoset talks?"})
    return dataclasses.replace(story, faq=(*story.faq[:10], faq, *story.faq[11:]))


def _decisions(engine: Engine) -> list[tuple[str, str | None, float]]:
    asked = read_questions(DATA / "questions.jsonl")
    answers = [engine.answer(Query(text=q.question)) for q in asked]
    return [(a.kind.value, a.entry_id, round(a.confidence, 9)) for a in answers]


def test_a_rebuild_embeds_only_the_entries_that_changed(knowledge: Knowledge) -> None:
    encoder = CountingEncoder(load_encoder("wordllama"))  # type: ignore[arg-type]
    first = Engine(knowledge, encoder=encoder)
    encoder.texts.clear()
    edited = _edited(knowledge)
    Engine(edited, encoder=encoder, previous=first)
    changed = [edited.faq[3], edited.faq[-1]]
    assert {t for f in changed for t in (f.question, *f.phrasings)} <= set(encoder.texts)
    unchanged = [f.question for f in edited.faq if f not in changed]
    assert not set(unchanged) & set(encoder.texts)


@pytest.mark.parametrize("encoder", ["wordllama", "none"])
def test_a_rebuild_decides_as_a_fresh_build_does(knowledge: Knowledge, encoder: str) -> None:
    loaded = load_encoder(encoder)
    first = Engine(knowledge, encoder=loaded)
    edited = _edited(knowledge)
    reused = Engine(edited, encoder=loaded, previous=first)
    fresh = Engine(edited, encoder=loaded)
    assert _decisions(reused) == _decisions(fresh)
    assert _decisions(reused) != _decisions(first)  # the edit shows: the test can fail
    # what typos are corrected to: the removed entry's words go, the added ones come
    assert reused.analyzer.words == fresh.analyzer.words
    assert "marmoset" in first.analyzer.words and "marmoset" not in reused.analyzer.words
    assert "quokka" in reused.analyzer.words and "quokka" not in first.analyzer.words


def test_new_synonyms_analyse_and_embed_every_entry_again(knowledge: Knowledge) -> None:
    encoder = CountingEncoder(load_encoder("wordllama"))  # type: ignore[arg-type]
    first = Engine(knowledge, encoder=encoder)
    encoder.texts.clear()
    synonyms = (*knowledge.synonyms, ("handshake", "fist bump"))
    changed = dataclasses.replace(knowledge, synonyms=synonyms)
    rebuilt = Engine(changed, encoder=encoder, previous=first)
    assert {f.question for f in knowledge.faq} <= set(encoder.texts)
    assert rebuilt.analyzer.terms("a fist bump") == rebuilt.analyzer.terms("a handshake")


def _readable(corpus: Corpus) -> tuple[object, ...]:
    """A corpus in terms, not ids: two corpora of the same entries read the same."""
    postings = corpus.postings
    by_term = {
        term: (
            postings.rows(term).tolist(),
            postings.counts[postings.starts[row] : postings.starts[row + 1]].tolist(),
        )
        for term, row in postings.ids.items()
    }
    phrasings = [
        tuple(corpus.terms[t] for t in corpus.raw_terms[a:b])
        for a, b in zip(corpus.raw_starts[:-1], corpus.raw_starts[1:], strict=True)
    ]
    return (
        by_term,
        phrasings,
        corpus.qtypes.tolist(),
        corpus.first_phrasing.tolist(),
        corpus.strict.tolist(),
        postings.lengths.tolist(),
        corpus.first_spellings(),
    )


def test_a_run_of_old_entries_is_added_as_if_analysed_anew() -> None:
    def entry(*phrasings: tuple[str, ...], answer: str, strict: bool = False) -> IndexedEntry:
        read = tuple(Analysis(terms, QType.WHERE) for terms in phrasings)
        spelled = {t: t.upper() for p in phrasings for t in p}
        return IndexedEntry(read, frozenset(answer.split()), strict, spelled)

    base = entry(("moon", "base"), ("base",), answer="pole south")
    person = entry(("kakar",), answer="caretaker pm", strict=True)
    signed = entry(("sign", "moon"), ("sign", "sign"), answer="beijing")
    added = entry(("cost",), answer="rupee moon")
    before = CorpusBuilder()
    for item in (base, person, signed):
        before.add(item)
    old = before.build()
    builder = CorpusBuilder()
    builder.add_run(old, 1, 3)  # the first entry was deleted
    builder.add(added)
    again = builder.build()
    fresh = CorpusBuilder()
    for item in (person, signed, added):
        fresh.add(item)
    assert _readable(again) == _readable(fresh.build())
    assert "pole" not in again.postings.ids  # only the deleted entry used it


@pytest.mark.parametrize("gone", [0, 1, 7, 20])
def test_word_vectors_after_a_rebuild_are_a_fresh_builds(story: Knowledge, gone: int) -> None:
    # a term is embedded by the words it is first read from: deleting the entry that read it
    # first must leave the vector a fresh build would make, not the old one
    encoder = load_encoder("wordllama")
    first = Engine(story, encoder=encoder)
    edited = dataclasses.replace(story, faq=story.faq[:gone] + story.faq[gone + 1 :])
    reused, fresh = Engine(edited, encoder=encoder, previous=first), Engine(edited, encoder=encoder)
    ours, theirs = reused.tools.words, fresh.tools.words
    assert ours is not None and theirs is not None
    assert ours._surfaces == theirs._surfaces
    assert all((ours.of(t, "") == theirs.of(t, "")).all() for t in theirs._surfaces)
    assert _decisions(reused) == _decisions(fresh)
