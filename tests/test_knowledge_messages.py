"""What validate tells a maintainer: list items counted from 1, advice that fits the mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import KnowledgeError
from bot.knowledge.loading import load_knowledge
from bot.knowledge.schema import FaqEntry
from bot.serving.maintain_cli import DRAFT_READY, DRAFT_WAITING
from tests.knowledgekit import edit, line_of, validate

LONG = "Where " + "really " * 43 + "was it signed?"  # 307 characters: past the 300 of a line


SIGNING_LOCATION = "      - Signing location?\n"
# (file, old text, new text, the problem after `file:line: `, a text on that line)
MISTAKES = [
    (
        "faq.yaml",
        SIGNING_LOCATION,
        "      -\n",
        "entry 'signing-place': phrasings #3: empty: write it in, or delete the empty line",
        "      -",
    ),
    (
        "faq.yaml",
        SIGNING_LOCATION,
        "      - '   '\n",
        "entry 'signing-place': phrasings #3: empty: write it in, or delete the empty line",
        "- '   '",
    ),
    (
        "faq.yaml",
        SIGNING_LOCATION,
        f"      - {LONG}\n",
        f"entry 'signing-place': phrasings #3: {len(LONG)} characters; at most 300",
        "really really",
    ),
    (
        "faq.yaml",
        SIGNING_LOCATION,
        "      - 42\n",
        "entry 'signing-place': phrasings #3: should be text; YAML read it as a number: "
        "put it in quotes",
        "- 42",
    ),
    (
        "faq.yaml",
        SIGNING_LOCATION,
        "      - text: Where?\n        text: Signing location?\n",
        "entry 'signing-place': phrasings #3.text: duplicate key (also on line ",
        "text: Signing location?",
    ),
    (  # a question cannot wait in a draft: no draft advice
        "faq.yaml",
        "    question: Where was the agreement signed?\n",
        "    question:\n",
        "entry 'signing-place': question: empty: write it in",
        "    question:",
    ),
    (
        "facts.yaml",
        "aliases: [Anwaarul Haq Kakar, Anwar ul Haq Kakar,",
        "aliases: [Anwaarul Haq Kakar, '', Anwar ul Haq Kakar,",
        "item 'kakar': aliases #2: empty: write it in, or delete the empty line",
        "aliases: [Anwaarul Haq Kakar, ''",
    ),
    (
        "synonyms.yaml",
        "  - [peace, aman, amn]",
        "  - [peace, '', amn]",
        "group #",
        "[peace, '', amn]",
    ),
]


@pytest.mark.parametrize(("name", "old", "new", "problem", "needle"), MISTAKES)
def test_a_list_item_is_counted_from_one_and_told_how_to_fix_it(
    knowledge_copy: Path, name: str, old: str, new: str, problem: str, needle: str
) -> None:
    edit(knowledge_copy, name, old, new)
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(knowledge_copy)
    line = line_of(knowledge_copy, name, needle)
    [said] = [p for p in caught.value.problems if p.startswith(f"{name}:{line}: {problem}")]
    assert ".0" not in said and "draft" not in said
    if name == "synonyms.yaml":
        assert said.endswith(": term #2: empty: write it in, or delete the empty line")


DRAFT = "  - id: my-draft\n    draft: true\n    question: What happened in August?\n"
SOURCE = "Pakistan has joined an ambitious project led by China"


@pytest.mark.parametrize(
    ("fields", "told"),
    [
        ("    answer:\n    source:\n", DRAFT_WAITING),
        (
            "    answer: India landed.\n    source:\n",
            "not served until its source is written and `draft: true` is removed",
        ),
        (f"    answer: India landed.\n    source: {SOURCE}\n", DRAFT_READY),
    ],
    ids=["nothing-written", "answer-written", "both-written"],
)
def test_validate_tells_a_draft_only_what_it_still_needs(
    knowledge_copy: Path, capsys: pytest.CaptureFixture[str], fields: str, told: str
) -> None:
    faq = knowledge_copy / "faq.yaml"
    faq.write_text(faq.read_text(encoding="utf-8") + DRAFT + fields, encoding="utf-8")
    assert validate(knowledge_copy) == 0
    said = capsys.readouterr()
    line = line_of(knowledge_copy, "faq.yaml", "- id: my-draft")
    assert f"draft: faq.yaml:{line}: entry 'my-draft': {told}\n" in said.err
    assert said.out.endswith(", 1 draft not served yet: valid\n")


def test_validate_counts_two_drafts_in_the_plural(
    knowledge_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    faq = knowledge_copy / "faq.yaml"
    second = DRAFT.replace("my-draft", "my-second").replace("August?", "September?")
    both = DRAFT + "    answer:\n    source:\n" + second + "    answer:\n    source:\n"
    faq.write_text(faq.read_text(encoding="utf-8") + both, encoding="utf-8")
    validate(knowledge_copy)
    assert capsys.readouterr().out.endswith(", 2 drafts not served yet: valid\n")


def _most(field: str) -> int:
    [limit] = [m.max_length for m in FaqEntry.model_fields[field].metadata if m.max_length]
    return int(limit)


def test_the_readme_states_the_limits_validate_enforces() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    extending = " ".join(
        readme.split("## Extending the FAQ")[1].split("## How it matches")[0].split()
    )
    said = f"`answer` is at most {_most('answer')} characters, the `question` and each phrasing"
    assert f"{said} at most {_most('question')}" in extending  # phrasings share the limit
