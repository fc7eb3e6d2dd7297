"""Capitals that stand for their countries: "Islamabad signed", "what did Washington say".

General English usage, not one story's: a knowledge folder that names a country gets its
capital as another name for it, unless the folder already uses that name for something else.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.matching.lexicon import DEMONYM_ENDINGS

# country | capital[, other names of the capital]
_CAPITALS = """
afghanistan|kabul
albania|tirana
algeria|algiers
angola|luanda
argentina|buenos aires
armenia|yerevan
australia|canberra
austria|vienna
azerbaijan|baku
bahrain|manama
bangladesh|dhaka
belarus|minsk
belgium|brussels
benin|porto-novo
bhutan|thimphu
bolivia|sucre,la paz
bosnia and herzegovina|sarajevo
botswana|gaborone
brazil|brasilia
bulgaria|sofia
burkina faso|ouagadougou
burundi|gitega
cambodia|phnom penh
cameroon|yaounde
canada|ottawa
chad|n'djamena
chile|santiago
china|beijing,peking
colombia|bogota
congo|brazzaville
democratic republic of the congo|kinshasa
costa rica|san jose
croatia|zagreb
cuba|havana
cyprus|nicosia
czech republic|prague
denmark|copenhagen
djibouti|djibouti city
dominican republic|santo domingo
ecuador|quito
egypt|cairo
el salvador|san salvador
eritrea|asmara
estonia|tallinn
ethiopia|addis ababa
fiji|suva
finland|helsinki
france|paris
gabon|libreville
gambia|banjul
georgia|tbilisi
germany|berlin
ghana|accra
greece|athens
guatemala|guatemala city
guinea|conakry
haiti|port-au-prince
honduras|tegucigalpa
hungary|budapest
iceland|reykjavik
india|new delhi
indonesia|jakarta
iran|tehran
iraq|baghdad
ireland|dublin
israel|jerusalem
italy|rome
ivory coast|yamoussoukro,abidjan
jamaica|kingston
japan|tokyo
jordan|amman
kazakhstan|astana
kenya|nairobi
kuwait|kuwait city
kyrgyzstan|bishkek
laos|vientiane
latvia|riga
lebanon|beirut
liberia|monrovia
libya|tripoli
lithuania|vilnius
luxembourg|luxembourg city
madagascar|antananarivo
malawi|lilongwe
malaysia|kuala lumpur
mali|bamako
malta|valletta
mauritania|nouakchott
mauritius|port louis
mexico|mexico city
moldova|chisinau
mongolia|ulaanbaatar
montenegro|podgorica
morocco|rabat
mozambique|maputo
myanmar|naypyidaw
namibia|windhoek
nepal|kathmandu
netherlands|amsterdam,the hague
new zealand|wellington
nicaragua|managua
niger|niamey
nigeria|abuja
north korea|pyongyang
north macedonia|skopje
norway|oslo
oman|muscat
pakistan|islamabad
palestine|ramallah
panama|panama city
papua new guinea|port moresby
paraguay|asuncion
peru|lima
philippines|manila
poland|warsaw
portugal|lisbon
qatar|doha
romania|bucharest
russia|moscow,the kremlin,kremlin
rwanda|kigali
saudi arabia|riyadh
senegal|dakar
serbia|belgrade
sierra leone|freetown
singapore|singapore city
slovakia|bratislava
slovenia|ljubljana
somalia|mogadishu
south africa|pretoria,cape town
south korea|seoul
south sudan|juba
spain|madrid
sri lanka|colombo
sudan|khartoum
sweden|stockholm
switzerland|bern
syria|damascus
taiwan|taipei
tajikistan|dushanbe
tanzania|dodoma
thailand|bangkok
togo|lome
tunisia|tunis
turkey|ankara
turkmenistan|ashgabat
uganda|kampala
ukraine|kyiv,kiev
united arab emirates|abu dhabi
united kingdom|london,downing street,whitehall
united states|washington,washington dc,washington d.c.,the white house,white house
uruguay|montevideo
uzbekistan|tashkent
venezuela|caracas
vietnam|hanoi
yemen|sanaa
zambia|lusaka
zimbabwe|harare
"""


def capital_table() -> dict[str, tuple[str, ...]]:
    """Return each country's name (lower case) with the names of its seat of government."""
    table: dict[str, tuple[str, ...]] = {}
    for line in _CAPITALS.strip().splitlines():
        country, cities = line.split("|")
        table[country] = tuple(cities.split(","))
    return table


def capital_aliases(countries: dict[str, list[str]], taken: set[str]) -> dict[str, str]:
    """Return capital -> entity id for `countries` (entity id -> its names, any case).

    A capital already in `taken` (a name the knowledge gives to something) is left alone: a
    story about a summit *in* Beijing keeps Beijing as the place.
    """
    table = capital_table()
    found: dict[str, str] = {}
    for entity_id, names in countries.items():
        for name in names:
            for city in table.get(name.casefold(), ()):
                if city not in taken:
                    found.setdefault(city, entity_id)
    return found


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
