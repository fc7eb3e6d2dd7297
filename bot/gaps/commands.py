"""`storybot gaps`: what the bot could not answer, or answered wrong, and drafts for it."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path

from bot.config import Settings
from bot.errors import KnowledgeError
from bot.gaps.report import GapGroup, draft_entries, group_by_kind, resolved
from bot.gaps.store import UNANSWERED, WRONG
from bot.gaps.writer import open_gaps
from bot.knowledge.yamlfile import read_text
from bot.matching.engine import Engine


def gaps(args: argparse.Namespace, settings: Settings, load: Callable[[Settings], Engine]) -> int:
    """List the logged questions (marked wrong, then unanswered), or draft, add or erase."""
    store = open_gaps(settings.gaps_path, settings.gaps_max_rows)
    if store is None:
        print(f"storybot gaps: cannot open {settings.gaps_path}", file=sys.stderr)
        return 2
    if args.forget:
        print(f"erased {store.forget()} logged questions from {settings.gaps_path}")
        return 0
    logged = store.all()
    if (args.yaml or args.add) and not logged:
        print(f"nothing to draft: no question logged in {settings.gaps_path} yet")
        return 0
    engine = load(settings)
    kinds = group_by_kind(logged, engine)
    # the knowledge may answer some of them by now: those drop out of the list
    shown = {kind: _open(groups, engine, args.limit, resolved) for kind, groups in kinds.items()}
    if args.yaml or args.add:
        drafts = draft_entries(shown[WRONG][0] + shown[UNANSWERED][0], engine, args.limit)
        if not drafts:
            print("nothing to draft: every open question has an entry or a draft already")
            return 0
        if args.add:
            return _add_drafts(settings.knowledge_dir, drafts)
        print(drafts, end="")
        return 0
    titles = {WRONG: "Answered, but marked wrong", UNANSWERED: "Unanswered"}
    for kind, title in titles.items():
        groups, done = shown[kind]
        note = f"; {done} more now answered, not shown" if done else ""
        print(f"{title} ({_times(sum(g.count for g in groups))}{note})")
        if not groups:
            print("  none logged")
        for group in groups:
            label = "answered with" if kind == WRONG else "nearest"
            nearest = group.nearest.id if group.nearest else "none"
            print(f"{group.count:>4}x  {_shown(group.questions[0])}   ({label}: {nearest})")
            for other in group.questions[1:4]:
                print(f"       also: {_shown(other)}")
        print()
    return 0


def _open(
    groups: list[GapGroup], engine: Engine, limit: int, done: Callable[[GapGroup, Engine], bool]
) -> tuple[list[GapGroup], int]:
    """Return the first `limit` groups not answered yet, and how often answered ones were asked."""
    kept: list[GapGroup] = []
    answered = 0
    for group in groups:
        if len(kept) == limit:
            break
        if done(group, engine):
            answered += group.count
        else:
            kept.append(group)
    return kept, answered


def _times(count: int) -> str:
    return "1 time" if count == 1 else f"{count} times"


def _add_drafts(folder: Path, drafts: str) -> int:
    """Append draft entries to faq.yaml in place (comments kept), under its `entries:`.

    The drafts take the indent of the file's own entries, and the file is left as it was,
    with the reason said, if the result is not the same list grown by the drafts.
    """
    faq = folder / "faq.yaml"
    text = faq.read_text(encoding="utf-8")
    found = re.search(r"^( *)- ", text[text.find("entries:") :], re.M)
    indent = found.group(1) if found else "  "
    lines = [line.removeprefix("  ") for line in drafts.splitlines(keepends=True)]
    added = "".join(indent + line if line.strip() else line for line in lines)
    grown = text + ("" if text.endswith("\n") else "\n") + added
    problem = _not_grown(faq, text, grown, "entries:\n" + "".join(lines))
    if problem:
        print(
            f"storybot gaps: could not add the drafts to {faq} safely: {problem}; use --yaml",
            file=sys.stderr,
        )
        return 1
    faq.write_text(grown, encoding="utf-8")
    print(f"appended drafts to {faq}; fill in each answer and source, then: storybot validate")
    return 0


def _not_grown(faq: Path, text: str, grown: str, drafts: str) -> str | None:
    """Say why `grown` is not `text`'s entries followed by the `drafts`; None if it is."""
    try:
        before, after = _entries(faq, text), _entries(faq, grown)
        drafted = _entries(faq, drafts)
    except KnowledgeError as exc:  # read as the loader reads it: the line it stops at
        return exc.problems[0]
    if after != before + drafted:
        return (
            f"appended at its end they would not be read as {drafted} more entries under "
            f"`entries:` ({before} entries before, {after} after)"
        )
    return None


def _entries(faq: Path, text: str) -> int:
    """Return how many entries `text` lists, read as the loader reads faq.yaml."""
    loaded = read_text(faq, text).data
    entries = loaded.get("entries") if isinstance(loaded, dict) else None
    return len(entries) if isinstance(entries, list) else -1


def _shown(text: str) -> str:
    """Escape control and format characters: a logged question must not drive the terminal."""
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode() for ch in text)
