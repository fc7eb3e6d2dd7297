"""Load, build, validate and live-reload times of a large knowledge folder, and their stalls.

Run: python benchmarks/bench_reload.py [--entries 100000] [--encoder none] [--skip-validate]
     [--validate-only]

Writes the story's knowledge plus N synthetic entries (`synthetic()` of bench_matcher.py) as
YAML to a temporary folder, then prints, one line each: reading and checking the folder, the
engine build, `storybot validate`'s confusion check (wall time, and CPU time with its forked
children's), and two live reloads (`StoryBot.reload`) of an edit to one entry: one with no
question asked, one while another thread asks questions non-stop: the reload's time, the
longest any one answer waited meanwhile, and peak memory (the process's high-water mark)
before and during it. `--validate-only` stops after the confusion check.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_matcher import synthetic

from bot.config import Settings
from bot.knowledge.loading import Knowledge, default_folder, load_knowledge
from bot.knowledge.validation import confusions
from bot.matching.engine import Engine
from bot.models import Query
from bot.serving.service import StoryBot

QUESTIONS = ("Who signed the agreement?", "Where was it signed?", "When will the station open?")


def write_folder(knowledge: Knowledge, folder: Path) -> None:
    """Write `knowledge` as a knowledge folder: its story, facts and synonyms copied."""
    base = default_folder()
    for name in ("story.txt", "facts.yaml", "synonyms.yaml"):
        (folder / name).write_bytes((base / name).read_bytes())
    entries = [
        {k: v for k, v in e.model_dump().items() if v not in (None, (), [])} for e in knowledge.faq
    ]
    for entry in entries:  # yaml writes lists, the models hold tuples
        entry.update({k: list(v) for k, v in entry.items() if isinstance(v, tuple)})
    text = yaml.dump({"entries": entries}, Dumper=yaml.CSafeDumper, sort_keys=False, width=1000)
    (folder / "faq.yaml").write_text(text, encoding="utf-8")


def edit_one_entry(faq: Path) -> None:
    """Save `faq` with one phrasing added to the entry in its middle, as a maintainer would."""
    text = faq.read_text(encoding="utf-8")
    at = text.index("\n  phrasings:\n", len(text) // 2) + len("\n  phrasings:\n")
    faq.write_text(text[:at] + "  - Who asked this new question?\n" + text[at:], encoding="utf-8")


def memory_mb(field: str = "VmHWM") -> float:
    """Return the process's peak (VmHWM) or current (VmRSS) resident memory, in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def reset_peak() -> None:
    """Start a new high-water mark at the current resident memory (Linux)."""
    Path("/proc/self/clear_refs").write_text("5")


def timed_reload(bot: StoryBot) -> tuple[float, list[float], float]:
    """Reload while a thread answers in a loop; return the reload time, latencies, peak MB."""
    latencies: list[float] = []
    done = threading.Event()

    def ask() -> None:
        i = 0
        while not done.is_set():
            start = time.perf_counter()
            bot.answer(Query(text=QUESTIONS[i % len(QUESTIONS)], user_id=f"u{i % 50}"))
            latencies.append(time.perf_counter() - start)
            i += 1

    asker = threading.Thread(target=ask)
    asker.start()
    time.sleep(0.5)
    reset_peak()
    start = time.perf_counter()
    ok = bot.reload()
    took = time.perf_counter() - start
    peak = memory_mb()
    done.set()
    asker.join()
    if not ok:
        raise SystemExit("the reload was rejected")
    return took, latencies, peak


def _cpu() -> float:
    """Return the CPU time of this process and of its children waited for, in seconds."""
    used = os.times()
    return used.user + used.system + used.children_user + used.children_system


def main() -> None:
    """Print the figures for one size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--encoder", default="none")
    parser.add_argument("--skip-validate", action="store_true")
    parser.add_argument("--validate-only", action="store_true", help="no reloads")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_folder(synthetic(load_knowledge(default_folder()), args.entries), folder)
        start = time.perf_counter()
        knowledge = load_knowledge(folder)
        print(f"entries {len(knowledge.faq):,}  load {time.perf_counter() - start:.1f} s")
        settings = Settings(knowledge_dir=folder, encoder=args.encoder, _env_file=None)
        start = time.perf_counter()
        engine = Engine.from_settings(settings)
        print(f"load + build {time.perf_counter() - start:.1f} s  (encoder {args.encoder})")
        if not args.skip_validate:
            start, cpu = time.perf_counter(), _cpu()
            warned = len(confusions(engine))
            took, used = time.perf_counter() - start, _cpu() - cpu
            print(f"validate (confusions) {took:.1f} s, CPU {used:.1f} s, {warned} warnings")
        if args.validate_only:
            return
        steady = memory_mb("VmRSS")
        bot = StoryBot(engine, settings)
        del engine, knowledge
        edit_one_entry(folder / "faq.yaml")
        start = time.perf_counter()
        if not bot.reload():
            raise SystemExit("the reload was rejected")
        print(f"reload with no question asked {time.perf_counter() - start:.1f} s")
        edit_one_entry(folder / "faq.yaml")
        took, latencies, peak = timed_reload(bot)
        print(
            f"reload while answering {took:.1f} s; answers meanwhile {len(latencies)}, median "
            f"{statistics.median(latencies) * 1000:.1f} ms, longest {max(latencies) * 1000:.0f} ms,"
            f" over 100 ms {sum(x > 0.1 for x in latencies)}; memory {steady:.0f} MB before, peak "
            f"{peak:.0f} MB during, {memory_mb('VmRSS'):.0f} MB after"
        )


if __name__ == "__main__":
    main()
