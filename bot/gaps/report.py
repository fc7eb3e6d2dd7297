"""Group logged gaps into questions worth adding, and draft FAQ entries for them."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

import yaml
from rapidfuzz import fuzz, process

from bot.gaps.store import UNANSWERED, WRONG, Gap
from bot.knowledge.schema import LINE_CHARS
from bot.matching.engine import Engine, Entry
from bot.models import Query

SIMILAR = 80.0  # rapidfuzz token_set_ratio of canonical terms that makes two questions one
POSTINGS = 32  # groups kept per term when looking for similar ones
_ID_CHARS = 40  # a draft's id: the question's first words, as long as a line reads well


@dataclass(frozen=True)
class GapGroup:
    """Unanswered questions that ask the same thing, most asked wording first."""

    questions: tuple[str, ...]
    count: int
    last_asked: float
    nearest: Entry | None  # unanswered: the best candidate; marked wrong: the entry given
    kind: str = UNANSWERED


def group_by_kind(gaps: Iterable[Gap], engine: Engine) -> dict[str, list[GapGroup]]:
    """Group the answers marked wrong and the unanswered questions apart, most asked first."""
    split: dict[str, list[Gap]] = {WRONG: [], UNANSWERED: []}
    for gap in gaps:
        split.setdefault(gap.kind, []).append(gap)
    return {
        kind: [replace(g, kind=kind) for g in group_gaps(found, engine)]
        for kind, found in split.items()
    }


def resolved(group: GapGroup, engine: Engine) -> bool:
    """Return whether the knowledge now answers the group's question confidently.

    An unanswered question is resolved once it is answered; an answer marked wrong, once the
    question is answered by another entry than the one marked.
    """
    answer = engine.decide(Query(text=group.questions[0])).answer
    if not answer.answered or answer.confidence < engine.thresholds.answer:
        return False
    return group.kind != WRONG or group.nearest is None or answer.entry_id != group.nearest.id


def group_gaps(gaps: Iterable[Gap], engine: Engine) -> list[GapGroup]:
    """Cluster similar questions (after normalising them) and sort by how often they came.

    Questions are taken most asked first, so every group starts with its most asked wording;
    the nearest entry is the one logged with that wording (matched again only if it is gone).
    """
    asked: Counter[str] = Counter()
    last: dict[str, float] = {}
    stored: dict[str, Gap] = {}  # the latest gap of each question: its key and best entry
    for gap in gaps:
        question = gap.question.strip()
        if asks_something(question):  # rows logged before "7" and the like were left out
            asked[question] += 1
            last[question] = max(last.get(question, 0.0), gap.asked_at)
            stored[question] = gap
    by_key: dict[str, list[str]] = {}  # the wordings of each key, most asked first
    for question, _ in asked.most_common():
        key = stored[question].key or canonical_key(question, engine)  # old rows have none
        by_key.setdefault(key, []).append(question)
    entries = {entry.id: entry for entry in engine.entries}
    groups = []
    for keys in _cluster(list(by_key)):
        questions = sorted((q for k in keys for q in by_key[k]), key=lambda q: -asked[q])
        best = stored[questions[0]].best_entry
        nearest = entries.get(best) if best else None
        if best and nearest is None:  # logged under knowledge since edited: match it again
            nearest = engine.best_entry(questions[0])
        groups.append(
            GapGroup(
                questions=tuple(questions),
                count=sum(asked[q] for q in questions),
                last_asked=max(last[q] for q in questions),
                nearest=nearest,
            )
        )
    return sorted(groups, key=lambda g: (-g.count, -g.last_asked))


def asks_something(question: str) -> bool:
    """Return whether a text could be a question to answer: a lone number or character is not.

    "7" typed in a chat with no suggestion listed is a slip, not a question worth a draft.
    """
    text = question.strip()
    return len(text) > 1 and any(ch.isalpha() for ch in text)


def canonical_key(question: str, engine: Engine) -> str:
    """Return what grouping compares: the question's canonical terms, sorted."""
    terms = engine.analyzer.analyze(question).terms
    return " ".join(sorted(terms)) if terms else question.casefold()


def _cluster(keys: list[str]) -> list[list[str]]:
    """Put each key with the first key of the most similar group, or start a group.

    Scoring every key against every group is quadratic (31.9 s for 8,000 questions), so only
    groups that can reach `SIMILAR` are scored: those holding all of the key's terms or all
    of whose terms the key holds (token_set_ratio gives these 100), and those sharing two
    terms or more; one shared term among others that differ scores well under 80.
    """
    firsts: list[str] = []  # each group's first key
    sizes: list[int] = []  # how many terms it has
    members: list[list[str]] = []
    postings: dict[str, list[int]] = {}  # term -> the first groups that have it
    for key in keys:
        terms = set(key.split())
        shared = Counter(g for t in terms for g in postings.get(t, ()))
        near = sorted(  # ties go to the older group, as a full scan would
            g for g, n in shared.items() if n >= 2 or n == sizes[g] or n == len(terms)
        )
        found = process.extractOne(
            key, [firsts[g] for g in near], scorer=fuzz.token_set_ratio, score_cutoff=SIMILAR
        )
        if found is not None:
            members[near[found[2]]].append(key)
            continue
        group = len(firsts)
        firsts.append(key)
        sizes.append(len(terms))
        members.append([key])
        for term in terms:
            found_in = postings.setdefault(term, [])
            # a term in more than POSTINGS groups no longer tells them apart: the oldest
            # (most asked) groups stand for it, and the work per key stays bounded
            if len(found_in) < POSTINGS:
                found_in.append(group)
    return members


def draft_entries(groups: Iterable[GapGroup], engine: Engine, limit: int = 20) -> str:
    """Return YAML FAQ entries for the top groups, answer and source left for the maintainer.

    Groups a draft already in the file holds are left out, so running it twice adds nothing
    twice; questions are cut to what a phrasing may hold.
    """
    waiting = engine.knowledge.drafts
    taken = {e.id for e in engine.entries} | {d.id for d in waiting}
    drafted = {q.casefold() for d in waiting for q in (d.question, *d.phrasings)}
    topics = Counter(e.topic for e in engine.knowledge.faq)
    drafts = []
    for group in list(groups)[:limit]:
        questions = [_fitted(q) for q in group.questions]
        if questions[0].casefold() in drafted:
            continue
        entry_id = _unique_id(questions[0], taken)
        taken.add(entry_id)
        drafts.append(
            {
                "id": entry_id,  # first: errors name the entry by the `- id:` line above them
                "draft": True,
                "topic": _topic(group, engine, topics),
                "question": questions[0],
                "phrasings": questions[1:11],
                "answer": "",
                "source": "",
            }
        )
    if not drafts:
        return ""
    header = (
        "  # Drafts from `storybot gaps`: most asked first, not served while `draft: true`.\n"
        "  # For each one, write `answer` (at most 350 characters), copy its `source` sentence\n"
        "  # from story.txt, check its `topic` (the closest entry's) and delete the `draft: true`\n"
        "  # line; or delete the draft. They paste as they are under `entries:` in faq.yaml.\n"
        "  # Then run `storybot validate`.\n"
    )
    listed = yaml.safe_dump(drafts, sort_keys=False, allow_unicode=True, width=96)
    # indented as faq.yaml's entries are, so the block pastes (or appends) as printed
    return header + "".join(f"  {line}" for line in listed.splitlines(keepends=True))


def _fitted(question: str) -> str:
    """Return `question` cut at a word to the longest a knowledge file's question may be."""
    if len(question) <= LINE_CHARS:
        return question
    return question[: LINE_CHARS - 1].rsplit(" ", 1)[0] + "…"


def _topic(group: GapGroup, engine: Engine, topics: Counter[str]) -> str:
    """Return the faq.yaml topic a draft most likely belongs to, one the file already uses.

    The nearest entry's, when it is a FAQ entry; else that of the FAQ entry the question's
    decision ranks first; else the topic most entries have. A topic of its own would start
    a new /faq heading the moment the draft is served.
    """
    ranked = [group.nearest] if group.nearest else []
    if not (group.nearest and group.nearest.topic in topics):
        ranked += [c.entry for c in engine.decide(Query(text=group.questions[0])).candidates]
    found = next((entry.topic for entry in ranked if entry.topic in topics), None)
    return found or (topics.most_common(1)[0][0] if topics else "General")


def _unique_id(question: str, taken: set[str]) -> str:
    """Return an id made of the question's first words, at most 40 characters, not taken."""
    words = re.findall(r"[a-z0-9]+", question.casefold())
    base = ""
    for word in words:  # whole words: "who-is-the-head-of-the-chinese", not "…-governmen"
        longer = f"{base}-{word}" if base else word
        if len(longer) > _ID_CHARS:
            break
        base = longer
    base = base or "-".join(words)[:_ID_CHARS].strip("-") or "question"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate
