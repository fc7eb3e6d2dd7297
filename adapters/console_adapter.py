"""The terminal chat: read a line, answer it, show the source and suggestions."""

from __future__ import annotations

import sys
from typing import TextIO

from bot.engine import Engine
from bot.models import Answer, Query

PROMPT = "you> "


def render(answer: Answer) -> str:
    """Return an answer as terminal text, suggestions numbered for picking."""
    lines = [answer.text]
    if answer.source:
        lines.append(f'  source: "{answer.source}"')
    lines += [f"  [{n}] {s}" for n, s in enumerate(answer.suggestions, start=1)]
    return "\n".join(lines)


def to_query(line: str, last: Answer | None) -> Query:
    """Turn a typed line into a query; a bare number picks one of the last suggestions."""
    text = line.strip()
    if last and text.isdigit() and 1 <= int(text) <= len(last.suggestions):
        text = last.suggestions[int(text) - 1]
    return Query(text=text, platform="console")


def run(engine: Engine, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
    """Chat until end of input or "quit"; return the exit status."""
    stdout.write(f"StoryBot — {engine.knowledge.title}\nAsk a question (quit to leave).\n")
    last: Answer | None = None
    while True:
        stdout.write(PROMPT)
        stdout.flush()
        line = stdin.readline()
        if not line or line.strip().casefold() in {"quit", "exit", ":q"}:
            stdout.write("\n")
            return 0
        if not line.strip():
            continue
        last = engine.answer(to_query(line, last))
        stdout.write(f"bot> {render(last)}\n")
