"""Names in capitals that are also English words: "the WHO" is an organisation, "who" is not.

Text is read in lower case, where "WHO" would be the question word and never reach the World
Health Organization. A knowledge folder that names something by such an acronym has it read
as that thing's full name where a message writes it in capitals and means the name: after
"the" or a preposition ("when did the WHO approve it?", "the head of WHO"), or in a message
that asks with another question word ("what did WHO say?"). "and WHO pays?" or "so WHO led
it?" shout the question word; an acronym that spells a pronoun ("IT", "US") is read as a name
only after "the" or a preposition. Typed in lower case, one that spells a pronoun or a
question word is read as a name after "the" ("is the us going?", "what did the who say?").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.knowledge.schema import Entity
from bot.matching.english import is_english

_BEFORE_NAMES = frozenset(
    "the of by from at to for with about against via in on into under within".split()
)
_PRONOUNS = frozenset("i me we us you he him she her it they them am".split())
_ASKING = frozenset("what when where why how which who whom whose".split())
_QUESTION_WORD = re.compile(rf"(?i)\b(?:{'|'.join(sorted(_ASKING))})\b")
_LAST_WORD = re.compile(r"(\w+)\W*$")
# a yes/no question's first word, before the acronym: "is WHO behind it?"
_OPENER = re.compile(r"(?i)\W*(?:is|are|was|were|does|did|do|has|have|had|can|could|will)\b")


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
        # literals first, no look-behind: the search skips to them (the context is read after)
        self._pattern = re.compile(rf"\b(?:{words})\b") if words else None
        # typed in lower case, a pronoun's or a question word's spelling after "the" is the
        # name: "the us" is the US, "the who" the WHO ("tell us", "for us" stay pronouns)
        typed = [a.lower() for a in self._full if a.lower() in _PRONOUNS | _ASKING]
        self._lowered = re.compile(rf"\b(?i:the) ({'|'.join(typed)})\b") if typed else None
        # looked for first as plain text: the pattern's search costs a build 2.8 µs a text
        self._typed = tuple(f"the {a}" for a in typed)

    def spell(self, text: str) -> str:
        """Return `text` with each acronym in capitals that means its name written out."""
        # each form looked for as plain text in C first (`any` of a generator cost 0.4 us a
        # text of a build's 46,000 at 10,035 entries)
        if self._lowered is not None and any(map(text.lower().__contains__, self._typed)):
            text = self._lowered.sub(lambda found: f"the {found.group(1).upper()}", text)
        if (
            self._pattern is None
            or not any(map(text.__contains__, self._full))  # as the pattern's literals
            or self._pattern.search(text) is None
            or text.isupper()
        ):
            return text  # most texts: no acronym in them, no copy
        return self._pattern.sub(lambda found: self._reading(text, found), text)

    def spell_name(self, name: str) -> str:
        """Return a knowledge name with every acronym in it written out ("WHO director")."""
        if self._pattern is None:
            return name
        return self._pattern.sub(lambda found: self._full[found.group()], name)

    def _reading(self, text: str, found: re.Match[str]) -> str:
        acronym = found.group()
        before = _LAST_WORD.search(text[: found.start()])
        after_name_word = before is not None and before.group(1).lower() in _BEFORE_NAMES
        if after_name_word:
            return self._full[acronym]
        if acronym.lower() in _PRONOUNS:
            return acronym
        rest = text[: found.start()] + " " + text[found.end() :]
        # "what did WHO say?" and "is WHO behind it?" ask otherwise: "WHO pays?" asks who
        asking = _QUESTION_WORD.search(rest) or _OPENER.match(text)
        return self._full[acronym] if asking else acronym
