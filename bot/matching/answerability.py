"""The kinds of value an answer may hold, and whether a text holds one.

"When did X join?" is not answered by "X supports it", and "at what time?" is not answered by
"in August": the kind of value asked (`asking.needs`) must be in the answer. General English
and Roman Urdu only; nothing here knows a story.
"""

from __future__ import annotations

import re

from bot.matching.clues import CLUES, Clues
from bot.matching.lexicon import CURRENCY_NAMES, STOPWORDS
from bot.matching.needs import MONTH_NAMES, NUMBER_WORDS, ROLE_TITLES, WEEKDAY_NAMES, Need


def _words(text: str) -> str:
    return r"\b(?:" + "|".join(text.split()) + r")\b"


# who did something: a body of people answers "who?" as a name does
_BODIES = re.compile(
    r"\b(?:company|companies|firms?|government|authority|authorities|council|police|groups?|"
    r"committee|agency|ministry|association|unions?|board|court|parliament|cabinet|trust|"
    r"museums?|hospitals?|schools?|university|clubs?|team|army|staff|employees|workers|"
    r"households|residents|families|people|public|patients|pharmacists|nurses|doctors|"
    r"teachers|students|parents|farmers|owners|customers|passengers|commuters|fans|"
    r"supporters|players|members|volunteers|officials|experts|scientists|engineers)\b",
    re.I,
)
_CAPITALISED = re.compile(r"\b[A-Z][\w'-]*")
_CALENDAR_WORDS = frozenset(f"{MONTH_NAMES} {WEEKDAY_NAMES}".split())

# units a length, height or area is given in ("40m" is money: no bare "m"), and a weight
_LENGTHS = (
    "km kms kilometres? kilometers? metres? meters? cm centimetres? centimeters? mm miles? "
    "feet foot ft inch inches yards? hectares? acres? storeys?"
)
_WEIGHTS = "kg kilos? kilograms? grams? tonnes? tons?"
# the units a stretch of time or a rate is counted in, and how often by them
_UNITS = "seconds? minutes? hours? days? nights? weeks? fortnights? months? years? decades?"
_EVERY = "hourly daily weekly monthly yearly"
_FIGURE = rf"(?:\d[\d,.]*|{_words(NUMBER_WORDS)})(?:\s|-)*"
# a stretch of time: "four months", "a two-year delay"; a count of it counts no thing, nor
# does how often: "a five-yearly inspection"
DURATIONS = re.compile(rf"{_FIGURE}(?:more |extra |further )?{_words(f'{_UNITS} {_EVERY}')}", re.I)

# a day of a month holds digits but tells no count: "Oct. 26", "14 July" (a year may tell how
# long: "leased until 2041")
_DATES = re.compile(
    # a day ends where a date does ("Oct. 26," "on March 3 2025", "by October 31 and"): "In
    # March 40 died" counts
    rf"{_words(MONTH_NAMES.title())}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?"
    r"(?=[,.;)]|\s+(?:19|20)\d\d|\s+(?:and|or|to|until)\b|$)|"
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_words(MONTH_NAMES.title())}"
)


_CALENDAR = _words(MONTH_NAMES.title() + " " + WEEKDAY_NAMES.title())  # "March", "Friday"

# "in 1972", "the 1990s", and an older year after a word that dates it ("in 1894", "since
# 1874"; not "1850 workers"): no count
_OLDER = r"(?i:\b(?:in|since|from|until|till|before|after|by|around|circa)\s+1[5-8]\d\d\b)"
_YEARS = re.compile(rf"\b(?:19|20)\d\d\b|\b\d{{3}}0s\b|{_OLDER}")
# an age is no count: "a 34-year-old nurse", "aged 9", "Zielinski, 52, is the mayor"
_AGES = re.compile(r"(?i:\b\d{1,3}[- ]years?[- ]old\b|\baged?\s+\d{1,3}\b)|\b[A-Z][\w'-]+, \d{2},")
# three or more names in a row count them: "strikes at Piraeus, Rafina and Lavrio"
_NAMED_LIST = re.compile(r"\b[A-Z][\w'-]+(?:, [A-Z][\w'-]+)+,? (?:and|or) [A-Z][\w'-]+")
# a place in a row is no count: "the fourth country to land", "the 3rd forum" (but "a third of
# the doses" is a share)
_ORDINALS = re.compile(
    r"\b\d+(?:st|nd|rd|th)\b|(?<!\ba )\b(?:third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b",
    re.I,
)

# "due to" before a verb says when, not why: "due to be completed", "due to begin in May"
_SCHEDULED = (
    r"(?:be|begin|start|open|close|appear|enter|become|take|hold|end|finish|launch|resume|"
    r"return|arrive|leave|expire|run|come|go|meet|sign|vote|land|complete|report|decide|rule)\b"
)

# "a day earlier" or "that day" is a day; "four hours a day" or "every day" a rate
_ONE_DAY = (
    r"(?<!\ba )(?<!\bper )(?<!\bevery )(?<!\beach )\bday\b"
    r"|\ba day(?= (?:earlier|later|before|after)\b)"
)

# "58 years old", "aged 58", the news style "Selent, 58, said", a year of birth
_PERSON_AGE = (
    r"(?i:\b\d{1,3}[- ]years?[- ]old\b|\baged?\s+\d|\bage of\b|\bborn\s+in\s+\d{4}\b)"
    r"|\b[A-Z][\w'-]+, \d{2},"
)

_OFFERS = {
    # a year of this century or the last, a decade, a capitalised month or weekday ("march"
    # and "may" are verbs too), or a relative time
    Need.DATE: re.compile(
        rf"\b(?:19|20)\d\d\b|\b\d{{3}}0s\b|{_OLDER}|{_CALENDAR}|"
        r"(?i:\b(?:yesterday|today|tomorrow|recently|decade|century|ago|(?:next|last|this) year)"
        r"\b)|"
        # a season or a feast after a word that dates by it: "before late spring", "by
        # Christmas"; not "its summer capacity"
        r"(?i:\b(?:by|in|before|after|until|till|from|since|during|this|next|last|late|early|mid)"
        r"[- ](?:(?:late|early|mid)[- ])?(?:the )?"
        r"(?:spring|summer|autumn|winter|christmas|easter|ramadan|eid|diwali)\b)"
    ),
    Need.DAY: re.compile(
        rf"{_words(WEEKDAY_NAMES)}|\b(?:yesterday|today|tomorrow)\b|{_ONE_DAY}|"
        rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_words(MONTH_NAMES)}|{_words(MONTH_NAMES)}\.?\s+\d{{1,2}}\b",
        re.I,
    ),
    Need.MONTH: re.compile(_words(MONTH_NAMES.title())),
    Need.YEAR: re.compile(rf"{_YEARS.pattern}|(?i:\b(?:next|last|this) year\b)"),
    Need.TIME: re.compile(
        r"\b\d{1,2}(?::\d\d)?\s*(?:am\b|pm\b|a\.m\.|p\.m\.|o'clock|hrs\b|gmt\b|utc\b)|"
        r"\b\d{1,2}:\d\d\b|"
        r"\b(?:noon|midnight|morning|afternoon|evening|night|dawn|dusk)\b",
        re.I,
    ),
    Need.NUMBER: re.compile(rf"\d|{_words(NUMBER_WORDS)}", re.I),
    # a person's age, and a year of founding, which tells a firm's: "founded in 1908"
    Need.AGE: re.compile(rf"{_PERSON_AGE}|(?i:\b(?:founded|established|formed)\s+in\s+\d{{4}}\b)"),
    # a person's: not the year a firm or club was founded ("how old is castellan's boss?")
    Need.PERSON_AGE: re.compile(_PERSON_AGE),
    Need.ROLE: re.compile(
        rf"\b(?:vice[- ]president|prime minister|managing director|head of|"
        rf"{'|'.join(ROLE_TITLES.split())})\b",
        re.I,
    ),
    # the boss of a body: "how old is the hospital boss?" is not asked of its nurse
    Need.LEAD: re.compile(
        r"\b(?:president|premier|prime minister|minister|governor|mayor|director|"
        r"chair(?:man|woman|person)?|ceo|chief|secretary|commissioner|chancellor|king|queen|"
        r"head|heads|headed|leader|leads|led|founder|founded|executive|manager|captain|coach|"
        r"commander|boss|chairs|chaired|runs|run by)\b",
        re.I,
    ),
    Need.PLACE: re.compile(
        # a preposition and a proper name that is no month or weekday ("in Beijing", not "in
        # December"), or a place noun after one ("at the moon's south pole", "near the coast")
        rf"\b(?i:in|at|near|from|outside|inside|across|to) (?:the )?"
        rf"(?!{_CALENDAR})[A-Z]\w+|"
        r"\b[A-Z][\w.]*-based\b|"  # the news style "Miami-based"
        r"(?i:\b(?:in|at|on|near|from|outside|inside|across|to) (?:the )?(?:[\w'-]+ ){0,4}?"
        r"(?:pole|region|district|county|province|city|capital|town|village|island|river|"
        r"site|border|coast|terminal|station|hospital|university|hall|headquarters)\b)"
    ),
    # not a speed's "km/h"
    Need.LENGTH: re.compile(rf"{_FIGURE}(?:square )?{_words(_LENGTHS)}(?!/)", re.I),
    Need.TEMPERATURE: re.compile(
        rf"{_FIGURE}(?:degrees?|celsius|fahrenheit)\b|\d\s?°|\b\d+(?:\.\d)?[CF]\b", re.I
    ),
    Need.WEIGHT: re.compile(rf"{_FIGURE}{_words(_WEIGHTS)}", re.I),
    Need.FREQUENCY: re.compile(
        rf"\bevery (?:{_FIGURE}|other )?{_words(_UNITS)}|\b(?:a|per|each) {_words(_UNITS)}"
        rf"|{_words(f'{_EVERY} fortnightly quarterly annually')}|-yearly\b",
        re.I,
    ),
    # a currency's sign or name, its cents or pence; "won" only after a figure ("Eemland won")
    Need.MONEY: re.compile(
        rf"[$€£¥₦₹₩]|{_words(' '.join(sorted(CURRENCY_NAMES)) + ' ngn cents cent pence')}"
        r"|\d[\d,.]*\s*(?:(?:thousand|million|billion|trillion)\s+)?won\b",
        re.I,
    ),
    Need.WORDS: re.compile(
        r"[\"\u201c\u201d]|(?i:\b(?:said|says|say|told|tells|called|calls|asserted|"
        r"emphasi[sz]ed|stated|warned|urged|added|noted|insisted|argued|claimed|described|"
        r"rejected|criticised|criticized|praised|pledged|promised|announced|vowed)\b)"
    ),
    Need.REASON: re.compile(
        rf"(?i:\b(?:because|since|so that|in order to|so as to|due to(?! {_SCHEDULED})|owing to|"
        r"thanks to|as a result|reasons?|aims? to|aimed|seeks? to|hopes? to|wants? to|in a bid to|"
        r"blamed|caused by|driven by|after|amid|would)\b|, so\b)|^To \w|[.:;] To \w"
    ),
}


# an answer that only speaks of plans ("aims to return in 2025, barring delays") tells of
# nothing that has happened yet
_PLANNED = re.compile(
    r"\b(?:will|expects?|expecting|aims? to|plans? to|wants? to|planned|planning|targets?|"
    # "a scheduled inspection" is a routine one, not a plan
    r"targeting|(?<!\ba )(?<!\bthe )scheduled|expected to|goals? (?:of|to|is to)|"
    r"looking (?:to|toward|towards)|"
    r"aspires? to|aspiring to|"
    r"(?:the|a) proposed|proposed to|"
    rf"due to {_SCHEDULED}|barring|hopes? to|intends? to|set to|is to|are to)\b",
    re.I,
)
_HAPPENED = re.compile(
    r"\b(?:was|were|had|did|ago|became|last|recently|has been|said|told|announced|signed)\b",
    re.I,
)
_REPORTING = frozenset({"said", "told"})  # a plan said is still a plan: not what happened


def offers(text: str) -> frozenset[Need]:
    """Return the kinds of value `text` contains.

    A kind's pattern is run only when the text holds what it needs (`clues.CLUES`): most answers
    hold a few kinds, and running all of them was most of the time a question took to read
    the entries it had not read before.
    """
    clues = Clues(text)
    allow = clues.allow
    found = {
        need for need, pattern in _OFFERS.items() if allow(CLUES[need]) and pattern.search(text)
    }
    if (
        Need.ROLE in found
        or (allow(CLUES["bodies"]) and _BODIES.search(text))
        or (clues.capitals() and _names(text))
    ):
        found.add(Need.SOMEONE)
    if Need.NUMBER in found:
        undated = _DATES.sub(" ", text)
        if not _OFFERS[Need.NUMBER].search(undated):
            found.discard(Need.NUMBER)  # "on Oct. 26, 2025" is a date, not how many
        # a count is a number that is no date, year, time of day or age ("at 9 a.m. in 2020",
        # "Zielinski, 52, is the mayor")
        elif _OFFERS[Need.NUMBER].search(
            _ORDINALS.sub(
                " ", _OFFERS[Need.TIME].sub(" ", _AGES.sub(" ", _YEARS.sub(" ", undated)))
            )
        ):
            found.add(Need.COUNT)
    if clues.capitals() and _NAMED_LIST.search(text):
        found.add(Need.COUNT)  # "Piraeus, Rafina and Lavrio" counts three ports
    planned = allow(CLUES["planned"]) and _PLANNED.search(text)
    # a plan reported ("will be examined, the engineer said") is still only a plan
    happened = allow(CLUES["happened"]) and (
        any(m.group().lower() not in _REPORTING for m in _HAPPENED.finditer(text))
        if planned
        else _HAPPENED.search(text) is not None
    )
    if not planned or happened:
        found.add(Need.PAST)
    if planned:
        found.add(Need.PLAN)
    if planned or happened:
        found.add(Need.STATUS)  # says whether it is done: "was built" or "aims to build"
    if found & {Need.DAY, Need.TIME, Need.MONTH}:
        found.add(Need.DATE)  # "at 5 a.m." and "on Friday" both say when
    return frozenset(found)


def _names(text: str) -> bool:
    """Return whether `text` has a capitalised word that is no month, weekday or filler.

    "The contract was signed in March" names no one: its capitals begin a sentence or a month.
    A word in capitals is a name, though written as filler: "the trust's IT staff".
    """
    return any(
        (word.isupper() and len(word) > 1)
        or (word.lower() not in STOPWORDS and word.lower() not in _CALENDAR_WORDS)
        for word in _CAPITALISED.findall(text)
    )


def said(text: str, need: Need) -> list[str]:
    """Return the values of kind `need` that `text` says, as written: "in Seville", "7 p.m."."""
    return [m.group() for m in _OFFERS[need].finditer(text)]
