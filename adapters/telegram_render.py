"""Pure translation for Telegram: `Answer` to HTML messages with buttons, split to fit."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions
from telegram.constants import MessageLimit

from bot.models import Answer, Topic

CALLBACK_PREFIX = "a:"  # callback_data is "a:<entry id>", well inside Telegram's 64 bytes
WRONG_PREFIX = "w:"  # "w:<answer ref>": the asker says the answer missed the question
WRONG_LABEL = "Not what I asked"
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
    rows = [
        [InlineKeyboardButton(s.question[:64], callback_data=CALLBACK_PREFIX + s.entry_id)]
        for s in answer.suggestions
    ]
    if answer.ref:
        rows.append([InlineKeyboardButton(WRONG_LABEL, callback_data=WRONG_PREFIX + answer.ref)])
    keyboard = InlineKeyboardMarkup(rows) if rows else None
    return [Reply(c) for c in chunks[:-1]] + [Reply(chunks[-1], keyboard)]


def without_wrong(keyboard: InlineKeyboardMarkup) -> InlineKeyboardMarkup:
    """Return `keyboard` without its "not what I asked" button, the others as they were."""
    rows = [
        [b for b in row if not str(b.callback_data or "").startswith(WRONG_PREFIX)]
        for row in keyboard.inline_keyboard
    ]
    # an empty row is refused by Telegram; no rows at all removes the keyboard
    return InlineKeyboardMarkup([row for row in rows if row])


def split(text: str, limit: int) -> list[str]:
    """Split HTML text into pieces of at most `limit` characters, each one valid HTML.

    Pieces break at a line break where one is near, else at a space, else anywhere but
    inside a tag or an entity; a tag still open at a break is closed there and opened
    again at the start of the next piece.
    """
    pieces: list[str] = []
    piece = _Piece([], [])
    for unit in _units(text, limit // 4):
        if piece.fits(unit, limit):
            piece.add(unit)
            continue
        done, piece = piece.cut()
        pieces.append(done)
        if piece.units and not piece.fits(unit, limit):  # the carried-over tail is too long
            done, piece = piece.cut(at_end=True)
            pieces.append(done)
        piece.add(unit)
    pieces.append(piece.html())
    return [p for p in pieces if p] or [""]


# a tag, an entity, a line break, a run of spaces, or a run of other characters
_UNIT = re.compile(r"<[^<>]*>|&[#a-zA-Z0-9]+;|\n|[^\S\n]+|[^<&\s]+|[<&]")
_TAG = re.compile(r"<(/?)([a-zA-Z]+)[^<>]*>")


class _Piece:
    """The piece being filled: tags it opens with, its units, and tags open at its end."""

    def __init__(self, opened: list[str], units: list[str]) -> None:
        self.opened = opened
        self.units: list[str] = []
        self.open = list(opened)
        self.size = sum(len(f"<{t}>") for t in opened)
        for unit in units:
            self.add(unit)

    def fits(self, unit: str, limit: int) -> bool:
        open_after = _after(self.open, unit)
        return self.size + len(unit) + _closing(open_after) <= limit

    def add(self, unit: str) -> None:
        self.units.append(unit)
        self.size += len(unit)
        self.open = _after(self.open, unit)

    def cut(self, at_end: bool = False) -> tuple[str, _Piece]:
        """Return this piece's HTML up to the best break, and the piece that carries on."""
        at = len(self.units) if at_end else self._break()
        head = _Piece(self.opened, self.units[:at])
        tail = self.units[at:]
        while tail and tail[0].isspace():  # the break itself is not sent
            tail = tail[1:]
        return head.html(), _Piece(head.open, tail)

    def _break(self) -> int:
        for blank in ("\n", " "):
            at = max((i for i, u in enumerate(self.units) if u.startswith(blank)), default=0)
            if at:
                return at
        return len(self.units)

    def html(self) -> str:
        body = "".join(self.units).rstrip()
        if not body.strip() or _TAG.sub("", body).strip() == "":
            return ""
        prefix = "".join(f"<{t}>" for t in self.opened)
        return prefix + body + "".join(f"</{t}>" for t in reversed(self.open))


def _units(text: str, longest: int) -> list[str]:
    units = []
    for unit in _UNIT.findall(text):
        if len(unit) > longest and unit[0] not in "<&":  # a word longer than a piece
            units += [unit[i : i + longest] for i in range(0, len(unit), longest)]
        else:
            units.append(unit)
    return units


def _after(open_tags: list[str], unit: str) -> list[str]:
    tag = _TAG.fullmatch(unit)
    if tag is None:
        return open_tags
    closing, name = tag.groups()
    if not closing:
        return [*open_tags, name]
    return open_tags[:-1] if open_tags and open_tags[-1] == name else open_tags


def _closing(open_tags: list[str]) -> int:
    return sum(len(f"</{t}>") for t in open_tags)


def topics_html(topics: tuple[Topic, ...]) -> str:
    """Return the FAQ topics and their questions as Telegram HTML."""
    blocks = []
    for topic in topics:
        lines = "\n".join(f"• {html.escape(q.question)}" for q in topic.questions)
        blocks.append(f"<b>{html.escape(topic.name)}</b>\n{lines}")
    return "\n\n".join(blocks)
