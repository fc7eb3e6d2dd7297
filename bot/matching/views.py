"""Questions that ask the bot's view or a forecast, which no news story answers for it.

"Would u feel safe on a greek ferry this summer?", "shouldn't they just pay?", "will the
hackers actually publish the data?": the story may hold what bears on them, but not the
answer. General English chat, nothing about one story.
"""

from __future__ import annotations

import re

from bot.matching.text import chat_words

# the asker wants the bot's opinion, or a judgement the story leaves to its reader: "is it
# worth it?", "would u feel safe?", "shouldn't they just pay?", "should he have resigned?"
# (not "should the vaccine be kept cold?", which the story may tell)
_VIEW = re.compile(
    r"\bwhat do (?:you|u) make of\b|\b(?:your|ur) (?:opinion|view|take|judge?ment)\b"
    r"|^(?:(?:tbh|so|honestly|but|and|ok|okay|well|seriously|lol|imo|ngl) )?"
    r"(?:shouldn't|shouldnt\b|should\b(?=.*\b(?:have|just)\b))"
    r"|\bis it (?:right|fair|wise|safe|worth)\b|\bworth it\b|\bwould (?:you|u) feel\b"
    # "… or charge entry? what u think", "do you agree with Otieno that …?"
    r"|\bwhat (?:do )?(?:you|u) think\b(?! (?:the|a|an|is|was|it)\b)|\b(?:do )?(?:you|u) agree\b"
    # Pidgin, Roman Urdu, French, Spanish, German: "you think say …?", "tumhe kya lagta hai?"
    r"|\b(?:you|u) think say\b|\b(?:tumhe|tumhein|aapko|apko|aap ko|tujhe) kya lag(?:ta|ti) hai\b"
    r"|\b(?:aapki|apki|tumhari|teri) (?:kya )?raa?[iy]e?\b|\bkya khayal hai\b"
    # "aap ke khayal mein …", "tumhare khayal se …": in your view
    r"|\b(?:aap|ap|tum|tumhare|tumhary|aapke|apke|tere|mere) (?:ke |ka )?khayal"
    r" (?:mein|mai|me|se)\b"
    r"|\b(?:aap|ap|tum|tu) kya (?:kehte|kehti|kahte|kahti|sochte|sochti) (?:hain|hai|ho)\b"
    # "be honest, is the union just using him?"
    r"|\bbe honest\b"
    r"|\b(?:qu'en penses|tu en penses quoi|vous en pensez quoi|qu[eé] (?:piensas|opinas)"
    r"|was (?:meinst|denkst) du)\b"
)
# "do you think / reckon …" asks a view only of what is to come or is to be judged: "do you
# think it will work?", "do u reckon the union is right?" (not "do you reckon each dose
# costs $3.90?", a fact asked)
_ASKED_OF_YOU = re.compile(
    r"\b(?:do|would) (?:you|u|ya) (?:think|reckon|believe|consider)\b|\b(?:you|u) reckon\b"
)
_JUDGED = re.compile(
    r"\b(?:will|would|gonna|going to|should|right|wrong|fair|worth|safe|good|bad|better|worse|"
    r"fault|blame|deserve|deserves|enough|prudent|wise|sensible|reasonable|mistake|suppose)\b"
)
# the asker wants to know whether it will happen, doubting what is planned: "will it really
# reopen?" (not "when will it actually open?", which asks the plan)
_ASKING_WHAT = re.compile(r"\b(?:when|where|who|whom|what|which|how|why)\b")
_FORECAST = re.compile(
    r"\b(?:will|gonna|going to)\b(?:\s+\S+){0,6}?\s+(?:actually|really)\b"
    r"|\b(?:gonna|going to) end up\b"
)


def asks_a_view(text: str) -> bool:
    """Return whether `text` asks the bot's opinion or a forecast rather than a fact."""
    plain = chat_words(text)
    forecast = _FORECAST.search(plain) and not _ASKING_WHAT.search(plain)
    judged = _ASKED_OF_YOU.search(plain) and _JUDGED.search(plain)
    return bool(_VIEW.search(plain) or judged or forecast)
