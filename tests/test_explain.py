"""`storybot ask --explain`: what it says of the question's words the knowledge lacks."""

from __future__ import annotations

import pytest

from bot.matching.engine import Engine
from bot.matching.explain import explain
from bot.models import Query


@pytest.mark.parametrize(
    ("question", "word", "phrases"),
    [
        (  # synonyms.yaml: [partnership, …, strategic partnership, strategic alliance]
            "Who is Islamabad's strategic ally?",
            "strategic",
            "the phrases 'strategic partnership' (synonyms.yaml), 'strategic alliance' "
            "(synonyms.yaml)",
        ),
        (  # facts.yaml: a part of Kakar's full names only
            "Did Haq go to Beijing?",
            "haq",
            "the phrases 'Anwaar-ul-Haq Kakar' (facts.yaml), 'Anwaarul Haq Kakar' (facts.yaml), "
            "'Anwar ul Haq Kakar' (facts.yaml)",
        ),
    ],
)
def test_a_word_used_only_inside_a_phrase_is_said_so_and_no_synonym_advised(
    engine: Engine, question: str, word: str, phrases: str
) -> None:
    text = explain(engine.decide(Query(text=question)), engine=engine)
    assert f"{word!r} is used only inside {phrases}, each read as one term: " in text
    assert f"add a phrasing that uses {word!r} to the entry meant" in text
    assert ("add it to its aliases" in text) == ("facts.yaml" in phrases)
    assert "never in the knowledge" not in text and "synonyms.yaml group" not in text


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("who is the gaffer?", "'gaffer'"),
        ("How many kilometres is the moon from Earth?", "'kilometres'"),
    ],
)
def test_a_word_the_knowledge_never_uses_is_still_told_to_get_a_phrasing_or_synonym(
    engine: Engine, question: str, words: str
) -> None:
    text = explain(engine.decide(Query(text=question)), engine=engine)
    assert f"never in the knowledge: {words}: add a phrasing" in text and "inside" not in text
