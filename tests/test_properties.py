"""Any text at all gets an `Answer`, never an exception, and long text costs bounded work."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.matching.engine import Engine
from bot.models import Answer, Query

NASTY = st.sampled_from(
    [
        "",
        " \t\n",
        "\x00\x01\x1b[31m",
        "\u202eevil\u202c",
        "\u200b\u200c\u200d\ufeff",
        "<b>bold</b> & <script>alert(1)</script>",
        "**bold** _it_ `code` [link](http://x)",
        "@everyone @here <@&123> <@!456>",
        "🚀🌕🇵🇰" * 50,
        "مرحبا كيف حالك",
        "\ud7ff\ue000\U0010ffff",
        "/ask@storybot",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), NASTY, st.lists(NASTY, max_size=5).map(" ".join)))
def test_any_text_gets_an_answer(engine: Engine, text: str) -> None:
    answer = engine.answer(Query(text=text))
    assert isinstance(answer, Answer)
    assert 0.0 <= answer.confidence <= 1.0
    assert len(answer.suggestions) <= engine.thresholds.suggestions


@settings(max_examples=50, deadline=None)
@given(st.text(min_size=1, max_size=200), st.text(min_size=1, max_size=200))
def test_the_middle_of_a_huge_message_is_never_read(engine: Engine, head: str, tail: str) -> None:
    """Work is bounded: a 100 KB message costs what its first and last 2 x `max_chars` do."""
    text = head * 50 + "middle " * 2_000 + tail * 500
    limit = 2 * engine.thresholds.max_chars
    cut = text[:limit] + " " + text[-limit:]
    assert engine.answer(Query(text=text)) == engine.answer(Query(text=cut))


def test_a_100_kb_question_is_answered_from_its_start(engine: Engine) -> None:
    question = "Where was the agreement signed? " + "blah " * 20_000
    answer = engine.answer(Query(text=question))
    assert answer.answered and "Beijing" in answer.text
