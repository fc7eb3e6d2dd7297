"""The real python-telegram-bot Application against a fake Bot API on 127.0.0.1."""

from __future__ import annotations

import asyncio
import html
import logging
import time
from collections.abc import AsyncIterator

import httpx
import pytest
from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from adapters.telegram_render import render, without_wrong
from bot.matching.engine import Engine
from bot.models import Answer, AnswerKind, Suggestion
from tests.chatkit import TELEGRAM_TOKEN as TOKEN
from tests.chatkit import finish as _finish
from tests.chatkit import start_telegram as _start
from tests.fakes.ports import free_port, listening
from tests.fakes.telegram_api import BOT_USER, FakeTelegram

pytestmark = pytest.mark.anyio


@pytest.fixture
async def telegram(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeTelegram]:
    running = await _start(engine, monkeypatch)
    yield running.fake
    await _finish(running)


async def _ask(fake: FakeTelegram, message: dict, replies: int = 1) -> list:
    before = len(fake.sent)
    await fake.push({"message": message})
    sent = await fake.wait_for(lambda f: len(f.sent) >= before + replies)
    return sent[before:]


async def test_start_up_registers_commands_and_polls(telegram: FakeTelegram) -> None:
    # the fixture returns at setMyCommands; the first poll may come a moment later
    await telegram.wait_for(lambda f: any(c.method == "getUpdates" for c in f.calls))
    methods = [c.method for c in telegram.calls]
    assert methods[0] == "getMe"
    assert "deleteWebhook" in methods and "getUpdates" in methods
    commands = next(c for c in telegram.calls if c.method == "setMyCommands").params["commands"]
    assert {c["command"] for c in commands} == {"ask", "faq", "about", "help"}


async def test_private_question_gets_an_html_answer_with_source_and_reply(
    telegram: FakeTelegram,
) -> None:
    message = telegram.message("Who announced the collaboration?")
    [reply] = await _ask(telegram, message)
    params = reply.params
    assert params["chat_id"] == "100"
    assert params["parse_mode"] == "HTML"
    assert "China National Space Administration" in params["text"]
    assert "<i>“The collaboration, as announced by" in params["text"]
    assert params["reply_parameters"]["message_id"] == message["message_id"]
    assert params["link_preview_options"]["is_disabled"] is True


async def test_markup_in_a_question_never_reaches_telegram_unescaped(
    telegram: FakeTelegram,
) -> None:
    [reply] = await _ask(telegram, telegram.message("<b>where</b> & when did India land? <script>"))
    assert "<b>" not in reply.params["text"] and "<script>" not in reply.params["text"]
    declined = await _ask(telegram, telegram.message("what is <b>gravity</b> & stuff"))
    assert "&" not in declined[0].params["text"].replace("&amp;", "").replace("&lt;", "").replace(
        "&gt;", ""
    ).replace("&quot;", "").replace("&#x27;", "")


async def test_group_message_without_mention_gets_no_reply(telegram: FakeTelegram) -> None:
    await telegram.push(
        {"message": telegram.message("when did india land?", chat_id=-500, chat_type="supergroup")}
    )
    # a later private question is answered, so the group one was seen and skipped
    [reply] = await _ask(telegram, telegram.message("where was the agreement signed?"))
    assert reply.params["chat_id"] == "100"
    assert all(c.params["chat_id"] != "-500" for c in telegram.sent)


@pytest.mark.parametrize(
    "how",
    ["mention", "reply", "ask", "ask@name"],
)
async def test_group_answers_mentions_replies_and_ask(telegram: FakeTelegram, how: str) -> None:
    question = "where was the agreement signed?"
    name = BOT_USER["username"]
    kwargs: dict = {"chat_id": -600, "chat_type": "supergroup"}
    if how == "mention":
        text = f"@{name} {question}"
        kwargs["entities"] = [{"type": "mention", "offset": 0, "length": len(name) + 1}]
    elif how == "reply":
        text = question
        bot_message = {
            "message_id": 5,
            "date": int(time.time()),
            "chat": {"id": -600, "type": "supergroup"},
            "from": BOT_USER,
            "text": "hi",
        }
        kwargs["reply_to"] = bot_message
    elif how == "ask":
        text = f"/ask {question}"
    else:
        text = f"/ask@{name} {question}"
    message = telegram.message(text, **kwargs)
    [reply] = await _ask(telegram, message)
    assert reply.params["chat_id"] == "-600"
    assert "Beijing" in reply.params["text"]
    assert reply.params["reply_parameters"]["message_id"] == message["message_id"]


async def test_other_bots_and_edits_are_not_answered(telegram: FakeTelegram) -> None:
    await telegram.push({"message": telegram.message("who signed?", is_bot=True)})
    edited = telegram.message("where was the agreement signed?")
    await telegram.push({"edited_message": edited})
    [reply] = await _ask(telegram, telegram.message("who announced the collaboration?"))
    assert "China National Space Administration" in reply.params["text"]
    assert len(telegram.sent) == 1


async def test_suggestion_button_answers_and_stops_the_spinner(telegram: FakeTelegram) -> None:
    [declined] = await _ask(
        telegram, telegram.message("How many astronauts has India sent so far?")
    )
    buttons = declined.params["reply_markup"]["inline_keyboard"]
    data = buttons[0][0]["callback_data"]
    assert data.startswith("a:") and len(data.encode()) <= 64
    before = len(telegram.sent)
    bot_message = {
        "message_id": 77,
        "date": int(time.time()),
        "chat": {"id": 100, "type": "private"},
        "from": BOT_USER,
        "text": "x",
    }
    await telegram.push(
        {
            "callback_query": {
                "id": "cb1",
                "from": {"id": 7, "is_bot": False, "first_name": "A"},
                "chat_instance": "ci",
                "message": bot_message,
                "data": data,
            }
        }
    )
    sent = await telegram.wait_for(lambda f: len(f.sent) > before)
    assert any(
        c.method == "answerCallbackQuery" and c.params["callback_query_id"] == "cb1"
        for c in telegram.calls
    )
    assert sent[-1].params["chat_id"] == "100"
    assert (
        buttons[0][0]["text"].rstrip("?")[:20].lower()
        in (sent[-1].params["text"] + buttons[0][0]["text"]).lower()
    )


async def test_inline_query_offers_matching_answers(telegram: FakeTelegram) -> None:
    for query_id, text in (("iq1", "india landing"), ("iq2", "")):
        await telegram.push(
            {
                "inline_query": {
                    "id": query_id,
                    "from": {"id": 7, "is_bot": False, "first_name": "A"},
                    "query": text,
                    "offset": "",
                }
            }
        )
        await telegram.wait_for(
            lambda f, q=query_id: any(
                c.method == "answerInlineQuery" and c.params["inline_query_id"] == q
                for c in f.calls
            )
        )
    answers = {
        c.params["inline_query_id"]: c.params["results"]
        for c in telegram.calls
        if c.method == "answerInlineQuery"
    }
    assert answers["iq1"][0]["id"] in {"india-when", "india-first", "india-soft-landing", "india"}
    assert answers["iq1"][0]["input_message_content"]["parse_mode"] == "HTML"
    assert 1 <= len(answers["iq2"]) <= 10


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("/start", "news story"),
        ("/help", "/ask"),
        ("/faq", "<b>The agreement</b>"),
        ("/about", "south pole"),
    ],
)
async def test_commands(telegram: FakeTelegram, command: str, expected: str) -> None:
    sent = await _ask(telegram, telegram.message(command))
    assert expected in "".join(c.params["text"] for c in sent)


@pytest.mark.parametrize("fault", ["500", "drop"])
async def test_failed_send_is_logged_and_the_next_update_answered(
    telegram: FakeTelegram, fault: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    telegram.fail("sendMessage", fault)
    await telegram.push({"message": telegram.message("who signed the agreement?")})
    await telegram.wait_for(lambda f: len(f.sent) >= 1)  # the apology
    [reply] = await _ask(telegram, telegram.message("where was the agreement signed?"))
    assert "Beijing" in reply.params["text"]
    assert any("telegram handler failed" in r.getMessage() and r.exc_info for r in caplog.records)
    assert all(
        TOKEN not in r.getMessage() and TOKEN.split(":")[1] not in r.getMessage()
        for r in caplog.records
    )


async def test_429_is_retried_after_the_wait_and_delivered_once(telegram: FakeTelegram) -> None:
    telegram.fail("sendMessage", "429")
    start = time.monotonic()
    [reply] = await _ask(telegram, telegram.message("where was the agreement signed?"))
    assert time.monotonic() - start >= 0.9  # retry_after was honoured
    assert "Beijing" in reply.params["text"]
    attempts = [c for c in telegram.calls if c.method == "sendMessage"]
    assert len(attempts) == 2 and len(telegram.sent) == 1


@pytest.mark.parametrize("fault", ["500", "drop", "429"])
async def test_polling_survives_a_failing_get_updates(telegram: FakeTelegram, fault: str) -> None:
    telegram.fail("getUpdates", fault)
    [reply] = await _ask(telegram, telegram.message("where was the agreement signed?"))
    assert "Beijing" in reply.params["text"]


async def test_burst_of_300_updates_across_30_chats(telegram: FakeTelegram) -> None:
    questions = [
        "where was the agreement signed?",
        "who announced the collaboration?",
        "when did india land?",
    ]
    expected = {}
    start = time.monotonic()
    for n in range(300):
        chat = 1000 + n % 30
        message = telegram.message(questions[n % 3], chat_id=chat, user_id=chat)
        expected[message["message_id"]] = (
            str(chat),
            ("Beijing", "China National Space", "August")[n % 3],
        )
        await telegram.push({"message": message})
    sent = await telegram.wait_for(lambda f: len(f.sent) >= 300, timeout=60)
    elapsed = time.monotonic() - start
    await asyncio.sleep(0.3)  # nothing more arrives: no duplicates
    assert len(telegram.sent) == 300
    seen = {}
    for call in sent:
        replied_to = call.params["reply_parameters"]["message_id"]
        chat, needle = expected[replied_to]
        assert call.params["chat_id"] == chat and needle in call.params["text"]
        seen[replied_to] = seen.get(replied_to, 0) + 1
    assert set(seen) == set(expected) and set(seen.values()) == {1}
    print(f"\nburst: 300 updates answered in {elapsed:.1f}s")


async def test_webhook_checks_the_secret(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    port = free_port()
    running = await _start(
        engine,
        monkeypatch,
        STORYBOT_TELEGRAM_WEBHOOK_URL="https://bot.example.invalid/telegram",
        STORYBOT_TELEGRAM_WEBHOOK_PORT=str(port),
        STORYBOT_TELEGRAM_WEBHOOK_SECRET="s3cret-header-value",
    )
    fake = running.fake
    try:
        # the fixture returns at setMyCommands; setWebhook may follow a moment later
        await fake.wait_for(lambda f: any(c.method == "setWebhook" for c in f.calls))
        hook = next(c for c in fake.calls if c.method == "setWebhook")
        assert hook.params["secret_token"] == "s3cret-header-value"
        update = {"update_id": 1, "message": fake.message("where was the agreement signed?")}
        await listening(port)  # setWebhook can come before the server accepts, on a busy machine
        async with httpx.AsyncClient() as client:
            url = f"http://127.0.0.1:{port}/telegram"
            wrong = await client.post(
                url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "nope"}
            )
            assert wrong.status_code == 403
            missing = await client.post(url, json=update)
            assert missing.status_code == 403
            right = await client.post(
                url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret-header-value"}
            )
            assert right.status_code == 200
        [reply] = await fake.wait_for(lambda f: len(f.sent) >= 1)
        assert "Beijing" in reply.params["text"]
        assert not any(c.method == "getUpdates" for c in fake.calls)
    finally:
        await _finish(running)


def test_render_splits_long_answers_and_keeps_buttons_on_the_last_part() -> None:
    answer = Answer(
        text=("word & <tag> " * 800).strip(),
        kind=AnswerKind.ANSWER,
        source="a source",
        suggestions=(Suggestion(entry_id="x", question="Q?"),),
    )
    replies = render(answer)
    assert len(replies) >= 2
    assert all(len(r.html) <= 4096 for r in replies)
    assert all(r.keyboard is None for r in replies[:-1]) and replies[-1].keyboard is not None
    assert all(not r.html.rstrip().endswith("&") and "&amp" in r.html for r in replies)


def test_without_wrong_drops_only_the_not_what_i_asked_button() -> None:
    answer = Answer(
        text="In August.",
        kind=AnswerKind.CORRECTION,
        ref="0123456789ab",
        suggestions=(
            Suggestion(entry_id="x", question="Q?"),
            Suggestion(entry_id="y", question="R?"),
        ),
    )
    keyboard = render(answer)[-1].keyboard
    assert keyboard is not None and len(keyboard.inline_keyboard) == 3
    assert without_wrong(keyboard) == InlineKeyboardMarkup(keyboard.inline_keyboard[:2])
    assert without_wrong(without_wrong(keyboard)) == without_wrong(keyboard)
    mixed = InlineKeyboardMarkup(
        [[InlineKeyboardButton("Q?", callback_data="a:x"), keyboard.inline_keyboard[-1][0]]]
    )
    assert without_wrong(mixed) == InlineKeyboardMarkup([[mixed.inline_keyboard[0][0]]])
    only = InlineKeyboardMarkup([keyboard.inline_keyboard[-1]])
    assert without_wrong(only).inline_keyboard == ()  # no buttons left: the keyboard goes


async def test_a_flooder_gets_slow_down_once_then_silence(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    running = await _start(
        engine, monkeypatch, STORYBOT_RATE_USER_BURST="2", STORYBOT_RATE_USER_PER_MINUTE="1"
    )
    fake = running.fake
    try:
        for _ in range(4):
            await fake.push(
                {"message": fake.message("where was the agreement signed?", user_id=99, chat_id=99)}
            )
        await fake.wait_for(lambda f: len(f.sent) >= 3)
        await fake.push(
            {"message": fake.message("who announced the collaboration?", user_id=98, chat_id=98)}
        )
        await fake.wait_for(lambda f: any(c.params["chat_id"] == "98" for c in f.sent))
        texts = [c.params["text"] for c in fake.sent if c.params["chat_id"] == "99"]
        assert len(texts) == 3
        assert (
            sum("Beijing" in t for t in texts) == 2
            and sum("faster than I can answer" in t for t in texts) == 1
        )
    finally:
        await _finish(running)


async def test_an_inline_flood_is_cut_to_the_typists_share(telegram: FakeTelegram) -> None:
    def inline(query_id: str, user_id: int, text: str) -> dict:
        sender = {"id": user_id, "is_bot": False, "first_name": "A"}
        return {"inline_query": {"id": query_id, "from": sender, "query": text, "offset": ""}}

    for n in range(300):
        await telegram.push(inline(f"flood{n}", 7, "india landing"))
    await telegram.push(inline("other", 8, "india landing"))

    def answered(f: FakeTelegram) -> dict:
        return {
            c.params["inline_query_id"]: c.params.get("results", [])
            for c in f.calls
            if c.method == "answerInlineQuery"
        }

    await telegram.wait_for(lambda f: len(answered(f)) == 301, timeout=30)
    results = answered(telegram)
    served = sum(1 for n in range(300) if results[f"flood{n}"])
    assert 30 <= served <= 40  # the burst of 30, and what a minute's refill adds meanwhile
    assert results["other"]  # someone else typing is not held back by the flood


async def test_a_faq_flood_does_not_hold_up_another_members_question(
    telegram: FakeTelegram,
) -> None:
    for _ in range(30):
        await telegram.push({"message": telegram.message("/faq", chat_id=-5, chat_type="group")})
    await telegram.wait_for(lambda f: len(f.sent) >= 3)  # two listings and one "slow down"
    before = len(telegram.sent)
    asked = time.monotonic()
    question = telegram.message(
        "@story_test_bot who signed the agreement?", chat_id=-5, user_id=8, chat_type="group"
    )
    await telegram.push({"message": question})
    sent = await telegram.wait_for(
        lambda f: any("Li Qiang" in c.params["text"] for c in f.sent[before:])
    )
    assert time.monotonic() - asked < 1.0
    listings = [c for c in sent if "<b>The agreement</b>" in c.params["text"]]
    assert len(listings) == 2  # the listing burst; the other 28 got one "slow down", then nothing
    assert sum("faster than I can answer" in c.params["text"] for c in sent) == 1


async def test_a_button_pressed_in_a_group_is_logged_as_a_group(
    telegram: FakeTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bot.serving.service")
    group = {"id": -5, "type": "supergroup", "title": "Moon fans"}
    bot_message = {"message_id": 78, "date": int(time.time()), "chat": group, "from": BOT_USER}
    before = len(telegram.sent)
    press = {
        "id": "cb2",
        "from": {"id": 9, "is_bot": False, "first_name": "B"},
        "chat_instance": "ci",
        "message": {**bot_message, "text": "x"},
        "data": "a:signing-place",
    }
    await telegram.push({"callback_query": press})
    await telegram.wait_for(lambda f: len(f.sent) > before)
    assert any("question telegram group: signing-place" in r.message for r in caplog.records)


async def test_follow_ups_in_a_group_by_mention_and_by_reply(telegram: FakeTelegram) -> None:
    def group(text: str, **extra: object) -> dict:
        return telegram.message(text, chat_id=-5, user_id=8, chat_type="group", **extra)

    [first] = await _ask(telegram, group("@story_test_bot who signed the agreement?"))
    [where] = await _ask(telegram, group("@story_test_bot and where?"))
    assert where.params["text"].startswith("In Beijing")
    bot_reply = {
        "message_id": 999,
        "date": int(time.time()),
        "chat": {"id": -5, "type": "group", "title": "Moon fans"},
        "from": BOT_USER,
        "text": where.params["text"],
    }
    [who] = await _ask(telegram, group("who is he?", reply_to=bot_reply))
    assert "caretaker" in who.params["text"] and "Li Qiang" in first.params["text"]


async def test_a_wrong_premise_is_corrected_in_a_private_chat(telegram: FakeTelegram) -> None:
    [reply] = await _ask(telegram, telegram.message("When did Pakistan land on the moon?"))
    assert html.unescape(reply.params["text"]).startswith(
        "The story doesn't say that about Pakistan"
    )
    assert "<i>" in reply.params["text"]  # with the source sentence it stands on
