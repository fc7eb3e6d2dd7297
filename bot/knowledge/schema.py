"""Pydantic models of the knowledge files a maintainer edits."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
)

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=60)]
EMPTY = "empty: write it in (or, to keep it unserved for now, add `draft: true`)"
_MIN_SOURCE = 10
LINE_CHARS = 300  # a question, phrasing, name or topic
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=LINE_CHARS)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class FaqEntry(_Strict):
    """One curated question with its alternate phrasings, answer and backing passage.

    A `draft` (what `storybot gaps --add` writes) may leave its answer and source empty: it
    is kept in the file, checked, and not served, so the file stays loadable while a
    maintainer fills drafts in.
    """

    draft: bool = False  # first: the checks of the answer and source below read it
    id: Id
    question: Line
    phrasings: tuple[Line, ...] = ()
    answer: Annotated[str, StringConstraints(max_length=350)]
    source: str
    topic: Line = "General"

    @field_validator("answer", "source", mode="before")
    @classmethod
    def _blank(cls, value: object) -> object:
        return "" if value is None else value  # "answer:" with nothing after it is empty

    @field_validator("answer", "source")
    @classmethod
    def _written(cls, value: str, info: ValidationInfo) -> str:
        if info.data.get("draft", False):
            return value
        if not value:
            raise ValueError(EMPTY)
        if info.field_name == "source" and len(value) < _MIN_SOURCE:
            raise ValueError(f"{len(value)} characters: copy a whole passage of the story")
        return value


class EntityType(StrEnum):
    """The kinds of things the fact store knows about."""

    PERSON = "person"
    COUNTRY = "country"
    ORGANISATION = "organisation"
    PLACE = "place"
    PROGRAMME = "programme"
    EVENT = "event"
    THING = "thing"  # a named ship, vehicle, building, product or object


class Entity(_Strict):
    """Someone or something the story names, with every name people use for it."""

    id: Id
    name: Line
    type: EntityType
    aliases: tuple[Line, ...] = ()
    description: Annotated[str, StringConstraints(min_length=1, max_length=350)]
    source: Annotated[str, StringConstraints(min_length=10)]

    @property
    def names(self) -> tuple[str, ...]:
        """Return the name followed by every alias."""
        return (self.name, *self.aliases)


class FaqFile(_Strict):
    """The layout of `faq.yaml`."""

    entries: tuple[FaqEntry, ...] = Field(min_length=1)


class FactsFile(_Strict):
    """The layout of `facts.yaml`."""

    title: Line
    entities: tuple[Entity, ...] = ()


class SynonymsFile(_Strict):
    """The layout of `synonyms.yaml`: each group's first term is the canonical one."""

    groups: tuple[tuple[Line, ...], ...] = ()
