"""Where a text's names are, and what its clauses say of them.

Proper names ("Eemstadion", "R21/Matrix-M"), the names that say where a thing is ("the plant
near Algeciras"), and what a clause sets apart from the names beside it ("two other workers").
General English only.
"""

from __future__ import annotations

import re

from bot.matching.english import is_english
from bot.matching.needs import MONTH_NAMES, WEEKDAY_NAMES

_CAPITALISED = re.compile(r"\b[^\W\d_][\w'/.\u2019-]*\w|\b[^\W\d_]\b")
_NOT_NAMES = frozenset((MONTH_NAMES + " " + WEEKDAY_NAMES).split()) | {"i"}
_OPENING = re.compile(r"(?:^|[.!?:]\s*|[\"\u201c\u2018]\s*)$")  # where a sentence starts
_TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|St|U\.S|U\.K)\.\s*$")
# a name after these says where a thing is, not what it is called: "the plant *near*
# Algeciras", "a nurse who lives *in* Podgorz and works at the regional hospital"
_PLACING = re.compile(
    r"\b(?:in|near|at|outside|around|across|off|into|inside|within|between|behind|beside|"
    r"towards)\s+(?:the\s+)?(?=[^\W\d_])",
    re.IGNORECASE,
)
_NAME_RUN = re.compile(r"[\w'\u2019.-]+")
_JOINING = frozenset("of es de del la le el al van von da do dos".split())  # "Dar es Salaam"


def proper_names(text: str) -> tuple[list[str], list[str]]:
    """Return the proper names in `text`, and the capitalised words that open a sentence.

    A capitalised word is a name inside a sentence ("Eemstadion", "ILRS", "R21/Matrix-M",
    "Peak Group", "Ørsted"); at a sentence's start it is one if it is no English word
    ("Eemstadion holds …"), and may be one if it is ("India landed …", but "The club …"):
    the caller knows which names its story uses. A sentence in capitals names nothing by
    its capitals; months and weekdays are dates.
    """
    if not any(c.islower() for c in text):
        return [], []
    names: list[str] = []
    openers: list[str] = []
    for match in _CAPITALISED.finditer(text):
        word = match.group()
        if not word[0].isupper() or _plain(word).lower() in _NOT_NAMES:
            continue
        telling = (word.isupper() and len(word) > 1) or any(c.isdigit() for c in word)
        if not telling and "-" in word:  # "China-led": China; "Miami-based": Miami
            word = "-".join(part for part in word.split("-") if part[:1].isupper())
        before = text[max(0, match.start() - 12) : match.start()]
        opening = bool(_OPENING.search(before)) and not _TITLED.search(before)
        if telling or not opening or not is_english(_plain(word).lower()):
            names.append(word)
        else:
            openers.append(word)
    return names, openers


def placed_names(text: str) -> list[str]:
    """Return the names in `text` that say where a thing is: "near Algeciras", "in Kilwa"."""
    placed = []
    for match in _PLACING.finditer(text):
        run: list[str] = []
        end = match.end()
        for word in _NAME_RUN.finditer(text, end):
            joining = bool(run) and word.group() in _JOINING  # "in Dar *es* Salaam"
            if text[end : word.start()].strip() or not (word.group()[0].isupper() or joining):
                break
            run.append(word.group())
            end = word.end()
        if run:
            placed.append(" ".join(run))
    return placed


# what a clause says is not whom it names: "killing welder Choi and injuring *two other
# workers*", "Captain Vlachakis, *the first officer* and *the helmsman* are charged"
_OTHERS = re.compile(r"\b(?:other|another)((?:\s+[\w'-]+){1,3})", re.IGNORECASE)
# a list, when a plural verb follows it: not "Zielinski, the mayor and a former engineer, said"
_LISTED = re.compile(
    r",\s+(?:the|a|an)((?:\s+[\w'-]+){1,3}?)\s+(?:and|or)\s+(?:the|a|an)((?:\s+[\w'-]+){1,3}?)"
    r"\s+(?:are|were|have|had|face|faced|remain|remained)\b"
)


def set_apart(text: str) -> list[str]:
    """Return the words of what `text` sets apart from the names beside it."""
    return [
        apart
        for pattern in (_OTHERS, _LISTED)
        for m in pattern.finditer(text)
        for apart in m.groups()
    ]


def _plain(word: str) -> str:
    """Return `word` without a possessive ending: "Monday's" is Monday."""
    return re.sub(r"['\u2019]s$", "", word)
