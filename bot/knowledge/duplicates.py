"""Questions written twice in faq.yaml: in two entries an error, in one entry a warning.

One text asked of two entries can lead to only one of them, so the other never answers it:
that is a mistake to fix before the file is served. The same text twice in one entry costs
nothing but a line, so it is only pointed out.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.knowledge.folding import comparable
from bot.knowledge.schema import FaqEntry
from bot.knowledge.yamlfile import Loc, LocatedYaml, field_path

_Place = tuple[int, int]  # an entry's position, and 0 for its question or n for phrasing #n


def said_alike(text: str) -> str:
    """Return `text` as duplicates are compared: quotes, case, spaces and a final ?!. folded."""
    return comparable(text).rstrip("?!. ")


def duplicates(
    located: LocatedYaml, entries: Sequence[FaqEntry], file: str
) -> tuple[list[str], list[str]]:
    """Return the errors (one text in two entries) and warnings (twice in one) of faq.yaml.

    Each names the place written later and the one it repeats. A draft is not served, so it
    clashes with no other entry until `draft: true` is removed.
    """
    errors: list[str] = []
    warnings: list[str] = []
    first: dict[str, _Place] = {}  # a text -> where a served entry first gives it
    for i, entry in enumerate(entries):
        own: dict[str, int] = {}
        for n, text in enumerate((entry.question, *entry.phrasings)):
            key = said_alike(text)  # every phrasing of 100,000 entries: kept cheap
            if key in own:
                warnings.append(
                    f"{_where(located, entries, (i, n), file)}: {text!r}: duplicate of its own "
                    f"{_field(own[key])} (line {_line(located, (i, own[key]))}); delete it"
                )
                continue
            own[key] = n
            if entry.draft:
                continue
            other = first.setdefault(key, (i, n))
            if other != (i, n):
                errors.append(
                    f"{_where(located, entries, (i, n), file)}: {text!r}: duplicate of entry "
                    f"'{entries[other[0]].id}', {_field(other[1])} "
                    f"({file}:{_line(located, other)}); a question can lead to one entry only: "
                    "delete or reword one of them"
                )
    return errors, warnings


def _loc(n: int) -> Loc:
    """Return where text `n` of an entry stands in it: 0 its question, n its phrasing #n."""
    return ("phrasings", n - 1) if n else ("question",)


def _field(n: int) -> str:
    return field_path(_loc(n))


def _line(located: LocatedYaml, place: _Place) -> int:
    i, n = place
    return located.line(("entries", i, *_loc(n)))


def _where(located: LocatedYaml, entries: Sequence[FaqEntry], place: _Place, file: str) -> str:
    """Say a place as every knowledge problem starts: `file:line: entry 'id': field`."""
    return f"{file}:{_line(located, place)}: entry '{entries[place[0]].id}': {_field(place[1])}"
