"""Language data the analyzer needs: filler words and question cues.

These are facts about how people write (English, Roman Urdu, chat), not about one story,
so they live in code; story-specific synonyms live in the knowledge folder.
"""

from __future__ import annotations

from enum import StrEnum

STOPWORDS = frozenset(
    """
    a an the this that these those it its it's is are was were be been being am do does did
    done doing have has had having i me my mine we our ours us you your yours u ur he him his
    she her they them their theirs what which who whom whose when where why how whats
    wheres whos hows of in on at to for from by with about as into onto over under up down out
    off than then so too very just also only even still yet already really actually exactly
    basically literally pls plz please thanks thank kindly tell explain know lets can could
    will would shall should may might must any anything some something there here and or but if
    because not no yes yeah yep ok okay lol lmao bruh bro dude hey hi hello umm um uh hmm guys
    story article news report piece text according
    anyone anybody someone somebody nobody everything one ones thing things stuff kind sort
    type like get got getting
    make made now ever much many more most other else such same each every both either
    whether while during after since until till per via vs versus
    ka ki ke ko ne se mein main me par pe hai hain tha thi the thay kya kia kyun kyon kab kahan
    kahaan kaun kon kis kisne kitne kitni kitna aur ya bhi to toh ho hota hoti hua hui hue
    raha rahi rahe wala wali wale ye yeh woh wo is us un in jo jab tak bhai yaar yar
    na nahi nahin hy hay hn kar karo kiya kiye saath sath apne apna apni liye hum ham aap ap
    baare bare baray mutaliq uska uski uske iska iski iske unka unki unke inka inki inke mera
    meri mere tera teri tere tumhara tumhari hamara hamari
    hoga hogi honge hongi hona hone walon mutabiq mutabik mutaabiq hisaab hisab har sab kuch jis
    jise karna karne karni karta karti karte karega karegi karenge diya diye dena
    dene dega degi denge pada padega padi padta liya lena lene leta leti lete der
    im ive id youre theyre thats theres whatre
    myself yourself yourselves himself herself itself ourselves themselves
    mr mrs dr prof mister madam
    """.split()
)

# Filler that says nothing about the story but is not a question word either.
CHATTER = frozenset(
    """
    wondering wonder curious confused sure heard hear saw read reading date time timing
    question questions quick asking ask wanna gonna need needed trying try understand
    settle debate debating argue arguing swears swear cousin group chat someone
    headline headlines something somewhere anyway btw fyi omg wow cool nice idk dunno
    opening line lines paragraph intro introduction sentence beginning listed list named
    big bigger biggest major main key important particular specific overall whole entire altogether
    ngl tbh imo imho fr frfr lowkey highkey honestly seriously totally pretty super kinda sorta
    haha hahaha hehe lmfao rofl smh tho though anyways whatever yo yall ya guy guys pal
    heard mentioned mention wait hmmm ahh ah oh ohh oops aka etc everyone everybody
    sahab sahib ji janab bot storybot salam salaam assalam assalamualaikum walaikum aoa
    sef abi sha jare oga bother bothered meant supposed again nah gotta somehow lah leh lor
    """.split()
)


class QType(StrEnum):
    """What sort of thing a question asks for."""

    WHO = "who"
    WHEN = "when"
    WHERE = "where"
    COUNT = "count"
    AMOUNT = "amount"
    DURATION = "duration"
    WHY = "why"
    QUOTE = "quote"
    HOW = "how"
    YESNO = "yesno"
    WHAT = "what"
    NONE = "none"


# Multi-word cues first: "how many" must win over "how".
QTYPE_CUES: tuple[tuple[tuple[str, ...], QType], ...] = (
    (("how", "many"), QType.COUNT),
    (("how", "much"), QType.AMOUNT),
    (("how", "long"), QType.DURATION),
    (("how", "far"), QType.DURATION),
    (("how", "big"), QType.AMOUNT),
    (("how", "large"), QType.AMOUNT),
    (("how", "old"), QType.AMOUNT),
    # a stretch of time, not a time of day: "over what time period?"
    (("what", "time", "period"), QType.DURATION),
    (("what", "time", "frame"), QType.DURATION),
    (("what", "time", "span"), QType.DURATION),
    (("what", "timeframe"), QType.DURATION),
    (("what", "period"), QType.DURATION),
    (("which", "period"), QType.DURATION),
    # a cause asked without "why": "what caused the delay?", "how come it slipped?"
    (("what", "caused"), QType.WHY),
    (("what", "led", "to"), QType.WHY),
    (("what", "prompted"), QType.WHY),
    (("how", "come"), QType.WHY),
    (("what", "number"), QType.COUNT),
    (("which", "number"), QType.COUNT),
    (("what", "year"), QType.WHEN),
    (("which", "year"), QType.WHEN),
    (("what", "month"), QType.WHEN),
    (("which", "month"), QType.WHEN),
    (("what", "date"), QType.WHEN),
    (("what", "day"), QType.WHEN),
    (("which", "day"), QType.WHEN),
    (("what", "time"), QType.WHEN),
    (("by", "when"), QType.WHEN),
    (("which", "city"), QType.WHERE),
    (("what", "city"), QType.WHERE),
    (("which", "place"), QType.WHERE),
    (("what", "place"), QType.WHERE),
    (("which", "university"), QType.WHERE),
    (("which", "part"), QType.WHERE),
    (("which", "capital"), QType.WHERE),
    (("what", "capital"), QType.WHERE),
    (("which", "town"), QType.WHERE),
    (("which", "venue"), QType.WHERE),
    (("what", "venue"), QType.WHERE),
    (("what", "location"), QType.WHERE),
    (("which", "location"), QType.WHERE),
    (("which", "country"), QType.WHO),
    (("which", "countries"), QType.WHO),
    (("what", "country"), QType.WHO),
    (("which", "nation"), QType.WHO),
    (("which", "nations"), QType.WHO),
    (("which", "agency"), QType.WHO),
    (("which", "leader"), QType.WHO),
    (("kis", "ne"), QType.WHO),
    (("kis", "ke"), QType.WHO),
    (("kis", "se"), QType.WHO),
    (("kis", "ko"), QType.WHO),
    # "kitni der?" and "kitne arse?" ask how long
    (("kitni", "der"), QType.DURATION),
    (("kitne", "arse"), QType.DURATION),
    # "kitne baje?" asks at what time
    (("kitne", "baje"), QType.WHEN),
    (("kitni", "baje"), QType.WHEN),
    # "kitne mein bika?" asks for how much
    (("kitne", "mein"), QType.AMOUNT),
    (("kitne", "main"), QType.AMOUNT),
    (("kitne", "ka"), QType.AMOUNT),
    (("kitne", "ki"), QType.AMOUNT),
    # "kitne paison mein?" (its money read) and "umar kitni hai?" (its age) ask how much
    (("kitne", "money"), QType.AMOUNT),
    (("kitna", "money"), QType.AMOUNT),
    (("kitni", "money"), QType.AMOUNT),
    (("age", "kitni"), QType.AMOUNT),
    (("age", "kitna"), QType.AMOUNT),
    (("kitni", "age"), QType.AMOUNT),
    (("when",), QType.WHEN),
    (("kab",), QType.WHEN),
    (("where",), QType.WHERE),
    (("kahan",), QType.WHERE),
    (("kahaan",), QType.WHERE),
    (("who",), QType.WHO),
    (("whom",), QType.WHO),
    (("whose",), QType.WHO),
    (("kaun",), QType.WHO),
    (("kon",), QType.WHO),
    (("kisne",), QType.WHO),
    (("kitne",), QType.COUNT),
    (("kitni",), QType.COUNT),
    (("kitna",), QType.AMOUNT),
    (("why",), QType.WHY),
    (("kyun",), QType.WHY),
    (("kyon",), QType.WHY),
    (("kyu",), QType.WHY),
    (("how",), QType.HOW),
    (("what",), QType.WHAT),
    (("which",), QType.WHAT),
)

# the question types that may ask whether something is so: an answer's "Yes." answers them
WHETHER_TYPES = frozenset({QType.YESNO, QType.NONE})

# the verbs a question's subject follows: "what *did* they put in?", "but *is* the ward open?"
QUESTION_VERBS = frozenset("is are was were did does do will has have".split())
YESNO_OPENERS = frozenset(
    "is are was were do does did has have had can could will would should isn't kya".split()
)

# Words a "what" question uses when it asks what someone said.
SAY_WORDS = frozenset(
    "say said says saying stated state tell told claim claimed kaha call called".split()
)

# Words after which a say-word is a noun, not a verb: "what did it cost *the state*?" and
# "what was *the call*?" ask no one's words.
DETERMINERS = frozenset("a an the its his her their our my your".split())
# the words that may open a noun phrase before what it names: "*every* station", "*those* fans"
NOUN_OPENERS = DETERMINERS | frozenset("this that these those each every all some".split())

# How a word naming a people ends: "Chinese", "Pakistani", "Kenyan", "British", "French".
DEMONYM_ENDINGS = r"(?:an|ese|i|ish|ch)"

# Verbs of going: in a "where" question they only ask where to ("phase 2 going where?"), and
# a "go" that goes nowhere says "will" or "become" (`motion.py`).
GO_WORDS = frozenset("go goes going went gone".split())
MOTION_WORDS = GO_WORDS | frozenset("head heads headed heading".split())

# "What does the story say about ...?" asks about the story, not about a quote.
ABOUT_TEXT = frozenset("story article report headline news text piece line".split())

# Words for a kind of place: "which city?", "what's the venue?" ask a place; and the kinds of
# place whose name may be asked: "what is the island called?"
PLACE_WORDS = frozenset(
    "place location venue jagah city town region district area province county village".split()
)
PLACE_KINDS = PLACE_WORDS | frozenset("island port country capital state".split())

# Words people put before the question proper ("lol so did india land?").
FILLER_OPENERS = frozenset("lol lmao bruh bro so ok okay hey yo um umm hmm and but well".split())

# Words that, with no question word, still say what is asked ("apollo year?").
QTYPE_HINTS = {
    "year": QType.WHEN,
    "month": QType.WHEN,
    "date": QType.WHEN,
    "when": QType.WHEN,
    "kya": QType.WHAT,  # Roman Urdu asks at the end: "… PM ne kya kaha?" is "what did … say?"
}

# Places wider than a country: an answer about one is not about a country in it ("how many die
# in Kenya?" is not answered by Africa's toll)
# continents by a name no country shares ("America" is often the US)
CONTINENT_WORDS = frozenset("africa asia europe oceania antarctica".split())
REGION_WORDS = CONTINENT_WORDS | frozenset(
    "america americas world worldwide global globally continent continents region regions "
    "international".split()
)

# Words whose opposite in an answer means it answers another question: "the first landing"
# is not "the last landing", "the north pole" not "the south pole".
OPPOSITES = (
    ("first", "last"),
    ("first", "latest"),
    ("first", "again"),
    ("north", "south"),
    ("east", "west"),
    ("before", "after"),
    ("earliest", "latest"),
    ("largest", "smallest"),
    ("biggest", "smallest"),
    ("highest", "lowest"),
    ("most", "least"),
    ("maximum", "minimum"),
    ("win", "lose"),
    ("won", "lost"),
    ("increase", "decrease"),
    ("rise", "fall"),
    ("open", "close"),
    ("start", "end"),
    ("begin", "end"),
    ("arrive", "leave"),
    ("import", "export"),
    ("buy", "sell"),
    ("men", "women"),
    ("boys", "girls"),
    ("domestic", "foreign"),
    ("public", "private"),
    ("past", "future"),
    ("offpeak", "peak"),
)


# words that compare two sides of an either-or question: "who lands first, the US or China?"
COMPARING = frozenset(
    "first earlier sooner faster quicker later ahead before pehle pehlay bigger larger more".split()
)

# Words that single one out of a kind: "the first country to reach the south pole" is not the
# first country to reach the moon (`narrowing`)
SUPERLATIVES = frozenset(
    "first last only largest biggest highest longest oldest youngest fastest earliest latest "
    "smallest cheapest deepest tallest busiest lowest shortest newest greatest".split()
)


# currencies by name: "how much in dollars?" asks for an amount in that one, and "how much
# did it cost?" for an amount in any ("won" is a currency only after a figure: `answerability`)
CURRENCY_WORDS = frozenset(
    """
    dollar dollars usd euro euros eur pound pounds sterling gbp naira cedi cedis shilling
    shillings rupee rupees yen yuan renminbi rmb franc francs krone kroner krona kronor rand
    peso pesos reais rouble roubles ruble rubles lira dirham dirhams riyal riyals baht ringgit
    dinar dinars zloty zlotys won
    """.split()
)
# the currencies a word names wherever it stands: "won" is a verb's past too ("Eemland won")
CURRENCY_NAMES = CURRENCY_WORDS - {"won"}
