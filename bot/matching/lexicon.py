"""Language data the analyzer needs: filler words, chat slang and question cues.

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
    anyone someone somebody nobody one ones thing things stuff kind sort type like get got getting
    make made now ever much many more most other else such same each every both either
    whether while during after since until till per via vs versus
    ka ki ke ko ne se mein main me par pe hai hain tha thi the thay kya kia kyun kyon kab kahan
    kahaan kaun kon kis kisne kitne kitni kitna aur ya bhi to toh ho hota hoti hua hui hue
    raha rahi rahe wala wali wale ye yeh woh wo is us un in jo jab tak bhai yaar yar
    na nahi nahin hy hay hn kar karo kiya kiye saath sath apne apna apni liye hum ham aap ap
    baare bare baray mutaliq uska uski uske iska iski iske unka unki unke inka inki inke mera
    meri mere tera teri tere tumhara tumhari hamara hamari
    im ive id youre theyre thats theres whatre
    myself yourself yourselves himself herself itself ourselves themselves
    mr mrs ms dr prof mister madam
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
    big bigger biggest major main key important particular specific overall whole entire
    ngl tbh imo imho fr frfr lowkey highkey honestly seriously totally pretty super kinda sorta
    haha hahaha hehe lmfao rofl smh tho though anyways whatever yo yall ya guy guys pal
    heard mentioned mention wait hmmm ahh ah oh ohh oops aka etc
    sahab sahib ji janab bot storybot salam salaam assalam assalamualaikum walaikum aoa
    sef abi sha jare oga bother bothered meant supposed
    """.split()
)

SLANG = {
    "wat": "what",
    "wut": "what",
    "ws": "was",
    "wz": "was",
    "wht": "what",
    "wen": "when",
    "whn": "when",
    "wer": "where",
    "whr": "where",
    "hw": "how",
    "y": "why",
    "r": "are",
    "b4": "before",
    "abt": "about",
    "bcoz": "because",
    "cuz": "because",
    "coz": "because",
    "ppl": "people",
    "govt": "government",
    "gov": "government",
    "uni": "university",
    "yr": "year",
    "yrs": "years",
    "n": "and",
    "w": "with",
    "thx": "thanks",
    "ty": "thanks",
    "dont": "do",
    "doesnt": "does",
    "didnt": "did",
    "isnt": "is",
    "wasnt": "was",
    "whats": "what",
    "wont": "will",
    "cant": "can",
    "whos": "who",
    "wheres": "where",
    "wich": "which",
    "teh": "the",
    "hte": "the",
    "adn": "and",
    "whch": "which",
    "wher": "where",
    "whre": "where",
    "rn": "now",
    "tmrw": "tomorrow",
    "tmr": "tomorrow",
    "2day": "today",
    "msg": "message",
    "pic": "picture",
    "info": "information",
    "1st": "first",
    "2nd": "second",
    "3rd": "third",
    "4th": "fourth",
    "5th": "fifth",
    "6th": "sixth",
    "7th": "seventh",
    "8th": "eighth",
    "9th": "ninth",
    "10th": "tenth",
    # West African pidgin's function words
    "wetin": "what",
    "dem": "they",
    "dis": "this",
    "dat": "that",
    "una": "you",
    "abeg": "please",
}


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

YESNO_OPENERS = frozenset(
    "is are was were do does did has have had can could will would should isn't kya".split()
)

# Words a "what" question uses when it asks what someone said.
SAY_WORDS = frozenset(
    "say said says saying stated state tell told claim claimed kaha call called".split()
)

# "What does the story say about ...?" asks about the story, not about a quote.
ABOUT_TEXT = frozenset("story article report headline news text piece line".split())

# Words people put before the question proper ("lol so did india land?").
FILLER_OPENERS = frozenset("lol lmao bruh bro so ok okay hey yo um umm hmm and but well".split())

# Words that, with no question word, still say what is asked ("apollo year?").
# Everyday Roman Urdu content words, read as the English a knowledge folder uses. Read only in
# a message that is Roman Urdu (it has one of `URDU_MARKERS`): "Mile 12" or "Bola Tinubu" in
# an English question stay what they are.
ROMAN_URDU = {
    urdu: english
    for english, words in {
        "reached": "pohncha pohnchi pohnche pahuncha pahunchi pahunche pohanch pahunch",
        "built": "banega banegi banay bana bani",
        "said": "kaha kahi kahaa bola boli",
        "met": "mila mili mulaqat",
        "went": "gaya gayi gaye",
        "came": "aaya aayi aaye",
        "won": "jeeta jeeti jeete",
        "started": "shuru",
        "ended": "khatam",
        "money": "paisa raqam",
        "price": "qeemat keemat",
        "year": "saal",
        "age": "umar umr",
        "friendship": "dosti",
        "country": "mulk",
        "agreement": "muahida muahada moahida",
        "president": "sadar",
    }.items()
    for urdu in words.split()
}
URDU_MARKERS = frozenset(
    "ka ki ke ko ne se mein hai hain tha thi thay kya kab kahan kaun kis kisne kitne kitna "
    "kitni nahi aur bhi hua hui".split()
)

QTYPE_HINTS = {
    "year": QType.WHEN,
    "month": QType.WHEN,
    "date": QType.WHEN,
    "when": QType.WHEN,
    "kya": QType.WHAT,  # Roman Urdu asks at the end: "… PM ne kya kaha?" is "what did … say?"
}

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
)


# Irregular past forms read as their verb, as a stemmer cannot: "who built it?" asks what
# "the builder" and "build" answer. Forms that are other words too ("left", "found", "rose",
# "saw", "felt") are left alone.
_IRREGULAR = """
build built | begin began begun | pay paid | say said | spend spent | sell sold | buy bought |
win won | lead led | run ran | meet met | tell told | take took taken | give gave given |
hold held | bring brought | think thought | send sent | grow grew grown | draw drew drawn |
choose chose chosen | strike struck stricken | fly flew flown | write wrote written |
break broke broken | stand stood | lose lost | keep kept | seek sought | teach taught |
catch caught | fight fought | know knew known | throw threw thrown | drive drove driven |
ride rode ridden | speak spoke spoken | become became | understand understood |
withdraw withdrew withdrawn | undertake undertook undertaken | shake shook shaken |
hide hid hidden | feed fed | deal dealt | sink sank sunk | swear swore sworn |
freeze froze frozen | steal stole stolen | wear wore worn | arise arose arisen | hang hung |
shoot shot | sit sat | sleep slept | lend lent | bend bent | forbid forbade forbidden |
forgive forgave forgiven | forget forgot forgotten | overtake overtook overtaken |
sing sang sung | swim swam swum | drink drank drunk | eat ate eaten | fall fell fallen
"""
IRREGULAR = {
    form: group.split()[0] for group in _IRREGULAR.split("|") for form in group.split()[1:]
}
