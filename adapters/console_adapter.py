"""The terminal chat: read a line, answer it, show the source and suggestions."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from typing import TextIO

from bot.models import Answer, Query
from bot.serving.service import StoryBot

PROMPT = "you> "
WRONG = frozenset({"wrong", "/wrong"})  # "that's not what I asked", said of the last answer
NO_SUCH_NUMBER = "There is no question with that number: type one of the numbers listed, or ask."


def render(answer: Answer) -> str:
    """Return an answer as terminal text, suggestions numbered for picking."""
    lines = [answer.text]
    if answer.source:
        lines.append(f'  source: "{answer.source}"')
    lines += [f"  [{n}] {s.question}" for n, s in enumerate(answer.suggestions, start=1)]
    if answer.ref:
        lines.append("  (not what you asked? type: wrong)")
    return "\n".join(lines)


def picked(line: str, last: Answer | None) -> str | None:
    """Return the entry id of the suggestion a bare number picks, if it picks one."""
    text = line.strip()
    if last and text.isdecimal() and text.isascii() and 1 <= int(text) <= len(last.suggestions):
        return last.suggestions[int(text) - 1].entry_id
    return None


def to_query(line: str) -> Query:
    """Turn a typed line into a query."""
    return Query(text=line.strip(), platform="console")


def run(bot: StoryBot, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
    """Chat until end of input, "quit" or Ctrl-C; return the exit status."""
    stdout.write(f"StoryBot — {bot.title}\nAsk a question (quit to leave).\n")
    read = _line_reader(stdin, stdout)
    last: Answer | None = None  # the answer whose suggestions a number picks
    markable: str | None = None  # the last answer's ref: `wrong` marks it, once or again
    while True:
        try:
            line = read()
        except KeyboardInterrupt:  # Ctrl-C leaves quietly, like "quit"
            line = ""
        if not line or line.strip().casefold() in {"quit", "exit", ":q"}:
            stdout.write("\n")
            return 0
        if not line.strip():
            continue
        if line.strip().casefold() in WRONG:  # the core says what came of it, or that nothing can
            stdout.write(f"bot> {bot.feedback(to_query(line), markable).reply.text}\n")
            last = None
            continue
        entry_id = picked(line, last)
        offered = last is not None and bool(last.suggestions)
        if entry_id is None and offered and line.strip().isdecimal():  # picks nothing listed
            stdout.write(f"bot> {NO_SUCH_NUMBER}\n")
            continue
        last = bot.answer(to_query(line), entry_id=entry_id)
        markable = last.ref
        stdout.write(f"bot> {render(last)}\n")


def _line_reader(stdin: TextIO, stdout: TextIO) -> Callable[[], str]:
    """Return a function reading one line; at a real terminal, with editing and history."""
    if stdin is sys.stdin and stdout is sys.stdout and stdin.isatty():
        with contextlib.suppress(ImportError):  # not on every platform: input() still works
            import readline  # noqa: F401 - arrow keys and history for input()

        def prompt() -> str:
            try:
                return input(PROMPT) + "\n"
            except EOFError:
                return ""

        return prompt

    def plain() -> str:
        stdout.write(PROMPT)
        stdout.flush()
        return stdin.readline()

    return plain
