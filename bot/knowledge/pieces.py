"""Read `faq.yaml` entry by entry, taking each entry written as before from the last read.

A maintainer's save changes one entry or a few; reading and validating all 100,000 of them
again cost 10-14 s. The file is cut at the lines that begin its entries ("- " at the list's
indentation) and each piece is known by a digest of its text: a piece seen before is the
entry it was then, and only new pieces are parsed and validated. Anything unusual (a piece
that is not exactly one entry, a changed header, a piece that cannot be read alone) returns
None, and the caller reads the whole file as usual, whose errors name their lines.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from pydantic import TypeAdapter, ValidationError

from bot.knowledge.schema import FaqEntry
from bot.knowledge.yamlfile import parse_text

_FIRST_ITEM = re.compile(r"^( *)- ", re.MULTILINE)
_ENTRY = TypeAdapter(FaqEntry)
_OPENS = re.compile(r" *- +[^#\s]")  # an entry whose first field is on its "- " line


@dataclass(frozen=True)
class Pieces:
    """A read of `faq.yaml`: the text before its first entry, and each entry by its digest."""

    header: str = ""
    entries: dict[bytes, FaqEntry] = field(default_factory=dict)


@dataclass(frozen=True)
class Reread:
    """The entries of a file read piece by piece, the line each begins on, and the pieces."""

    entries: tuple[FaqEntry, ...]
    lines: tuple[int, ...]
    pieces: Pieces


def _split(text: str) -> tuple[str, list[tuple[int, str]]] | None:
    """Return the text before the first entry, and each entry's first line and its text."""
    first = _FIRST_ITEM.search(text)
    if first is None:
        return None
    starts = [m.start() for m in re.finditer(rf"^{first.group(1)}- ", text, re.MULTILINE)]
    line = text.count("\n", 0, starts[0]) + 1
    found = []
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        found.append((line, text[start:end]))
        line += text.count("\n", start, end)
    return text[: starts[0]], found


def remember(text: str, entries: tuple[FaqEntry, ...], lines: list[int]) -> Pieces:
    """Return the pieces of a file just read whole, if its pieces are its `entries` one to one.

    `lines` are the entries' first lines as the whole read found them: a piece that does not
    begin where its entry does (a flow-style list, say) means the file is not cut this way.
    """
    cut = _split(text)
    if cut is None or [line for line, _ in cut[1]] != lines:
        return Pieces()
    known = {_digest(piece): entry for (_, piece), entry in zip(cut[1], entries, strict=True)}
    return Pieces(cut[0], known)


def reread(text: str, before: Pieces) -> Reread | None:
    """Return the entries of `text`, parsing only the pieces `before` does not hold; or None."""
    cut = _split(text)
    if not before.entries or cut is None or cut[0] != before.header:
        return None
    entries, lines = [], []
    known: dict[bytes, FaqEntry] = {}
    for line, piece in cut[1]:
        key = _digest(piece)
        entry = before.entries.get(key) or known.get(key) or _entry(piece)
        if entry is None:
            return None
        entries.append(entry)
        lines.append(line)
        known[key] = entry
    return Reread(tuple(entries), tuple(lines), Pieces(cut[0], known))


def _entry(piece: str) -> FaqEntry | None:
    """Return the one entry `piece` holds, checked, or None if it holds anything else.

    Its first line must hold its first field: after "- # a note" the entry begins a line
    later, and the line a whole read would name for it is not the piece's.
    """
    if not _OPENS.match(piece):
        return None
    data = parse_text(piece)
    if not isinstance(data, list) or len(data) != 1:
        return None
    try:
        return _ENTRY.validate_python(data[0])
    except ValidationError:
        return None


def _digest(piece: str) -> bytes:
    return hashlib.blake2b(piece.encode(), digest_size=16).digest()
