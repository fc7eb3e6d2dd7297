"""Shortcuts a build takes through its texts read them exactly as the long way does."""

from __future__ import annotations

import pytest

from bot.matching import narrowing
from bot.matching.analyzer import Analyzer
from bot.matching.asking import for_others, phrased_for_others
from bot.matching.chat import ChatReading, plain_chat, read_words
from bot.matching.text import tokenize

# phrasings that ask for others, spelled every way tokenizing reads, and some that do not
_PHRASINGS = [
    "Who else has joined?",
    "WHO ELSE HAS JOINED?",
    "Which countries besides Pakistan?",
    "Anyone apart from China?",
    "Who, aside from Kakar, spoke?",
    "Any country other than China?",
    "Who joined, o'ther than Pakistan?",  # the apostrophe dropped: "other"
    "Who joined ot-wise'her than Pakistan?",  # "-wise" cut: "ot'her", then "other"
    "Qui d'autre? Ëlse?",  # accents dropped: "else"
    "Who has joined the moon base?",
    "What did the Elsewhere Fund say?",
    "Who is the other partner?",
    "How many joined before 2024?",
    "",
]


@pytest.mark.parametrize("text", _PHRASINGS)
def test_phrasings_asking_for_others_are_found_as_their_tokens_say(text: str) -> None:
    found = phrased_for_others([(text,)])
    assert found == ({(0, 0)} if for_others(tokenize(text)) else set())


def test_an_entrys_phrasings_asking_for_others_are_found_together_as_alone() -> None:
    asking = {(0, n) for n, text in enumerate(_PHRASINGS) if for_others(tokenize(text))}
    assert phrased_for_others([tuple(_PHRASINGS)]) == asking
    plain = tuple(t for t in _PHRASINGS if not for_others(tokenize(t)))
    assert phrased_for_others([plain, plain[:1]]) == frozenset()


def _analyzer() -> Analyzer:
    return Analyzer(
        {"Kakar": "kakar", "Anwaar ul Haq Kakar": "kakar"},
        [("moon", "lunar"), ("base", "station"), ("us", "according")],
        ["the lunar station kakar said according to us the moon base", "us"],
    )


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        # a phrase of one word (a synonym, a name) read as its group's word or its entity
        ("Who visited the lunar station?", ("visit", "moon", "base")),
        ("What did Kakar say?", ("@kakar", "say")),
        # a phrase of several words beside phrases of one
        ("Did Anwaar ul Haq Kakar visit the lunar station?", ("@kakar", "visit", "moon", "base")),
        # a lone filler word is filler even where a synonym spells it
        ("What did the station tell us according to Kakar?", ("base", "@kakar")),
    ],
)
def test_phrases_are_read_alike_in_a_build_and_out_of_it(text: str, terms: tuple[str, ...]) -> None:
    analyzer = _analyzer()
    outside = analyzer.phrasing(text)
    with analyzer.reading_knowledge():  # a build's tables of stems and terms
        inside = analyzer.phrasing(text)
    assert outside == inside
    assert outside.terms == terms


@pytest.mark.parametrize(
    "answer",
    [
        "It was the FIRST landing.",
        "The Biggest club.",
        "firstly, they met",  # no word of its own
        "The \u017fmallest one",  # a long s: IGNORECASE reads it as "s"
        "Kakar's last trip",
        "the last-minute deal",  # a run of word characters ends at a hyphen
        "a first_class seat",  # … not at an underscore or a digit
        "TALLEST1 tower",
        "",
    ],
)
def test_superlatives_are_found_as_a_case_blind_search_finds_them(answer: str) -> None:
    found = narrowing._KEYS.search(answer) is not None
    assert narrowing._says_superlative(answer) == found


# read as before the ASCII shortcuts: signs, scaled figures, the Arabic-Indic 3 of "\u0663k"
_TOKENIZED = {
    "US$300 loan": ["300", "dollars", "loan"],
    "\u20ac5bn deal": ["5", "billion", "euros", "deal"],
    "It costs $5m now": ["it", "costs", "5", "million", "dollars", "now"],
    "a 40m bridge": ["a", "40m", "bridge"],
    "\u0663k fans came": ["3000", "fans", "came"],
    "700k people": ["700000", "people"],
    "1.8bn naira": ["1", "8", "billion", "naira"],
    "No digits here": ["no", "digits", "here"],
    "5K fans": ["5000", "fans"],
    "\u00a32m fee": ["2", "million", "pounds", "fee"],
    "US $40 fare": ["usa", "40", "dollars", "fare"],
    "the US-wise plan": ["the", "usa", "wise", "plan"],
    "2,300 jobs": ["2300", "jobs"],
    "$": [],
}


@pytest.mark.parametrize(("text", "tokens"), _TOKENIZED.items())
def test_signs_and_scaled_figures_are_tokenized_as_before(text: str, tokens: list[str]) -> None:
    assert tokenize(text) == tokens


# chat shorthand, markers of languages, -ing words without their g, plain words, and words
# that split apart when read
_CHAT_WORDS = [
    *"wat ppl govt una wetin hai kya sayin workin putin dublin within moon base the".split(),
    "a b",
    "",
]


@pytest.mark.parametrize("word", _CHAT_WORDS)
def test_words_read_as_typed_are_those_the_chat_reader_leaves(word: str) -> None:
    as_typed = word not in read_words(_CHAT_WORDS)
    # beside a word the reader reads one by one ("within" may be "withing"), as it is
    read = plain_chat([word, "within"])
    assert as_typed == (read == ChatReading([word, "within"], foreign=False, mixed=False))
