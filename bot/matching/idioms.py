"""Everyday idioms read as the plain words a news story uses for them.

"What did it set the city back?" asks what it cost; "who footed the bill?" who paid. These are
facts about English, not about one story: a story's own synonyms live in its knowledge folder.
Each pattern runs over lower-case words joined by single spaces.
"""

from __future__ import annotations

import re

from bot.matching.lexicon import DEMONYM_ENDINGS, QUESTION_VERBS

# a short object in the middle, kept: "set *pakistan* back" asks what it cost pakistan
_SOME = r"(?P<object>(?:\w+ ){0,3}?)"
_AUXILIARY = f"(?:{'|'.join(sorted(QUESTION_VERBS))})"  # "what *did* they put in?"
# what is held, not housed: "how many seats does the party hold?" asks no capacity
_HELD = (
    r"(?:seats|votes|meetings|shares|stakes|titles|trophies|records|events|talks|positions|"
    r"offices|posts|elections|rallies|concerts|matches|games)"
)

_IDIOMS: tuple[tuple[str, str], ...] = (
    # "at all", "all this", "it all" stress, and name nothing: "what's the union saying about
    # all this?" asks what it says about this, "any money in at all?" about any money; not
    # "at all" before what it counts ("at all stations" is at every one)
    (
        r"\bat all(?=$| (?:when|while|if|or|and|since|after|before|during|now|then|yet|ever|"
        r"anymore|though|tho|lol|right|these|this|that)\b) ?",
        "",
    ),
    (r"\ball (?=this\b|that\b)", ""),
    (r"\b(?P<it>it|this) all\b", r"\g<it>"),
    (rf"\bset(?:s|ting)? {_SOME}back\b", r"cost \g<object>"),
    (r"\bprice tags?\b", "cost"),
    (
        r"\b(?:foot|footed|footing|foots) (?:(?:most|all|some|part|half|much|the rest) of )?"
        r"the bills?\b",
        "paid",
    ),
    (r"\b(?:pick|picked|picking|picks) up the (?:tab|bill|cost)\b", "paid"),
    (
        r"\b(?:shell|shelled|shelling|fork|forked|forking|cough|coughed|pony|ponied) (?:out|up)\b",
        "paid",
    ),
    (r"\b(?:chip|chipped|chipping|chips) in\b", "contributed"),
    # how much, or what, someone puts in, said last, is money: "how much did warsaw put in?",
    # "what is the arts council putting in", and "what's …", read without its "is"; not "did
    # they put in a bid", "put in the bank", nor "what extra shifts did the nurses put in" or
    # "what features are they putting in" (a noun after "what": that thing put in)
    (
        rf"\b(?P<lead>(?:how much|what(?= {_AUXILIARY}\b))(?: \w+){{0,5}}?) "
        r"(?:put|puts|putting) in$",
        r"\g<lead> contributed",
    ),
    (
        rf"\b(?P<lead>what(?: (?!{_AUXILIARY}\b)\w+){{1,4}}) putting in$",
        r"\g<lead> contributed",
    ),
    # to buy a claim is to believe it: "does kalmora buy that study?", "do they buy the story?";
    # not data, an account or a version, which are bought as often
    (
        r"\b(?:buy|buys|bought|buying) (?P<claim>(?:that|this|the|those|these|their|his|her|its)"
        r"(?: [\w']+){0,2}? (?:story|stories|claims?|numbers|figures|study|explanation|excuse|"
        r"argument|estimates?|findings))\b",
        r"accept \g<claim>",
    ),
    # not what was paid for something: "how much did they pay for them back then?"
    (rf"\b(?:pay|pays|paid|paying) (?!for ){_SOME}back\b", r"repay \g<object>"),
    (
        r"\b(?:pump|pumps|pumped|pumping|churn|churns|churned|churning|crank|cranks|cranked) out\b",
        "produce",
    ),
    (r"\b(?:sign|signed|signing|signs) up (?:for|to)\b", "join"),
    # a deal is signed: "when was the pact inked?", "did he put pen to paper?"
    (r"\b(?:inked|inking)\b|\bink(?:s)? (?=(?:a|the|this|that) )", "signed "),
    (r"\b(?:put|puts|putting) pen to paper\b", "signed"),
    # "how come it went over budget?" asks why; "what's the deal with phase two?" what of it
    (r"\bhow come\b", "why"),
    (r"\bwhat(?:s|'s| is) the (?:deal|situation) with\b", "what about"),
    # "is it true that India landed in August?" asks whether India landed in August
    (r"\bis (?:it|that) (?:true|correct|right)\b ?(?:that )?", "is "),
    # so does "did I hear right that …?", and a statement with "right?" or "true?" after it
    (
        r"\b(?:did|do) i (?:hear|read|get|see|understand) (?:it |that |this )?"
        r"(?:right|correctly)\b ?(?:that )?",
        "is ",
    ),
    # so does a figure someone heard, with "true?" after it: "i heard ghana got 700k doses,
    # true?" (not "i heard pakistan joined, true?", which reads better as it is)
    (
        r"\b(?:i|we) (?:heard|read)(?: that)? (?P<heard>\w.*\d.*) (?:right|true|correct)$",
        r"is \g<heard>",
    ),
    (r"\b(?:team|teamed|teaming|teams) up with\b", "partner with"),
    (
        r"\b(?:come|came|coming|comes|get|got|getting|jump|jumped) on board\b(?! the| a | an )",
        "join",
    ),
    (rf"\b(?:throw|throws|threw|thrown|throwing) {_SOME}weight behind\b", r"\g<object>support"),
    (r"\b(?:kick|kicked|kicking|kicks) off\b", "start"),
    (r"\b(?:break|broke|broken|breaking) ground\b", "start construction"),
    (r"\b(?:wrap|wrapped|wrapping|wraps) up\b", "finish"),
    (r"\b(?:drag|dragged|dragging|drags) on\b", "delay"),
    # "so far over budget", "far behind schedule": how much, said of what follows ("how far
    # over budget?" asks how much itself, below)
    (
        r"\b(?<!how )(?<!by )(?:so |too |way |that )?far (?P<over>(?:over|above|under|below|"
        r"behind|ahead of|beyond) (?:the |its |their )?(?:budget|estimate|target|forecast|cost|"
        r"price|schedule|plan)s?)\b",
        r"\g<over>",
    ),
    (r"\b(?:fall|fell|fallen|falling) behind(?: schedule)?\b", "delay"),
    (r"\bbehind schedule\b", "delayed"),
    (r"\b(?:push|pushed|pushing|pushes) back\b", "delay"),
    # a date or a plan that slips is delayed: "could the timeline slip?"; only the verb
    # (a slide of a talk, a slip of paper are nouns)
    (
        r"\b(?P<object>(?:could|might|would|will|may|can|to)(?: \w+){0,3}?) (?:slip|slide)\b",
        r"\g<object> delay",
    ),
    (
        r"\b(?P<what>date|deadline|timeline|schedule|launch|plan|opening|target)s? "
        r"(?:has |have |had |is |was |keeps |kept )?(?:slipped|slipping)\b",
        r"\g<what> delayed",
    ),
    (r"\b(?:at the helm|in the driving seat|calls? the shots)\b", "leads"),
    (r"\b(?:scrap|scrapped|scrapping|axe|axed|axing)\b", "cancel"),
    (r"\b(?:green ?light|green ?lit|signed off on|rubber ?stamped)\b", "approved"),
    (r"\b(?:up and running|good to go)\b", "operating"),
    # goods sent somewhere are delivered: "how many doses have been shipped in?" (not "ships
    # in the fleet", not "did it ship to customers")
    (r"\bshipped(?: (?:in|out|over))?\b", "delivered"),
    (r"\b(?:first|full|last|given) name\b|\bsurname\b", "name"),
    # a party to something: "who signed on the chinese side?" asks who signed for China;
    # only a people ("kenyan", "chinese", "british", by the shape of the word) or a level of
    # government: "on the financial side" or "on the far side" stays
    (
        rf"\b(?:on|from|for) (?:the|our|their|its) (\w+{DEMONYM_ENDINGS}|federal|state|"
        r"national|local|government) side\b",
        r"for \1",
    ),
    (r"\bin the first place\b", ""),
    # "again" that asks to be reminded, not about a repeat: "when was that again?"
    (r"\b(?P<asked>(?:was|is|were|are) (?:that|it|this|he|she|they)) again\b", r"\g<asked>"),
    # asking for the gist: the words say how to answer, not what about
    (r"\b(?:fill|filling) (?:me|us) in\b|\b(?:catch|catching) (?:me|us) up\b", ""),
    (r"\b(?:in a nutshell|long story short|walk me through|break it down)\b", ""),
    # "where does India rank?" asks a rank, not a place
    (
        rf"\bwhere (?:does|do|did|would|will) {_SOME}(?:rank|ranks)\b",
        r"what rank \g<object>",
    ),
    (
        r"\b(?:ballooned|ballooning|skyrocketed|skyrocketing|spiralled|spiraled)\b",
        "rose",
    ),
    # the police lock someone up: arrest them ("did they lock anybody up?"); only with someone
    # between: "locked up" alone is a gate, a player in a dressing room, money in a deal
    (
        r"\b(?:lock|locks|locked|locking) (?P<whom>(?:any|some|no)(?:body|one)|him|her|them) up\b",
        r"arrest \g<whom>",
    ),
    # a deal that goes through is completed ("when will the sale go through?"); not a road or
    # a tunnel that goes through a place, nor "which stations does it go through?"
    (
        r"\b(?P<done>(?:deal|sale|takeover|merger|purchase|bid|transaction) (?:\w+ ){0,3}?)"
        r"(?:go|goes|went|gone|going) through\b(?! \w)",
        r"\g<done>completed",
    ),
    # "how far over budget?" asks how much: over or under a sum or a plan, not a distance
    (
        r"\bhow far (?P<over>(?:over|above|under|below) (?:the |its |their )?"
        r"(?:budget|estimate|target|forecast|cost|price)s?)\b",
        r"how much \g<over>",
    ),
    # off-peak is one word, the opposite of peak ("how often do trains run off-peak?"), and
    # so is outside the rush hour or the peak
    (
        r"\boff peak\b|\boutside (?:of )?(?:the )?(?:rush hours?|peak(?: hours?| times?)?)\b",
        "offpeak",
    ),
    # what a place or a vehicle can hold is its capacity: "how many can the ground hold?",
    # "how many people fit in the stadium?"; not what one held on a day ("how many did the
    # ferry carry?"), will carry ("how many passengers will the line carry?") or holds as a
    # party or a host ("how many seats does it hold?", "how many meetings can he hold?")
    (
        rf"\bhow many (?!{_HELD}\b)(?:\w+ ){{0,2}}?(?:(?:can|could) (?P<what>(?:\w+ ){{0,4}}?)"
        r"(?:hold|fit|seat|accommodate|carry)|(?:does|do) (?P<place>(?:\w+ ){0,4}?)"
        r"(?:hold|seat|accommodate))\b",
        r"how many capacity of \g<what>\g<place>",
    ),
    (
        r"\bhow many (?:\w+ ){0,2}?(?:fit|fits) (?:in|into|inside)\b",
        r"how many capacity of",
    ),
    # money a business brings in is its revenue: "how much did the club bring in last season?"
    # (not "bring in rules", nor what a sale brought in "from" it, nor what it "will bring in")
    (
        r"\bhow much (?P<what>(?:\w+ )?(?:did|does|do) (?:\w+ ){0,3}?)(?:bring|brings) in\b"
        r"(?! from)",
        r"how much \g<what>revenue",
    ),
    # a price that drops or comes down falls: "will the price come down later?" (not "why did
    # the naira drop", a currency's fall, nor "drop the charges")
    (
        r"\b(?P<what>(?:price|prices|cost|costs|fare|fares)(?: \w+){0,2}?) (?:drop|drops|dropped|"
        r"dropping|come down|comes down|coming down|came down|go down|goes down|going down|"
        r"went down)\b",
        r"\g<what> fall",
    ),
    # the people who live somewhere are its people: "how many people live in lagos?"
    (
        r"\bhow many (?P<who>people|ppl|persons|residents) (?:live|lives|living|reside) in\b",
        r"how many \g<who> in",
    ),
    # a body's top engineer is its chief engineer: "the roads authority's top engineer" (not
    # a "top speed", a "top scorer" or the "top of the table"; nor a "top guy", "top man" or
    # "top executive", who may be another body's chief)
    (
        r"\btop (?P<who>(?:engineer|officer|cop|doctor|lawyer|scientist|economist|adviser|"
        r"advisor|aide|diplomat|prosecutor|negotiator)s?)\b",
        r"chief \g<who>",
    ),
    # why something is a problem asks what the problem is, which a reply describes without a
    # "because": "why is storage such a headache?" is "what is the problem with storage?"
    (
        r"\bwhy (?:(?:is|are|s|was|were) )?(?P<what>(?:\w+ ){1,3}?)(?:such )?(?:a |an |so )?"
        r"(?:big )?(?:problem|problems|headache|headaches|issue|issues|concern|worry|challenge)\b",
        r"what concern \g<what>",
    ),
    # a vote no is a vote against: "who voted no?" asks who voted against the return
    (r"\b(?P<vote>vote|votes|voted|voting) no\b", r"\g<vote> against"),
    (r"\b(?P<vote>vote|votes|voted|voting) yes\b", r"\g<vote> for"),
    # what a name stands for is what it is: "what does NIK mean?", "what does KNVB stand for"
    (
        r"\bwhat (?:does|do) (?P<name>(?:\w+ ){1,3}?)(?:stand for|stands for|mean|means)$",
        r"what is \g<name>",
    ),
    # Roman Urdu "kitne saal ka tha?" (how many years of was he?) asks how old ("saal" may be
    # read as "year" by then)
    (r"\bkitne (?:saal|years?) (?:ka|ki|ke) (?:hai|tha|thi|hain|the|ho|hoga|hogi)\b", "how old"),
    # an acronym's "full form" (South Asian English) is what it stands for: "kctu full form?",
    # "cnsa ka full form kya hai", "full form of LMRA"
    (r"\bfull form of (?P<name>\w+)", r"what is \g<name>"),
    # so is what it is short for: "what is PNO short for?", "KNVB, dis letters na short for
    # wetin?" (read "knvb this letters is short for what")
    (r"\bwhat (?:is|s) (?P<name>\w+) short for\b", r"what is \g<name>"),
    (
        r"\b(?P<name>\w+) (?:(?:this|these|the) letters )?(?:is |are )?short for what\b",
        r"what is \g<name>",
    ),
    (r"\b(?P<name>\w+)(?: ka| ki)? full form\b", r"what is \g<name>"),
    # "summarise what he said" asks what he said
    (r"\b(?:summari[sz]e|sum up|recap)(?: for me| for us)? what\b", "what"),
    # what someone does for a living is their job: "what does she do for work?"
    (r"\b(?:do|does|did) for (?:a living|work|a job)\b", "job"),
    # the bare verb only after what grows: "a balloon" is a noun, and so is the "spiral" of a
    # "debt spiral"
    (
        r"\b(?P<grown>(?:cost|price|bill|budget|debt|fare|spending)s?) "
        r"(?:balloon|balloons|skyrocket|skyrockets)\b",
        r"\g<grown> rose",
    ),
    # who leads: "who's calling the shots on this moon base?"
    (r"\b(?:call|calls|called|calling) the shots\b", "leads"),
    # what is demanded: "how much are the hackers shaking them down for?"
    (r"\b(?:shake|shakes|shaking|shook|shaken) (?:\w+ ){0,2}?down for\b", "demanding"),
    # "back in the day" only says when: "how much did they shell out back in the day?"
    (r" ?\bback in the day\b", ""),
)
_COMPILED = tuple((re.compile(pattern), plain) for pattern, plain in _IDIOMS)
# Every idiom needs one of these words, whole: a text with none of them (all but a few of a
# build's texts) is left as it is after one set lookup, without the search below (which was a
# seventh of a build's time). tests/test_wording.py checks each idiom fires only with one.
IDIOM_WORDS = frozenset(
    """
    back tag tags bill bills tab form kitne cost shell shelled shelling fork forked forking
    cough coughed
    pony ponied chip chipped chipping chips pump pumps pumped pumping churn churns churned
    churning crank cranks cranked sign signed signing signs inked inking ink inks pen team
    teamed teaming teams board weight kick kicked kicking kicks ground wrap wrapped wrapping
    wraps drag dragged dragging drags fall fell fallen falling schedule slip slide slipped
    slipping helm seat shots scrap scrapped scrapping axe axed axing green greenlight greenlit
    off rubber rubberstamped running go shipped name surname side place again fill filling
    catch catching nutshell short walk break rank ranks ballooned ballooning skyrocketed
    skyrocketing spiralled spiraled lock locks locked locking through peak living work job
    balloon balloons skyrocket skyrockets true correct right far outside come deal situation
    hear read get see understand hold fit fits accommodate carry bring brings brought
    bringing heard summarise summarize sum recap live lives living reside drop drops dropped
    dropping down top stand stands mean means problem problems headache headaches issue
    issues concern worry challenge vote votes voted voting buy buys bought buying put puts putting
    all
    """.split()
)
# one pass to tell whether any idiom is there: most texts have none (named groups unnamed).
# Every idiom begins with a word (`\b` then a letter), and the words are joined by single
# spaces, so it is looked for after a space only: led by a literal space, the search jumps
# from space to space instead of trying every idiom at every character (twice as fast)
_EITHER = "|".join(f"(?:{re.sub(r'[?]P<[a-z]+>', '?:', p)})" for p, _ in _IDIOMS)
_ANY = re.compile(f" (?:{_EITHER})")


def plain_words(words: list[str]) -> list[str]:
    """Return `words` with every idiom replaced by the plain words for it."""
    if IDIOM_WORDS.isdisjoint(words):
        return words
    text = " ".join(words)
    if not _ANY.search(" " + text):
        return words
    changed = text
    for pattern, plain in _COMPILED:
        changed = pattern.sub(plain, changed)
    return changed.split() if changed != text else words
