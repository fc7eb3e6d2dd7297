"""Capitals that stand for their countries: "Islamabad signed", "what did Washington say".

General English usage, not one story's: a knowledge folder that names a country gets its
capital as another name for it, unless the folder already uses that name for something else.
The countries and capitals a folder never names are somewhere its story does not speak of
("the minimum wage in Ghana?" of a Lagos story: `unnamed_places`).
"""

from __future__ import annotations

from collections.abc import Callable

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


# names that are also everyday words or first names: "turkey", "chad", "jordan", "lima beans"
# and "france", whose stem is the franc's ("cfa francs" names no France)
_AMBIGUOUS = frozenset("chad turkey jordan guinea lima male victoria georgia france".split())
_GLUE = frozenset("the and of".split())  # words of a place's name no term is read from


# the world's other large and well-known cities, which stand for no country: a question naming
# one the story never names ("why did Krakow shut its bridge?" of Torun's) asks of elsewhere
_CITIES = """
new york, los angeles, chicago, houston, philadelphia, san francisco, boston, seattle, miami,
atlanta, dallas, detroit, las vegas, toronto, montreal, vancouver, calgary, sydney, melbourne,
brisbane, perth, adelaide, auckland, sao paulo, rio de janeiro, salvador, guadalajara,
monterrey, medellin, guayaquil, cordoba, shanghai, guangzhou, shenzhen, chongqing, chengdu,
wuhan, tianjin, xi'an, hangzhou, nanjing, hong kong, macau, mumbai, bombay, kolkata, calcutta,
chennai, madras, bangalore, bengaluru, hyderabad, ahmedabad, pune, karachi, lahore, peshawar,
faisalabad, rawalpindi, quetta, multan, chittagong, istanbul, izmir, antalya, dubai, sharjah,
jeddah, mecca, medina, basra, mosul, aleppo, isfahan, mashhad, tabriz, osaka, kyoto,
yokohama, nagoya, sapporo, fukuoka, busan, incheon, daegu, ho chi minh city, saigon, cebu,
surabaya, bandung, medan, chiang mai, phuket, johannesburg, cape town, durban, kano, ibadan,
port harcourt, kumasi, alexandria, casablanca, marrakech, mombasa, kisumu, zanzibar, milan,
naples, turin, palermo, venice, barcelona, valencia, seville, bilbao, malaga, munich, hamburg,
frankfurt, cologne, stuttgart, dusseldorf, marseille, lyon, toulouse, bordeaux, manchester,
birmingham, liverpool, glasgow, edinburgh, leeds, krakow, gdansk, wroclaw, poznan, lodz,
st petersburg, novosibirsk, yekaterinburg, kharkiv, odesa, odessa, lviv, geneva, zurich, basel,
rotterdam, antwerp, porto, gothenburg, thessaloniki
"""


def world_places() -> frozenset[str]:
    """Return the countries, seats of government and large cities the tables know, lower case."""
    table = capital_table()
    names = set(table).union(*table.values())
    cities = {city.strip() for city in _CITIES.replace("\n", " ").split(",")}
    return frozenset(names - _AMBIGUOUS) | cities


def place_words(place: str) -> list[str]:
    """Return the words of a place's name as a text's are read: "porto-novo" is two."""
    return place.replace("-", " ").split()


def unnamed_places(
    terms: Callable[[str], tuple[str, ...]], knows: Callable[[str], bool]
) -> dict[str, tuple[frozenset[str], ...]]:
    """Return the terms of each country or capital no entry names, under each of its terms.

    `terms` reads a text as the knowledge's analyzer does, `knows` says whether an entry uses a
    term. A question naming one ("the minimum wage in Ghana?" of a Lagos story) asks of
    somewhere the story does not speak of.
    """
    found: dict[str, tuple[frozenset[str], ...]] = {}
    for place in sorted(world_places()):
        read = terms(place)
        # a term for each word: a word read as a typo of the story's ("porto" as "photo") or
        # dropped as filler would leave a part ("city" of Kuwait City) that names nothing
        whole = len(read) == len([w for w in place_words(place) if w not in _GLUE])
        if whole and not any(map(knows, read)):
            for term in read:
                found[term] = (*found.get(term, ()), frozenset(read))
    return found


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
