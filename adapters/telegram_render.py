"""Pure translation for Telegram: `Answer` to HTML messages with buttons, split to fit."""

from __future__ import annotations

import html
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions
from telegram.constants import MessageLimit

from bot.models import Answer, Topic

CALLBACK_PREFIX = "a:"  # callback_data is "a:<entry id>", well inside Telegram's 64 bytes
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


@dataclass(frozen=True)
class Reply:
    """One Telegram message to send: HTML text and optional buttons."""

    html: str
    keyboard: InlineKeyboardMarkup | None = None


def render(answer: Answer, limit: int = MessageLimit.MAX_TEXT_LENGTH) -> list[Reply]:
    """Turn an `Answer` into Telegram HTML messages, split to fit, buttons on the last."""
    parts = [html.escape(answer.text)]
    if answer.source:
        parts.append(f"<i>“{html.escape(answer.source)}”</i>")
    chunks = split("\n\n".join(parts), limit)
    keyboard = None
    if answer.suggestions:
        rows = [
            [InlineKeyboardButton(s.question[:64], callback_data=CALLBACK_PREFIX + s.entry_id)]
            for s in answer.suggestions
        ]
        keyboard = InlineKeyboardMarkup(rows)
    return [Reply(c) for c in chunks[:-1]] + [Reply(chunks[-1], keyboard)]


def split(text: str, limit: int) -> list[str]:
    """Split HTML text at line breaks (never inside a tag) into pieces of at most `limit`."""
    chunks: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:  # one line longer than a message: cut it, outside entities
            cut = line.rfind(" ", 0, limit)
            cut = cut if cut > 0 else limit
            cut = _safe_cut(line, cut)
            chunks.append((current + "\n" if current else "") + line[:cut])
            current, line = "", line[cut:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            chunks.append(current)
            candidate = line
        current = candidate
    return [*chunks, current] if current or not chunks else chunks


def _safe_cut(line: str, cut: int) -> int:
    amp, semi = line.rfind("&", 0, cut), line.rfind(";", 0, cut)
    if amp > semi:  # do not split "&amp;" in two
        cut = amp
    lt, gt = line.rfind("<", 0, cut), line.rfind(">", 0, cut)
    return lt if lt > gt else cut


def topics_html(topics: tuple[Topic, ...]) -> str:
    """Return the FAQ topics and their questions as Telegram HTML."""
    blocks = []
    for topic in topics:
        lines = "\n".join(f"• {html.escape(q.question)}" for q in topic.questions)
        blocks.append(f"<b>{html.escape(topic.name)}</b>\n{lines}")
    return "\n\n".join(blocks)
