"""Per-question latency of the engine against the naive rapidfuzz baseline.

Run: python benchmarks/bench_matcher.py [--quick]
Prints median and p99 latency for the story's knowledge and for synthetic FAQs of 10,000
and 100,000 entries, with the naive `process.extractOne(WRatio)` measured in the same run.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from rapidfuzz import fuzz, process

from bot.engine import Engine
from bot.knowledge import Knowledge, default_folder, load_knowledge
from bot.models import Query
from bot.schema import FaqEntry

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ROOT / "tests" / "data" / "dev.jsonl"
SYLLABLES = "ka lo mi ra tu ve zen dor pal qui sar bel mon tor vik hal nes fir gam jul".split()


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))


def synthetic(base: Knowledge, size: int, seed: int = 7) -> Knowledge:
    """Return `base` plus `size` made-up entries over a vocabulary of made-up words."""
    rng = random.Random(seed)
    vocabulary = [_word(rng) for _ in range(max(2000, size // 5))]
    source = base.faq[0].source
    extra = []
    for n in range(size):
        topic = rng.sample(vocabulary, 4)
        question = f"What did the {topic[0]} {topic[1]} do about {topic[2]}?"
        extra.append(
            FaqEntry(
                id=f"synthetic-{n}",
                question=question,
                phrasings=(
                    f"Why did {topic[0]} {topic[3]} the {topic[2]}?",
                    f"{topic[1]} {topic[2]} moon",
                ),
                answer=f"The {topic[0]} {topic[1]} did {topic[3]}.",
                source=source,
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
    args = parser.parse_args()
    import json

    questions = [json.loads(line)["question"] for line in QUESTIONS.read_text().splitlines()]
    base = load_knowledge(default_folder())
    print(f"{'matcher':<10}{'entries':>9}{'median ms':>12}{'p99 ms':>12}   build s")
    for size in (0, 10_000, 100_000):
        knowledge = synthetic(base, size) if size else base
        start = time.perf_counter()
        engine = Engine(knowledge)
        build = time.perf_counter() - start
        asked = questions if not (args.quick and size) else questions[:20]
        rounds = 5 if size == 0 else 1
        core = _latencies(lambda q, engine=engine: engine.answer(Query(text=q)), asked, rounds)
        choices = [e.question for e in knowledge.faq]
        naive = _latencies(
            lambda q, choices=choices: process.extractOne(q, choices, scorer=fuzz.WRatio),
            asked[: 20 if size else None],
            rounds,
        )
        total = len(knowledge.faq)
        print(_row("storybot", total, core) + f"   {build:7.2f}")
        print(_row("naive", total, naive))
        ratio = statistics.median(naive) / statistics.median(core)
        print(f"{'':<10}{'':>9}  naive / storybot median: {ratio:,.2f}")


if __name__ == "__main__":
    main()
