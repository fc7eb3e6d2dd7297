"""Feedback: from a "not what I asked" button or `wrong` to `storybot gaps` and a draft."""

from __future__ import annotations

import asyncio
import copy
import io
import json
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from adapters.console_adapter import run
from bot import replies
from bot.config import Settings
from bot.conversation.feedback import Receipt, Receipts
from bot.gaps.store import UNANSWERED, WRONG, GapStore, SqliteGapStore
from bot.matching.engine import Engine
from bot.models import Marked, Query
from bot.serving.maintain_cli import DRAFT_WAITING
from bot.serving.service import StoryBot
from tests import chatkit, test_discord, test_telegram
from tests.fakes.telegram_api import Call, FakeTelegram

SIGNED = "Who signed the agreement?"
PAKISTAN = "When did Pakistan land on the moon?"  # a correction: a suggestion and the mark


def _bot(engine: Engine, tmp_path: Path) -> tuple[StoryBot, GapStore]:
    settings = Settings(_env_file=None, data_dir=tmp_path)
    bot = StoryBot(engine, settings, SqliteGapStore(settings.gaps_path))
    assert bot.gaps is not None
    return bot, bot.gaps  # reads through the writer wait for what it has queued


def _storybot(*args: str, data: Path, knowledge: Path | None = None) -> str:
    env = {**os.environ, "STORYBOT_DATA_DIR": str(data)}
    if knowledge is not None:
        env["STORYBOT_KNOWLEDGE_DIR"] = str(knowledge)
    done = subprocess.run(
        [sys.executable, "-m", "bot", *args], capture_output=True, timeout=60, env=env
    )
    return done.stdout.decode() + done.stderr.decode()


def test_a_marked_answer_is_logged_once_with_its_question_and_entry(
    engine: Engine, tmp_path: Path
) -> None:
    bot, store = _bot(engine, tmp_path)
    answer = bot.answer(Query(text=SIGNED, platform="telegram", chat_id="g"))
    assert answer.answered and answer.ref
    thanks = bot.feedback(Query(text="", platform="telegram"), answer.ref).reply.text
    assert thanks.startswith("Thanks")
    bot.feedback(Query(text="", platform="telegram"), answer.ref)  # pressed twice
    bot.feedback(Query(text="", platform="telegram"), "0123456789ab")  # unknown or expired
    [gap] = store.all()
    assert (gap.kind, gap.question, gap.best_entry) == (WRONG, SIGNED, "signing")
    declined = bot.answer(Query(text="What is the gravity like on the moon?"))
    assert declined.ref is None  # nothing answered, nothing to mark


def test_only_the_asker_marks_an_answer_once_and_every_press_hears_what_came_of_it(
    engine: Engine, tmp_path: Path
) -> None:
    bot, store = _bot(engine, tmp_path)
    answer = bot.answer(Query(text=SIGNED, platform="discord", chat_id="c", user_id="asker"))
    assert answer.ref

    def press(user: str, ref: str = answer.ref or "", platform: str = "discord") -> tuple:
        pressed = bot.feedback(Query(text="", platform=platform, chat_id="c", user_id=user), ref)
        return pressed.marked, pressed.settled, pressed.reply.text

    not_yours = (Marked.NOT_ASKER, False, replies.NOT_THE_ASKER)
    assert press("someone else") == not_yours  # and the asker can still mark it
    assert press("asker", platform="telegram") == not_yours  # the same id elsewhere: another
    assert press("asker") == (Marked.NOTED, True, replies.NOTED)
    assert press("asker") == (Marked.ALREADY, True, replies.ALREADY_NOTED)
    assert press("someone else") == not_yours
    assert press("asker", "deadbeef") == (Marked.UNKNOWN, True, replies.TOO_OLD)
    [gap] = store.all()
    assert (gap.kind, gap.best_entry) == (WRONG, "signing")


def test_receipts_expire_and_stay_bounded() -> None:
    now = [0.0]
    receipts = Receipts(ttl=60, capacity=2, clock=lambda: now[0])
    refs = [
        receipts.issue(Receipt("console", "local", "local", f"q{n}", "e", 1.0)) for n in range(3)
    ]
    assert len(receipts) == 2  # the oldest went first
    assert receipts.mark(refs[0], "console", "local") == (Marked.UNKNOWN, None)
    now[0] = 61
    assert receipts.mark(refs[2], "console", "local") == (Marked.UNKNOWN, None)


def test_wrong_in_the_terminal_marks_the_last_answer_once_and_again_says_already_noted(
    engine: Engine, tmp_path: Path
) -> None:
    bot, store = _bot(engine, tmp_path)
    out = io.StringIO()
    run(bot, io.StringIO(f"wrong\n{SIGNED}\nwrong\nwrong\n"), out)
    said = out.getvalue().split("bot> ")
    assert said[1].startswith(replies.NOTHING_TO_MARK)
    assert "not what you asked? type: wrong" in said[2] and said[3].startswith(replies.NOTED)
    assert said[4].startswith(replies.ALREADY_NOTED)  # as a second press on a platform says
    assert [(g.kind, g.question) for g in store.all()] == [(WRONG, SIGNED)]


@pytest.mark.anyio
async def test_the_telegram_button_logs_the_mark_and_thanks_quietly(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = SqliteGapStore(tmp_path / "gaps.sqlite3")
    running = await chatkit.start_telegram(engine, monkeypatch, gaps=store)
    fake = running.fake
    asked = fake.message(f"@story_test_bot {SIGNED}", chat_id=-5, chat_type="group")
    [answer] = await test_telegram._ask(fake, asked)
    [[button]] = answer.params["reply_markup"]["inline_keyboard"][-1:]
    assert button["text"] == "Not what I asked" and len(button["callback_data"].encode()) <= 64
    shown = {
        "message_id": 500,
        "date": 0,
        "chat": {"id": -5, "type": "group", "title": "Moon fans"},
        "from": test_telegram.BOT_USER,
        "text": answer.params["text"],
    }
    before = len(fake.sent)
    toasts = []
    for n, presser in enumerate((9, 7, 7)):  # another member, the asker, the asker again
        press = {
            "id": f"cbw{n}",
            "from": {"id": presser, "is_bot": False, "first_name": "B"},
            "chat_instance": "ci",
            "message": shown,
            "data": button["callback_data"],
        }
        await fake.push({"callback_query": press})
        await fake.wait_for(
            lambda f, n=n: any(c.params.get("callback_query_id") == f"cbw{n}" for c in f.calls)
        )
        toasts.append(next(c for c in fake.calls if c.params.get("callback_query_id") == f"cbw{n}"))
    said = [t.params["text"] for t in toasts]
    assert said == [replies.NOT_THE_ASKER, replies.NOTED, replies.ALREADY_NOTED]
    await asyncio.sleep(0.1)
    assert len(fake.sent) == before  # nothing posted to the group
    await chatkit.finish(running)
    assert [(g.kind, g.best_entry) for g in store.all()] == [(WRONG, "signing")]


@pytest.mark.anyio
async def test_an_answer_to_an_anonymous_admin_or_a_channel_offers_no_mark(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    running = await chatkit.start_telegram(engine, monkeypatch)
    fake = running.fake
    asked = fake.message(f"@story_test_bot {SIGNED}", chat_id=-5, chat_type="supergroup")
    asked["from"] = {"id": 1087968824, "is_bot": True, "first_name": "Group"}  # Telegram's
    asked["sender_chat"] = asked["chat"]  # anonymous admin: the press would be their own id
    try:
        [answer] = await test_telegram._ask(fake, asked)
    finally:
        await chatkit.finish(running)
    assert "Beijing" in answer.params["text"]
    rows = answer.params.get("reply_markup", {}).get("inline_keyboard", [])
    assert all(b["text"] != "Not what I asked" for row in rows for b in row)


def _labels(message: dict) -> list[list[str]]:
    return [
        [b["text"] for b in row]
        for row in message.get("reply_markup", {}).get("inline_keyboard", [])
    ]


async def _shown(fake: FakeTelegram, chat_id: int = 100, chat_type: str = "private") -> dict:
    """Ask for a correction as user 7; return the answer as the fake holds it."""
    asked = fake.message(f"@story_test_bot {PAKISTAN}", chat_id=chat_id, chat_type=chat_type)
    [answer] = await test_telegram._ask(fake, asked)
    assert answer.result is not None
    assert _labels(answer.result) == [
        ["When did India land on the moon's south pole?"],
        ["Not what I asked"],
    ]
    return answer.result


async def _press_wrong(fake: FakeTelegram, shown: dict, presser: int, press_id: str) -> Call:
    """Press "not what I asked" on `shown` as it is now; return the toast the presser got."""
    press = {
        "id": press_id,
        "from": {"id": presser, "is_bot": False, "first_name": "B"},
        "chat_instance": "ci",
        "message": copy.deepcopy(shown),  # what Telegram sends: the message as shown then
        "data": shown["reply_markup"]["inline_keyboard"][-1][0]["callback_data"],
    }
    await fake.push({"callback_query": press})
    await fake.wait_for(
        lambda f: any(c.params.get("callback_query_id") == press_id for c in f.calls)
    )
    return next(c for c in fake.calls if c.params.get("callback_query_id") == press_id)


def _edits(fake: FakeTelegram) -> list[Call]:
    return [c for c in fake.calls if c.method == "editMessageReplyMarkup"]


@pytest.mark.anyio
async def test_the_askers_press_removes_the_telegram_button_and_keeps_the_suggestion(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    running = await chatkit.start_telegram(engine, monkeypatch)
    fake = running.fake
    try:
        shown = await _shown(fake)
        toast = await _press_wrong(fake, shown, 7, "cbw-asker")
    finally:
        await chatkit.finish(running)
    assert toast.params["text"] == replies.NOTED
    [edit] = _edits(fake)
    assert (edit.params["chat_id"], edit.params["message_id"]) == ("100", str(shown["message_id"]))
    assert _labels(shown) == [["When did India land on the moon's south pole?"]]  # edited in place
    suggestion = shown["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    assert suggestion == "a:india-when"
    assert fake.calls.index(edit) < fake.calls.index(toast)  # the toast says it is done


@pytest.mark.anyio
async def test_another_members_press_leaves_the_telegram_button_for_the_asker(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    running = await chatkit.start_telegram(engine, monkeypatch)
    fake = running.fake
    try:
        shown = await _shown(fake, chat_id=-5, chat_type="group")
        other = await _press_wrong(fake, shown, 9, "cbw-other")
        assert other.params["text"] == replies.NOT_THE_ASKER
        assert not _edits(fake) and _labels(shown)[-1] == ["Not what I asked"]
        asker = await _press_wrong(fake, shown, 7, "cbw-asker")
    finally:
        await chatkit.finish(running)
    assert asker.params["text"] == replies.NOTED
    assert len(_edits(fake)) == 1 and all("Not what I asked" not in r for r in _labels(shown))


@pytest.mark.anyio
@pytest.mark.parametrize("failure", ["deleted", "500"])
async def test_a_telegram_button_that_cannot_be_removed_still_gets_its_toast(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, failure: str
) -> None:
    caplog.set_level(logging.DEBUG, logger="adapters.telegram_adapter")
    running = await chatkit.start_telegram(engine, monkeypatch)
    fake = running.fake
    try:
        shown = await _shown(fake)
        if failure == "deleted":  # Telegram answers 400 "message to edit not found"
            del fake.messages[(100, shown["message_id"])]
        else:
            fake.fail("editMessageReplyMarkup", failure)
        before = len(fake.sent)
        toast = await _press_wrong(fake, shown, 7, "cbw-fails")
        await asyncio.sleep(0.1)
    finally:
        await chatkit.finish(running)
    assert toast.params["text"] == replies.NOTED
    assert len(_edits(fake)) == 1 and len(fake.sent) == before  # tried once; no apology posted
    left = [r for r in caplog.records if r.getMessage().startswith("mark button left on message")]
    assert len(left) == 1 and left[0].levelno == logging.DEBUG
    assert not any(r.levelno >= logging.ERROR for r in caplog.records)


def _buttons(data: dict) -> list[dict]:
    return [b for row in data.get("components") or [] for b in row["components"]]


@pytest.mark.anyio
async def test_the_discord_button_is_the_askers_logs_once_then_is_disabled(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = SqliteGapStore(tmp_path / "gaps.sqlite3")
    running = await chatkit.start_discord(engine, monkeypatch, gaps=store)
    fake = running.fake
    slash = fake.slash("ask", question=SIGNED)
    await fake.dispatch("INTERACTION_CREATE", slash)
    [answer] = await test_discord._posted(fake, f"/interactions/{slash['id']}/")
    wrong = next(b for b in _buttons(answer.body["data"]) if b["label"] == "Not what I asked")
    shown = fake._message(test_discord.CHANNEL_ID, {"content": "", **answer.body["data"]})

    async def press(custom_id: str, by: dict | None = None, on: dict = shown) -> tuple[dict, str]:
        """Press a button; return the callback and what the presser alone was told."""
        pressed = fake.interaction(3, {"custom_id": custom_id, "component_type": 2}, on)
        pressed["member"]["user"] = by or test_discord.user()
        await fake.dispatch("INTERACTION_CREATE", pressed)
        [callback] = await test_discord._posted(fake, f"/interactions/{pressed['id']}/")
        if callback.body["type"] == 4:  # a reply only: the message is left as it was
            return callback.body, callback.body["data"]["embeds"][0]["description"]
        path = f"/webhooks/{test_discord.APP_ID}/{pressed['token']}"
        [told] = await test_discord._posted(fake, path)
        assert told.body["flags"] & 64  # seen by the presser only
        return callback.body, told.body["embeds"][0]["description"]

    other = test_discord.user("500000000000000002", "other")
    callback, told = await press(wrong["custom_id"], by=other)
    assert told == replies.NOT_THE_ASKER and callback["data"]["flags"] & 64
    callback, told = await press(wrong["custom_id"])  # the asker
    assert told == replies.NOTED and callback["type"] == 7  # the message edited: button off
    [off] = [b for b in _buttons(callback["data"]) if b["custom_id"] == wrong["custom_id"]]
    assert off["disabled"] is True
    assert all(not b.get("disabled") for b in _buttons(callback["data"]) if b is not off)
    _, told = await press(wrong["custom_id"])  # pressed twice before the edit showed
    assert told == replies.ALREADY_NOTED
    forged = {"type": 1, "components": [{**wrong, "custom_id": "storybot:wrong:deadbeef"}]}
    old = fake._message(test_discord.CHANNEL_ID, {"content": "", "components": [forged]})
    callback, told = await press("storybot:wrong:deadbeef", on=old)  # or from before a restart
    assert told == replies.TOO_OLD and _buttons(callback["data"])[0]["disabled"] is True
    await chatkit.finish(running)
    assert [(g.kind, g.best_entry) for g in store.all()] == [(WRONG, "signing")]


def test_gaps_lists_marked_wrong_apart_and_drops_what_is_now_answered(
    engine: Engine, tmp_path: Path, knowledge_copy: Path
) -> None:
    bot, _ = _bot(engine, tmp_path)
    for user in "ab":
        answer = bot.answer(Query(text=SIGNED, user_id=user))
        bot.feedback(Query(text="", user_id=user), answer.ref or "")
    bot.answer(Query(text="How far is the moon from the earth?"))
    bot.answer(Query(text="What does the Chang'e 7 probe do?"))
    bot.close()  # what its writer thread has queued is stored
    listed = _storybot("gaps", data=tmp_path)
    wrong, unanswered = listed.split("Unanswered")
    assert "Answered, but marked wrong (2 times)" in wrong
    assert f"2x  {SIGNED}   (answered with: signing)" in wrong
    assert "How far is the moon" in unanswered and "Chang'e" in unanswered

    # the maintainer adds an entry for one of them: it drops out of the list
    faq = knowledge_copy / "faq.yaml"
    faq.write_text(
        faq.read_text()
        + """
  - id: moon-distance
    topic: The moon
    question: How far is the moon from the earth?
    phrasings: [What is the distance to the moon?]
    answer: The story says the south pole is hidden from Earth, not how far away the moon is.
    source: an area perpetually hidden from Earth
"""
    )
    listed = _storybot("gaps", data=tmp_path, knowledge=knowledge_copy)
    assert (
        "How far is the moon" not in listed and "(1 time; 1 more now answered, not shown)" in listed
    )


def test_added_drafts_keep_the_bot_starting_and_validate_names_what_to_fill(
    engine: Engine, tmp_path: Path, knowledge_copy: Path
) -> None:
    bot, store = _bot(engine, tmp_path)
    bot.answer(Query(text="How far is the moon from the earth?"))
    assert [g.kind for g in store.all()] == [UNANSWERED]
    before = len(yaml.safe_load((knowledge_copy / "faq.yaml").read_text())["entries"])
    printed = _storybot("gaps", "--yaml", data=tmp_path, knowledge=knowledge_copy)
    pasted = (knowledge_copy / "faq.yaml").read_text() + printed
    assert len(yaml.safe_load(pasted)["entries"]) == before + 1
    _storybot("gaps", "--add", data=tmp_path, knowledge=knowledge_copy)
    again = _storybot("gaps", "--add", data=tmp_path, knowledge=knowledge_copy)
    assert again.startswith("nothing to draft")  # the draft is there already: nothing twice
    text = (knowledge_copy / "faq.yaml").read_text()
    assert text.startswith("#") and len(yaml.safe_load(text)["entries"]) == before + 1
    said = _storybot("validate", str(knowledge_copy), data=tmp_path).splitlines()
    assert [p.split("': ", 1)[1] for p in said if "how-far" in p] == [DRAFT_WAITING]
    assert any(line.endswith(", 1 draft not served yet: valid") for line in said)
    # the bot still starts and answers; the draft is not served
    asked = _storybot("ask", "--json", SIGNED, data=tmp_path, knowledge=knowledge_copy)
    assert json.loads(asked)["answered"] is True
    # once filled in and no longer a draft, it is served
    filled = (
        text.replace("\n    draft: true\n", "\n", 1)
        .replace("answer: ''", "answer: The story does not give the distance.")
        .replace("source: ''", "source: Pakistan has joined an ambitious project led by China")
    )
    (knowledge_copy / "faq.yaml").write_text(filled)
    said = _storybot("validate", str(knowledge_copy), data=tmp_path)
    assert "not served" not in said and said.endswith(
        f"{before + 1} FAQ entries, 20 entities: valid\n"
    )


def test_chat_logs_its_gaps_and_ask_only_when_asked(tmp_path: Path) -> None:
    env = {**os.environ, "STORYBOT_DATA_DIR": str(tmp_path)}
    question = "How far is the moon from the earth?"
    subprocess.run(
        [sys.executable, "-m", "bot", "ask", question], env=env, capture_output=True, timeout=60
    )
    assert SqliteGapStore(tmp_path / "gaps.sqlite3").all() == []
    subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--log-gaps", question],
        env=env,
        capture_output=True,
        timeout=60,
    )
    subprocess.run(
        [sys.executable, "-m", "bot", "chat"],
        input=f"{question}\nquit\n".encode(),
        env=env,
        capture_output=True,
        timeout=60,
    )
    logged = SqliteGapStore(tmp_path / "gaps.sqlite3").all()
    assert [(g.platform, g.kind) for g in logged] == [("console", UNANSWERED)] * 2


def test_drafts_take_the_indent_of_an_unindented_entries_list(
    engine: Engine, tmp_path: Path, knowledge_copy: Path
) -> None:
    faq = knowledge_copy / "faq.yaml"
    faq.write_text(yaml.safe_dump(yaml.safe_load(faq.read_text()), sort_keys=False))
    assert "\n- id:" in faq.read_text()  # entries at column 0, as safe_dump writes them
    bot, store = _bot(engine, tmp_path)
    bot.answer(Query(text="How far is the moon from the earth?"))
    store.all()  # written
    before = len(yaml.safe_load(faq.read_text())["entries"])
    _storybot("gaps", "--add", data=tmp_path, knowledge=knowledge_copy)
    assert len(yaml.safe_load(faq.read_text())["entries"]) == before + 1


def test_gaps_adds_its_drafts_to_the_folder_named_on_the_command_line(
    engine: Engine, tmp_path: Path, knowledge_copy: Path
) -> None:
    bot, store = _bot(engine, tmp_path)
    bot.answer(Query(text="How far is the moon from the earth?"))
    store.all()  # waits for the queued write
    other = tmp_path / "other"  # the configured folder: left as it is
    shutil.copytree(knowledge_copy, other)
    before = (other / "faq.yaml").read_bytes()
    out = _storybot(
        "gaps", "--add", "--knowledge", str(knowledge_copy), data=tmp_path, knowledge=other
    )
    assert "draft" in out and "draft: true" in (knowledge_copy / "faq.yaml").read_text()
    assert (other / "faq.yaml").read_bytes() == before


def test_gaps_says_so_when_its_database_cannot_be_opened(tmp_path: Path) -> None:
    (tmp_path / "gaps.sqlite3").mkdir()  # a folder where the database file should be
    out = _storybot("gaps", data=tmp_path)
    assert "Traceback" not in out and "cannot open" in out
