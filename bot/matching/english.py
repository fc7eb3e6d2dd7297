"""Tell real English words from typos, so that typo correction leaves real words alone."""

from __future__ import annotations

from functools import cache

_SUFFIXES = ("ing", "ed", "es", "s", "d", "er", "ers", "ly")

# Irregular past forms read as their verb, as a stemmer cannot: "who built it?" asks what
# "the builder" and "build" answer. Forms that are other words too ("left", "found", "rose",
# "saw", "felt", "shot", "thought", "fed", "sat") are left alone; "led", "met" and "spoke"
# are far likelier verbs in news than anything else.
_IRREGULAR = """
build built | begin began begun | pay paid | repay repaid | say said | spend spent |
sell sold | buy bought |
win won | lead led | run ran | meet met | tell told | take took taken | give gave given |
hold held | bring brought | send sent | grow grew grown | draw drew drawn |
choose chose chosen | strike struck stricken | fly flew flown | write wrote written |
break broke broken | stand stood | lose lost | keep kept | seek sought | teach taught |
catch caught | fight fought | know knew known | throw threw thrown | drive drove driven |
ride rode ridden | speak spoke spoken | become became | understand understood |
withdraw withdrew withdrawn | undertake undertook undertaken | shake shook shaken |
hide hid hidden | deal dealt | sink sank sunk | swear swore sworn |
freeze froze frozen | steal stolen | wear wore worn | arise arose arisen | hang hung |
sleep slept | lend lent | bend bent | forbid forbade forbidden |
forgive forgave forgiven | forget forgot forgotten | overtake overtook overtaken |
sing sang sung | swim swam swum | drink drank drunk | eat ate eaten | fall fell fallen
"""
IRREGULAR = {
    form: group.split()[0] for group in _IRREGULAR.split("|") for form in group.split()[1:]
}


@cache
def _dictionary() -> frozenset[str]:
    # loaded on first use: most questions never need it, and it costs ~20 ms
    from english_words import get_english_words_set

    return frozenset(get_english_words_set(["gcide"], lower=True, alpha=True))


def is_english(word: str) -> bool:
    """Return whether `word`, or `word` less a common inflection, is a dictionary word."""
    words = _dictionary()
    if word in words:
        return True
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            if suffix == "d" and not stem.endswith("e"):
                continue  # "used" is "use" + d; "signd" is not "sign" + d, but a typo
            if (
                stem in words
                or stem + "e" in words
                or (stem[-1:] == stem[-2:-1] and stem[:-1] in words)
            ):
                return True
    return word.endswith("ies") and word[:-3] + "y" in words
