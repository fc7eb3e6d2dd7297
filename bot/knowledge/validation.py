"""Checks of a knowledge folder that need the matcher, not just the schema."""

from __future__ import annotations

import re
from functools import partial

from bot.knowledge.firstness import OwnFirst
from bot.knowledge.loading import FACTS_FILE, FAQ_FILE, Knowledge
from bot.knowledge.shares import Found, in_shares
from bot.matching.engine import Engine

# an answer read on its own, as every answer is, cannot lean on a sentence before it
_LEANING = re.compile(r"^(?:he|she|it|they|him|her|his|its|their|this|that|these|those)\b", re.I)


def confusions(engine: Engine) -> list[str]:
    """Return warnings for synonyms that collide and FAQ phrasings answered by another entry."""
    warnings = [f"synonyms.yaml: {conflict}" for conflict in engine.analyzer.conflicts]
    phrasings = sum(1 + len(entry.phrasings) for entry in engine.knowledge.faq)
    found = in_shares(phrasings, partial(_answered_by_another, engine))
    # share k holds entries k, k + n, k + 2n, …: read back in the file's order
    return warnings + [warning for _, warning in sorted(found, key=lambda pair: pair[0])]


def _answered_by_another(engine: Engine, share: int, shares: int) -> Found:
    """Return the warnings for one share's phrasings, each with its entry's position."""
    faq_ids = {f.id for f in engine.knowledge.faq}
    if shares > 1:  # a forked child's engine, dropped with it: its caches may grow
        engine.tools.keep_every_entry()
    # without an encoder a whole decision costs about what the proof does, so trying the
    # proof first only adds its cost wherever it fails; with one, a decision also searches by
    # meaning, and the proof spares that
    proof = OwnFirst(engine) if engine.tools.semantic is not None else None
    found = []
    for position in range(share, len(engine.knowledge.faq), shares):
        entry = engine.knowledge.faq[position]
        for phrasing in (entry.question, *entry.phrasings):
            if proof is not None and proof.holds(phrasing, position):
                continue  # the engine is sure to rank the entry itself first: no decision needed
            best = engine.best_entry(phrasing)
            if best is not None and best.id != entry.id and best.id in faq_ids:
                line = engine.knowledge.lines.get(entry.id, 1)
                warning = (
                    f"{FAQ_FILE}:{line}: entry '{entry.id}': phrasings: {phrasing!r} "
                    f"is answered by '{best.id}' ({best.question!r}); reword one of them"
                )
                found.append((position, warning))
    return found


def dangling(knowledge: Knowledge) -> list[str]:
    """Return warnings for answers and descriptions that start with a pronoun.

    "He was attending the Forum." answers nothing when asked "What is the Forum?".
    """
    warnings = []
    for entry in knowledge.faq:
        if _LEANING.match(entry.answer.strip()):
            line = knowledge.lines.get(entry.id, 1)
            warnings.append(
                f"{FAQ_FILE}:{line}: entry '{entry.id}': answer: starts with "
                f"{entry.answer.split()[0]!r}; say who or what, so it stands alone"
            )
    for entity in knowledge.entities:
        if _LEANING.match(entity.description.strip()):
            warnings.append(
                f"{FACTS_FILE}: entity '{entity.id}': description: starts with "
                f"{entity.description.split()[0]!r}; name {entity.name!r} instead"
            )
    return warnings
