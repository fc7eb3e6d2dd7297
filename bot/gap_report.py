"""Group logged gaps into questions worth adding, and draft FAQ entries for them."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import yaml
from rapidfuzz import fuzz, process

from bot.engine import Engine, Entry
from bot.gaps import Gap

SIMILAR = 80.0  # rapidfuzz token_set_ratio of canonical terms that makes two questions one


@dataclass(frozen=True)
class GapGroup:
    """Unanswered questions that ask the same thing, most asked wording first."""

    questions: tuple[str, ...]
    count: int
    last_asked: float
    nearest: Entry | None


def group_gaps(gaps: Iterable[Gap], engine: Engine) -> list[GapGroup]:
    """Cluster similar questions (after normalising them) and sort by how often they came."""
    gaps = list(gaps)
    asked = Counter(g.question.strip() for g in gaps if g.question.strip())
    last: dict[str, float] = {}
    for gap in gaps:
        last[gap.question.strip()] = max(last.get(gap.question.strip(), 0.0), gap.asked_at)
    keys: list[str] = []  # one canonical form per group
    members: list[list[str]] = []
    for question, _ in asked.most_common():
        key = _canonical(question, engine)
        found = process.extractOne(key, keys, scorer=fuzz.token_set_ratio, score_cutoff=SIMILAR)
        if found is None:
            keys.append(key)
            members.append([question])
        else:
            members[found[2]].append(question)
    groups = [
        GapGroup(
            questions=tuple(qs),
            count=sum(asked[q] for q in qs),
            last_asked=max((last.get(q, 0.0) for q in qs), default=0.0),
            nearest=engine.best_entry(qs[0]),
        )
        for qs in members
    ]
    return sorted(groups, key=lambda g: (-g.count, -g.last_asked))


def _canonical(question: str, engine: Engine) -> str:
    terms = engine.analyzer.analyze(question).terms
    return " ".join(sorted(terms)) if terms else question.casefold()


def draft_entries(groups: Iterable[GapGroup], engine: Engine, limit: int = 20) -> str:
    """Return YAML FAQ entries for the top groups, answer and source left for the maintainer."""
    taken = {e.id for e in engine.entries}
    drafts = []
    for group in list(groups)[:limit]:
        entry_id = _unique_id(group.questions[0], taken)
        taken.add(entry_id)
        drafts.append(
            {
                "id": entry_id,
                "topic": group.nearest.topic if group.nearest else "New questions",
                "question": group.questions[0],
                "phrasings": list(group.questions[1:11]),
                "answer": "",
                "source": "",
            }
        )
    header = (
        "# Drafts from `storybot gaps --yaml`: most asked first. For each one, write `answer`\n"
        "# (at most 350 characters) and copy its `source` sentence from story.txt, then paste\n"
        "# it under `entries:` in faq.yaml and run `storybot validate`.\n"
    )
    return header + yaml.safe_dump(drafts, sort_keys=False, allow_unicode=True, width=100)


def _unique_id(question: str, taken: set[str]) -> str:
    words = re.findall(r"[a-z0-9]+", question.casefold())
    base = "-".join(words)[:40].strip("-") or "question"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate
