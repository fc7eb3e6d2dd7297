"""A question of filler words only, "what is this story about?", gets the story's overview."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from bot.knowledge.loading import default_folder, load_knowledge
from bot.matching.engine import Engine
from bot.matching.overview import asks_overview
from bot.models import AnswerKind, Query

STORIES = Path(__file__).parent / "data" / "stories"


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("What is this story about?", True),
        ("whats it all about??", True),
        ("tl;dr", True),
        ("what happened", True),
        ("can you sum up what happened", True),
        ("summarise what happened", True),
        ("recap the story", True),
        # "everything" is filler (lexicon): alone it asks for all of it
        ("what is everything about?", True),
        ("tell me everything", True),
        ("can you explain it all", True),
        ("tell me everything about the bridge", False),
        ("just tell me everything please", True),
        ("could you please tell me everything you know", True),
        ("explain everything to me", True),
        ("tell me about everything", True),
        ("summarise what Kakar said", False),  # what he said
        ("what happened on Friday?", False),  # a question of its own
        ("what is it about Kakar that China likes?", False),
        ("What is Artemis?", False),
    ],
)
def test_a_question_of_filler_words_asks_what_the_story_is_about(text: str, asks: bool) -> None:
    assert asks_overview(text) is asks


@pytest.mark.parametrize("story", ["river-dam", "lagos-metro", "kilwa-artefacts-return"])
def test_what_is_this_story_about_is_answered_by_the_faq_entry_phrased_so(story: str) -> None:
    engine = Engine.from_folder(STORIES / story / "knowledge", encoder="none")
    answer = engine.answer(Query(text="What is this story about?"))
    assert answer.answered and answer.entry_id == engine.knowledge.faq[0].id


def test_without_such_an_entry_the_title_and_lead_are_given() -> None:
    knowledge = load_knowledge(default_folder())
    faq = tuple(
        e.model_copy(update={"phrasings": tuple(p for p in e.phrasings if "story about" not in p)})
        for e in knowledge.faq
    )
    engine = Engine(replace(knowledge, faq=faq), encoder=None)
    answer = engine.answer(Query(text="what is this story about?"))
    assert answer.kind is AnswerKind.SMALLTALK and knowledge.title in answer.text


@pytest.mark.parametrize(
    ("story", "text", "overview"),
    [
        ("shipyard-strike", "whats going on at the ulsan shipyard", True),
        ("river-dam", "ok so what's actually going on with this dam", True),
        ("lagos-metro", "whats happening with phase two", False),  # a part the overview skips
        ("river-dam", "what is going on with the weather in paris", False),
        ("ferry-grounding", "whats going on with the captain now", False),  # a person's own
        ("ransomware-hospital", "whats going on with the appointments", False),  # a part
    ],
)
def test_whats_going_on_with_what_the_headline_is_about_gets_the_overview(
    story: str, text: str, overview: bool
) -> None:
    engine = Engine.from_folder(STORIES / story / "knowledge", encoder="none")
    first = engine.knowledge.faq[0].id
    assert (engine.answer(Query(text=text)).entry_id == first) is overview
