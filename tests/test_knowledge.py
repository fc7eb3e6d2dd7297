"""Knowledge loading: the shipped pack is valid, and mistakes name file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import KnowledgeError
from bot.knowledge.folding import comparable
from bot.knowledge.loading import default_folder, load_knowledge
from tests.knowledgekit import edit, line_of


def test_shipped_knowledge_is_valid_and_grounded() -> None:
    knowledge = load_knowledge(default_folder())
    story = comparable(knowledge.story)
    assert len(knowledge.faq) >= 30
    assert all(comparable(e.source) in story for e in knowledge.faq)
    assert all(len(e.answer) <= 350 for e in knowledge.faq)
    assert {"kakar", "li-qiang", "cnsa", "artemis"} <= {e.id for e in knowledge.entities}


def test_cleaned_story_has_no_encoding_damage() -> None:
    story = (default_folder() / "story.txt").read_text(encoding="utf-8")
    assert "\u0e42" not in story and "\u0e22" not in story
    assert "Let\u2019s work together" in story


BROKEN = [
    # (file, old text, new text, expected message fragment, line of this text after the edit)
    (
        "faq.yaml",
        "    answer: In Beijing, where Kakar",
        "    answr: In Beijing, where Kakar",
        "entry 'signing-place': answr: unknown field 'answr' (did you mean 'answer'?)",
        "answr: In Beijing",
    ),
    (
        "faq.yaml",
        "  - id: signing-place\n",
        "  - id: signing\n",
        "entry 'signing': id: duplicate id (also faq.yaml:",
        None,
    ),
    (
        "faq.yaml",
        "    source: currently attending the Third Belt and Road Forum in China\n",
        "    source: currently attending the Fourth Belt and Road Forum in China\n",
        "entry 'kakar-visit': source: not found verbatim in story.txt",
        "Fourth Belt",
    ),
    (
        "faq.yaml",
        "    topic: India\n    question: Can the moon's south pole be seen from Earth?\n",
        "    topic: India\n    question: [Can the moon's south pole be seen from Earth?]\n",
        "entry 'south-pole-hidden': question: should be text",
        "question: [Can the moon",
    ),
    (
        "facts.yaml",
        "    aliases: [Peking]",
        "    aliases: [Peking, CNSA]",
        "item 'cnsa': aliases: 'CNSA' already names 'beijing'",
        None,
    ),
    (
        "faq.yaml",
        "      - Signing location?\n",
        "      - Signing location?\n    - : bad\n",
        "YAML syntax error",
        None,
    ),
    (
        "faq.yaml",
        "  - id: signing-place\n",
        "  - id: Signing_Place\n",
        "entry 'Signing_Place': id: use lowercase letters, digits and hyphens only",
        "id: Signing_Place",
    ),
    (
        "faq.yaml",
        "    answer: In Beijing, where Kakar witnessed",
        "    answer:\n    answr2: In Beijing, where Kakar witnessed",
        "entry 'signing-place': answer: empty: write it in (or, to keep it unserved for now, add `draft: true`)",
        None,
    ),
    (  # YAML syntax: the line where it went wrong, its entry, and how to fix it
        "faq.yaml",
        "    answer: In Beijing, where Kakar",
        "     answer: In Beijing, where Kakar",
        "entry 'signing-place': YAML syntax error: did not find expected key",
        "answer: In Beijing",
    ),
    (
        "faq.yaml",
        "    question: Where was the agreement signed?",
        "\tquestion: Where was the agreement signed?",
        "(the line has a tab: indent with spaces only)",
        "question: Where was the agreement signed?",
    ),
    (
        "faq.yaml",
        "    answer: In Beijing, where Kakar",
        "    answer: Note: In Beijing, where Kakar",
        "entry 'signing-place': YAML syntax error: mapping values are not allowed in this context;"
        " the line reads: answer: Note: In Beijing",
        "answer: Note: In Beijing",
    ),
    (  # YAML reads it as a date: said so, with the fix
        "faq.yaml",
        "    answer: In Beijing, where Kakar witnessed",
        "    answer: 2023-10-20\n    phrasings_: In Beijing, where Kakar witnessed",
        "entry 'signing-place': answer: should be text; YAML read it as a date: put it in quotes",
        "answer: 2023-10-20",
    ),
    (
        "faq.yaml",
        "    question: Where was the agreement signed?\n    phrasings:",
        "    question: Where was the agreement signed?\n    phrasings: 42\n    old_phrasings:",
        "entry 'signing-place': phrasings: should be a list (lines starting with '- ')",
        "phrasings: 42",
    ),
    (  # a number read where text belongs: said as a number, not as Python's "int"
        "faq.yaml",
        "    answer: In Beijing, where Kakar witnessed",
        "    answer: 42\n    phrasings_: In Beijing, where Kakar witnessed",
        "entry 'signing-place': answer: should be text; YAML read it as a number: put it in",
        "answer: 42",
    ),
    (
        "synonyms.yaml",
        "  - [peace, aman, amn]",
        "  - [peace, aman, amn, treaty]",
        "'treaty' is already in group",
        "[peace, aman",
    ),
]


@pytest.mark.parametrize(("name", "old", "new", "message", "needle"), BROKEN)
def test_broken_edit_names_file_line_and_field(
    knowledge_copy: Path, name: str, old: str, new: str, message: str, needle: str | None
) -> None:
    edit(knowledge_copy, name, old, new)
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(knowledge_copy)
    problem = next(p for p in caught.value.problems if message in p)
    assert problem.startswith(f"{name}:")
    if needle is not None:
        assert problem.startswith(f"{name}:{line_of(knowledge_copy, name, needle)}:")


def test_missing_answer_is_reported_as_field_required(knowledge_copy: Path) -> None:
    edit(
        knowledge_copy,
        "faq.yaml",
        "    answer: In Beijing, where Kakar witnessed the signing with Chinese Premier Li Qiang.\n",
        "",
    )
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(knowledge_copy)
    line = line_of(knowledge_copy, "faq.yaml", "- id: signing-place")
    assert (
        f"faq.yaml:{line}: entry 'signing-place': answer: field required" in caught.value.problems
    )


def test_every_problem_is_reported_not_just_the_first(knowledge_copy: Path) -> None:
    edit(knowledge_copy, "faq.yaml", "  - id: signing-place\n", "  - id: Signing Place\n")
    edit(knowledge_copy, "facts.yaml", "    type: organisation\n", "    type: company\n")
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(knowledge_copy)
    assert any(p.startswith("faq.yaml:") for p in caught.value.problems)
    assert any(p.startswith("facts.yaml:") and "type" in p for p in caught.value.problems)


def test_missing_file_is_an_error_not_a_crash(knowledge_copy: Path) -> None:
    (knowledge_copy / "facts.yaml").unlink()
    with pytest.raises(KnowledgeError, match=r"facts.yaml:1: cannot read"):
        load_knowledge(knowledge_copy)


def test_a_byte_that_is_not_utf8_is_named_by_its_line(knowledge_copy: Path) -> None:
    faq = knowledge_copy / "faq.yaml"
    text = faq.read_text(encoding="utf-8")
    at = line_of(knowledge_copy, "faq.yaml", "question: Where was the agreement signed?")
    faq.write_bytes(text.encode().replace(b"agreement signed?", b"agreement sign\xe9d?", 1))
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(knowledge_copy)
    assert caught.value.problems == [
        f"faq.yaml:{at}: byte 0xe9 is not UTF-8 text: save the file as UTF-8"
    ]


def test_a_long_file_is_checked_in_chunks_with_every_problem_at_its_line(
    knowledge_copy: Path,
) -> None:
    faq = knowledge_copy / "faq.yaml"
    before = len(load_knowledge(knowledge_copy).faq)
    extra = "".join(
        f"  - id: extra-{n}\n    question: Extra question number {n}?\n"
        f"    {'answr' if n in (640, 1205) else 'answer'}: Extra answer {n}.\n"
        "    source: Pakistan has joined an ambitious project led by China\n"
        for n in range(1300)
    )
    faq.write_text(faq.read_text(encoding="utf-8").rstrip("\n") + "\n" + extra, encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(knowledge_copy)
    unknown = [p for p in caught.value.problems if "unknown field 'answr'" in p]
    lines = [line_of(knowledge_copy, "faq.yaml", f"answr: Extra answer {n}.") for n in (640, 1205)]
    assert [p.split(": ", 1)[0] for p in unknown] == [f"faq.yaml:{n}" for n in lines]
    assert "entry 'extra-640'" in unknown[0] and "entry 'extra-1205'" in unknown[1]
    faq.write_text(faq.read_text(encoding="utf-8").replace("answr:", "answer:"), encoding="utf-8")
    assert len(load_knowledge(knowledge_copy).faq) == before + 1300  # fixed, every entry is read


def test_a_draft_may_leave_its_answer_blank(knowledge_copy: Path) -> None:
    faq = knowledge_copy / "faq.yaml"
    draft = "  - id: my-draft\n    draft: true\n    question: What happened in August?\n"
    faq.write_text(faq.read_text(encoding="utf-8") + draft + "    answer:\n    source:\n")
    knowledge = load_knowledge(knowledge_copy)
    assert [d.id for d in knowledge.drafts] == ["my-draft"]
    assert "my-draft" not in {e.id for e in knowledge.faq}


# (file, old text, new text, where and field, a text on the second key's line, which of them)
DUPLICATES = [
    (
        "faq.yaml",
        "    answer: In Beijing, where Kakar",
        "    answer: A first answer that would be lost.\n    answer: In Beijing, where Kakar",
        "entry 'signing-place': answer",
        "answer: In Beijing",
        1,
    ),
    (
        "facts.yaml",
        "    type: person\n",
        "    type: person\n    type: person\n",
        "item 'kakar': type",
        "    type: person",
        2,
    ),
    ("synonyms.yaml", "groups:\n", "groups: []\ngroups:\n", "groups", "groups:", 2),
    ("faq.yaml", "entries:\n", "entries: []\nentries:\n", "entries", "entries:", 2),
    (  # deeper than a field: a mapping where a text belongs, its keys twice
        "faq.yaml",
        "    question: Where was the agreement signed?\n",
        "    question:\n      text: Where?\n      text: Where was it?\n",
        "entry 'signing-place': question.text",
        "text: Where was it?",
        1,
    ),
]


@pytest.mark.parametrize(("name", "old", "new", "field", "needle", "nth"), DUPLICATES)
def test_a_key_given_twice_is_an_error_at_its_second_line(
    knowledge_copy: Path, name: str, old: str, new: str, field: str, needle: str, nth: int
) -> None:
    edit(knowledge_copy, name, old, new)
    lines = (knowledge_copy / name).read_text(encoding="utf-8").splitlines()
    where = [n for n, line in enumerate(lines, start=1) if needle in line]
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(knowledge_copy)
    second = where[nth - 1]
    key = field.rsplit(".", 1)[-1].rsplit(" ", 1)[-1]
    first = max(n for n, line in enumerate(lines[: second - 1], start=1) if f"{key}:" in line)
    assert caught.value.problems == [
        f"{name}:{second}: {field}: duplicate key (also on line {first})"
    ]


def test_every_key_given_twice_in_a_file_is_named(knowledge_copy: Path) -> None:
    asked = "    question: Where was the agreement signed?\n"
    edit(knowledge_copy, "faq.yaml", asked, asked + "    question: Where was it signed?\n")
    signed = "Premier Li Qiang.\n    source: witnessed"
    edit(knowledge_copy, "faq.yaml", signed, signed.replace("source:", "source: x\n    source:"))
    first, second = (
        line_of(knowledge_copy, "faq.yaml", text) for text in (asked.strip(), "source: x")
    )
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(knowledge_copy)
    assert caught.value.problems == [
        f"faq.yaml:{first + 1}: entry 'signing-place': question: duplicate key (also on line {first})",
        f"faq.yaml:{second + 1}: entry 'signing-place': source: duplicate key (also on line {second})",
    ]


def test_a_story_not_in_utf8_names_the_line_of_its_first_bad_byte(knowledge_copy: Path) -> None:
    story = knowledge_copy / "story.txt"
    lines = story.read_bytes().count(b"\n")
    story.write_bytes(story.read_bytes() + b"\xa3 10 in pounds\n")
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(knowledge_copy)
    said = f"story.txt:{lines + 1}: byte 0xa3 is not UTF-8 text: save the file as UTF-8"
    assert said in caught.value.problems


def test_a_file_that_is_a_bare_list_is_told_its_list_name(knowledge_copy: Path) -> None:
    (knowledge_copy / "synonyms.yaml").write_text("- [moon, chand]\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(knowledge_copy)
    said = "synonyms.yaml:1: (whole file): should start with 'groups:' and its list under it"
    assert said in caught.value.problems
