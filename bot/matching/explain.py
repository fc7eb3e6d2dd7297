"""`storybot ask --explain`: the engine's decision laid out for a maintainer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.matching.decision import Decision
from bot.matching.evidence import Evidence

if TYPE_CHECKING:  # the engine is only read, to say which words each candidate lacks
    from bot.matching.engine import Engine

_SHORT = {
    "phrasing": "phr",
    "phrasing_margin": "phr±",
    "bm25": "bm25",
    "bm25_margin": "bm25±",
    "semantic": "sem",
    "semantic_margin": "sem±",
    "covered": "cov",
    "soft_covered": "soft",
    "missing": "miss",
    "kind": "kind",
    "told": "told",
    "qtype": "qtype",
    "subject": "subj",
    "unnamed": "unnm",
    "opposed": "opp",
    "elsewhere": "else",
}


def explain(decision: Decision, limit: int = 5, engine: Engine | None = None) -> str:
    """Return how the engine decided: its verdict and reason, then the candidates' evidence.

    With the `engine` that decided, also the question's words each candidate lacks and those
    the whole knowledge never uses: what a maintainer adds as a phrasing or a synonym.
    """
    answer = decision.answer
    lines = [
        f"question: {decision.question!r}",
        f"decision: {answer.kind.value} ({decision.reason})",
    ]
    if not decision.candidates:  # "who's the gaffer?": its unknown words matter most here
        unknown = _unknown(_words(decision, engine), engine) if engine is not None else []
        return "\n".join([*lines, "candidates: none", *unknown])
    names = Evidence.names()
    header = " ".join(f"{_SHORT[n]:>6}" for n in names)
    lines += ["", f"{'':2}{'entry':<28}{'p':>6} {header}"]
    for number, candidate in enumerate(decision.candidates[:limit], 1):
        values = " ".join(f"{v:>6.2f}" for v in candidate.evidence.values())
        entry = candidate.entry.id[:27]
        lines.append(f"{number:<2}{entry:<28}{candidate.probability:>6.2f} {values}")
    if engine is not None:
        lines += _lacking(decision, limit, engine)
    lines += ["", *_legend()]
    return "\n".join(lines)


def _lacking(decision: Decision, limit: int, engine: Engine) -> list[str]:
    """Return, per candidate, the question's words it never uses; then the knowledge's gaps."""
    words = _words(decision, engine)
    lines = ["", "question words each lacks (in none of its phrasings, answer or source):"]
    for number, candidate in enumerate(decision.candidates[:limit], 1):
        has = engine.terms_of(candidate.entry.id)
        lacks = [repr(said) for term, said in words if term not in has]
        lines.append(f"{number:<2}{candidate.entry.id[:27]:<28}{', '.join(lacks) or '-'}")
    return lines + _unknown(words, engine)


def _unknown(words: list[tuple[str, str]], engine: Engine) -> list[str]:
    """Return the lines naming the question `words` no entry uses, and what to add; or none.

    A word the knowledge has only inside a longer name or synonym ("strategic" in
    "strategic alliance") is no stranger: that phrase is read as one term. It is said so,
    and a synonym is not advised, since one joins the word to every entry using the group.
    """
    lines: list[str] = []
    unknown: list[str] = []
    for term, said in words:
        if engine.index.knows(term):
            continue
        found = _phrases_holding(term, engine)
        if not found:
            unknown.append(repr(said))
            continue
        inside = "the phrase" if len(found) == 1 else "the phrases"
        alias = "if it names the item alone, add it to its aliases; otherwise "
        lines.append(
            f"{said!r} is used only inside {inside} {', '.join(found)}, each read as one term: "
            f"{alias if any('facts.yaml' in f for f in found) else ''}"
            f"add a phrasing that uses {said!r} to the entry meant"
        )
    if unknown:
        lines.append(
            f"never in the knowledge: {', '.join(unknown)}: add a phrasing that uses it to the "
            "entry meant, or a synonyms.yaml group joining it to the story's own word"
        )
    return lines


def _phrases_holding(term: str, engine: Engine, most: int = 3) -> list[str]:
    """Return the synonyms and names of several words that hold `term`, with their files."""
    knowledge = engine.knowledge
    phrases = [(text, "synonyms.yaml") for group in knowledge.synonyms for text in group]
    phrases += [(name, "facts.yaml") for entity in knowledge.entities for name in entity.names]
    found: list[str] = []
    for text, file in phrases:
        stems = engine.analyzer.stems(text)
        if len(stems) > 1 and term in stems:
            found.append(f"{text!r} ({file})")
    return found[:most]


def _words(decision: Decision, engine: Engine) -> list[tuple[str, str]]:
    """Return the question's terms with the words they were read from."""
    reading = decision.analysis or engine.analyzer.analyze(decision.question)
    return list(zip(reading.terms, reading.surfaces or reading.terms, strict=False))


def _legend() -> list[str]:
    return [
        "p: chance the entry's answer is right (answer at the answer threshold)",
        "phr: best phrasing's weighted word coverage (for a who question, a person's",
        "  description counts as a phrasing at 0.6); bm25: whole entry incl. answer;",
        "sem: meaning (encoder) cosine; ±: margin over the best other candidate;",
        "cov/soft: share of the question's words the entry uses (soft: close words count,",
        "  by meaning or as WordNet gives them);",
        "miss: the weight share of the most important question word it lacks (a verb the",
        "  knowledge never uses weighs half an unknown word: it often says the same doing);",
        "kind: the answer holds the kind of value asked (a date, day, month, year, time,",
        "  number, money, age (a person's: no founding year), title, full name, person, someone",
        "  for 'who?', reason, place, a size, someone's words on the topic asked, an amount in",
        "  the currency asked, or an event rather than a plan) in a clause about what is asked;",
        '  for "how many of …" every telling word and name of the part asked, for "how many X"',
        '  a count of X where the story counts X, for "when did the X …" the X; not from a',
        "  phrasing asking for others;",
        "  told: that kind is a place, reason, day, month, time or age, which few answers hold",
        "  by chance;",
        "qtype: who/when/where agreement; subj: every person or thing named is in the entry;",
        "unnm: the entry is always about someone the question never names;",
        "opp: the entry says the opposite of a question word (last for first, south for north);",
        "else: the question names a place, country, programme, event or thing the entry",
        "  lacks, and the entry names another; or a country or capital the story never names;",
        "  or one item of a list whose whole the answer gives a figure for",
    ]
