"""A story's sentences, as a reader quotes them: split where a sentence ends, found again."""

from __future__ import annotations

import re

from bot.knowledge.folding import comparable

# a full stop after a month's or a title's short form, or an initial, ends no sentence: "Oct.
# 23", "Dr. Ali", "John F. Kennedy" ("St." may end one: "Baker St.")
_ABBREVIATED = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|Prof|Gen|Gov|"
    r"Sen|Rep|Lt|Col|Capt|Sgt|Jr|Sr|Mt|No|[A-Z])\.$"
)


def story_sentences(story: str) -> list[str]:
    """Split the story into sentences (and headings), as a reader would quote them."""
    # a full stop ends a sentence, except in initialisms such as "U.S."; a line always ends one
    parts = re.split(r"((?<=[.!?])(?<![A-Z]\.[A-Z]\.)[\"\u201d\u2019]?\s+|\n+)", story)
    sentences: list[str] = []
    between = "\n"  # what ended the part before
    for text, after in zip(parts[::2], [*parts[1::2], "\n"], strict=True):
        text = text.strip()
        if text and sentences and _goes_on(sentences[-1], between, text):
            # with a closing quote kept: '"Who pays?" asked the mayor'
            sentences[-1] += between.rstrip() + " " + text
        elif text:
            sentences.append(text)
        between = after
    return sentences


def _goes_on(sentence: str, between: str, text: str) -> bool:
    """Return whether `text` goes on the `sentence` before it, with `between` them.

    A full stop after a short form ends no sentence ("on Thursday, Oct. 23"), and no sentence
    begins in lower case ("at 2:40 p.m. on Tuesday"); a line always ends one.
    """
    return "\n" not in between and (text[:1].islower() or bool(_ABBREVIATED.search(sentence)))


def whole_sentence(passage: str, sentences: list[str]) -> str:
    """Return the story sentence a passage comes from, or the passage if it spans several."""
    wanted = comparable(passage)
    for sentence in sentences:
        if wanted in comparable(sentence):
            return sentence
    return passage
