"""Per-question latency of the engine against the naive rapidfuzz baseline.

Run: python benchmarks/bench_matcher.py [--quick]
Prints median and p99 latency for the story's knowledge and for synthetic FAQs of 10,000
and 100,000 entries, with the naive `process.extractOne(WRatio)` measured in the same run.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from rapidfuzz import fuzz, process

from bot.encoder import load_encoder
from bot.engine import Engine
from bot.knowledge import Knowledge, default_folder, load_knowledge
from bot.models import Query
from bot.schema import FaqEntry

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
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
    sources = [f.source for f in base.faq]
    extra = []
    for n in range(size):
        words = rng.choices(vocabulary, weights, k=8)
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


def _latencies(fn: Callable[[str], object], questions: list[str], rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        for question in questions:
            start = time.perf_counter()
            fn(question)
            samples.append((time.perf_counter() - start) * 1000)
    return samples


def _row(name: str, size: int, samples: list[float]) -> str:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return f"{name:<10}{size:>9,}{statistics.median(ordered):>12.3f}{p99:>12.3f}"


def main() -> None:
    """Build each knowledge size, time both matchers on the dev questions, print a table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer questions at the big sizes")
    parser.add_argument("--encoder", default="wordllama", help="wordllama or none")
    parser.add_argument("--sizes", default="0,10000,100000", help="synthetic entries added")
    args = parser.parse_args()
    import json

    questions = [
        json.loads(line)["question"]
        for path in QUESTION_SETS
        for line in path.read_text().splitlines()
        if line.strip()
    ]
    base = load_knowledge(default_folder())
    encoder = load_encoder(args.encoder)
    print(f"encoder: {args.encoder}; {len(questions)} real questions")
    print(f"{'matcher':<10}{'entries':>9}{'median ms':>12}{'p99 ms':>12}   build s   peak MB")
    for size in (int(n) for n in args.sizes.split(",")):
        knowledge = synthetic(base, size) if size else base
        start = time.perf_counter()
        engine = Engine(knowledge, encoder=encoder)
        build = time.perf_counter() - start
        asked = questions if not (args.quick and size) else questions[:120]
        rounds = 5 if size == 0 else 1
        core = _latencies(lambda q, engine=engine: engine.answer(Query(text=q)), asked, rounds)
        choices = [e.question for e in knowledge.faq]
        naive = _latencies(
            lambda q, choices=choices: process.extractOne(q, choices, scorer=fuzz.WRatio),
            asked[: 20 if size else None],
            rounds,
        )
        total = len(knowledge.faq)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(_row("storybot", total, core) + f"   {build:7.2f}   {peak:7.0f}")
        print(_row("naive", total, naive))
        ratio = statistics.median(naive) / statistics.median(core)
        print(f"{'':<10}{'':>9}  naive / storybot median: {ratio:,.2f}")


if __name__ == "__main__":
    main()
