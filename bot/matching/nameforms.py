"""Every name the knowledge's entities go by: the written ones and the forms English says too.

A maintainer writes "China's president"; people also say "president of China". "Castellan
CEO" is "CEO of Castellan", "Chinese premier" "premier of China", "the stadium" "the ground"
when the story's synonyms join them, "Dutch FA" "the FA", and a country's capital stands for
it. Each form is added only where the folder does not already use it for something else.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.knowledge.loading import Knowledge
from bot.knowledge.schema import EntityType
from bot.matching.acronyms import Acronyms
from bot.matching.english import is_english
from bot.matching.gazetteer import capital_aliases
from bot.matching.lexicon import DEMONYM_ENDINGS


def every_name(knowledge: Knowledge, acronyms: Acronyms) -> dict[str, str]:
    """Return each name of the knowledge's entities, written or derived, with its entity id."""
    names = {name: e.id for e in knowledge.entities for name in e.names}
    countries = {e.id: list(e.names) for e in knowledge.entities if e.type == EntityType.COUNTRY}
    names |= capital_aliases(countries, _taken(names))
    names |= inverted_aliases(names, _taken(names))
    names |= demonym_aliases(names, countries, _taken(names))
    people = {e.id: e.name for e in knowledge.entities if e.type == EntityType.PERSON}
    names |= first_name_aliases(names, people, _taken(names))
    names |= owner_aliases(names, _taken(names))
    names |= synonym_aliases(names, knowledge.synonyms, _taken(names))
    names |= acronym_aliases(names, knowledge.synonyms, _taken(names))
    # "WHO regional director" as a question spells it ("World Health Organization regional
    # director"), and as typed in lower case
    return names | {acronyms.spell_name(name): e for name, e in names.items()}


def _taken(names: dict[str, str]) -> set[str]:
    """Return the names already given, in lower case: a derived form never takes one."""
    return {name.casefold() for name in names}


_POSSESSIVE = re.compile(r"^(?P<owner>.+?)['\u2019]s (?P<thing>.+)$")


def inverted_aliases(names: dict[str, str], taken: set[str]) -> dict[str, str]:
    """Return "president of China" -> id for each name of the form "China's president".

    English says both; a maintainer writes one. A form already in `taken` is left alone.
    """
    found: dict[str, str] = {}
    for name, entity_id in names.items():
        match = _POSSESSIVE.match(name)
        if match:
            _add_untaken(found, [f"{match['thing']} of {match['owner']}"], entity_id, taken)
    return found


def owner_aliases(names: dict[str, str], taken: set[str]) -> dict[str, str]:
    """Return "chief executive of Castellan" -> id for each name "Castellan chief executive".

    `names`: every name -> its entity id. A name that begins with another entity's whole
    name (its owner) and goes on ("Castellan CEO", "WHO regional director") is said the
    other way round too. A form already in `taken` is left alone.
    """
    owners = {name.casefold(): entity_id for name, entity_id in names.items()}
    found: dict[str, str] = {}
    for name, entity_id in names.items():
        words = name.split()
        for cut in range(1, len(words)):
            owner, thing = " ".join(words[:cut]), " ".join(words[cut:])
            if owners.get(owner.casefold(), entity_id) == entity_id:
                continue  # no other entity's name: "Daniel Kessler" is no Daniel's Kessler
            _add_untaken(found, _owned(thing, owner), entity_id, taken)
    return found


def synonym_aliases(
    names: dict[str, str], synonyms: Iterable[tuple[str, ...]], taken: set[str]
) -> dict[str, str]:
    """Return "the ground" -> id for a name "the stadium" whose word a synonym group holds.

    A name "the X" says that in this story the X is that entity; the story's own synonyms say
    which other words mean X, so "the ground" is that entity too. Without it, a question's
    "the ground" reads as the word "stadium" and misses every entry that says "the stadium".
    Only names that are "the" and one term of a group; a term two groups hold is left alone,
    and so is a form already in `taken`.
    """
    groups: dict[str, list[tuple[str, ...]]] = {}
    for group in synonyms:
        for term in group:
            groups.setdefault(term.casefold(), []).append(group)
    found: dict[str, str] = {}
    for name, entity_id in names.items():
        article, _, word = name.casefold().partition(" ")
        held = groups.get(word, []) if article == "the" else []
        if len(held) == 1:
            forms = [f"the {other}" for other in held[0] if other.casefold() != word]
            _add_untaken(found, forms, entity_id, taken)
    return found


def acronym_aliases(
    names: dict[str, str], synonyms: Iterable[tuple[str, ...]], taken: set[str]
) -> dict[str, str]:
    """Return "FA" -> id for a name "Dutch FA" whose closing acronym ends no other name.

    People call a body by its acronym alone ("the FA's check") once the story has said which
    one it is. Not an acronym that ends two entities' names ("Eemland FC", "Royal Kempen FC"),
    nor one the story's synonyms hold ("PM" is any prime minister). A form already in `taken`
    is left alone.
    """
    words = {term.casefold() for group in synonyms for term in group}
    owners: dict[str, set[str]] = {}
    for name, entity_id in names.items():
        *head, last = name.split()
        if head and _ACRONYM.fullmatch(last) and last.casefold() not in words:
            owners.setdefault(last, set()).add(entity_id)
    found: dict[str, str] = {}
    for acronym, ids in owners.items():
        if len(ids) == 1:
            _add_untaken(found, [acronym], next(iter(ids)), taken)
    return found


def demonym_aliases(
    names: dict[str, str], countries: dict[str, list[str]], taken: set[str]
) -> dict[str, str]:
    """Return "premier of China" and "China's premier" -> id for each name "Chinese premier".

    `countries`: each country's id and names, its own name first. A name begins with a
    demonym when its first word is another of a country's names shaped like one ("Chinese",
    "Pakistani"; not a capital or a short form such as "Islamabad" or "US"), of one country
    only. A form already in `taken` is left alone.
    """
    owners: dict[str, set[str]] = {}
    for own_names in countries.values():
        for alias in own_names[1:]:
            if _DEMONYM.fullmatch(alias):
                owners.setdefault(alias, set()).add(own_names[0])
    country_of = {alias: next(iter(c)) for alias, c in owners.items() if len(c) == 1}
    found: dict[str, str] = {}
    for name, entity_id in names.items():
        first, _, thing = name.partition(" ")
        country = country_of.get(first)
        if country is None or not thing or entity_id in countries:
            continue
        forms = [*_owned(thing, country), f"{country}'s {thing}"]
        _add_untaken(found, forms, entity_id, taken)
    return found


def first_name_aliases(
    names: dict[str, str], people: dict[str, str], taken: set[str]
) -> dict[str, str]:
    """Return "Henk" -> id for a person named "Henk Bosveld" whose first name is theirs alone.

    `people`: each person's id and name. People say "what did Henk say?" once the story has
    named him. Not a first name that begins another name of the knowledge ("Peter Otieno"
    beside "Peter Brenner"), nor one that is an English word too ("Mark", "Will", "Grace"),
    nor a title or a short word ("Dr", "Xi"). A form already in `taken` is left alone.
    """
    starts: dict[str, set[str]] = {}
    for name, entity_id in names.items():
        first = name.split()[0].casefold()
        starts.setdefault(first, set()).add(entity_id)
    found: dict[str, str] = {}
    for entity_id, name in people.items():
        first, _, rest = name.partition(" ")
        alone = starts.get(first.casefold(), set()) == {entity_id}
        if rest and alone and first.isalpha() and len(first) > 2 and not is_english(first.lower()):
            _add_untaken(found, [first], entity_id, taken)
    return found


def _owned(thing: str, owner: str) -> list[str]:
    """Return the ways English says `owner`'s `thing` with "of": "premier of (the) China"."""
    return [f"{thing} of {owner}", f"{thing} of the {owner}"]


def _add_untaken(found: dict[str, str], forms: list[str], entity_id: str, taken: set[str]) -> None:
    """Add each of `forms` to `found` as a name of `entity_id`, unless `taken` or found."""
    for other in forms:
        if other.casefold() not in taken:
            found.setdefault(other, entity_id)


_ACRONYM = re.compile(r"[A-Z]{2,5}")  # "FA", "CEO", "KNVB": a name's closing acronym
_DEMONYM = re.compile(rf"[A-Z][a-z]+{DEMONYM_ENDINGS}")  # a word shaped like one: "Chinese"
