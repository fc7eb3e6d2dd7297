"""What a knowledge folder's names imply: an entity's role words, a capital, a named thing.

"The caretaker PM" is Kakar, so an entry naming Kakar speaks of a caretaker; "in Beijing"
names a capital; "Eemstadion" is what the home ground is called.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from bot.knowledge.loading import Knowledge
from bot.knowledge.schema import Entity, EntityType
from bot.matching.analysis import ENTITY_PREFIX
from bot.matching.analyzer import Analyzer
from bot.matching.english import is_english
from bot.matching.gazetteer import capital_table
from bot.matching.names import AnswerNames
from bot.matching.text import tokenize


def terms_of_kind(entities: tuple[Entity, ...], kind: EntityType) -> frozenset[str]:
    """Return the terms of the entities of one `kind` (the countries, say)."""
    return frozenset(ENTITY_PREFIX + e.id for e in entities if e.type == kind)


def entries_of_kind(knowledge: Knowledge, kind: EntityType) -> frozenset[int]:
    """Return the positions of the fact store's entries of one `kind`."""
    return frozenset(p for p, e in _entity_positions(knowledge) if e.type == kind)


def _entity_positions(knowledge: Knowledge) -> Iterator[tuple[int, Entity]]:
    """Yield each fact-store entity with its entry's position: they follow the FAQ's."""
    return enumerate(knowledge.entities, start=len(knowledge.faq))


def implied_terms(analyzer: Analyzer, entities: tuple[Entity, ...]) -> dict[str, frozenset[str]]:
    """Return, per entity term, the terms of the words its names use, one word at a time.

    Word by word, so that "caretaker prime minister" gives "caretak" and "prime_minist" rather
    than the entity itself again; a capital city implies "capital".
    """
    implied = {}
    for entity in entities:
        words = {word for name in entity.names for word in tokenize(name)}
        terms = {
            t for word in words for t in analyzer.terms(word) if not t.startswith(ENTITY_PREFIX)
        }
        implied[ENTITY_PREFIX + entity.id] = frozenset(terms)
    for city, capital in _capitals(analyzer, terms_of_kind(entities, EntityType.COUNTRY)).items():
        implied[city] = implied.get(city, frozenset()) | capital
    return implied


def seats(analyzer: Analyzer, entities: tuple[Entity, ...]) -> dict[str, frozenset[str]]:
    """Return, per country of the fact store, the terms of the capital cities it also names.

    "What does Beijing want?" speaks of China, though the story keeps Beijing as a place.
    """
    table = capital_table()
    found = {}
    for entity in entities:
        if entity.type != EntityType.COUNTRY:
            continue
        term = ENTITY_PREFIX + entity.id
        cities = {c for name in entity.names for c in table.get(name.casefold(), ())}
        named = {t for c in cities for t in analyzer.terms(c) if t.startswith(ENTITY_PREFIX)}
        if named - {term}:
            found[term] = frozenset(named - {term})
    return found


def answer_names(
    analyzer: Analyzer,
    knowledge: Knowledge,
    answers: list[str],
    implied: dict[str, frozenset[str]],
) -> AnswerNames:
    """Return the reader of the names the answers give: the FAQ's, then the fact store's.

    `implied`: per entity term, the words of its names (`implied_terms`).
    """
    countries = terms_of_kind(knowledge.entities, EntityType.COUNTRY)
    subjects = {p: ENTITY_PREFIX + e.id for p, e in _entity_positions(knowledge)}
    nouns = frozenset(analyzer.terms("country countries nation nations"))
    people = terms_of_kind(knowledge.entities, EntityType.PERSON)
    # each entity's names' capitalised words: "Ministry of National Defence" spells the
    # ministry; "bank consortium" spells no consortium
    spelled = {ENTITY_PREFIX + e.id: _capitalised(e.names) for e in knowledge.entities}
    # of those, the words of its proper names, which end in a capital: "World Health
    # Organization" and "WHO", not "Chinese lunar base program" nor "Bosveld family"
    proper = {
        ENTITY_PREFIX + e.id: _capitalised(n for n in e.names if n.split()[-1][:1].isupper())
        for e in knowledge.entities
    }
    # a person is named by the head of each of their titles: "museum director" is a director,
    # so Kimaro's name is no museum's ("what is the museum in Kilwa called?")
    named = {
        **implied,
        **{
            ENTITY_PREFIX + e.id: _roles(analyzer, e)
            for e in knowledge.entities
            if e.type == EntityType.PERSON
        },
    }
    where = countries | terms_of_kind(knowledge.entities, EntityType.PLACE)
    return AnswerNames(
        answers, analyzer.terms, countries, nouns, subjects, named, people, spelled, where, proper
    )


def _capitalised(names: Iterable[str]) -> frozenset[str]:
    """Return the capitalised words of `names`, in lower case."""
    return frozenset(w.casefold() for name in names for w in name.split() if w[:1].isupper())


# the words after which a title says what it is of: "mayor *of* Torun", "minister *for* energy"
_OF = frozenset("of for in at".split())


def _roles(analyzer: Analyzer, person: Entity) -> frozenset[str]:
    """Return the terms of the head word of each of a person's names: "bakery owner" is an owner."""
    heads = set()
    for name in person.names:
        words = tokenize(name)
        cut = next((at for at, word in enumerate(words) if word in _OF), len(words))
        heads.update(words[cut - 1 : cut])
    return frozenset(
        t for word in heads for t in analyzer.terms(word) if not t.startswith(ENTITY_PREFIX)
    )


def _capitals(analyzer: Analyzer, countries: frozenset[str]) -> dict[str, frozenset[str]]:
    """Return the term of each capital city a story may name, with the term "capital".

    "In which capital was it signed?" is answered by "in Beijing", not by any place: a city
    is a capital when the gazetteer says so. Only a city read whole as one term that no
    English word shares: "Kuwait City" would make every "city" a capital, "Quito" every
    "quit". A capital the story reads as its country ("Islamabad said") is no city here.
    """
    capital = frozenset(analyzer.terms("capital"))
    cities = {city for names in capital_table().values() for city in names}
    found = {}
    for city in cities:
        terms = analyzer.terms(city)
        if len(terms) != 1 or len(tokenize(city)) != 1 or terms[0] in countries:
            continue
        if terms[0].startswith(ENTITY_PREFIX) or not (is_english(city) or is_english(terms[0])):
            found[terms[0]] = capital
    return found


def named_within(analyzer: Analyzer, entities: tuple[Entity, ...]) -> dict[str, frozenset[str]]:
    """Return, per entity term, the other entities its names name: Pakistan in "Pakistani PM"."""
    found: dict[str, frozenset[str]] = {}
    for entity in entities:
        own = ENTITY_PREFIX + entity.id
        named: set[str] = set()
        for name in entity.names:
            words = name.split()
            for cut in range(1, len(words)):
                for piece in (" ".join(words[:cut]), " ".join(words[cut:])):
                    named.update(analyzer.terms(piece))
        named = {t for t in named if t.startswith(ENTITY_PREFIX) and t != own}
        if named:
            found[own] = frozenset(named)
    return found
