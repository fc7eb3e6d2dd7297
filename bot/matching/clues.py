"""What a text must hold for a pattern to match it, read once so that most patterns never run.

A pattern's clue is a word one of its alternatives needs ("prime minister" needs "minister"),
a digit or a mark; a text without it cannot match, and its search is skipped. Reading an
entry's answer took nineteen regex searches, one per kind of value; with clues most run none
(`answerability.offers`).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from bot.matching.lexicon import CURRENCY_WORDS
from bot.matching.needs import MONTH_NAMES, NUMBER_WORDS, ROLE_TITLES, WEEKDAY_NAMES, Need


class Clue(NamedTuple):
    """What a pattern cannot match without, in a text `Clues` can read.

    One of `words` as a whole word in any case, a digit (if `digit`), one of the characters
    `marks`, or one of the strings `within` anywhere in the lower-case text.
    """

    words: frozenset[str]
    digit: bool = False
    marks: str = ""
    within: tuple[str, ...] = ()


def clue(words: str, digit: bool = False, marks: str = "", within: str = "") -> Clue:
    """Return the clue of `words` (one string of them), a digit, `marks` and strings `within`."""
    return Clue(frozenset(words.split()), digit, marks, tuple(within.split()))


class Clues:
    """The words, digits and marks of one text, read once for every pattern's `Clue`."""

    def __init__(self, text: str) -> None:
        """Read `text`'s words in lower case, when every letter and digit of it is ASCII.

        A pattern matching without case may match another script's letter ("İ" as "i"), and a
        digit pattern any script's digit: a text with such a letter or digit runs every pattern.
        """
        self._text = text
        self._lower = text.lower()
        readable = text.isascii() or not any(c.isalnum() for c in text if not c.isascii())
        self._words = frozenset(_WORD_RUN.findall(self._lower)) if readable else None
        self._digit = readable and _DIGIT.search(text) is not None

    def allow(self, clue: Clue) -> bool:
        """Return whether the pattern of `clue` may match the text."""
        if self._words is None:
            return True
        return (
            (clue.digit and self._digit)
            or not clue.words.isdisjoint(self._words)
            or bool(clue.marks and any(mark in self._text for mark in clue.marks))
            or bool(clue.within and any(part in self._lower for part in clue.within))
        )

    def capitals(self) -> bool:
        """Return whether the text may hold a capital letter."""
        return self._words is None or self._lower != self._text


_WORD_RUN = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")


_PREPOSITIONS = "in at on near from outside inside across to"
# per kind of value in `answerability` (and its `_BODIES`, `_PLANNED`, `_HAPPENED`), what its
# pattern needs: each alternative's own word ("prime minister" needs "minister", "in order
# to" "order", "chair(?:man|woman|person)?" one of four words). A test draws strings from
# every pattern and checks that each one it matches holds its clue
CLUES: dict[str, Clue] = {
    Need.DATE: clue(
        f"{MONTH_NAMES} {WEEKDAY_NAMES} yesterday today tomorrow recently decade century ago year "
        "spring summer autumn winter christmas easter ramadan eid diwali",
        digit=True,
    ),
    Need.DAY: clue(f"{WEEKDAY_NAMES} {MONTH_NAMES} yesterday today tomorrow day"),
    Need.MONTH: clue(MONTH_NAMES),
    Need.YEAR: clue("year", digit=True),
    Need.TIME: clue("noon midnight morning afternoon evening night dawn dusk", digit=True),
    Need.NUMBER: clue(NUMBER_WORDS, digit=True),
    Need.AGE: clue("age", digit=True),
    Need.PERSON_AGE: clue("age", digit=True),
    Need.ROLE: clue(f"{ROLE_TITLES} head"),  # "head of"
    Need.LEAD: clue(
        "president premier minister governor mayor director chair chairman chairwoman "
        "chairperson ceo chief secretary commissioner chancellor king queen head heads headed "
        "leader leads led founder founded executive manager captain coach commander boss chairs "
        "chaired runs run"
    ),
    Need.PLACE: clue(f"{_PREPOSITIONS} based"),
    Need.LENGTH: clue(
        "km kms kilometre kilometres kilometer kilometers metre metres meter meters cm "
        "centimetre centimetres centimeter centimeters mm mile miles feet foot ft inch inches "
        "yard yards hectare hectares acre acres storey storeys"
    ),
    # "5degrees" is one word: the unit is looked for anywhere
    Need.TEMPERATURE: clue("", digit=True, within="degree celsius fahrenheit"),
    Need.WEIGHT: clue("kg kilo kilos kilogram kilograms gram grams tonne tonnes ton tons"),
    Need.FREQUENCY: clue(
        "every a per each hourly daily weekly fortnightly monthly quarterly annually yearly",
        within="yearly",
    ),
    Need.MONEY: clue(
        " ".join(CURRENCY_WORDS) + " ngn cents cent pence", digit=True, marks="$€£¥₦₹₩"
    ),
    Need.WORDS: clue(
        "said says say told tells called calls asserted emphasised emphasized stated warned "
        "urged added noted insisted argued claimed described rejected criticised criticized "
        "praised pledged promised announced vowed",
        marks='"\u201c\u201d',
    ),
    Need.REASON: clue(
        "because since so order due owing thanks result reason reasons aim aims aimed seek seeks "
        "hope hopes want wants bid blamed caused driven after amid would to"
    ),
    "bodies": clue(
        "company companies firm firms government authority authorities council police group "
        "groups committee agency ministry association union unions board court parliament "
        "cabinet trust museum museums hospital hospitals school schools university club clubs "
        "team army staff employees workers households residents families people public patients "
        "pharmacists nurses doctors teachers students parents farmers owners customers "
        "passengers commuters fans supporters players members volunteers officials experts "
        "scientists engineers"
    ),
    "planned": clue(
        "will expect expects expecting aim aims plan plans want wants planned planning target "
        "targets targeting scheduled expected goal goals looking aspire aspires aspiring "
        "proposed due barring hope hopes intend intends set is are"
    ),
    "happened": clue("was were had did ago became last recently been said told announced signed"),
}
