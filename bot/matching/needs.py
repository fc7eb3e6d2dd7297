"""The kinds of value a question may ask for and an answer hold, and the calendar's words.

General English and Roman Urdu only; nothing here knows a story. Which kinds a text holds is
`answerability.offers`; which a question asks, `asking.needs`.
"""

from __future__ import annotations

import re
from enum import StrEnum

from bot.matching.lexicon import QType


class Need(StrEnum):
    """A kind of value an answer must contain."""

    DATE = "date"  # any point in time: a year, month, day, "recently", "this decade"
    DAY = "day"  # a particular day: a weekday, "15 March", "yesterday"
    MONTH = "month"  # a month by name: "in August", "15 March"
    YEAR = "year"  # a year or a decade by its years: "in 2023", "the 1990s", "last year"
    TIME = "time"  # a time of day
    NUMBER = "number"
    COUNT = "count"  # how many: a number that is no year ("in 1972" counts nothing)
    AGE = "age"
    PERSON_AGE = "person_age"  # a person's age: "58 years old", "Selent, 58,"; no founding year
    ROLE = "role"  # a title or job: "premier", "managing director", "health minister"
    LEAD = "lead"  # a title that leads others: "chief executive", "governor", "head of"
    NAME = "name"  # the full name of someone or something: what a fact-store entry begins with
    REASON = "reason"  # why: "because …", "to ease traffic", "blamed the pandemic"
    PAST = "past"  # something that happened: not a plan ("when did X land?" vs "aims to land")
    PLACE = "place"  # where: "in Beijing", "at the south pole", "near Agboyi"
    WORDS = "words"  # what someone said: a quote, or "X said that …"
    STATUS = "status"  # whether something is done yet: it happened, or it is still planned
    PLAN = "plan"  # what is meant to happen: "aims to land", "scheduled to resume", "target"
    PERSON = "person"  # someone the story names: "who was the last man on the moon?"
    SOMEONE = "someone"  # a name, a title or a body of people: what "who?" is answered with
    LENGTH = "length"  # a length, height or area with its unit: "3.2 kilometres", "40 metres"
    TEMPERATURE = "temperature"  # "2 and 8 degrees Celsius", "-70°C"
    FREQUENCY = "frequency"  # how often: "every five years", "14 trains a day", "weekly"
    WEIGHT = "weight"  # "400 tonnes", "2 kg"
    MONEY = "money"  # an amount of money: "$1.1 billion", "750 naira", "20 cents a dose"
    OTHER = "other"  # a name besides those the question gives: "who was chairman before X?"


MONTH_NAMES = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
WEEKDAY_NAMES = "monday tuesday wednesday thursday friday saturday sunday"
YEAR_PATTERN = re.compile(r"(?:1[5-9]|20)\d\d")  # a year: "1894", "2026" (fullmatch a word)
NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty "
    "forty fifty hundred hundreds thousand thousands million millions billion billions dozen "
    "dozens half quarter third fourth fifth sixth seventh eighth ninth tenth twice several"
)
# titles and jobs that say someone's role ("the health minister", "a welder"): an answer
# holding one answers "what's her job?" (`answerability`, whose pattern adds "vice president",
# "prime minister", "managing director" and "head of")
ROLE_TITLES = """
    president premier minister governor mayor director chair chairman chairwoman
    chairperson ceo chief secretary commissioner chancellor king queen prince senator
    lawmaker spokesman spokeswoman spokesperson engineer scientist professor doctor nurse
    officer official leader founder executive manager analyst economist critic ambassador
    envoy captain coach judge teacher lecturer lawyer farmer trader accountant banker
    journalist reporter midwife pharmacist mechanic electrician shopkeeper researcher
    curator historian archaeologist activist campaigner organiser organizer adviser
    advisor consultant inspector investigator architect surgeon physician paramedic
    firefighter pilot technician welder labourer laborer expert specialist representative
    negotiator mediator trustee treasurer prosecutor attorney solicitor barrister auditor
    regulator councillor councilor alderman legislator headteacher headmaster principal
    superintendent administrator coordinator detective constable sergeant
"""

# the kind of value a question of this type asks for, and that an entry a maintainer phrased
# as one such question gives, whatever its answer's words
PHRASED = {QType.WHY: Need.REASON, QType.WHERE: Need.PLACE, QType.QUOTE: Need.WORDS}

# the kinds read from an answer's names, not from its words' kinds (`names.AnswerNames`)
NAMED = frozenset({Need.NAME, Need.OTHER})

# kinds of value few answers hold by chance: an answer that has the one asked for is likely
# meant ("where …?" answered "in Zeist"), where many hold a year, a number or someone's words
TELLING = frozenset(
    {
        Need.PLACE,
        Need.REASON,
        Need.AGE,
        Need.PERSON_AGE,
        Need.DAY,
        Need.MONTH,
        Need.TIME,
        Need.FREQUENCY,
    }
)
