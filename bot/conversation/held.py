"""A short follow-up whose answer the last answer already holds: "over how many years?".

After "Who lent the money?" answered "PAIB lent $1.1 billion, repayable over 25 years",
"over how many years?" on its own is the building's six years; the asker is still on the loan,
and its answer says the term. When every word the follow-up has is in the last answer, and a
clause of it about those words holds the kind of value asked, the last answer answers again.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import replies
from bot.conversation.turns import MAX_WORDS, Turn, points_to_someone
from bot.matching.analysis import ENTITY_PREFIX
from bot.matching.decision import Decision
from bot.matching.lexicon import QType
from bot.matching.needs import Need
from bot.matching.text import CURRENCY_SIGNS

if TYPE_CHECKING:  # the engine builds its dialogue: imported for types only
    from bot.matching.engine import Engine

# values an answer may hold besides the one it was asked for ("25 years" beside "$1.1 billion");
# not a reason ("why did they do that?" asks why the last answer's event happened, which its
# own entry seldom says), someone's words, a name or a role
_VALUES = frozenset(
    {
        Need.NUMBER,
        Need.COUNT,
        Need.DATE,
        Need.DAY,
        Need.MONTH,
        Need.YEAR,
        Need.TIME,
        Need.AGE,
        Need.PLACE,
    }
)

_WHICH = frozenset({"what", "which"})
_FIGURES = frozenset({Need.NUMBER, Need.COUNT})
# an amount of money as answers write it: "$1.1 billion", "62 million euros", "750 naira"
_AMOUNT = re.compile(
    rf"{CURRENCY_SIGNS}\s?\d|\d[\d,.]*(?:\s(?:thousand|million|billion|trillion))?\s"
    r"(?:dollars|euros|pounds|naira|cents|shillings|rupees|yuan)\b",
    re.I,
)
_SORTS = frozenset({"kind", "type", "sort", "kinds", "types", "sorts"})
_SAID = frozenset({"say"})  # the term of "said", "told", "claimed"
_SAYING = re.compile(
    r"\b(?:said|says|told|tells|warned|warns|added|according to|claims|claimed|called)\b|\"", re.I
)


def held(engine: Engine, text: str, turn: Turn) -> Decision | None:
    """Answer `text` with the last turn's entry again, when its answer holds what is asked.

    Only a short message of one word at most besides its question words ("over how many
    years?"), which names no party, points to no one ("he", "she") and asks for a value, for
    what kind of thing something was or who said it, all of whose words the last answer uses.
    """
    question = engine.analyzer.analyze(text)
    asked = question.asks & _VALUES
    terms = frozenset(question.terms)
    sort = _asks_sort(question.words)  # "what kind of landing?" after "a soft landing"
    # "who said that?" after an answer whose words someone said: the answer names them
    whom = question.qtype is QType.WHO and terms == _SAID
    if not (asked or whom or (sort and terms)) or len(question.words) > MAX_WORDS:
        return None
    if len(terms) > 1:  # "where was the agreement signed?" says what it asks of: a question
        return None
    if any(t.startswith(ENTITY_PREFIX) for t in terms):  # "when did India land?" asks anew
        return None
    if points_to_someone(question.words):  # "how old is he?" asks of a person, not the answer
        return None
    if not terms and Need.COUNT in asked:  # "how many are there?": a count of what, it says not
        return None
    position = engine.position(turn.entry_id)
    if position is None:
        return None
    entry = engine.entries[position]
    if not terms <= frozenset(engine.analyzer.terms(entry.answer)):
        return None
    if asked and not engine.tools.offers.holds(position, asked, terms, question.stated):
        return None
    if whom and not asked and not _names_another(engine, entry.answer, turn):
        return None
    if not terms and asked <= _FIGURES and not _AMOUNT.search(entry.answer):
        return None  # a bare "how much?" asks an amount: not the 2 of "MV-2" nor a schedule
    what = "/".join(sorted(asked)) or "kind"
    reason = f"follow-up of {turn.label}: its answer holds the {what} asked"
    # read as the last turn was: the thread goes on ("they" still the vaccine's maker)
    return Decision(text, replies.single(entry, 1.0), reason, analysis=turn.analysis)


def _asks_sort(words: tuple[str, ...]) -> bool:
    """Return whether a message opens "what kind of …?" (or type, sort of)."""
    return len(words) > 3 and words[0] in _WHICH and words[1] in _SORTS and words[2] == "of"


def _names_another(engine: Engine, answer: str, turn: Turn) -> bool:
    """Return whether the answer says who said it: a party the last question did not name."""
    if not _SAYING.search(answer):  # "the KNVB must approve it" says nothing anyone said
        return False
    named = {t for t in engine.analyzer.terms(answer) if t.startswith(ENTITY_PREFIX)}
    return bool(named - set(turn.analysis.terms))
