"""Per-keystroke latency of `suggest(…, 25)`, as Discord autocomplete and Telegram inline ask.

Run: python benchmarks/bench_suggest.py [--sizes 0,100000] [--cpu]

The texts are every keystroke of the story's FAQ questions and of 40 synthetic ones ("W",
"Wh", … "Who signed the moon agreement with P"), so most end inside a word. No question set
is read. Suggestions use no semantic layer, so the engine is built without one. `--cpu` times
the process's CPU instead of the wall clock: on a busy machine the time spent waiting for a
core is left out.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_matcher import synthetic

from bot.knowledge import gcpause
from bot.knowledge.loading import default_folder, load_knowledge
from bot.matching.engine import Engine

_SAMPLED = 40  # synthetic questions typed, beside the story's own


def keystrokes(questions: list[str]) -> list[str]:
    """Return every text a person typing `questions` has typed, one keystroke at a time."""
    return [q[:n] for q in questions for n in range(1, len(q) + 1)]


def main() -> None:
    """Build each knowledge size and time `suggest` on every keystroke of its questions."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="0,100000", help="synthetic entries added")
    parser.add_argument("--cpu", action="store_true", help="CPU time, not the wall clock")
    args = parser.parse_args()
    clock = time.process_time if args.cpu else time.perf_counter
    base = load_knowledge(default_folder())
    print(f"{'entries':>10}{'texts':>8}{'median':>10}{'p99':>10}{'max':>10}{'build s':>10}")
    for size in (int(n) for n in args.sizes.split(",")):
        knowledge = synthetic(base, size) if size else base
        start = time.perf_counter()
        engine = Engine(knowledge)
        build = time.perf_counter() - start
        gcpause.settle()  # as a served engine is
        made = random.Random(5).sample(knowledge.faq[len(base.faq) :], min(_SAMPLED, size))
        typed = keystrokes([f.question for f in (*base.faq, *made)])
        for text in typed[:200]:  # warm the caches a running bot has warm
            engine.suggest(text, 25)
        samples = []
        for text in typed:
            start = clock()
            engine.suggest(text, 25)
            samples.append((clock() - start) * 1000)
        samples.sort()
        p99 = samples[int(len(samples) * 0.99)]
        print(
            f"{len(knowledge.faq):>10,}{len(typed):>8}{statistics.median(samples):>10.3f}"
            f"{p99:>10.3f}{samples[-1]:>10.3f}{build:>10.1f}"
        )


if __name__ == "__main__":
    main()
