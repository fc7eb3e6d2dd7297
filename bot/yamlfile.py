"""Read YAML while remembering the line each value came from."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from bot.errors import KnowledgeError

Loc = tuple[str | int, ...]

# the C loader is several times faster; fall back where libyaml is missing
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LocatedYaml:
    """Plain Python data from a YAML file, with the 1-based line of every key and item."""

    def __init__(self, path: Path, data: Any, lines: dict[Loc, int]) -> None:
        """Hold the parsed data and its line map."""
        self.path = path
        self.data = data
        self._lines = lines

    def line(self, loc: Loc) -> int:
        """Return the line of `loc`, or of its nearest located parent."""
        while loc and loc not in self._lines:
            loc = loc[:-1]
        return self._lines.get(loc, 1)


def read_yaml(path: Path) -> LocatedYaml:
    """Parse `path`, raising `KnowledgeError` with file and line on a syntax error."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeError([f"{path.name}:1: cannot read file: {exc}"]) from exc
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise KnowledgeError([f"{path.name}:{line}: YAML syntax error: {exc.problem}"]) from exc
    lines: dict[Loc, int] = {}
    scalars = yaml.constructor.SafeConstructor()
    data = _to_python(node, (), lines, scalars) if node is not None else None
    return LocatedYaml(path, data, lines)


def _to_python(
    node: yaml.Node, loc: Loc, lines: dict[Loc, int], scalars: yaml.constructor.SafeConstructor
) -> Any:
    lines[loc] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            result[key] = _to_python(value_node, (*loc, key), lines, scalars)
            # a key's own line beats its value's: "answer:" is where the maintainer looks
            lines[(*loc, key)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(item, (*loc, i), lines, scalars) for i, item in enumerate(node.value)]
    return scalars.construct_object(node)
