"""What a question asks for: the kinds of value its type and words call for.

"When did X join?" asks for a date and for something that happened; "what is the lander
called?" for a name; "which month?" for a month. `answerability` tells whether an answer holds
them. General English and Roman Urdu only; nothing here knows a story.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from bot.matching.english import IRREGULAR
from bot.matching.lexicon import CURRENCY_NAMES, SAY_WORDS, QType
from bot.matching.needs import PHRASED, Need
from bot.matching.qtypes import ASKING_NAME, NAME_WORDS, names_by
from bot.matching.text import tokenize

# cue words that, after "what", "which" or "exact", ask for a time of day or a particular day
TIME_CUES = frozenset("time hour oclock baje waqt".split())
_DAY_CUES = frozenset("day date weekday din tareekh tarikh".split())
_MONTH_CUES = frozenset("month mahina mahine".split())
_YEAR_CUES = frozenset("year saal".split())
_WHEN_CUES = TIME_CUES | _DAY_CUES | _MONTH_CUES | _YEAR_CUES
_BETWEEN = frozenset("is was the".split())  # between an asking word and its cue
_ASKING = frozenset("what which exact exactly precise precisely specific kis konsa konsi".split())
_HOW_MANY = frozenset("kitne kitni kitna".split())
# after "time", a stretch of it: "what time period" asks how long, not at what hour
_STRETCHES = frozenset("period frame span scale".split())
_NUMBER_TYPES = {QType.COUNT, QType.AMOUNT, QType.DURATION}
# "how much time?", "how much longer?": an amount of time, not of money
_TIME_AMOUNTS = frozenset((w,) for w in "time longer hours minutes days weeks months years".split())
# ... and "how much of the club was sold?": a share; neither is a price
_NOT_MONEY = _TIME_AMOUNTS | {("of",)}
_HOW_OFTEN = frozenset({("how", "often"), ("how", "frequently")})
_HOW_MUCH_IN_URDU = frozenset("kitni kitna kitne".split())  # "umar kitni": its age read
# words that make "how much" ask for money; a currency too: "how much is the pass in naira?"
_COSTING = CURRENCY_NAMES | frozenset(
    "cost costs costing price prices priced pay paid paying pays spend spent spending worth "
    "fee fees fare fares charge charged charges budget salary wage wages earn earned earns "
    "bill money cash afford ticket tickets subscription rent ransom fine fines tuition sell "
    "sells sold selling buy buys bought buying".split()
)


def needs(
    qtype: QType, words: tuple[str, ...], named: frozenset[str] = frozenset()
) -> frozenset[Need]:
    """Return the kinds of value a question of type `qtype` with `words` asks for.

    `named`: the words of each name the question gives, as typed ("henk bosveld").
    """
    asked: set[Need] = set()
    if qtype in _NUMBER_TYPES:
        asked.add(Need.NUMBER)
    # "how many years?" is any figure of years: "until they are 35 years old" gives one
    if qtype is QType.COUNT and not _asks_place_in_row(words) and not _of_years(words):
        asked.add(Need.COUNT)
    if qtype in PHRASED:
        asked.add(PHRASED[qtype])
    # "when did the US land?" asks what happened, not what is planned; but what someone said
    # may be a plan ("did Gavi say it will cost less?"), and "what did India plan?" asks one
    unplanned = _PLAN_WORDS.isdisjoint(words) and _SAYING.isdisjoint(words)
    if "did" in words[:3] and qtype is not QType.QUOTE and unplanned:
        asked.add(Need.PAST)
    if qtype is QType.WHEN and _PLAN_WORDS.isdisjoint(words) and _passive_past(words):
        asked.add(Need.PAST)  # "when was the stadium built?": not when it will be
    if qtype is QType.WHAT and _what_was_done(words):
        asked.add(Need.PAST)  # "what was agreed at the talks?": not that talks are scheduled
    if qtype is QType.COUNT and _counted_past(words):
        asked.add(Need.PAST)  # "how many people actually rode it?": not how many are expected
    if _STATUS_WORDS.intersection(words) and qtype is QType.YESNO:
        asked.add(Need.STATUS)  # "is the station already built?", "has it opened yet?"
    if _PERSON_WORDS.intersection(words) and _WHO_WORDS.intersection(words):
        asked.add(Need.PERSON)  # "who was the first person to …": a country does not answer
    if qtype == QType.AMOUNT and ("old" in words or _asks_age_in_urdu(words)):
        asked.add(Need.AGE)
        if not _HOLDERS.isdisjoint(words):
            asked.add(Need.PERSON_AGE)  # "how old is the boss?": not when the firm was founded
    if _HOW_OFTEN.intersection(itertools.pairwise(words)):
        asked.add(Need.FREQUENCY)  # "how often are backups taken?": not when the last one was
    if qtype is QType.WHO:
        asked.add(Need.SOMEONE)  # "who was governor then?" is not answered by "in 2018"
    if (
        qtype == QType.AMOUNT
        and Need.AGE not in asked  # "how old was she when she got a season ticket?"
        and not _COSTING.isdisjoint(words)
        and not _time_or_share(words)
    ):
        asked.add(Need.MONEY)  # "how much did the viaduct cost?": not "a 3.2-kilometre viaduct"
    if _asks_name(words):
        asked.add(Need.NAME)  # "what is the lander's name?", "what is the ground called?"
    if _asks_another(qtype, words, named):
        asked.add(Need.OTHER)  # "who was chairman before Bosveld?", "who else but Pakistan?"
    cues = _asked_cues(words)
    if qtype == QType.WHEN or cues or _other_time(words):
        asked.add(Need.DATE)
    if cues & TIME_CUES or ("time" in words and "day" in words and "of" in words):
        asked.add(Need.TIME)  # "what time", "at what hour", "time of day"
    elif cues & _DAY_CUES:
        asked.add(Need.DAY)  # "which day", "exact date"; a plain "landing date?" takes a month
    elif cues & _MONTH_CUES:
        asked.add(Need.MONTH)  # "which month": a year does not say it
    elif cues & _YEAR_CUES:
        asked.add(Need.YEAR)  # "what year": a month does not say it
    return frozenset(asked)


def _asks_age_in_urdu(words: tuple[str, ...]) -> bool:
    """Return whether Roman Urdu asks an age as "how old" does: "umar kitni hai?"."""
    return "age" in words and not _HOW_MUCH_IN_URDU.isdisjoint(words)


def _time_or_share(words: tuple[str, ...]) -> bool:
    """Return whether "how much" asks time or a share: "how much time?", "how much of it?"."""
    return any(
        pair == ("how", "much") and words[at + 2 : at + 3] in _NOT_MONEY
        for at, pair in enumerate(itertools.pairwise(words))
    )


def _asks_place_in_row(words: tuple[str, ...]) -> bool:
    """Return whether "which number" asks a place in a row ("which number forum was it?").

    "What number of people came?" asks how many; "which number" or "what number" without
    "of" asks for a number such as "3rd", which is no count.
    """
    for at, word in enumerate(words[:-1]):
        if word in ("which", "what") and words[at + 1] == "number":
            return word == "which" or words[at + 2 : at + 3] != ("of",)
    return False


def _what_was_done(words: tuple[str, ...]) -> bool:
    """Return whether a question opens "what was/were/got <past participle>": a done thing.

    Not a plan's participle ("what was planned?", "what was supposed to happen?") nor with a
    word of a plan or a future.
    """
    if words[:2] not in (("what", "was"), ("what", "were"), ("what", "got")) or len(words) < 3:
        return False
    if _of_plans(words):
        return False
    done = words[2]
    return done not in _PLANNED_PARTICIPLES and _participle(done)


def _of_plans(words: tuple[str, ...]) -> bool:
    """Return whether a question speaks of a plan or a future: "how many will ride it?"."""
    return not _PLAN_WORDS.isdisjoint(words) or not _FUTURE.isdisjoint(words)


def _participle(word: str) -> bool:
    """Return whether `word` may be a past participle: "signed", "built"."""
    return word.endswith("ed") or word in IRREGULAR


def _counted_past(words: tuple[str, ...]) -> bool:
    """Return whether "how many …?" counts what happened: "how many actually rode it?".

    "Did" anywhere, "actually" without a present-tense verb, or a verb's irregular past
    ("rode", "came"); not with a word of a plan or a future: "how many will ride it?", "how
    many are expected?". "How many ships does it actually have on order?" counts what is.
    """
    if _of_plans(words):
        return False
    actually = "actually" in words and _PRESENT.isdisjoint(words)
    return "did" in words or actually or any(_done(words, at) for at in range(len(words)))


def _done(words: tuple[str, ...], at: int) -> bool:
    """Return whether word `at` is an irregular past that tells a done thing ("rode").

    Not a participle of the present passive: "how many trucks are being sent?".
    """
    word = words[at]
    return IRREGULAR.get(word, word) != word and (at == 0 or words[at - 1] not in _PASSIVE_NOW)


def _passive_past(words: tuple[str, ...]) -> bool:
    """Return whether a question opens "when was/were X <past participle>": a done thing.

    Not when a participle tells a plan: "when was it supposed to be built?", "scheduled to".
    """
    for at, word in enumerate(words[:4]):
        if word in ("was", "were"):
            window = words[at + 2 : at + 6]
            # "set up" is done, "set to" a plan
            after = {*zip(window, words[at + 3 : at + 7], strict=False)}
            planned = any(
                w in _PLANNED_PARTICIPLES and (w != "set" or (w, "to") in after) for w in window
            )
            return not planned and any(map(_participle, window))
    return False


def _of_years(words: tuple[str, ...]) -> bool:
    """Return whether "how many" asks a number of years: "how many years old is the club?"."""
    return any(
        words[at : at + 2] == ("how", "many") and words[at + 2 : at + 3] in (("years",), ("year",))
        for at in range(len(words))
    )


def _asks_name(words: tuple[str, ...]) -> bool:
    """Return whether a question asks what something is called.

    "What is the lander called?" and "what was it named?" ask a name; "name" before a number
    or a determiner asks for a list ("name two partners", "name the countries"): whatever
    answers it names them, a country too. "What are the names of the injured workers?" asks
    theirs. "When was the strike called?" asks no name, nor does "a big name" (someone well
    known).
    """
    naming = next((at for at in range(len(words)) if names_by(words, at)), None)
    if naming is not None and ASKING_NAME.intersection(words[:naming]):
        return True
    return any(
        (word in NAME_WORDS or (word == "names" and after == "of"))
        and not (after in _LISTED or (after or "").isdigit())
        and not (at >= 2 and words[at - 2] in _INDEFINITE and words[at - 1] in _FAMOUS)
        for at, (word, after) in enumerate(itertools.zip_longest(words, words[1:]))
    )


def _asks_another(qtype: QType, words: tuple[str, ...], named: frozenset[str]) -> bool:
    """Return whether a question asks for someone or something other than a name it gives.

    "Who was chairman before Bosveld?" and "which countries landed before India?" are not
    answered by an answer that names only Bosveld or India.
    """
    named = frozenset(name for name in named if name.strip())
    if qtype not in _NAMING_TYPES or not named:
        return False
    picking = qtype is QType.WHO or "which" in words[:3]
    for at, (before, word) in enumerate(zip(("", *words), words, strict=False)):
        # "before" or "after" a name asks who came earlier or later only of a question that
        # picks someone ("who", "which countries"): "what was the ride like before the Orange
        # Line?" asks another time
        marks = word in _OTHER_THAN and (word not in _IN_TIME or picking)
        if marks or (before, word) in _OTHER_THAN_PAIRS:
            rest = " ".join(words[at + 1 :]) + " "
            # "besides the KNVB": the name may follow an article it was not read with
            if any(rest.startswith((f"{name} ", f"the {name} ")) for name in named):
                return True
    return False


def for_others(words: Sequence[str]) -> bool:
    """Return whether a text asks for others than someone: "who else has joined?", "besides X".

    An entry phrased so answers only a question that asks so too ("which country joined?" is
    not answered by the countries besides Pakistan).
    """
    return not _OTHERS.isdisjoint(words) or any(
        pair in _OTHER_THAN_PAIRS for pair in itertools.pairwise(words)
    )


def phrased_for_others(phrasings: list[tuple[str, ...]]) -> frozenset[tuple[int, int]]:
    """Return (entry, phrasing) of each phrasing of `phrasings` (per entry) asking for others."""
    return frozenset(
        (entry, number)
        for entry, texts in enumerate(phrasings)
        # an entry's phrasings looked at together first: a word of one is a word of them all
        if _may_ask_for_others(" ".join(texts))
        for number, text in enumerate(texts)
        if _may_ask_for_others(text) and for_others(tokenize(text))
    )


def _may_ask_for_others(text: str) -> bool:
    """Return whether `text` may hold a word `for_others` looks for; if not, it holds none.

    An ASCII text's tokens are runs of its letters and digits, lower-cased, less apostrophes
    ("o'brien" is "obrien"): a word not in it so is no token of it. A build's phrasings are
    searched so (0.4 us) rather than tokenized (1.8 us); any other text, or one whose "-wise"
    tokenizing cuts, is tokenized.
    """
    if not text.isascii() or "-w" in text or "-W" in text:
        return True
    # each word looked for as plain text in C: a pattern of the seven tried them at every letter
    return any(map(text.lower().replace("'", "").__contains__, _OTHER_SPELLINGS))


def _other_time(words: tuple[str, ...]) -> bool:
    """Return whether a question asks of another time than a year it gives ("before 2024").

    Not of a plan: "what does China want to become before 2030?" asks what, by then.
    """
    if not _PLAN_WORDS.isdisjoint(words) or "will" in words:
        return False
    for at, word in enumerate(words):
        # "before 2030", "prior to 2030": the year right after, or after its "to"
        then = words[at + 1 : at + 3]
        year = then[1:] if then[:1] == ("to",) else then[:1]
        if word in _BEFORE_AFTER and year and _YEAR.fullmatch(year[0]):
            return True
    return False


def _asked_cues(words: tuple[str, ...]) -> set[str]:
    """Return the time and day cue words that directly follow an asking word."""
    found = {
        word
        for before, word, after in itertools.zip_longest(words, words[1:], words[2:])
        if (before in _ASKING and word in _WHEN_CUES and after not in _STRETCHES)
        or (before in _HOW_MANY and word == "baje")  # "kitne baje?": at what time
    }
    # "what was the date of the speech?" asks for a day as "what date?" does; but "what was
    # the time taken?" asks how long
    if _BETWEEN.isdisjoint(words):
        return found
    words = tuple(w for w in words if w not in _BETWEEN)
    return found | {
        word
        for before, word in itertools.pairwise(words)
        if before in _ASKING and word in _DAY_CUES | _MONTH_CUES
    }


_PLANNED_PARTICIPLES = frozenset(
    "supposed scheduled expected meant slated planned intended projected due set timed".split()
)
_PLAN_WORDS = frozenset(
    "plan plans planned aim aims aimed want wants wanted hope hoped expect".split()
)
_STATUS_WORDS = frozenset("already yet".split())
_PRESENT = frozenset("does do is are am".split())  # "how many does it actually have?"
# what someone said or pledged: its content may be a plan
_SAYING = SAY_WORDS | frozenset(
    "promise promised pledge pledged vow vowed announce announced warn warned".split()
)
_PASSIVE_NOW = frozenset("is are am being get gets getting".split())  # "are being sent"
# a count's plan or forecast, not what happened: "how many did officials say it would carry?"
_FUTURE = frozenset(
    """
    will would could might going gonna be expect expects expected supposed planned projected
    forecast forecasts predict predicts predicted anticipate anticipates anticipated
    """.split()
)
# "a big name", "a household name": someone well known, no name asked for ("a code name" is)
_INDEFINITE = frozenset("a an".split())
_FAMOUS = frozenset("big bigger major household famous leading great top huge prominent".split())
# after "name", words that make it a verb asking for a list: "name two partners"
_LISTED = frozenset(
    "the a an some all any few every each both these those several many one two three four "
    "five six seven eight nine ten".split()
)
# words before a name that ask for another than the one named: "before" too, as in "who
# was chairman before Bosveld?" ("before dawn" names no one)
_OTHER_THAN = frozenset(
    "before after besides except excluding instead replace replaces replaced replacing succeed"
    " succeeds succeeded succeeding".split()
)
_IN_TIME = frozenset({"before", "after"})  # another time unless the question picks someone
_OTHER_THAN_PAIRS = frozenset({("apart", "from"), ("aside", "from"), ("other", "than")})
_OTHERS = frozenset("else besides except excluding".split())
# those words and the pairs' first words, looked for anywhere in a lower-case text
_OTHER_SPELLINGS = tuple(sorted(_OTHERS | {first for first, _ in _OTHER_THAN_PAIRS}))
_BEFORE_AFTER = frozenset("before after prior".split())
_YEAR = re.compile(r"(?:19|20)\d\d")
_NAMING_TYPES = frozenset({QType.WHO, QType.WHAT, QType.WHERE})
_WHO_WORDS = frozenset("who whom kaun kon".split())  # not "which country": that asks one
# words for a person whose age may be asked: "how old is he?", "the boss", "the coach"
_HOLDERS = frozenset(
    "he she him her his boss chief ceo head leader chairman chairwoman president minister "
    "coach manager captain founder owner man woman guy lady fella bloke".split()
)
# nouns for a human being: a "who" question that uses one asks for a person, not a country
_PERSON_WORDS = frozenset(
    "person persons people man men woman women guy guys dude astronaut astronauts individual "
    "human humans bande banda aadmi".split()
)
