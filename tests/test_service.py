"""The running bot: live reloads, the gaps log and rate limits."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import yaml

from bot.config import Settings
from bot.gaps.report import draft_entries, group_gaps
from bot.gaps.store import Gap, SqliteGapStore
from bot.knowledge.loading import load_knowledge
from bot.matching.engine import Engine
from bot.models import AnswerKind, Query
from bot.replies import SLOW_DOWN
from bot.serving.ratelimit import Limit, RateLimiter, Verdict
from bot.serving.service import StoryBot

SIGNED = "where was the agreement signed?"


def _bot(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, **env: str) -> StoryBot:
    monkeypatch.setenv("STORYBOT_KNOWLEDGE_DIR", str(folder))
    monkeypatch.setenv("STORYBOT_DATA_DIR", str(tmp_path / "data"))
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    settings = Settings(_env_file=None)
    return StoryBot(Engine.from_folder(folder), settings, SqliteGapStore(settings.gaps_path))


def _edit(folder: Path, old: str, new: str) -> None:
    faq = folder / "faq.yaml"
    text = faq.read_text(encoding="utf-8")
    assert old in text
    faq.write_text(text.replace(old, new, 1), encoding="utf-8")


# ── reloading ────────────────────────────────────────────────────────────────
def test_a_good_edit_is_served_after_reload(
    knowledge_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bot = _bot(knowledge_copy, tmp_path, monkeypatch)
    _edit(knowledge_copy, "In Beijing, where Kakar", "In Beijing (updated), where Kakar")
    assert bot.reload()
    assert "(updated)" in bot.answer(Query(text=SIGNED)).text


def test_a_broken_edit_is_rejected_and_the_old_knowledge_kept(
    knowledge_copy: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    bot = _bot(knowledge_copy, tmp_path, monkeypatch)
    _edit(
        knowledge_copy, "    answer: In Beijing, where Kakar", "    anwser: In Beijing, where Kakar"
    )
    assert not bot.reload()
    answer = bot.answer(Query(text=SIGNED))
    assert answer.answered and "Beijing" in answer.text
    assert any("faq.yaml:" in r.getMessage() and "anwser" in r.getMessage() for r in caplog.records)


@pytest.mark.anyio
async def test_edits_are_picked_up_live_and_broken_ones_ignored(
    knowledge_copy: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    bot = _bot(knowledge_copy, tmp_path, monkeypatch)
    stop = asyncio.Event()
    watcher = asyncio.create_task(bot.watch(stop))
    try:
        await asyncio.sleep(0.5)
        _edit(knowledge_copy, "In Beijing, where Kakar", "In Beijing (live), where Kakar")
        start = time.monotonic()
        while "(live)" not in bot.answer(Query(text=SIGNED, user_id=str(time.monotonic()))).text:
            assert time.monotonic() - start < 5, "the edit was not picked up"
            await asyncio.sleep(0.1)
        picked_up = time.monotonic() - start
        _edit(
            knowledge_copy,
            "    source: witnessed the signing of an initial cooperation agreement with Chinese Premier Li Qiang in Beijing\n\n  - id: agreement-kind",
            "    source: [broken\n\n  - id: agreement-kind",
        )
        while not any("reload rejected" in r.getMessage() for r in caplog.records):
            assert time.monotonic() - start < 10, "the broken edit was not noticed"
            await asyncio.sleep(0.1)
        assert "(live)" in bot.answer(Query(text=SIGNED, user_id="later")).text
        print(f"\nlive reload picked up in {picked_up:.2f}s")
    finally:
        stop.set()
        await asyncio.wait_for(watcher, 5)


# ── the gaps log ─────────────────────────────────────────────────────────────
def test_declined_and_unsure_questions_are_logged_without_ids_in_clear(
    knowledge_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bot = _bot(knowledge_copy, tmp_path, monkeypatch)
    bot.answer(
        Query(
            text="What is the gravity like on the moon?",
            platform="telegram",
            chat_id="-100987",
            user_id="55",
        )
    )
    bot.answer(Query(text=SIGNED, platform="telegram", chat_id="-100987", user_id="56"))
    bot.answer(Query(text="hello", platform="telegram", chat_id="-100987", user_id="57"))
    assert bot.gaps is not None
    [gap] = bot.gaps.all()
    assert gap.question == "What is the gravity like on the moon?" and gap.platform == "telegram"
    assert "100987" not in gap.chat and len(gap.chat) == 16
    with sqlite3.connect(tmp_path / "data" / "gaps.sqlite3") as db:
        stored = " ".join(str(v) for row in db.execute("SELECT * FROM gaps") for v in row)
    assert "100987" not in stored  # the chat id is only ever stored as a salted hash


def test_gaps_are_grouped_most_asked_first_and_exported_as_valid_entries(
    knowledge_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bot = _bot(
        knowledge_copy,
        tmp_path,
        monkeypatch,
        STORYBOT_RATE_USER_BURST="1000",
        STORYBOT_RATE_CHAT_BURST="1000",
    )
    asked = [
        "How much is Pakistan paying for the lunar base?",
        "how much is pakistan paying for the moon base",
        "How much money is Pakistan paying for the base?",
        "What is the gravity like on the moon?",
        "what is the gravity on the moon",
        "Who won the cricket match?",
    ]
    for question in asked:
        bot.answer(Query(text=question))
    assert bot.gaps is not None
    groups = group_gaps(bot.gaps.all(), bot.engine)
    assert [g.count for g in groups] == [3, 2, 1]
    assert "paying" in groups[0].questions[0].lower()
    drafts = yaml.safe_load(draft_entries(groups, bot.engine))
    assert len(drafts) == 3 and drafts[0]["answer"] == "" and len(drafts[0]["phrasings"]) == 2
    # pasted as printed, the drafts load (the bot can restart) and are not served
    faq = knowledge_copy / "faq.yaml"
    original = faq.read_text(encoding="utf-8")
    faq.write_text(original + "\n" + draft_entries(groups, bot.engine), encoding="utf-8")
    knowledge = load_knowledge(knowledge_copy)
    assert {d.id for d in knowledge.drafts} == {d["id"] for d in drafts}
    assert not {d["id"] for d in drafts} & {e.id for e in knowledge.faq}
    # a maintainer answers the first draft and adds it: it validates and is then answered
    entry = {
        **{k: v for k, v in drafts[0].items() if k != "draft"},
        "answer": "The story does not give an amount.",
        "source": "Pakistan has joined an ambitious project led by China",
    }
    added = textwrap.indent(yaml.safe_dump([entry], sort_keys=False, allow_unicode=True), "  ")
    faq.write_text(original + "\n" + added, encoding="utf-8")
    knowledge = load_knowledge(knowledge_copy)
    assert drafts[0]["id"] in {e.id for e in knowledge.faq}
    assert bot.reload()
    answer = bot.answer(Query(text="how much is pakistan paying for the moon base?"))
    assert answer.answered and answer.entry_id == drafts[0]["id"]


def test_a_follow_up_is_logged_with_what_it_was_read_with(
    knowledge_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bot = _bot(knowledge_copy, tmp_path, monkeypatch)
    for text in ("Where was the agreement signed?", "when was that?", "what is the gravity?"):
        bot.answer(Query(text=text))
    bot.close()
    assert bot.gaps is not None
    logged = sorted(g.question for g in bot.gaps.all())
    assert logged == ["what is the gravity?", "when was that? (after: agreement signed)"]


def test_a_long_message_is_logged_as_the_engine_read_it(
    knowledge_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bot = _bot(knowledge_copy, tmp_path, monkeypatch)
    chatter = "my cousin and I were talking about the news all week long and " * 12
    bot.answer(Query(text=chatter + "anyway, what is the gravity like on the moon?"))
    bot.close()
    assert bot.gaps is not None
    [logged] = bot.gaps.all()
    assert logged.question.endswith("what is the gravity like on the moon?")  # not cut off


def test_forget_and_retention(tmp_path: Path) -> None:
    store = SqliteGapStore(tmp_path / "g.sqlite3")
    now = time.time()
    store.add(Gap(now - 100 * 86_400, "discord", "k", "old question", None, 0.1))
    store.add(Gap(now, "discord", "k", "new question", None, 0.1))
    assert store.forget(older_than_days=90) == 1
    assert [g.question for g in store.all()] == ["new question"]
    assert store.forget() == 1 and store.all() == []


WRITER = """
import sys, time
from pathlib import Path
from bot.gaps.store import Gap, SqliteGapStore
store = SqliteGapStore(Path(sys.argv[1]))
for n in range(int(sys.argv[3])):
    store.add(Gap(time.time(), "telegram", "k", f"{sys.argv[2]}-{n}", None, 0.1))
    print(n, flush=True)
"""


def test_two_writers_at_once_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "gaps.sqlite3"
    SqliteGapStore(db)
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db), name, "300"], stdout=subprocess.DEVNULL
        )
        for name in ("a", "b")
    ]
    assert [w.wait(60) for w in writers] == [0, 0]
    questions = {g.question for g in SqliteGapStore(db).all()}
    assert len(questions) == 600


def test_a_writer_killed_mid_write_leaves_a_readable_database(tmp_path: Path) -> None:
    db = tmp_path / "gaps.sqlite3"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db), "w", "1000000"], stdout=subprocess.PIPE
    )
    assert writer.stdout is not None
    for _ in range(200):  # let it get well into writing
        writer.stdout.readline()
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(10)
    with sqlite3.connect(db) as check:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    gaps = SqliteGapStore(db).all()
    assert len(gaps) >= 200
    SqliteGapStore(db).add(Gap(time.time(), "x", "k", "after the crash", None, 0.0))


# ── rate limits ──────────────────────────────────────────────────────────────
class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_user_past_the_limit_is_told_once_then_ignored_until_refilled() -> None:
    clock = Clock()
    limiter = RateLimiter(user=Limit(3, 6), chat=Limit(100, 100), clock=clock)
    verdicts = [limiter.check("telegram", "chat", "u1") for _ in range(6)]
    assert verdicts == [Verdict.ALLOW] * 3 + [Verdict.WARN, Verdict.SILENT, Verdict.SILENT]
    assert limiter.check("telegram", "chat", "u2") is Verdict.ALLOW  # others still get answers
    clock.now += 10  # 6 a minute: one token back after 10 s
    assert limiter.check("telegram", "chat", "u1") is Verdict.ALLOW
    assert limiter.check("telegram", "chat", "u1") is Verdict.WARN  # a new window, a new warning


def test_a_chat_is_limited_across_its_users() -> None:
    clock = Clock()
    limiter = RateLimiter(user=Limit(5, 6), chat=Limit(4, 20), clock=clock)
    verdicts = [limiter.check("discord", "general", f"user{n}") for n in range(6)]
    assert verdicts == [Verdict.ALLOW] * 4 + [Verdict.WARN, Verdict.SILENT]
    assert limiter.check("discord", "other-channel", "user9") is Verdict.ALLOW


def test_memory_for_buckets_stays_bounded() -> None:
    clock = Clock()
    limiter = RateLimiter(user=Limit(2, 60), chat=Limit(2, 60), clock=clock, max_buckets=100)
    for n in range(1000):
        clock.now += 1
        limiter.check("telegram", str(n), str(n))
    assert len(limiter._buckets) <= 100


def test_the_service_says_slow_down_once(
    knowledge_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bot = _bot(knowledge_copy, tmp_path, monkeypatch, STORYBOT_RATE_USER_BURST="2")
    flood = Query(text=SIGNED, platform="telegram", user_id="flooder")  # the terminal: no limit
    answers = [bot.answer(flood) for _ in range(4)]
    assert [a.kind for a in answers] == [
        AnswerKind.ANSWER,
        AnswerKind.ANSWER,
        AnswerKind.THROTTLED,
        AnswerKind.SILENT,
    ]
    assert answers[2].text == SLOW_DOWN and answers[3].text == ""
    assert bot.answer(Query(text=SIGNED, platform="telegram", user_id="flooder2")).answered


def test_one_log_line_per_question_without_the_text(
    knowledge_copy: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    bot = _bot(knowledge_copy, tmp_path, monkeypatch)
    bot.answer(Query(text=SIGNED, platform="discord", chat_kind="group"))
    bot.answer(Query(text="What is the gravity like on the moon?", platform="telegram"))
    lines = [r.getMessage() for r in caplog.records if r.getMessage().startswith("question ")]
    assert len(lines) == 2
    assert (
        lines[0].startswith("question discord group: signing-place confidence=")
        and "latency=" in lines[0]
    )
    assert "unanswered (decline)" in lines[1]
    assert all("gravity" not in line and "agreement" not in line for line in lines)


def test_a_quoted_story_sentence_is_logged_as_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    lagos = Path(__file__).parent / "data" / "stories" / "lagos-metro" / "knowledge"
    bot = _bot(lagos, tmp_path, monkeypatch)
    answer = bot.answer(Query(text="name a few stops between the two ends pls"))
    assert answer.answered and answer.entry_id is None  # no entry: a sentence of the story
    [line] = [r.getMessage() for r in caplog.records if r.getMessage().startswith("question ")]
    assert ": a story sentence confidence=" in line and "None" not in line


# ── the one door: every front-end path ──────────────────────────────────────
def test_every_front_end_path_logs_one_line_without_the_text(
    knowledge_copy: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="bot.serving.service")
    bot = _bot(knowledge_copy, tmp_path, monkeypatch)
    asker = Query(text="artemis secret words", platform="telegram", chat_kind="group")
    assert bot.suggest(asker, 5) and bot.previews(asker, 5)
    assert bot.catalogue(asker).topics
    assert "south pole" in bot.about(asker).text and bot.help(asker).text
    lines = [r.getMessage() for r in caplog.records]
    assert [line.split()[0] for line in lines] == ["suggest", "preview", "faq", "about", "help"]
    assert all(" telegram group: " in line and "latency=" in line for line in lines)
    assert all("secret" not in line for line in lines)


def test_suggestions_fall_back_to_the_first_questions_and_stop_past_the_typing_limit(
    knowledge_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bot = _bot(knowledge_copy, tmp_path, monkeypatch, STORYBOT_RATE_TYPING_BURST="3")
    typed = [bot.suggest(Query(text="", user_id="typist"), 4) for _ in range(4)]
    assert typed[0] == bot.engine.top_questions(4)
    assert [len(t) for t in typed] == [4, 4, 4, 0]
    assert bot.suggest(Query(text="artemis", user_id="other"), 4)  # others type on
    assert bot.answer(Query(text=SIGNED, user_id="typist")).answered  # questions have their own


def test_typing_reads_a_half_typed_last_word_until_a_space_ends_it(
    knowledge_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bot = _bot(knowledge_copy, tmp_path, monkeypatch)
    assert bot.suggest(Query(text="who sig", platform="discord"), 25)[0].entry_id == "signing"
    assert bot.previews(Query(text="  li qia", platform="telegram"), 5)[0].entry_id == "li-qiang"
    # a space after it: "sig" is a whole word, one the story never uses
    assert bot.suggest(Query(text="who sig "), 5) == bot.engine.top_questions(5)


def test_a_reload_landing_mid_call_cannot_mix_two_knowledge_versions(
    knowledge_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bot = _bot(knowledge_copy, tmp_path, monkeypatch)
    first = bot.engine
    _edit(knowledge_copy, "In Beijing, where Kakar", "In Beijing (updated), where Kakar")
    edited = Engine.from_folder(knowledge_copy)
    suggest = first.suggest

    def reload_lands_now(text: str, limit: int = 25) -> list:
        bot.engine = edited  # what `reload` does, from the watcher's thread
        return suggest(text, limit)

    monkeypatch.setattr(first, "suggest", reload_lands_now)
    previews = bot.previews(Query(text="where was the agreement signed"), 5)
    assert previews and all("(updated)" not in a.text for a in previews)
    assert "(updated)" in bot.previews(Query(text="where was the agreement signed"), 5)[0].text


def test_listings_are_limited_per_person_and_per_chat(
    knowledge_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bot = _bot(knowledge_copy, tmp_path, monkeypatch)
    mine = [bot.catalogue(Query(text="", chat_id="g", user_id="a")) for _ in range(4)]
    assert [c.refusal.kind if c.refusal else None for c in mine] == [
        None,
        None,
        AnswerKind.THROTTLED,
        AnswerKind.SILENT,
    ]
    others = [bot.about(Query(text="", chat_id="g", user_id=u)) for u in "bcd"]
    assert [a.kind for a in others] == [
        AnswerKind.SMALLTALK,
        AnswerKind.SMALLTALK,
        AnswerKind.THROTTLED,
    ]
