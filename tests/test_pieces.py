"""A reload reads faq.yaml piece by piece: entries written as before are taken from the last
read, and the result (entries, lines, errors) is what reading the whole file gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import KnowledgeError
from bot.knowledge.loading import Knowledge, load_knowledge


def _edit(folder: Path, old: str, new: str) -> None:
    faq = folder / "faq.yaml"
    text = faq.read_text(encoding="utf-8")
    assert old in text
    faq.write_text(text.replace(old, new, 1), encoding="utf-8")


def _same(again: Knowledge, whole: Knowledge) -> None:
    assert again == whole
    assert again.lines == whole.lines and again.drafts == whole.drafts


def test_only_the_edited_entry_is_read_again(knowledge_copy: Path) -> None:
    first = load_knowledge(knowledge_copy)
    _edit(knowledge_copy, "In Beijing, where", "In Beijing (edited), where")
    again = load_knowledge(knowledge_copy, first)
    _same(again, load_knowledge(knowledge_copy))
    edited = [e for e in again.faq if "(edited)" in e.answer]
    assert len(edited) == 1
    kept = [e for e in again.faq if e is not edited[0]]
    assert all(any(e is f for f in first.faq) for e in kept)  # the very same objects
    assert not any(edited[0] is f for f in first.faq)


def test_moved_and_added_entries_get_their_new_lines(knowledge_copy: Path) -> None:
    first = load_knowledge(knowledge_copy)
    faq = knowledge_copy / "faq.yaml"
    text = faq.read_text(encoding="utf-8")
    start = text.index("  - id: signing-place")
    end = text.index("  - id:", start + 1)
    entry = text[start:end]
    added = entry.replace("id: signing-place", "id: signing-place-again")
    moved = text[:start] + text[end:].rstrip("\n") + "\n" + entry + added
    faq.write_text(moved + "  # a comment at the end\n")
    again = load_knowledge(knowledge_copy, first)
    _same(again, load_knowledge(knowledge_copy))
    assert again.lines["signing-place"] > first.lines["signing-place"]
    assert again.lines["signing-place-again"] > again.lines["signing-place"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("    phrasings:\n", "    phrasings: [unclosed\n", "YAML syntax error"),
        ("In Beijing, where", "In Beijing: where", ""),  # text with a colon: still text
        ("    source: ", "    sauce: ", "unknown field 'sauce'"),
        ("  - id: signing-place", "  - id: Signing Place", "use lowercase letters"),
        ("  - id: signing-place", "  - # a note\n    id: signing-place", ""),  # a line later
    ],
)
def test_an_edit_is_read_or_refused_exactly_as_a_whole_read_would(
    knowledge_copy: Path, old: str, new: str, expected: str
) -> None:
    first = load_knowledge(knowledge_copy)
    _edit(knowledge_copy, old, new)
    try:
        whole = load_knowledge(knowledge_copy)
    except KnowledgeError as exc:
        with pytest.raises(KnowledgeError) as again:
            load_knowledge(knowledge_copy, first)
        assert again.value.problems == exc.problems and expected in str(exc)
    else:
        assert not expected
        _same(load_knowledge(knowledge_copy, first), whole)


def test_a_source_the_story_lost_is_named_on_its_own_line(knowledge_copy: Path) -> None:
    first = load_knowledge(knowledge_copy)
    story = knowledge_copy / "story.txt"
    source = first.faq[0].source
    story.write_text(story.read_text(encoding="utf-8").replace(source, "Something else."))
    with pytest.raises(KnowledgeError) as whole:
        load_knowledge(knowledge_copy)
    with pytest.raises(KnowledgeError) as again:
        load_knowledge(knowledge_copy, first)
    assert again.value.problems == whole.value.problems
    assert "source: not found verbatim" in str(whole.value)


def test_a_changed_header_or_a_flow_style_file_is_read_whole(knowledge_copy: Path) -> None:
    first = load_knowledge(knowledge_copy)
    _edit(knowledge_copy, "entries:\n", "# a new note\nentries:\n")
    _same(load_knowledge(knowledge_copy, first), load_knowledge(knowledge_copy))
    flow = knowledge_copy / "faq.yaml"
    entry = first.faq[0].model_dump(exclude_defaults=True)
    flow.write_text(f"entries: [{entry!r}]\n".replace("(", "[").replace(")", "]"))
    again = load_knowledge(knowledge_copy, first)
    assert [e.id for e in again.faq] == [first.faq[0].id]
    assert not again.pieces.entries  # not cut into pieces: the next reload reads it whole


def test_a_file_saved_with_windows_line_ends_is_read_piece_by_piece(
    knowledge_copy: Path,
) -> None:
    faq = knowledge_copy / "faq.yaml"
    faq.write_bytes(faq.read_bytes().replace(b"\n", b"\r\n"))
    first = load_knowledge(knowledge_copy)
    text = faq.read_bytes().replace(b"In Beijing, where", b"In Beijing (edited), where")
    faq.write_bytes(text)
    again = load_knowledge(knowledge_copy, first)
    _same(again, load_knowledge(knowledge_copy))
    kept = [e for e in again.faq if "(edited)" not in e.answer]
    assert all(any(e is f for f in first.faq) for e in kept)  # taken from the last read
