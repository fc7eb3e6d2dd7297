"""Read YAML while remembering the line each value came from."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from bot.errors import KnowledgeError
from bot.knowledge import gcpause

Loc = tuple[str | int, ...]

# the C loader is several times faster; fall back where libyaml is missing
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_DEPTH = 20  # knowledge files nest four levels; deeper is a mistake, or an attack
_TEXT = "tag:yaml.org,2002:str"


class LocatedYaml:
    """Plain Python data from a YAML file, with the 1-based line of every key and item."""

    def __init__(self, path: Path, data: Any, lines: dict[Loc, int], text: str = "") -> None:
        """Hold the parsed data, its line map and the text it was read from."""
        self.path = path
        self.data = data
        self._lines = lines
        self.text = text

    def line(self, loc: Loc) -> int:
        """Return the line of `loc`, or of its nearest located parent."""
        while loc and loc not in self._lines:
            loc = loc[:-1]
        return self._lines.get(loc, 1)


def not_utf8(path: Path, raw: bytes, exc: UnicodeDecodeError) -> str:
    """Return the `file:line:` problem of a file whose bytes are not UTF-8 text."""
    line = raw.count(b"\n", 0, exc.start) + 1
    return (
        f"{path.name}:{line}: byte 0x{raw[exc.start]:02x} is not UTF-8 text: save the file as UTF-8"
    )


def read_yaml(path: Path) -> LocatedYaml:
    """Parse `path`, raising `KnowledgeError` with file and line for anything it cannot read.

    Whatever the file holds (bad dates, tags, complex keys, aliases, binary junk), the result
    is data or a `file:line:` problem, in time and memory that grow with the file's size.
    """
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except OSError as exc:
        raise KnowledgeError([f"{path.name}:1: cannot read file: {exc}"]) from exc
    except UnicodeDecodeError as exc:  # binary junk, or a file saved in another encoding
        raise KnowledgeError([not_utf8(path, raw, exc)]) from exc
    return read_text(path, text)


def read_text(path: Path, text: str) -> LocatedYaml:
    """Parse `text` as the loader reads `path`, raising `KnowledgeError` with file and line.

    Whatever checks a knowledge file's text (`storybot gaps --add`, say) reads it here, so it
    agrees with the loader about what the file holds.
    """
    lines: dict[Loc, int] = {}
    try:
        data = _data(text, lines)
    except yaml.MarkedYAMLError as exc:
        raise KnowledgeError([_syntax_problem(path, text, exc)]) from exc
    except yaml.reader.ReaderError as exc:  # a control character: binary junk, say
        line = text.count("\n", 0, exc.position) + 1
        problem = f"character #x{exc.character:04x} is not allowed (is this a text file?)"
        raise KnowledgeError([f"{path.name}:{line}: {problem}"]) from exc
    except (yaml.YAMLError, RecursionError) as exc:
        raise KnowledgeError([f"{path.name}:1: cannot read YAML: {exc}"]) from exc
    except _NodeError as exc:
        raise KnowledgeError([f"{path.name}:{exc.line}: {exc}"]) from exc
    except _DuplicateKeysError as exc:
        raise KnowledgeError([f"{path.name}:{line}: {said}" for line, said in exc.found]) from exc
    return LocatedYaml(path, data, lines, text)


def parse_text(text: str) -> Any | None:
    """Return the plain data of a YAML text, or None for anything `read_yaml` would refuse.

    For a part of a file: when it cannot be read alone, the caller reads the whole file,
    whose errors name the line.
    """
    try:
        return _data(text, {})
    except (yaml.YAMLError, RecursionError, _NodeError, _DuplicateKeysError):
        return None


def _data(text: str, lines: dict[Loc, int]) -> Any:
    """Return the plain data of `text`, filling `lines`; raise what the parser or walk raise."""
    with gcpause.paused():  # millions of nodes: collections would cost 3/4 of the read
        node = yaml.compose(text, Loader=_Loader)
        walk = _Walk(lines)
        data = walk.value(node, ()) if node is not None else None
    if walk.twice:  # the parser keeps the last of a key given twice: the first would be lost
        raise _DuplicateKeysError(walk.twice)
    return data


class _NodeError(Exception):
    """Something in the node tree that knowledge files must not hold, and its line."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


class _DuplicateKeysError(Exception):
    """Keys given twice in one mapping: each as its line and `entry 'id': field: problem`."""

    def __init__(self, found: list[tuple[int, str]]) -> None:
        super().__init__(f"{len(found)} keys given twice")
        self.found = found


class _Walk:
    """Turn a composed node tree into plain data, recording the line of every key and item."""

    def __init__(self, lines: dict[Loc, int]) -> None:
        self.lines = lines
        self.scalars = yaml.constructor.SafeConstructor()
        self.seen: set[int] = set()  # an alias is a node met twice: refused, so no bombs
        self.twice: list[tuple[int, str]] = []  # every key given twice, not just the first
        self.item: tuple[Loc, yaml.MappingNode] | None = None  # the entry or entity walked

    def value(self, node: yaml.Node, loc: Loc) -> Any:
        line = node.start_mark.line + 1
        if id(node) in self.seen:  # name the line that uses the alias, not the anchor's
            used = self.lines.get(loc) or self.lines.get(loc[:-1], line)
            raise _NodeError(
                used,
                f"aliases (*name) are not supported (the anchor is on line {line}); "
                "write the value out",
            )
        self.seen.add(id(node))
        self.lines[loc] = line
        if len(loc) > MAX_DEPTH:
            raise _NodeError(line, f"nested more than {MAX_DEPTH} levels deep")
        if node.tag == _TEXT and isinstance(node, yaml.ScalarNode):  # most values: as written
            return node.value
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            return [self.value(item, (*loc, i)) for i, item in enumerate(node.value)]
        try:
            return self.scalars.construct_object(node)
        except (yaml.YAMLError, ValueError, TypeError, OverflowError, AttributeError) as exc:
            # "answer: 2023-02-30" is read as a date that does not exist
            raise _NodeError(
                line,
                f"cannot read {node.value[:40]!r}: {_first_line(exc)}; "
                "put it in quotes to keep it as text",
            ) from exc

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[Any, Any]:
        if len(loc) == 2 and isinstance(loc[1], int):  # an item of a top-level list
            self.item = (loc, node)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                raise _NodeError(key_line, "a key must be a plain name, not a list or a mapping")
            key = key_node.value
            if key in result:  # one lookup a key: a normal load does not notice it
                first = self.lines[(*loc, key)]
                self.twice.append(
                    (key_line, f"{self._field((*loc, key))}: duplicate key (also on line {first})")
                )
            self.lines[(*loc, key)] = key_line  # a key's own line: where the maintainer looks
            result[key] = self.value(value_node, (*loc, key))
            self.lines[(*loc, key)] = key_line
        return result

    def _field(self, loc: Loc) -> str:
        """Say `loc` as the loader's messages do: `entry 'id': field`, or the field alone."""
        index = loc[1] if len(loc) > 2 else None
        if not isinstance(index, int) or self.item is None or self.item[0] != loc[:2]:
            return field_path(loc)
        label = item_label(loc[0])
        ident = next(
            (
                value.value
                for key, value in self.item[1].value
                if isinstance(key, yaml.ScalarNode)
                and key.value == "id"
                and isinstance(value, yaml.ScalarNode)
            ),
            None,
        )
        name = f"{label} '{ident}'" if ident else f"{label} #{index + 1}"
        return f"{name}: {field_path(loc[2:])}"


def field_path(loc: Loc) -> str:
    """Say a path inside an item as a maintainer counts: `question.text`, `phrasings #1`.

    List items are counted from 1, as every message numbers entries and groups.
    """
    said = ""
    for part in loc:
        if isinstance(part, int):  # only a synonyms group is a list of lists: its terms
            said += f" #{part + 1}" if said else f"term #{part + 1}"
        else:
            said += f".{_shown(part)}" if said else _shown(part)
    return said


def _shown(key: str) -> str:
    """Return a key as a message shows it: quoted and escaped if a character of it is unseen.

    A no-break space before a comment makes the line a key (a blank, then "# The FAQ …"), which
    would otherwise print as plain text.
    """
    return key if key.isprintable() else ascii(key)


def item_label(key: str | int) -> str:
    """Return what one item of a file's top-level list is called in messages."""
    return {"entries": "entry", "groups": "group"}.get(str(key), "item")


def _first_line(exc: Exception) -> str:
    text = getattr(exc, "problem", None) or str(exc)
    return str(text).splitlines()[0] if str(text).strip() else type(exc).__name__


def _line_of(text: str, line: int) -> str:
    """Return line `line` (1-based) of `text`, trimmed and cut short, for an error message."""
    lines = text.splitlines()
    return lines[line - 1].strip()[:120] if 0 < line <= len(lines) else ""


def _syntax_problem(path: Path, text: str, exc: yaml.MarkedYAMLError) -> str:
    """Return one line naming where a YAML syntax error is, what it is and how to fix it."""
    end = exc.problem_mark.line + 1 if exc.problem_mark else 1
    start = exc.context_mark.line + 1 if exc.context_mark else end
    # where the parser gave up, unless a quote opened above it runs on to there: the line
    # that opened it is the one to fix
    opened = _unclosed_quote(text, min(start, end), end)
    line = opened or end
    shown = _line_of(text, line)
    problem = str(exc.problem)
    raw = text.splitlines()[line - 1 : line]
    hint = _QUOTE_HINT if opened else _TAB_HINT if raw and "\t" in raw[0] else ""
    hint = hint or next((h for cue, h in _HINTS if cue in problem), "")
    entry = _entry_above(text, line)
    where = f"{path.name}:{line}: " + (f"entry '{entry}': " if entry else "")
    return (
        where
        + f"YAML syntax error: {problem}"
        + (f"; the line reads: {shown}" if shown else "")
        + (f" ({hint})" if hint else "")
    )


_TAB_HINT = "the line has a tab: indent with spaces only"
_QUOTE_HINT = "a quote is opened and never closed"
_HINTS = (
    ("tab", _TAB_HINT),
    ("expected key", "check this line's indentation: it must line up with its entry's fields"),
    ("expected '-'", "check this line's indentation: it must line up with its entry's fields"),
    ("expected <block end>", "check this line's indentation against the lines above it"),
    ("mapping values are not allowed", "a value holding ': ' must be put in quotes"),
    ("end of stream", _QUOTE_HINT),
)
_ENTRY_ID = re.compile(r"^\s*-\s*id:\s*['\"]?([^'\"\s#]+)")


def _entry_above(text: str, line: int) -> str | None:
    """Return the id of the entry that `line` belongs to, read from the lines above it."""
    for above in reversed(text.splitlines()[:line]):
        found = _ENTRY_ID.match(above)
        if found:
            return found.group(1)
    return None


def _unclosed_quote(text: str, start: int, end: int) -> int | None:
    """Return the first line from `start` to `end` that opens a quote it does not close.

    A value like `question: "Who is …` with no closing quote runs on to the next quote in
    the file, and the parser stops far below; the line that opened it is the one to fix.
    """
    for number, line in enumerate(text.splitlines()[start - 1 : end], start=start):
        value = line.split(": ", 1)[1] if ": " in line else line.lstrip(" -")
        value = value.strip()
        for quote in ('"', "'"):
            if value.startswith(quote) and (len(value) == 1 or not value.endswith(quote)):
                return number
    return None
