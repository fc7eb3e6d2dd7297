"""The texts that say what each entry answers, made as the semantic index reads them."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import overload

from bot.knowledge.loading import Knowledge


class EntryTexts(Sequence[Sequence[str]]):
    """Each FAQ entry's question and phrasings, then each entity's names and description.

    Made one entry at a time as they are read: the lists of 100,000 entries made at once held
    13 MB at the peak of a build.
    """

    def __init__(self, knowledge: Knowledge) -> None:
        """Read the entries of `knowledge`."""
        self._faq, self._entities = knowledge.faq, knowledge.entities

    def __len__(self) -> int:
        """Return the number of entries."""
        return len(self._faq) + len(self._entities)

    @overload
    def __getitem__(self, at: int) -> Sequence[str]: ...

    @overload
    def __getitem__(self, at: slice) -> Sequence[Sequence[str]]: ...

    def __getitem__(self, at: int | slice) -> Sequence[str] | Sequence[Sequence[str]]:
        """Return the texts of the entry `at`, or a list of them for a slice."""
        if isinstance(at, slice):
            return [self._texts(i) for i in range(*at.indices(len(self)))]
        if not -len(self) <= at < len(self):
            raise IndexError(at)
        return self._texts(at % len(self))

    def __iter__(self) -> Iterator[Sequence[str]]:
        """Yield each entry's texts in turn (without a bounds check for each)."""
        for faq in self._faq:
            yield (faq.question, *faq.phrasings)
        for entity in self._entities:
            yield (*entity.names, entity.description)

    def _texts(self, at: int) -> Sequence[str]:
        if at < len(self._faq):
            faq = self._faq[at]
            return (faq.question, *faq.phrasings)
        entity = self._entities[at - len(self._faq)]
        return (*entity.names, entity.description)
