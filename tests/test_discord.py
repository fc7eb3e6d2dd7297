"""The real discord.py client against a fake Discord (REST + gateway) on 127.0.0.1."""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from adapters.discord_access import Quiet
from bot.gaps.store import UNANSWERED, GapStore, SqliteGapStore
from bot.matching.engine import Engine
from tests.chatkit import DISCORD_TOKEN as TOKEN
from tests.chatkit import finish as _finish
from tests.chatkit import start_discord as _start
from tests.fakes.discord_api import FakeDiscord
from tests.fakes.discord_payloads import (
    ANNOUNCE_CHANNEL_ID,
    ANNOUNCE_THREAD_ID,
    APP_ID,
    BOT_ROLE_ID,
    BOT_USER,
    CHANNEL_ID,
    DM_CHANNEL_ID,
    GUILD_ID,
    MODS_ROLE_ID,
    OTHER_BOT_ROLE_ID,
    SHOWCASE_CHANNEL_ID,
    SHOWCASE_THREAD_ID,
    user,
)
from tests.fakes.server import wait_until

pytestmark = pytest.mark.anyio


def pings_nobody(allowed: dict) -> bool:
    return (
        allowed.get("parse") == []
        and not allowed.get("users")
        and not allowed.get("roles")
        and allowed.get("replied_user", False) is False
    )


@pytest.fixture
async def discord_fake(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[FakeDiscord]:
    running = await _start(engine, monkeypatch, STORYBOT_DISCORD_GUILD_ID=GUILD_ID)
    yield running.fake
    await _finish(running)


async def _posted(fake: FakeDiscord, path: str, count: int = 1) -> list:
    await fake.wait_for(lambda f: len(f.found("POST", path)) >= count)
    return fake.found("POST", path)


async def test_login_asks_the_api_for_the_gateway_and_syncs_commands_to_the_guild(
    discord_fake: FakeDiscord,
) -> None:
    paths = [(r.method, r.path) for r in discord_fake.requests]
    assert ("GET", "/users/@me") in paths and ("GET", "/oauth2/applications/@me") in paths
    assert ("GET", "/gateway/bot") in paths
    synced = discord_fake.commands[GUILD_ID]
    assert {c["name"] for c in synced} == {"ask", "faq", "about", "help"}
    ask = next(c for c in synced if c["name"] == "ask")
    assert ask["options"][0]["autocomplete"] is True


async def test_mention_in_a_channel_gets_a_reply_that_pings_nobody(
    discord_fake: FakeDiscord,
) -> None:
    message = discord_fake.message(
        f"<@{BOT_USER['id']}> where was the agreement signed?", mentions=[BOT_USER]
    )
    await discord_fake.dispatch("MESSAGE_CREATE", message)
    [reply] = await _posted(discord_fake, f"/channels/{CHANNEL_ID}/messages")
    body = reply.body
    assert "Beijing" in body["embeds"][0]["description"]
    assert str(body["message_reference"]["message_id"]) == message["id"]
    assert body["allowed_mentions"] == {"parse": [], "replied_user": False}


async def test_everyone_in_a_question_pings_nobody_and_is_not_a_mention(
    discord_fake: FakeDiscord,
) -> None:
    announcement = discord_fake.message("@everyone meeting at 5", mention_everyone=True)
    await discord_fake.dispatch("MESSAGE_CREATE", announcement)
    question = discord_fake.message(
        f"<@{BOT_USER['id']}> @everyone <@&123> who signed the deal?",
        mentions=[BOT_USER],
        mention_everyone=True,
    )
    await discord_fake.dispatch("MESSAGE_CREATE", question)
    posts = await _posted(discord_fake, f"/channels/{CHANNEL_ID}/messages")
    await asyncio.sleep(0.2)
    posts = discord_fake.found("POST", f"/channels/{CHANNEL_ID}/messages")
    assert len(posts) == 1  # the announcement was not answered
    assert str(posts[0].body["message_reference"]["message_id"]) == question["id"]
    assert posts[0].body["allowed_mentions"] == {"parse": [], "replied_user": False}
    assert "Li Qiang" in posts[0].body["embeds"][0]["description"]


async def test_direct_message_is_a_question(discord_fake: FakeDiscord) -> None:
    await discord_fake.dispatch(
        "MESSAGE_CREATE", discord_fake.message("when did india land?", guild=False)
    )
    [reply] = await _posted(discord_fake, f"/channels/{DM_CHANNEL_ID}/messages")
    assert "August" in reply.body["embeds"][0]["description"]


async def test_messages_from_bots_are_ignored(discord_fake: FakeDiscord) -> None:
    other_bot = user("500000000000000077", "otherbot", bot=True)
    await discord_fake.dispatch(
        "MESSAGE_CREATE",
        discord_fake.message("when did india land?", guild=False, author=other_bot),
    )
    await discord_fake.dispatch(
        "MESSAGE_CREATE", discord_fake.message("when did india land?", guild=False, author=BOT_USER)
    )
    await discord_fake.dispatch(
        "MESSAGE_CREATE", discord_fake.message("who announced the collaboration?", guild=False)
    )
    [reply] = await _posted(discord_fake, f"/channels/{DM_CHANNEL_ID}/messages")
    await asyncio.sleep(0.2)
    assert len(discord_fake.found("POST", f"/channels/{DM_CHANNEL_ID}/messages")) == 1
    assert "China National Space" in reply.body["embeds"][0]["description"]


async def test_ask_command_answers_with_source_buttons_and_no_pings(
    discord_fake: FakeDiscord,
) -> None:
    interaction = discord_fake.slash("ask", question="How many astronauts has India sent so far?")
    await discord_fake.dispatch("INTERACTION_CREATE", interaction)
    [callback] = await _posted(discord_fake, f"/interactions/{interaction['id']}/")
    assert callback.query.get("with_response") in ("1", "true", "True")
    data = callback.body["data"]
    assert callback.body["type"] == 4
    assert pings_nobody(data["allowed_mentions"])
    assert "doesn't say" in data["embeds"][0]["description"]
    buttons = [c for row in data["components"] for c in row["components"]]
    assert 1 <= len(buttons) <= 3 and all(
        b["custom_id"].startswith("storybot:ask:") for b in buttons
    )


async def test_ask_answer_carries_the_backing_sentence(discord_fake: FakeDiscord) -> None:
    interaction = discord_fake.slash("ask", question="where was the agreement signed?")
    await discord_fake.dispatch("INTERACTION_CREATE", interaction)
    [callback] = await _posted(discord_fake, f"/interactions/{interaction['id']}/")
    embed = callback.body["data"]["embeds"][0]
    assert "Beijing" in embed["description"]
    assert "Li Qiang in Beijing" in embed["fields"][0]["value"]
    assert callback.body["data"].get("flags", 0) & 64 == 0  # public by default


async def test_ask_can_be_private(discord_fake: FakeDiscord) -> None:
    interaction = discord_fake.slash(
        "ask", question="where was the agreement signed?", private=True
    )
    await discord_fake.dispatch("INTERACTION_CREATE", interaction)
    [callback] = await _posted(discord_fake, f"/interactions/{interaction['id']}/")
    assert callback.body["data"]["flags"] & 64


async def test_autocomplete_offers_at_most_25_choices_best_first(discord_fake: FakeDiscord) -> None:
    for typed in ("artemis", ""):
        data = {
            "id": "1",
            "name": "ask",
            "type": 1,
            "options": [{"name": "question", "type": 3, "value": typed, "focused": True}],
        }
        interaction = discord_fake.interaction(4, data)
        await discord_fake.dispatch("INTERACTION_CREATE", interaction)
        [callback] = await _posted(discord_fake, f"/interactions/{interaction['id']}/")
        choices = callback.body["data"]["choices"]
        assert callback.body["type"] == 8
        assert 1 <= len(choices) <= 25
        if typed:
            assert "Artemis" in choices[0]["name"]


async def test_button_press_answers_the_suggested_question(discord_fake: FakeDiscord) -> None:
    bot_message = discord_fake._message(
        CHANNEL_ID,
        {
            "content": "",
            "components": [
                {
                    "type": 1,
                    "components": [
                        {
                            "type": 2,
                            "style": 2,
                            "label": "Where was the agreement signed?",
                            "custom_id": "storybot:ask:signing-place",
                        }
                    ],
                }
            ],
        },
    )
    interaction = discord_fake.interaction(
        3, {"custom_id": "storybot:ask:signing-place", "component_type": 2}, message=bot_message
    )
    await discord_fake.dispatch("INTERACTION_CREATE", interaction)
    [callback] = await _posted(discord_fake, f"/interactions/{interaction['id']}/")
    assert "Beijing" in callback.body["data"]["embeds"][0]["description"]
    assert pings_nobody(callback.body["data"]["allowed_mentions"])


@pytest.mark.parametrize(
    ("command", "expected"), [("faq", "The agreement"), ("about", "south pole"), ("help", "/ask")]
)
async def test_info_commands(discord_fake: FakeDiscord, command: str, expected: str) -> None:
    interaction = discord_fake.slash(command)
    await discord_fake.dispatch("INTERACTION_CREATE", interaction)
    [callback] = await _posted(discord_fake, f"/interactions/{interaction['id']}/")
    assert expected in str(callback.body["data"])


@pytest.mark.parametrize("how", ["close-4000", "drop"])
async def test_gateway_loss_is_resumed_and_the_next_event_answered(
    discord_fake: FakeDiscord, how: str
) -> None:
    if how == "drop":
        await discord_fake.drop_gateway()
    else:
        await discord_fake.close_gateway(4000)
    await asyncio.wait_for(discord_fake.ready.wait(), 20)
    assert discord_fake.resumes + discord_fake.identifies >= 2
    await discord_fake.dispatch(
        "MESSAGE_CREATE", discord_fake.message("when did india land?", guild=False)
    )
    [reply] = await _posted(discord_fake, f"/channels/{DM_CHANNEL_ID}/messages")
    assert "August" in reply.body["embeds"][0]["description"]


async def test_burst_of_300_interactions_gets_300_callbacks(discord_fake: FakeDiscord) -> None:
    questions = [
        "where was the agreement signed?",
        "who announced the collaboration?",
        "when did india land?",
    ]
    needles = ["Beijing", "China National Space", "August"]
    sent, tokens = {}, {}
    start = time.monotonic()
    for n in range(300):
        interaction = discord_fake.slash("ask", question=questions[n % 3])
        sent[interaction["id"]] = needles[n % 3]
        tokens[interaction["id"]] = interaction["token"]
        await discord_fake.dispatch("INTERACTION_CREATE", interaction)
    await discord_fake.wait_for(lambda f: len(f.found("POST", "/interactions/")) >= 300, timeout=60)
    callbacks = discord_fake.found("POST", "/interactions/")
    by_id = {c.path.split("/")[2]: c for c in callbacks}
    assert len(callbacks) == 300 and set(by_id) == set(sent)
    # on a busy machine an answer may take past DEFER_AFTER: "thinking…", then a follow-up
    deferred = {i for i, c in by_id.items() if c.body["type"] == 5}
    await discord_fake.wait_for(
        lambda f: len(f.found("POST", f"/webhooks/{APP_ID}/")) >= len(deferred), timeout=60
    )
    elapsed = time.monotonic() - start
    follow_ups = {
        c.path.split("/")[3]: c for c in discord_fake.found("POST", f"/webhooks/{APP_ID}/")
    }
    for i, callback in by_id.items():
        body = follow_ups[tokens[i]].body if i in deferred else callback.body["data"]
        assert sent[i] in body["embeds"][0]["description"]
    print(f"\nburst: 300 interactions answered in {elapsed:.1f}s ({len(deferred)} deferred)")


async def test_commands_are_not_synced_again_when_unchanged(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    first = await _start(engine, monkeypatch)
    await _finish(first, stop_fake=False)
    fake = first.fake
    fake.ready.clear()
    puts_before = len(fake.found("PUT", "/applications/"))
    second = await _start(engine, monkeypatch, fake=fake)
    await _finish(second)
    assert puts_before == 1
    assert len(fake.found("PUT", "/applications/")) == 1
    assert "global" in fake.commands
    assert any("unchanged" in r.getMessage() for r in caplog.records)
    assert all(TOKEN not in r.getMessage() for r in caplog.records)


class BrokenEngine(Engine):
    """An engine whose answering fails, to exercise the error paths."""

    def decide(self, query):  # type: ignore[no-untyped-def]
        raise RuntimeError("engine exploded")


async def test_a_failing_handler_is_logged_and_the_user_gets_a_private_apology(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    running = await _start(BrokenEngine(engine.knowledge), monkeypatch)
    fake = running.fake
    try:
        interaction = fake.slash("ask", question="who signed?")
        await fake.dispatch("INTERACTION_CREATE", interaction)
        [callback] = await _posted(fake, f"/interactions/{interaction['id']}/")
        assert "Sorry" in callback.body["data"]["content"] and callback.body["data"]["flags"] & 64
        await fake.dispatch("MESSAGE_CREATE", fake.message("who signed?", guild=False))
        [apology] = await _posted(fake, f"/channels/{DM_CHANNEL_ID}/messages")
        assert "Sorry" in apology.body["content"]
        assert apology.body["allowed_mentions"] == {"parse": [], "replied_user": False}
        failures = [r for r in caplog.records if "failed" in r.getMessage()]
        assert len(failures) >= 2 and all(r.exc_info for r in failures)
        # and the bot is still there for the next question
        await fake.dispatch("INTERACTION_CREATE", fake.slash("help"))
        await fake.wait_for(lambda f: len(f.found("POST", "/interactions/")) >= 2)
    finally:
        await _finish(running)


async def test_an_autocomplete_flood_is_cut_to_the_typists_share(
    discord_fake: FakeDiscord,
) -> None:
    option = {"name": "question", "type": 3, "value": "artemis", "focused": True}
    data = {"id": "1", "name": "ask", "type": 1, "options": [option]}
    ids = []
    for _ in range(300):
        interaction = discord_fake.interaction(4, data)
        ids.append(interaction["id"])
        await discord_fake.dispatch("INTERACTION_CREATE", interaction)
    await _posted(discord_fake, "/interactions/", 300)
    choices = {
        r.path.split("/")[2]: r.body["data"]["choices"]
        for r in discord_fake.found("POST", "/interactions/")
    }
    served = sum(1 for i in ids if choices[i])
    assert 30 <= served <= 40  # the burst of 30, and what a minute's refill adds meanwhile


async def test_a_faq_flood_gets_two_listings_then_a_short_refusal(
    discord_fake: FakeDiscord,
) -> None:
    for _ in range(30):
        await discord_fake.dispatch("INTERACTION_CREATE", discord_fake.slash("faq"))
    posted = await _posted(discord_fake, "/interactions/", 30)
    titles = [e.get("title") for r in posted for e in r.body["data"].get("embeds") or []]
    assert titles.count("What I can answer") == 2
    assert all(r.body["data"]["flags"] & 64 for r in posted)  # refusals are seen by the asker only


async def test_a_follow_up_by_mention_then_by_ask_in_the_same_channel(
    discord_fake: FakeDiscord,
) -> None:
    first = discord_fake.message(f"<@{BOT_USER['id']}> who signed the deal?", mentions=[BOT_USER])
    await discord_fake.dispatch("MESSAGE_CREATE", first)
    await _posted(discord_fake, f"/channels/{CHANNEL_ID}/messages")
    follow = discord_fake.message(f"<@{BOT_USER['id']}> and where?", mentions=[BOT_USER])
    await discord_fake.dispatch("MESSAGE_CREATE", follow)
    [_, reply] = await _posted(discord_fake, f"/channels/{CHANNEL_ID}/messages", 2)
    assert "In Beijing" in reply.body["embeds"][0]["description"]
    slash = discord_fake.slash("ask", question="who is he?")
    await discord_fake.dispatch("INTERACTION_CREATE", slash)
    [answer] = await _posted(discord_fake, f"/interactions/{slash['id']}/")
    assert "caretaker" in answer.body["data"]["embeds"][0]["description"]


async def test_a_wrong_premise_gets_the_correction_in_a_dm(discord_fake: FakeDiscord) -> None:
    question = discord_fake.message("When did Pakistan land on the moon?", guild=False)
    await discord_fake.dispatch("MESSAGE_CREATE", question)
    [reply] = await _posted(discord_fake, f"/channels/{DM_CHANNEL_ID}/messages")
    text = reply.body["embeds"][0]["description"]
    assert text.startswith("The story doesn't say that about Pakistan") and "India" in text


class GatedEngine(Engine):
    """An engine that answers only once `go` is set: a slow answer, on demand."""

    go: threading.Event

    def decide(self, query, turn=None):  # type: ignore[no-untyped-def]
        self.go.wait(10)
        return super().decide(query, turn)


async def test_a_slow_answer_is_deferred_then_sent_as_a_follow_up(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    slow = GatedEngine(engine.knowledge)
    slow.go = threading.Event()
    running = await _start(slow, monkeypatch)
    fake = running.fake
    try:
        interaction = fake.slash("ask", question="where was the agreement signed?")
        start = time.monotonic()
        await fake.dispatch("INTERACTION_CREATE", interaction)
        [callback] = await _posted(fake, f"/interactions/{interaction['id']}/")
        deferred_in = time.monotonic() - start
        assert callback.body["type"] == 5 and deferred_in < 2.5  # Discord allows 3 s
        slow.go.set()
        [follow_up] = await _posted(fake, f"/webhooks/{APP_ID}/{interaction['token']}")
        assert "Beijing" in follow_up.body["embeds"][0]["description"]
        assert pings_nobody(follow_up.body["allowed_mentions"])
        print(f"\nslow /ask deferred after {deferred_in:.2f}s")
    finally:
        slow.go.set()
        await _finish(running)


def _mention(fake: FakeDiscord, question: str, channel_id: str = CHANNEL_ID) -> dict:
    return fake.message(
        f"<@{BOT_USER['id']}> {question}", mentions=[BOT_USER], channel_id=channel_id
    )


async def _stored(store: GapStore, count: int) -> list:
    await wait_until(lambda: len(store.all()) >= count, 10, f"{count} gaps")
    return store.all()


async def test_where_the_bot_may_not_post_it_tries_not_and_says_so_once_per_channel(
    engine: Engine,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    tmp_path: Path,
) -> None:
    caplog.set_level(logging.INFO)
    store = SqliteGapStore(tmp_path / "gaps.sqlite3")
    running = await _start(engine, monkeypatch, gaps=store)
    fake = running.fake
    try:
        muted = (ANNOUNCE_CHANNEL_ID, SHOWCASE_THREAD_ID)  # no posting; no posting in threads
        for channel_id in muted:
            for question in ("who signed the deal?", "How far is the moon from the earth?"):
                await fake.dispatch("MESSAGE_CREATE", _mention(fake, question, channel_id))
        # a thread of the read-only channel allows posts, the showcase allows all but threads
        for channel_id in (ANNOUNCE_THREAD_ID, SHOWCASE_CHANNEL_ID):
            asked = _mention(fake, "where was the agreement signed?", channel_id)
            await fake.dispatch("MESSAGE_CREATE", asked)
            [reply] = await _posted(fake, f"/channels/{channel_id}/messages")
            assert "Beijing" in reply.body["embeds"][0]["description"]
        # the muted channels' questions went through the service, unanswered one into the gaps
        gaps = await _stored(store, 2)
        assert [(g.kind, g.question) for g in gaps] == [
            (UNANSWERED, "How far is the moon from the earth?")
        ] * 2
    finally:
        await _finish(running)
    for channel_id in muted:
        assert fake.found("POST", f"/channels/{channel_id}/") == []  # not one refused request
    said = [r for r in caplog.records if r.name.startswith("adapters.")]
    refused = [r for r in said if "cannot answer" in r.getMessage()]
    assert len(refused) == 2 and {SHOWCASE_THREAD_ID, ANNOUNCE_CHANNEL_ID} == {
        next(c for c in muted if c in r.getMessage()) for r in refused
    }
    assert "Send Messages" in refused[0].getMessage() + refused[1].getMessage()
    assert "Send Messages In Threads" in refused[0].getMessage() + refused[1].getMessage()
    assert not any(r.exc_info or r.levelno >= logging.ERROR for r in said)
    asked = [r for r in caplog.records if r.getMessage().startswith("question discord group")]
    assert len(asked) == 6


async def test_a_post_discord_refuses_all_the_same_gets_no_apology_and_one_log_line(
    discord_fake: FakeDiscord, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    discord_fake.forbidden.add(CHANNEL_ID)  # the client's cache says it may post: Discord not
    for _ in range(3):
        await discord_fake.dispatch("MESSAGE_CREATE", _mention(discord_fake, "who signed?"))
    await _posted(discord_fake, f"/channels/{CHANNEL_ID}/messages", 3)
    await asyncio.sleep(0.3)
    tried = discord_fake.found("POST", f"/channels/{CHANNEL_ID}/messages")
    assert len(tried) == 3 and all("embeds" in r.body for r in tried)  # answers; no apology
    said = [r for r in caplog.records if r.name.startswith(("adapters.", "discord.client"))]
    assert [r.levelno for r in said if "cannot answer" in r.getMessage()] == [logging.WARNING]
    assert not any(r.exc_info or r.levelno >= logging.ERROR for r in said)
    discord_fake.forbidden.discard(CHANNEL_ID)  # an admin fixes the channel: answered again
    await discord_fake.dispatch("MESSAGE_CREATE", _mention(discord_fake, "who signed?"))
    await _posted(discord_fake, f"/channels/{CHANNEL_ID}/messages", 4)


def test_a_channel_is_spoken_of_once_per_period() -> None:
    now = [0.0]
    quiet = Quiet(period=600, clock=lambda: now[0], capacity=2)
    assert [quiet.due(1), quiet.due(1), quiet.due(2)] == [True, False, True]
    now[0] = 599
    assert not quiet.due(1)
    now[0] = 601
    assert quiet.due(1) and quiet.due(3)  # and past its capacity, the oldest is forgotten
    assert len(quiet) <= 2


async def test_mentioning_the_bots_own_role_asks_it_and_other_roles_do_not(
    discord_fake: FakeDiscord,
) -> None:
    for role_id in (MODS_ROLE_ID, OTHER_BOT_ROLE_ID):  # a plain role, another bot's role
        ignored = discord_fake.message(
            f"<@&{role_id}> who signed the deal?", mention_roles=[role_id]
        )
        await discord_fake.dispatch("MESSAGE_CREATE", ignored)
    asked = discord_fake.message(
        f"<@&{BOT_ROLE_ID}> who signed the deal?", mention_roles=[BOT_ROLE_ID]
    )
    await discord_fake.dispatch("MESSAGE_CREATE", asked)
    [reply] = await _posted(discord_fake, f"/channels/{CHANNEL_ID}/messages")
    await asyncio.sleep(0.3)
    assert len(discord_fake.found("POST", f"/channels/{CHANNEL_ID}/messages")) == 1
    assert str(reply.body["message_reference"]["message_id"]) == asked["id"]
    assert "Li Qiang" in reply.body["embeds"][0]["description"]  # the role read as no word
    assert reply.body["allowed_mentions"] == {"parse": [], "replied_user": False}
