"""The terminal chat: read a line, answer it, show the source and suggestions."""

from __future__ import annotations

import sys
from typing import TextIO

from bot.models import Answer, Query
from bot.service import StoryBot

PROMPT = "you> "


def render(answer: Answer) -> str:
    """Return an answer as terminal text, suggestions numbered for picking."""
    lines = [answer.text]
    if answer.source:
        lines.append(f'  source: "{answer.source}"')
    lines += [f"  [{n}] {s.question}" for n, s in enumerate(answer.suggestions, start=1)]
    return "\n".join(lines)


def picked(line: str, last: Answer | None) -> str | None:
    """Return the entry id of the suggestion a bare number picks, if it picks one."""
    text = line.strip()
    if last and text.isdigit() and 1 <= int(text) <= len(last.suggestions):
        return last.suggestions[int(text) - 1].entry_id
    return None


def to_query(line: str) -> Query:
    """Turn a typed line into a query."""
    return Query(text=line.strip(), platform="console")


def run(bot: StoryBot, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
    """Chat until end of input or "quit"; return the exit status."""
    stdout.write(f"StoryBot — {bot.title}\nAsk a question (quit to leave).\n")
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
        last = bot.answer(to_query(line), entry_id=picked(line, last))
        stdout.write(f"bot> {render(last)}\n")
