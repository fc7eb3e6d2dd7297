"""The maintainer's commands: `storybot validate` checks a folder, `storybot eval` scores a set."""

from __future__ import annotations

import argparse
import sys

from bot.config import Settings
from bot.knowledge.loading import FAQ_FILE, load_knowledge
from bot.knowledge.schema import FaqEntry
from bot.matching.encoder import load_encoder
from bot.matching.engine import Engine
from bot.models import Query

DRAFT_WAITING = "not served until its answer and source are written and `draft: true` is removed"
DRAFT_READY = "answer and source written: delete its `draft: true` line to serve it"


def validate(args: argparse.Namespace, settings: Settings) -> int:
    """`storybot validate [DIR]`: check a knowledge folder; warnings and drafts on stderr."""
    from bot.knowledge.validation import confusions, dangling

    folder = args.folder or settings.knowledge_dir
    knowledge = load_knowledge(folder)
    warnings = [*knowledge.warnings, *dangling(knowledge)]
    warnings += confusions(Engine(knowledge, encoder=load_encoder(settings.encoder)))
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for duplicate in knowledge.duplicated:  # served, but one of the two entries never answers
        print(f"error: {duplicate}", file=sys.stderr)
    for draft in knowledge.drafts:
        line = knowledge.lines.get(draft.id, 1)
        said = f"draft: {FAQ_FILE}:{line}: entry '{draft.id}': {_waiting(draft)}"
        print(said, file=sys.stderr)
    drafts = len(knowledge.drafts)
    waiting = f", {drafts} draft{'' if drafts == 1 else 's'} not served yet" if drafts else ""
    counts = f"{len(knowledge.faq)} FAQ entries, {len(knowledge.entities)} entities{waiting}"
    if knowledge.duplicated:
        twice = len(knowledge.duplicated)
        print(f"{folder}: {counts}: {twice} question{'' if twice == 1 else 's'} in two entries")
        return 1
    print(f"{folder}: {counts}: valid")
    return 0


def _waiting(draft: FaqEntry) -> str:
    """Say what a draft still needs before it is served: only what is not written yet."""
    missing = [name for name in ("answer", "source") if not getattr(draft, name)]
    if not missing:
        return DRAFT_READY
    if len(missing) == 2:
        return DRAFT_WAITING
    return f"not served until its {missing[0]} is written and `draft: true` is removed"


def evaluate(args: argparse.Namespace, settings: Settings) -> int:
    """`storybot eval FILE`: score a question set against the configured knowledge."""
    from bot.evaluation import evaluate as scored
    from bot.evaluation import format_report, read_questions

    questions = read_questions(args.file)  # a bad file is said before the knowledge is read
    engine = Engine.from_settings(settings)
    report = scored(questions, lambda q: engine.answer(Query(text=q)))
    print(f"knowledge: {settings.knowledge_dir}  encoder: {settings.encoder}")
    print(format_report(report, misses=args.misses))
    return 0
