"""What the renderers send fits the platforms' limits, for any answer and any FAQ."""

from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from adapters.discord_render import faq_pages
from adapters.telegram_render import render, split
from bot.models import Answer, AnswerKind, Suggestion, Topic

_TAG = re.compile(r"<(/?)([a-z]+)[^>]*>")
# text with the characters that need escaping, long words and runs of line breaks
TEXT = st.text(
    alphabet=st.sampled_from([*"ab <>&\n\"'", "é", "🚀", "\u200b"]), max_size=600
) | st.builds(
    lambda w, n: ((w + " ") * n).strip(), st.text(min_size=1, max_size=12), st.integers(0, 400)
)


def _balanced(piece: str) -> bool:
    stack: list[str] = []
    for closing, name in _TAG.findall(piece):
        if not closing:
            stack.append(name)
        elif not stack or stack.pop() != name:
            return False
    return not stack


def _plain(piece: str) -> str:
    return html.unescape(_TAG.sub("", piece))


def _no_cut_entity(piece: str) -> bool:
    return re.search(r"&[a-z#0-9]*$", piece) is None and "<" not in _TAG.sub("", piece)


def test_a_short_line_then_a_long_one_stays_within_the_limit() -> None:
    pieces = split("short line\n" + "word " * 30, 40)
    assert all(len(p) <= 40 for p in pieces), [len(p) for p in pieces]


def test_a_source_longer_than_a_message_is_cut_with_its_italics_closed() -> None:
    answer = Answer(text="An answer.", kind=AnswerKind.ANSWER, source="lorem ipsum " * 345)
    replies = render(answer)
    assert all(len(r.html) <= 4096 for r in replies), [len(r.html) for r in replies]
    assert all(_balanced(r.html) for r in replies)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.none() | TEXT, st.integers(min_value=30, max_value=300))
def test_every_piece_fits_and_every_tag_is_balanced(
    text: str, source: str | None, limit: int
) -> None:
    answer = Answer(
        text=text,
        kind=AnswerKind.ANSWER,
        source=source,
        suggestions=(Suggestion(entry_id="x", question="Q?"),),
    )
    replies = render(answer, limit)
    assert replies and replies[-1].keyboard is not None
    for reply in replies:
        assert len(reply.html) <= limit
        assert _balanced(reply.html) and _no_cut_entity(reply.html)
    words = "".join(_plain(r.html) for r in replies).split()
    expected = " ".join(p for p in (text, source and f"“{source}”") if p).split()
    assert "".join(words) == "".join(expected)  # nothing lost, only split


def _topics(entries: int, per_topic: int = 10) -> tuple[Topic, ...]:
    questions = [
        Suggestion(entry_id=f"e{n}", question=f"Question number {n} about the moon base deal?")
        for n in range(entries)
    ]
    return tuple(
        Topic(name=f"Topic {i}", questions=tuple(questions[i : i + per_topic]))
        for i in range(0, entries, per_topic)
    )


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=0, max_value=600), st.integers(min_value=1, max_value=80))
def test_faq_pages_fit_discords_embed_limits(entries: int, per_topic: int) -> None:
    pages = faq_pages(_topics(entries, per_topic))
    assert pages
    listed = 0
    for embed in pages:
        assert len(embed) <= 6000 and len(embed.fields) <= 25
        assert all(len(f.name or "") <= 256 and len(f.value or "") <= 1024 for f in embed.fields)
        listed += sum((f.value or "").count("•") for f in embed.fields)
    assert listed == entries


def test_faq_with_126_entries_is_paginated_not_truncated() -> None:
    """One embed held 6,000 characters: about 126 entries overflowed it."""
    pages = faq_pages(_topics(200))
    assert len(pages) >= 2 and all(len(p) <= 6000 for p in pages)
