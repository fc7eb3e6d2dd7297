"""Per-question latency, build time and memory of the engine beside bm25s and the naive matcher.

Run: python benchmarks/bench_matcher.py [--quick] [--sizes 0,10000,100000,1000000]

Every size runs in forked child processes, one per matcher, so each one's peak memory is its
own. The knowledge is the story's plus synthetic entries drawn from real English words with
Zipf-like frequencies (2-5 phrasings each, sources verbatim from the story); the questions are
the real ones of the project's question sets. Peers, timed in the same run:

- bm25s (numpy backend, Snowball stems, English stop words, one document per entry made of
  its question, phrasings and answer), retrieving 6 entries: retrieval only, no decision;
- rapidfuzz `process.extractOne(WRatio)` over the entries' questions (20 questions at the
  big sizes: it scans every entry).

Besides the real questions, crafted ones probe the worst case: twelve mid-frequency words,
500 characters of fresh misspellings, the knowledge's commonest words, 500 characters of short
questions, and `suggest(…, 25)`.
"""

from __future__ import annotations

import argparse
import itertools
import json
import multiprocessing
import random
import resource
import statistics
import string
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from bot.knowledge import gcpause
from bot.knowledge.loading import Knowledge, default_folder, load_knowledge
from bot.knowledge.schema import FaqEntry
from bot.matching.encoder import load_encoder
from bot.matching.engine import Engine
from bot.models import Query

ROOT = Path(__file__).resolve().parent.parent
QUESTION_SETS = [
    ROOT / "tests" / "data" / n for n in ("dev.jsonl", "questions.jsonl", "fresh.jsonl")
]
TEMPLATES = (
    "What did the {0} {1} say about {2}?",
    "Why is the {0} {2} {3}?",
    "How many {1} does the {2} {0} have?",
    "When will {0} {1} the {3}?",
    "Who {3} the {2} {1}?",
)


def _vocabulary(base: Knowledge, size: int) -> list[str]:
    """Return real English words, the story's own first, ranked for a Zipf-like draw."""
    from english_words import get_english_words_set

    story = [w for w in base.story.lower().split() if w.isalpha()]
    extra = sorted(get_english_words_set(["gcide"], lower=True, alpha=True))
    rng = random.Random(3)
    rng.shuffle(extra)
    return list(dict.fromkeys(story + extra))[:size]


def synthetic(base: Knowledge, size: int, seed: int = 7) -> Knowledge:
    """Return `base` plus `size` made-up entries whose words follow a Zipf-like frequency."""
    rng = random.Random(seed)
    vocabulary = _vocabulary(base, max(5000, size // 2))
    # cumulative once: `choices(weights=…)` sums them on every call, which made a million
    # entries quadratic (hours); the same draws either way
    cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(vocabulary))))
    sources = [f.source for f in base.faq]
    extra = []
    for n in range(size):
        words = rng.choices(vocabulary, cum_weights=cumulative, k=8)
        phrasings = rng.sample(TEMPLATES, rng.randint(2, 5))
        extra.append(
            FaqEntry(
                id=f"synthetic-{n}",
                question=phrasings[0].format(*words),
                phrasings=tuple(t.format(*words[2:]) for t in phrasings[1:]),
                answer=f"The {words[0]} {words[1]} {words[5]} the {words[6]} {words[7]}.",
                source=rng.choice(sources),
            )
        )
    return replace(base, faq=base.faq + tuple(extra))


def crafted(base: Knowledge, size: int) -> dict[str, str]:
    """Return the questions that make a matcher do the most work at this size."""
    vocabulary = _vocabulary(base, max(5000, size // 2))
    rng = random.Random(11)
    typos = " ".join(
        "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(5, 9)))
        for _ in range(70)
    )[:500]
    return {
        "mid-frequency words": " ".join(vocabulary[100:1200:100]) + "?",
        "500 chars of misspellings": typos,
        "commonest words": "what " + " ".join(vocabulary[:12]) + "?",
        "40 short questions": " ".join(f"who {word}?" for word in vocabulary[100:200])[:500],
    }


def _latencies(fn: Callable[[str], object], questions: list[str]) -> list[float]:
    samples = []
    for question in questions:
        start = time.perf_counter()
        fn(question)
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _storybot(
    knowledge: Knowledge, questions: list[str], encoder: str, hard: dict[str, str]
) -> dict[str, Any]:
    start = time.perf_counter()
    engine = Engine(knowledge, encoder=load_encoder(encoder))
    build = time.perf_counter() - start
    gcpause.settle()  # as a served engine is: full collections no longer walk it
    ask = _latencies(lambda q: engine.answer(Query(text=q)), questions)
    worst = {
        name: max(_latencies(lambda q: engine.answer(Query(text=q)), [text] * 3))
        for name, text in hard.items()
    }
    worst["suggest(…, 25)"] = max(_latencies(lambda q: engine.suggest(q, 25), questions[:50]))
    return {"samples": ask, "build": build, "peak": _peak_mb(), "worst": worst}


def _bm25s(knowledge: Knowledge, questions: list[str]) -> dict[str, Any]:
    import bm25s
    import Stemmer

    stem = Stemmer.Stemmer("english").stemWords
    corpus = [" ".join((f.question, *f.phrasings, f.answer)) for f in knowledge.faq]
    corpus += [f"{e.name} {e.description}" for e in knowledge.entities]
    start = time.perf_counter()
    tokens = bm25s.tokenize(corpus, stopwords="en", stemmer=stem, show_progress=False)
    retriever = bm25s.BM25(backend="numpy")
    retriever.index(tokens, show_progress=False)
    build = time.perf_counter() - start

    def retrieve(question: str) -> object:
        query = bm25s.tokenize([question], stopwords="en", stemmer=stem, show_progress=False)
        if not query.vocab:
            return None
        return retriever.retrieve(query, k=6, show_progress=False, n_threads=1)

    samples = _latencies(retrieve, questions)
    return {"samples": samples, "build": build, "peak": _peak_mb()}


def _naive(knowledge: Knowledge, questions: list[str]) -> dict[str, Any]:
    from rapidfuzz import fuzz, process

    choices = [f.question for f in knowledge.faq]
    samples = _latencies(lambda q: process.extractOne(q, choices, scorer=fuzz.WRatio), questions)
    return {"samples": samples, "build": 0.0, "peak": _peak_mb()}


def _in_child(job: Callable[..., dict[str, Any]], *args: Any) -> dict[str, Any]:
    """Run `job` in a forked process, so its memory peak is its own."""
    context = multiprocessing.get_context("fork")
    with context.Pool(1) as pool:
        return pool.apply(job, args)


def _row(name: str, size: int, result: dict[str, Any]) -> str:
    ordered = sorted(result["samples"])
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    median = statistics.median(ordered)
    return (
        f"{name:<10}{size:>10,}{median:>10.3f}{p99:>10.3f}{ordered[-1]:>10.3f}"
        f"{result['build']:>10.2f}{result['peak']:>10.0f}"
    )


def main() -> None:
    """Build each knowledge size, time every matcher on the real questions, print a table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="120 questions at the big sizes")
    parser.add_argument("--encoder", default="wordllama", help="wordllama or none")
    parser.add_argument("--sizes", default="0,10000,100000", help="synthetic entries added")
    args = parser.parse_args()
    questions = [
        json.loads(line)["question"]
        for path in QUESTION_SETS
        for line in path.read_text().splitlines()
        if line.strip()
    ]
    base = load_knowledge(default_folder())
    print(f"encoder: {args.encoder}; {len(questions)} real questions; times in ms, memory in MB")
    print(
        f"{'matcher':<10}{'entries':>10}{'median':>10}{'p99':>10}{'max':>10}"
        f"{'build s':>10}{'peak MB':>10}"
    )
    worst: dict[int, dict[str, float]] = {}
    for size in (int(n) for n in args.sizes.split(",")):
        knowledge = synthetic(base, size) if size else base
        asked = questions[:120] if args.quick and size else questions
        total = len(knowledge.faq)
        # made here, not in the child: its word list would count in the engine's peak
        hard = crafted(knowledge, total)
        ours = _in_child(_storybot, knowledge, asked, args.encoder, hard)
        peer = _in_child(_bm25s, knowledge, asked)
        naive = _in_child(_naive, knowledge, asked[: 20 if size else None])
        print(_row("storybot", total, ours))
        print(_row("bm25s", total, peer))
        print(_row("naive", total, naive))
        ratio = statistics.median(peer["samples"]) / statistics.median(ours["samples"])
        print(f"{'':<10}{'':>10}  bm25s / storybot median: {ratio:.2f}")
        worst[total] = ours["worst"]
    print("\nworst crafted question, storybot, ms (max of 3)")
    for total, costs in worst.items():
        cells = "  ".join(f"{name}: {ms:.1f}" for name, ms in costs.items())
        print(f"{total:>10,}  {cells}")


if __name__ == "__main__":
    main()
