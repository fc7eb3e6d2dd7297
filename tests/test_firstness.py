"""validate's shortcut: whenever it proves an entry wins its own phrasing, the engine agrees."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from bot.knowledge import firstness
from bot.knowledge.firstness import OwnFirst
from bot.knowledge.loading import default_folder, load_knowledge
from bot.knowledge.rivals import bound_rivals
from bot.knowledge.validation import confusions
from bot.matching.encoder import load_encoder
from bot.matching.engine import Engine
from bot.matching.evidence import gather

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_matcher import synthetic  # noqa: E402

STORIES = ROOT / "tests" / "data" / "stories"


def _proved_and_decided(engine: Engine) -> tuple[int, int]:
    proof, proved, checked = OwnFirst(engine), 0, 0
    for position, entry in enumerate(engine.knowledge.faq):
        for phrasing in (entry.question, *entry.phrasings):
            checked += 1
            if proof.holds(phrasing, position):
                proved += 1
                best = engine.best_entry(phrasing)
                assert best is None or best.id == entry.id, phrasing
    return proved, checked


@pytest.mark.parametrize("encoder", ["wordllama", "none"])
@pytest.mark.parametrize("folder", [default_folder(), STORIES / "lagos-metro" / "knowledge"])
def test_a_phrasing_proved_won_by_its_entry_is_won_by_it(folder: Path, encoder: str) -> None:
    engine = Engine.from_folder(folder, encoder=encoder)
    proved, checked = _proved_and_decided(engine)
    assert proved > checked * 0.8  # phrasings naming people and countries too


def test_the_proof_holds_on_large_synthetic_knowledge_with_confusions() -> None:
    knowledge = synthetic(load_knowledge(default_folder()), 3000)
    engine = Engine(knowledge, encoder=load_encoder("wordllama"))
    proved, checked = _proved_and_decided(engine)
    assert proved > checked // 2  # the decisions the shortcut spares (81 % here)
    assert confusions(engine)  # synthetic phrasings do get confused: the rest is decided


@pytest.mark.parametrize("encoder", ["wordllama", "none"])
def test_confusions_are_the_warnings_of_every_phrasing_decided(encoder: str) -> None:
    # large enough to be split between forked processes (2,159 phrasings, 1,953 at 500
    # entries were not), whose caches then grow; every phrasing decided, in order
    knowledge = synthetic(load_knowledge(default_folder()), 560)
    engine = Engine(knowledge, encoder=load_encoder(encoder))
    faq = {entry.id for entry in engine.knowledge.faq}
    decided = [
        f"'{entry.id}': phrasings: {phrasing!r} is answered by '{best.id}'"
        for entry in engine.knowledge.faq
        for phrasing in (entry.question, *entry.phrasings)
        if (best := engine.best_entry(phrasing)) is not None and best.id in faq - {entry.id}
    ]
    warned = [w.split(" entry ", 1)[1].split(" (", 1)[0] for w in confusions(engine)]
    assert decided and warned == decided


@pytest.mark.parametrize("encoder", ["wordllama", "none"])
def test_every_rival_stays_within_its_bounds(encoder: str) -> None:
    engine = Engine.from_folder(STORIES / "lagos-metro" / "knowledge", encoder=encoder)
    proof, tools = OwnFirst(engine), engine.tools
    everyone = list(range(len(engine.entries)))
    for position, entry in enumerate(engine.knowledge.faq):
        for phrasing in (entry.question, *entry.phrasings):
            analysis = engine.analyzer.analyze(phrasing)
            if not analysis.terms or analysis.either:
                continue
            bm25 = tools.bm25.scores(analysis.terms)
            vector = tools.semantic.embed(" ".join(analysis.words)) if tools.semantic else None
            _, evidence = gather(tools, analysis, vector, everyone, bm25, {})
            rivals = bound_rivals(tools, analysis, bm25, position, proof._lent, proof._rank)
            inside = dict(zip(rivals.insiders.tolist(), range(len(rivals.insiders)), strict=True))
            for rival in everyone:
                if rival == position:
                    continue
                at = inside.get(rival)
                score = rivals.outsider_score if at is None else rivals.scores[at]
                best = rivals.outsider_phrasing if at is None else rivals.phrasings[at]
                assert engine.model.rank.score(evidence[rival]) <= score + 1e-6, phrasing
                assert evidence[rival].phrasing <= best + 1e-6, phrasing


def test_an_either_or_phrasing_is_always_decided() -> None:
    # one alternative lends a rival the other's words, past the bound the proof relies on
    engine = Engine.from_folder(STORIES / "lagos-metro" / "knowledge", encoder="none")
    position = next(i for i, e in enumerate(engine.knowledge.faq) if e.id == "fare")
    proof = OwnFirst(engine)
    assert proof.holds("how much is the fare, flat", position)
    assert not proof.holds("how much is the fare, flat or by distance", position)


def test_a_rank_model_that_weighs_a_margin_turns_the_proof_off() -> None:
    from bot.matching.decision import PLAIN_MODEL, Linear, Model

    weighs_margin = Linear({**PLAIN_MODEL.rank.weights, "bm25_margin": 1.0}, PLAIN_MODEL.rank.bias)
    model = Model(weighs_margin, PLAIN_MODEL.answer)
    engine = Engine(load_knowledge(default_folder()), model=model)
    proof = OwnFirst(engine)
    assert not any(
        proof.holds(phrasing, position)
        for position, entry in enumerate(engine.knowledge.faq)
        for phrasing in (entry.question, *entry.phrasings)
        if len(phrasing.split()) > 2  # small talk needs no proof
    )


def test_an_engine_keeping_every_entry_covers_the_same_terms() -> None:
    # validate's children keep every entry's terms: the same sets, made once each
    engine = Engine.from_folder(STORIES / "lagos-metro" / "knowledge", encoder="none")
    tools, everyone = engine.tools, range(len(engine.entries))
    before = [(tools.terms_of(p), tools.parts_of(p)) for p in everyone]
    tools.keep_every_entry()
    assert [(tools.terms_of(p), tools.parts_of(p)) for p in everyone] == before
    assert tools.terms_of.cache_info().currsize == len(engine.entries)  # type: ignore[attr-defined]


def test_an_engine_keeping_every_entry_scores_the_same() -> None:
    # past 4,096 entries a served engine scores over arrays; validate's children keep every
    # entry's table and every term's BM25 gains instead: the same scores either way
    engine = Engine(synthetic(load_knowledge(default_folder()), 4200))
    tools = engine.tools
    phrasings = [p for e in engine.knowledge.faq[::150] for p in (e.question, *e.phrasings)]
    readings = [engine.analyzer.analyze(p) for p in phrasings]
    everyone = range(0, len(engine.entries), 7)

    def scored() -> list[object]:
        return [
            (tools.index.score(r, everyone), tools.bm25.scores(r.terms).at(everyone).tolist())
            for r in readings
        ]

    before = scored()
    tools.keep_every_entry()
    assert tools.index._tables is not None  # scored from tables now
    assert scored() == before


@pytest.mark.parametrize("encoder", ["wordllama", "none"])
def test_a_folder_with_confusions_warns_as_deciding_every_phrasing_does(
    encoder: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a maintainer's near-duplicates: the first two entries' questions, reworded, added to
    # the last entry; the warnings must be those of the check with no proof at all
    folder = tmp_path / "knowledge"
    shutil.copytree(STORIES / "lagos-metro" / "knowledge", folder)
    faq = folder / "faq.yaml"
    text = faq.read_text(encoding="utf-8")
    at = text.rindex("    phrasings:\n") + len("    phrasings:\n")
    added = "      - What did Lagos open exactly?\n      - When exactly did the Orange Line open?\n"
    faq.write_text(text[:at] + added + text[at:], encoding="utf-8")
    engine = Engine(load_knowledge(folder), encoder=load_encoder(encoder))
    warned = confusions(engine)
    monkeypatch.setattr(firstness.OwnFirst, "holds", lambda *_: False)  # decide every one
    assert warned and warned == confusions(engine)
