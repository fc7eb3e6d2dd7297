"""Words that only say which kind of value a question asks: "day of the week?", "his title?".

An answer holding that kind of value covers them (`evidence`): "what position does she hold?"
is answered by "she is the health minister", "how often?" by "every five minutes". General
English and Roman Urdu only.
"""

from __future__ import annotations

from bot.matching.asking import TIME_CUES
from bot.matching.lexicon import PLACE_WORDS
from bot.matching.needs import Need

# question words that ask for someone's title or job rather than name a topic
_ROLE_WORDS = frozenset(
    "job title role position post occupation profession rank ohda ohdah gig portfolio "
    "works working poste beruf".split()
)
# those that ask for whoever leads: "the hospital boss" is its chief executive, not its nurse
_LEAD_WORDS = frozenset("boss head chief leader incharge charge lead leads leading".split())


# Words that only say which kind of value is asked ("day of the week?", "CCREC full name?",
# "what position does she hold?"): an answer holding that kind of value covers them.
CUE_WORDS: dict[Need, frozenset[str]] = {
    Need.DATE: frozenset("date year month tareekh tarikh".split()),
    Need.DAY: frozenset("day weekday week din".split()),
    Need.TIME: TIME_CUES,
    # "which edition of the forum?" is answered by "the third forum"
    Need.NUMBER: frozenset("number total figure amount count tadad money cash edition".split()),
    Need.AGE: frozenset("age old umar".split()),
    # "how deep are the piles?" is answered by "piles 40 metres deep", "how cold must it be
    # kept?" by "at 2-8C" (not "how long": as often a stretch of time)
    Need.LENGTH: frozenset(
        "far deep tall wide high length distance depth height width km kms kilometre kilometres "
        "kilometer kilometers mile miles metre metres meter meters".split()
    ),
    Need.TEMPERATURE: frozenset("cold hot warm temperature".split()),
    Need.FREQUENCY: frozenset("often frequently frequency".split()),  # "how often?"
    Need.WEIGHT: frozenset("heavy weight".split()),
    Need.ROLE: _ROLE_WORDS | {"hold", "serve"},
    Need.LEAD: _LEAD_WORDS,
    Need.NAME: frozenset("name called stand abbreviation acronym naam".split()),
    # "when do they want cars back?" is answered by "the city aims to reopen it by February"
    Need.PLAN: frozenset(
        "want wants plan plans planned planning aim aims intend intends hope hopes target "
        "targets expect expects expected".split()
    ),
    # "how old is the retired teacher lady?", "the german guy": any one person of the story
    Need.PERSON: frozenset(
        "man woman lady gentleman guy fella fellow bloke chap dude girl boy".split()
    ),
    # not "capital": any place would cover it; a capital city the gazetteer knows does
    Need.PLACE: PLACE_WORDS,
    Need.WORDS: frozenset(
        "speech speeches remark remarks statement statements comment comments interview "
        "interviews interviewed quote quoted words".split()
    ),
}
