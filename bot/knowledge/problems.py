"""Validation errors said the way a maintainer reads them: `file:line: entry: field: problem`."""

from __future__ import annotations

import difflib
from datetime import date

from pydantic_core import ErrorDetails

from bot.knowledge.schema import EMPTY
from bot.knowledge.yamlfile import LocatedYaml, field_path, item_label


def describe(located: LocatedYaml, error: ErrorDetails) -> str:
    """Return one `file:line: entry: field: problem` line for a validation error."""
    loc = tuple(error["loc"])
    data = located.data
    where = ""
    if len(loc) >= 2 and isinstance(loc[1], int) and isinstance(data, dict):
        items = data.get(loc[0])
        item = items[loc[1]] if isinstance(items, list) and loc[1] < len(items) else None
        label = item_label(loc[0])
        ident = item.get("id") if isinstance(item, dict) else None
        where = f"{label} '{ident}': " if ident else f"{label} #{loc[1] + 1}: "
        field = field_path(loc[2:]) or f"(whole {label})"
    else:
        field = field_path(loc) or "(whole file)"
    name = located.path.name
    if not loc and located.data is None:  # nothing in it, or only comments
        return f"{name}:1: {name} is empty"
    message = _plain_message(error, loc[-1] if loc else "", name)
    return f"{name}:{located.line(loc)}: {where}{field}: {message}"


_FIELDS = (
    "id",
    "topic",
    "question",
    "phrasings",
    "answer",
    "source",
    "title",
    "entries",
    "entities",
    "name",
    "type",
    "aliases",
    "description",
    "groups",
)


def _plain_message(error: ErrorDetails, last: str | int, file: str = "") -> str:
    """Say what is wrong in a maintainer's words rather than the validator's."""
    kind, given, field = error.get("type"), error.get("input"), str(last)
    if kind == "missing":
        return "field required"
    if kind == "extra_forbidden":
        close = difflib.get_close_matches(field, _FIELDS, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        return f"unknown field '{field}'{hint}"
    if kind == "string_too_long":
        limit = (error.get("ctx") or {}).get("max_length")
        if isinstance(given, str) and limit is not None:
            return f"{len(given)} characters; at most {limit}"
    if kind == "value_error":  # the schema's own checks say it in their words already
        return str(error["msg"]).removeprefix("Value error, ")
    if kind in ("string_too_short", "string_type") and (given is None or _blank(given)):
        return _empty(last)
    if kind == "string_pattern_mismatch" and field == "id":
        return "use lowercase letters, digits and hyphens only, like 'august-landing'"
    if kind == "string_type":
        return _not_text(given)
    if kind in ("tuple_type", "list_type"):
        return "should be a list (lines starting with '- ')"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        if not error["loc"]:  # the whole file is a list, or a word: its list's name first
            return f"should start with '{_LISTS.get(file, 'entries')}:' and its list under it"
        return "should be a mapping of fields ('id: …', 'question: …' on their own lines)"
    return str(error["msg"])


def _blank(given: object) -> bool:
    return isinstance(given, str) and not given.strip()


def _empty(last: str | int) -> str:
    """Say how to fix an empty value: only an answer or a source may wait in a draft."""
    if isinstance(last, int):  # "-" with nothing after it, in a list
        return "empty: write it in, or delete the empty line"
    return EMPTY if last in ("answer", "source") else "empty: write it in"


_LISTS = {"faq.yaml": "entries", "facts.yaml": "entities", "synonyms.yaml": "groups"}


def _not_text(given: object) -> str:
    """Say that a value is no text; YAML reads 2025-03-04, yes and 42 as other things."""
    if isinstance(given, bool):
        read = "yes/no"
    elif isinstance(given, (int, float)):
        read = "number"
    elif isinstance(given, date):  # a datetime is a date too
        read = "date"
    else:
        return "should be text"
    return f"should be text; YAML read it as a {read}: put it in quotes"
