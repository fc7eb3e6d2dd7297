"""The texts that say what each entry answers, made as the semantic index reads them."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import overload

from bot.knowledge.loading import Knowledge
from bot.knowledge.schema import Entity, FaqEntry


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
        yield from map(_faq_texts, self._faq)
        yield from map(_entity_texts, self._entities)

    def _texts(self, at: int) -> Sequence[str]:
        if at < len(self._faq):
            return _faq_texts(self._faq[at])
        return _entity_texts(self._entities[at - len(self._faq)])


def _faq_texts(faq: FaqEntry) -> Sequence[str]:
    """Return what an FAQ entry answers: its question and its phrasings."""
    return (faq.question, *faq.phrasings)


def _entity_texts(entity: Entity) -> Sequence[str]:
    """Return what a fact-store entry answers about: its names and its description."""
    return (*entity.names, entity.description)
