"""Ids are unique across faq.yaml and facts.yaml; a clash is said where it was written."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.knowledge.yamlfile import LocatedYaml, item_label


def id_clashes(
    located: LocatedYaml, key: str, ids: Sequence[object], seen: dict[str, str]
) -> list[str]:
    """Return a problem for each of `ids` already in `seen` (id -> `file:line`); add the rest.

    The clash is said at this file's line, the earlier place in its "also" part: files are
    checked in the order their clashes should be said in.
    """
    name = located.path.name
    problems = []
    for i, ident in enumerate(ids):
        if not isinstance(ident, str):  # no id, or not text: its own problem says so
            continue
        line = located.line((key, i, "id"))
        if ident in seen:
            problems.append(
                f"{name}:{line}: {item_label(key)} '{ident}': id: duplicate id (also {seen[ident]})"
            )
        seen.setdefault(ident, f"{name}:{line}")
    return problems


def written_ids(data: Any, key: str) -> list[object]:
    """Return the id written in each item of a file's `key` list, before any validation."""
    items = data.get(key) if isinstance(data, dict) else None
    if not isinstance(items, list):
        return []
    return [item.get("id") if isinstance(item, dict) else None for item in items]
