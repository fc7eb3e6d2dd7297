"""Names in capitals that are also English words: "the WHO" is an organisation, "who" is not.

Text is read in lower case, where "WHO" would be the question word and never reach the World
Health Organization. A knowledge folder that names something by such an acronym has it read
as that thing's full name wherever a message writes it in capitals, except as the first word
("WHO signed it?" shouts the question word) and in a message written all in capitals.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.knowledge.schema import Entity
from bot.matching.english import is_english


class Acronyms:
    """The acronyms of one knowledge folder that spell English words, with their full names."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        """Keep each entity name in capitals that is an English word, read as its full name."""
        self._full: dict[str, str] = {}
        for entity in entities:
            spelled = [n for n in entity.names if not n.isupper()]
            for name in entity.names:
                if spelled and name.isupper() and name.isalpha() and is_english(name.lower()):
                    self._full.setdefault(name, spelled[0])
        words = "|".join(map(re.escape, sorted(self._full, key=len, reverse=True)))
        # not the first word: "WHO signed it?" shouts a question word
        self._pattern = re.compile(rf"(?<=\W)(?:{words})\b") if words else None

    def spell(self, text: str) -> str:
        """Return `text` with each acronym in capitals written as its full name."""
        if self._pattern is None or self._pattern.search(text) is None or text.isupper():
            return text  # most texts: one search in C, no copy
        return self._pattern.sub(lambda m: self._full[m.group()], text)
