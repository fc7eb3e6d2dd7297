"""Written twice: a question in two entries is an error, in one entry a warning; ids clash."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.config import Settings
from bot.errors import KnowledgeError
from bot.knowledge.duplicates import said_alike
from bot.knowledge.loading import load_knowledge
from bot.matching.engine import Engine
from bot.serving.service import StoryBot
from tests.knowledgekit import validate

LAST_OF_SIGNING = "      - Who were the signatories?\n"
LAST_OF_PLACE = "      - Was the deal signed in Beijing?\n"


def _add(folder: Path, after: str, line: str) -> None:
    faq = folder / "faq.yaml"
    text = faq.read_text(encoding="utf-8")
    assert after in text, f"fixture text not found: {after!r}"
    faq.write_text(text.replace(after, after + line, 1), encoding="utf-8")


def _line_of(folder: Path, needle: str, nth: int = 1) -> int:
    lines = (folder / "faq.yaml").read_text(encoding="utf-8").splitlines()
    return [n for n, line in enumerate(lines, start=1) if needle in line][nth - 1]


# (text added to `signing`, the place in `signing-place` it repeats: its field and text)
ACROSS = [
    ("Where did the signing take place?", "phrasings #1", "Where did the signing take place?"),
    ("  where did the SIGNING take place ", "phrasings #1", "Where did the signing take place?"),
    ("Where was the agreement signed!", "question", "Where was the agreement signed?"),
]


@pytest.mark.parametrize(("added", "field", "text"), ACROSS)
def test_a_question_in_two_entries_is_said_naming_both_places(
    knowledge_copy: Path, added: str, field: str, text: str
) -> None:
    _add(knowledge_copy, LAST_OF_SIGNING, f"      - '{added}'\n")
    knowledge = load_knowledge(knowledge_copy)  # served: a hand-written FAQ is not refused
    new = _line_of(knowledge_copy, added)  # `signing` comes first in the file
    old = _line_of(knowledge_copy, f" {text}")
    assert list(knowledge.duplicated) == [
        f"faq.yaml:{old}: entry 'signing-place': {field}: {text!r}: duplicate of entry "
        f"'signing', phrasings #10 (faq.yaml:{new}); a question can lead to one entry only: "
        "delete or reword one of them"
    ]


# (text added to `signing-place`, its own field it repeats, a text on that field's line)
WITHIN = [
    ("signing location", "phrasings #3", "- Signing location?"),
    ("Where was the agreement signed?", "question", "question: Where was the agreement signed?"),
]


@pytest.mark.parametrize(("added", "field", "needle"), WITHIN)
def test_a_question_twice_in_one_entry_is_a_warning_naming_its_line(
    knowledge_copy: Path, added: str, field: str, needle: str
) -> None:
    _add(knowledge_copy, LAST_OF_PLACE, f"      - {added}\n")
    knowledge = load_knowledge(knowledge_copy)  # served as it is: nothing is ambiguous
    assert "signing-place" in {e.id for e in knowledge.faq}
    new = _line_of(knowledge_copy, f"- {added}")
    assert knowledge.warnings == (
        f"faq.yaml:{new}: entry 'signing-place': phrasings #6: {added!r}: duplicate of its own "
        f"{field} (line {_line_of(knowledge_copy, needle)}); delete it",
    )


def test_validate_prints_a_repeated_question_as_a_warning(
    knowledge_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _add(knowledge_copy, LAST_OF_PLACE, "      - Signing location?\n")
    assert validate(knowledge_copy) == 0
    said = capsys.readouterr()
    assert "warning: faq.yaml:" in said.err and "duplicate of its own phrasings #3" in said.err
    assert said.out.endswith(": valid\n")


def test_validate_fails_on_a_question_in_two_entries(
    knowledge_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _add(knowledge_copy, LAST_OF_SIGNING, "      - Where did the signing take place?\n")
    assert validate(knowledge_copy) == 1
    said = capsys.readouterr()
    assert "error: faq.yaml:" in said.err and "duplicate of entry 'signing'" in said.err
    assert said.out.endswith(": 1 question in two entries\n")


def test_a_question_put_in_a_second_entry_is_served_with_a_logged_warning(
    knowledge_copy: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("STORYBOT_KNOWLEDGE_DIR", str(knowledge_copy))
    monkeypatch.setenv("STORYBOT_ENCODER", "none")
    config = Settings(_env_file=None)
    bot = StoryBot(Engine.from_settings(config), config)
    caplog.set_level(logging.WARNING)
    _add(knowledge_copy, LAST_OF_SIGNING, "      - Where did the signing take place?\n")
    assert bot.reload()  # a hand-written FAQ that did is better served than refused
    [record] = [r for r in caplog.records if "duplicate of entry" in r.getMessage()]
    assert record.levelno == logging.WARNING and "'signing', phrasings #10" in record.getMessage()
    # the lines of a whole read, though a reload reads the file entry by entry
    added = _line_of(knowledge_copy, "- Where did the signing take place?")
    assert f"(faq.yaml:{added})" in record.getMessage()


def _edit(folder: Path, old: str, new: str) -> None:
    faq = folder / "faq.yaml"
    text = faq.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found: {old!r}"
    faq.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_faq_id_an_entity_has_is_said_at_the_faq_line(knowledge_copy: Path) -> None:
    _edit(knowledge_copy, "  - id: signing-place\n", "  - id: kakar\n")
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(knowledge_copy)
    facts = (knowledge_copy / "facts.yaml").read_text(encoding="utf-8").splitlines()
    entity = facts.index("  - id: kakar") + 1
    assert caught.value.problems == [
        f"faq.yaml:{_line_of(knowledge_copy, '- id: kakar')}: entry 'kakar': id: duplicate id "
        f"(also facts.yaml:{entity})"
    ]


def test_a_duplicate_id_is_said_in_the_same_run_as_the_file_s_other_errors(
    knowledge_copy: Path,
) -> None:
    _edit(knowledge_copy, "  - id: signing-place\n", "  - id: Signing Place\n")  # bad id
    kind = "    answer: An initial cooperation agreement — a first step, not a final treaty.\n"
    _edit(knowledge_copy, kind, "    answer:\n")  # empty
    _edit(knowledge_copy, "  - id: announced-by\n", "  - id: signing\n")  # given twice
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(knowledge_copy)
    said = caught.value.problems
    assert any("entry 'Signing Place': id: use lowercase letters" in p for p in said)
    assert any("entry 'agreement-kind': answer: empty" in p for p in said)
    first, second = (_line_of(knowledge_copy, "- id: signing", n) for n in (1, 2))
    assert f"faq.yaml:{second}: entry 'signing': id: duplicate id (also faq.yaml:{first})" in said


def test_questions_alike_but_for_quote_style_and_spaces_are_duplicates() -> None:
    assert said_alike("What\u2019s the price?") == said_alike("what's  the price")
