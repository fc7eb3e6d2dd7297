"""The same conversation on every front end: console, Telegram and Discord (tests/chatkit.py)."""

from __future__ import annotations

import pytest

from tests.chatkit import Chat

pytestmark = pytest.mark.anyio


async def test_a_question_gets_the_same_answer_and_source(chat: Chat) -> None:
    seen = await chat.ask("@StoryBot where was the agreement signed?")
    assert "In Beijing, where Kakar witnessed the signing" in seen
    assert "Third Belt and Road Forum" in seen  # the source sentence is shown too


async def test_a_follow_up_is_read_with_the_last_answer(chat: Chat) -> None:
    await chat.ask("Who signed the agreement?")
    assert "In Beijing" in await chat.ask("and where?")
    assert "caretaker" in await chat.ask("who is he?")


async def test_a_wrong_premise_is_corrected(chat: Chat) -> None:
    seen = await chat.ask("When did Pakistan land on the moon?")
    assert seen.startswith("The story doesn't say that about Pakistan") and "India" in seen


async def test_a_question_the_story_does_not_answer_is_declined(chat: Chat) -> None:
    seen = await chat.ask("How many astronauts has India sent so far?")
    assert "The story doesn't say" in seen
