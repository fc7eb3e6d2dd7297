"""Checks of a knowledge folder that need the matcher, not just the schema."""

from __future__ import annotations

from bot.engine import Engine
from bot.knowledge import FAQ_FILE


def confusions(engine: Engine) -> list[str]:
    """Return warnings for synonyms that collide and FAQ phrasings answered by another entry."""
    warnings = [f"synonyms.yaml: {conflict}" for conflict in engine.analyzer.conflicts]
    faq_ids = {f.id for f in engine.knowledge.faq}
    for entry in engine.knowledge.faq:
        for phrasing in (entry.question, *entry.phrasings):
            best = engine.best_entry(phrasing)
            if best is not None and best.id != entry.id and best.id in faq_ids:
                line = engine.knowledge.lines.get(entry.id, 1)
                warnings.append(
                    f"{FAQ_FILE}:{line}: entry '{entry.id}': phrasings: {phrasing!r} "
                    f"is answered by '{best.id}' ({best.question!r}); reword one of them"
                )
    return warnings
