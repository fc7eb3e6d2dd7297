"""Gaps drafts: ids, topics and what is drafted at all; `--add` to the faq.yaml the loader reads."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bot.config import Settings
from bot.gaps.report import GapGroup, draft_entries, group_gaps
from bot.gaps.store import Gap, SqliteGapStore
from bot.knowledge.loading import load_knowledge
from bot.matching.engine import Engine
from bot.models import Query
from bot.serving.service import StoryBot

UNANSWERED = "How far is the moon from the earth?"
BLOCK = (
    "    phrasings:\n"
    "      - Where did the signing take place?\n"
    "      - In which city was the moon deal signed?\n"
    "      - Signing location?\n"
    "      - Agreement kahan sign hua?\n"
    "      - Was the deal signed in Beijing?\n"
)
# libyaml reads a flow list of questions as the texts; pure-Python PyYAML refuses the '?'
FLOW = (
    "    phrasings: [Where did the signing take place?, In which city was the moon deal signed?]\n"
)


def _log(engine: Engine, data: Path, *questions: str) -> None:
    settings = Settings(_env_file=None, data_dir=data)
    bot = StoryBot(engine, settings, SqliteGapStore(settings.gaps_path))
    for question in questions:
        bot.answer(Query(text=question))
    bot.close()  # what its writer thread has queued is stored


def _storybot(*args: str, data: Path, knowledge: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "STORYBOT_DATA_DIR": str(data), "STORYBOT_KNOWLEDGE_DIR": str(knowledge)}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], capture_output=True, text=True, timeout=60, env=env
    )


def _edit(folder: Path, old: str, new: str) -> Path:
    faq = folder / "faq.yaml"
    text = faq.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found: {old!r}"
    faq.write_text(text.replace(old, new, 1), encoding="utf-8")
    return faq


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (BLOCK, FLOW),
        (
            "entries:\n",
            "entries:\n  - id: flow-first\n    question: Who?\n"
            "    phrasings: [Who is it?, Who was it, then?]\n"
            "    answer: Kakar.\n    source: Pakistan has joined an ambitious project led by China\n",
        ),
    ],
    ids=["flow-list-in-an-entry", "flow-list-in-a-new-first-entry"],
)
def test_drafts_are_added_to_a_file_with_a_flow_list_the_loader_reads(
    engine: Engine, tmp_path: Path, knowledge_copy: Path, old: str, new: str
) -> None:
    faq = _edit(knowledge_copy, old, new)
    before = len(load_knowledge(knowledge_copy).faq)  # valid, as `storybot validate` says
    _log(engine, tmp_path, UNANSWERED)
    done = _storybot("gaps", "--add", data=tmp_path, knowledge=knowledge_copy)
    assert done.returncode == 0, done.stderr
    assert "appended drafts" in done.stdout and new in faq.read_text(encoding="utf-8")
    added = load_knowledge(knowledge_copy)
    assert len(added.faq) == before and len(added.drafts) == 1


def test_drafts_not_added_safely_are_refused_with_the_line_that_stops_them(
    engine: Engine, tmp_path: Path, knowledge_copy: Path
) -> None:
    faq = knowledge_copy / "faq.yaml"
    text = faq.read_text(encoding="utf-8").rstrip("\n") + "\n...\n"  # the document ends here
    faq.write_text(text, encoding="utf-8")
    load_knowledge(knowledge_copy)  # valid: the loader reads one document
    _log(engine, tmp_path, UNANSWERED)
    done = _storybot("gaps", "--add", data=tmp_path, knowledge=knowledge_copy)
    assert done.returncode == 1 and faq.read_text(encoding="utf-8") == text
    printed = _storybot("gaps", "--yaml", data=tmp_path, knowledge=knowledge_copy).stdout
    below = next(n for n, line in enumerate(printed.splitlines(), 1) if "- id:" in line)
    assert f"safely: faq.yaml:{text.count(chr(10)) + below}: " in done.stderr, done.stderr
    assert "YAML syntax error" in done.stderr and done.stderr.rstrip().endswith("use --yaml")


def _draft(engine: Engine, question: str, nearest: str | None) -> dict[str, object]:
    entry = engine.entry(nearest) if nearest else None
    group = GapGroup(questions=(question,), count=1, last_asked=0.0, nearest=entry)
    [draft] = yaml.safe_load(draft_entries([group], engine))
    return draft


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Who is the head of the Chinese government mentioned?", "who-is-the-head-of-the-chinese"),
        (
            "How big is the research station going to be?",
            "how-big-is-the-research-station-going-to",
        ),
        (
            "Supercalifragilisticexpialidociousnesses everywhere?",
            "supercalifragilisticexpialidociousnesses",
        ),
        ("How far is the moon?", "how-far-is-the-moon"),
    ],
)
def test_a_draft_id_is_the_question_s_first_whole_words(
    engine: Engine, question: str, expected: str
) -> None:
    assert _draft(engine, question, None)["id"] == expected


@pytest.mark.parametrize(
    ("question", "nearest", "topic"),
    [
        ("Where exactly in Beijing was it signed?", "signing-place", "The agreement"),
        ("Who is the head of the Chinese government mentioned?", "li-qiang", None),  # an entity
        ("What does the Chang'e 7 probe do?", None, None),
    ],
)
def test_a_draft_takes_a_topic_faq_yaml_already_uses(
    engine: Engine, question: str, nearest: str | None, topic: str | None
) -> None:
    used = {entry.topic for entry in engine.knowledge.faq}
    drafted = _draft(engine, question, nearest)["topic"]
    assert drafted in used and (topic is None or drafted == topic)


@pytest.mark.parametrize("typed", ["7", "42", "?", "x", " 3 "])
def test_a_lone_number_or_character_is_neither_logged_nor_drafted(
    engine: Engine, tmp_path: Path, typed: str
) -> None:
    settings = Settings(_env_file=None, data_dir=tmp_path)
    store = SqliteGapStore(settings.gaps_path)
    bot = StoryBot(engine, settings, store)
    bot.answer(Query(text=typed))
    bot.answer(Query(text=UNANSWERED))
    bot.close()
    assert [g.question for g in store.all()] == [UNANSWERED]
    logged_before = Gap(0.0, "console", "c", typed, None, 0.0)  # a row from an older version
    assert [g.questions for g in group_gaps([logged_before], engine)] == []
