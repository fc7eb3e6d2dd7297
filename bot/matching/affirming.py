"""Whether an entry's opening "Yes." answers a question, or only its own.

A maintainer writes "Yes. In 2022 the museum offered a loan …" to answer the entry's own
yes/no question ("Did the museum offer to lend the objects?"). Said to "so it's just a long
term loan, right?", which the entry's "What was the loan offer?" matches, that "Yes." affirms
a false premise; said to "how did the museum get them?" it answers nothing. It is kept only
for a question asking whether, more than half of whose words a phrasing asking whether holds
("is the british museum giving stuff back too?" shares only the museum with "Does the British
Museum Act apply to this museum?").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from bot.knowledge.schema import FaqEntry
from bot.matching.analysis import Analysis, Phrasing
from bot.matching.decision import Entry
from bot.matching.lexicon import WHETHER_TYPES, QType
from bot.replies import opens_yes

_CLOSE = 0.5  # the share of a question's terms a whether-phrasing must hold more than


class Affirming:
    """Tells whether an entry's "Yes." answers a question; each entry's phrasings read once."""

    def __init__(
        self,
        faq: Sequence[FaqEntry],
        positions: Mapping[str, int],
        read: Callable[[str], Phrasing],
    ) -> None:
        """Read the `faq` entries' questions and phrasings with `read`; find them by position.

        No reference to the engine: a replaced engine is freed by reference counting alone.
        """
        self._faq = faq
        self._positions = positions
        self._read = read
        self._asked: dict[str, list[frozenset[str]]] = {}  # only entries opening "Yes."

    def affirms(self, entry: Entry, question: Analysis) -> bool:
        """Return whether `entry`'s opening "Yes." (if any) answers `question`."""
        if question.qtype not in WHETHER_TYPES or not opens_yes(entry.answer):
            return False
        terms = frozenset(question.terms)
        return bool(terms) and any(
            len(terms & asked) > _CLOSE * len(terms) for asked in self._whether(entry.id)
        )

    def _phrasings(self, entry_id: str) -> tuple[str, ...]:
        """Return the question and phrasings of the FAQ entry `entry_id` (none for a fact)."""
        position = self._positions.get(entry_id)
        if position is None or position >= len(self._faq):
            return ()
        return (self._faq[position].question, *self._faq[position].phrasings)

    def _whether(self, entry_id: str) -> list[frozenset[str]]:
        """Return the terms of each of the entry's phrasings that asks whether."""
        if entry_id not in self._asked:
            read = map(self._read, self._phrasings(entry_id))
            self._asked[entry_id] = [frozenset(p.terms) for p in read if p.qtype is QType.YESNO]
        return self._asked[entry_id]
