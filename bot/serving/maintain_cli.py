"""The maintainer's commands: `storybot validate` checks a folder, `storybot eval` scores a set."""

from __future__ import annotations

import argparse
import sys

from bot.config import Settings
from bot.knowledge.loading import FAQ_FILE, load_knowledge
from bot.matching.encoder import load_encoder
from bot.matching.engine import Engine
from bot.models import Query

DRAFT_WAITING = "not served until its answer and source are written and `draft: true` is removed"


def validate(args: argparse.Namespace, settings: Settings) -> int:
    """`storybot validate [DIR]`: check a knowledge folder; warnings and drafts on stderr."""
    from bot.knowledge.validation import confusions, dangling

    folder = args.folder or settings.knowledge_dir
    knowledge = load_knowledge(folder)
    warnings = [*knowledge.warnings, *dangling(knowledge)]
    warnings += confusions(Engine(knowledge, encoder=load_encoder(settings.encoder)))
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for draft in knowledge.drafts:
        line = knowledge.lines.get(draft.id, 1)
        print(f"draft: {FAQ_FILE}:{line}: entry '{draft.id}': {DRAFT_WAITING}", file=sys.stderr)
    waiting = f", {len(knowledge.drafts)} drafts not served yet" if knowledge.drafts else ""
    counts = f"{len(knowledge.faq)} FAQ entries, {len(knowledge.entities)} entities{waiting}"
    print(f"{folder}: {counts}: valid")
    return 0


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
