"""Chat shorthand and Roman Urdu, read as the English a knowledge folder uses.

These are facts about how people write, not about one story.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from bot.matching.english import IRREGULAR, is_english, zipf
from bot.matching.languages import LANGUAGES, parse
from bot.matching.lexicon import STOPWORDS

Phrase = tuple[str, ...]  # a name or synonym as its words

SLANG = {
    "wat": "what",
    "thru": "through",
    "jus": "just",
    "frm": "from",
    "sigs": "signatures",
    "wats": "what",
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
    "hrs": "hours",
    "mins": "minutes",
    "hr": "hour",
    "wk": "week",
    "wks": "weeks",
    "mth": "month",
    "mths": "months",
    "yday": "yesterday",
    "nxt": "next",
    "til": "until",  # "how long til its all fixed"
    # Scots, as chat types it: "whit's the name o the crowd hired tae float her aff?"
    "whit": "what",
    "whits": "what",
    "oot": "out",
    "aboot": "about",
    "mair": "more",
    "dinnae": "do",
    "cannae": "can",
    "didnae": "did",
    "isnae": "is",
    "wasnae": "was",
    "wouldnae": "would",
    "efter": "after",
    "intae": "into",
    "ower": "over",
    "gonnae": "going",
    "baith": "both",
    "afore": "before",
    "twa": "two",
    "hunner": "hundred",
    "auld": "old",
    "heid": "head",
    "deid": "dead",
    "fitba": "football",
    "hame": "home",
    "aff": "off",
    # Singapore English: "the article convert at 1.04 issit?"
    "issit": "is it",
    "bc": "because",
    "dept": "department",
    "intl": "international",
    "approx": "about",
    "n": "and",
    "w": "with",
    "thx": "thanks",
    "ty": "thanks",
    "dont": "do",
    "doesnt": "does",
    "didnt": "did",
    "isnt": "is",
    "wasnt": "was",
    "arent": "are",
    "werent": "were",
    "hasnt": "has",
    "havent": "have",
    "hadnt": "had",
    "wouldnt": "would",
    "couldnt": "could",
    "shouldnt": "should",
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
    "nite": "night",  # "sunday nite"; read as a typo, it was "2nite" (tonight)
    "nites": "nights",
    "msg": "message",
    "temp": "temperature",
    "temps": "temperatures",
    "d": "the",  # "wen is d vote": chat's one-letter "the"
    # "roughly how many?" asks how many, read word by word: as stems they were "rough" seas
    "roughly": "about",
    "approximately": "about",
    # South Asian English for a job title; read as its own word it is "design" ("who designed
    # it?" was answered by anyone with a title)
    "designation": "title",
    # read as their own words they are "install" and "iter": "how many did Kenya install?"
    # was covered by any answer with a number
    "installment": "edition",
    "instalment": "edition",
    "iteration": "edition",
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
    "dey": "is",
    "wey": "that",
}


# Swahili, West African pidgin and Roman Urdu (`chatlanguages.txt`, in the format of
# languages.txt): each read only in a message holding one of its markers
_CHAT_FILE = Path(__file__).with_name("chatlanguages.txt")
SWAHILI_LANGUAGE, PIDGIN_LANGUAGE, _URDU_LISTED = parse(_CHAT_FILE.read_text("utf-8"))


def _inflected(table: dict[str, str]) -> dict[str, str]:
    """Return Roman Urdu's `table` with the forms its words take in a sentence, read the same.

    A noun's plural after a postposition ends in -on ("paison mein", "logon ko", "kisano ko")
    and a plural may end in -en or -ein ("cheezein"); a verb is typed by its root
    before "raha", "gaye" or "sakta": the infinitive's ("rehna": "reh raha") or, for a verb
    the table gives only in the past, the past's ("bika": "bik raha"). A form that is an
    English word ("ban" of "bana"), a filler word or already read otherwise is not made.
    """
    forms: dict[str, str] = {}
    infinitives = {w: e for w, e in table.items() if w.endswith(("na", "nay")) and len(w) > 4}
    for word, english in infinitives.items():  # first: "reh" is "rehna", not "reha"
        _add(forms, word[: -3 if word.endswith("nay") else -2], english, table)
    for word, english in table.items():
        if len(word) < 3 or not word.isalpha() or word in infinitives:
            continue
        if word.endswith("a"):
            made = [word[:-1] + "on"]
            if english in IRREGULAR or english.endswith("ed"):  # a verb's past: "bika", sold
                made.append(word[:-1])
        elif word[-1] not in "aeiouy":  # "kisano" typed for "kisanon"; not "logo" of "log"
            made = [
                word + "on",
                word + "en",
                word + "ein",
                *([word + "o"] if len(word) > 4 else []),
            ]
        else:
            continue
        for form in made:
            _add(forms, form, english, table)
    return {**forms, **table}


def _add(forms: dict[str, str], form: str, english: str, table: dict[str, str]) -> None:
    """Read `form` as `english` unless it is too short, English, filler or read already."""
    if len(form) >= 3 and form not in table and form not in STOPWORDS and not is_english(form):
        forms.setdefault(form, english)


URDU_MARKERS = _URDU_LISTED[0]
ROMAN_URDU = _inflected(_URDU_LISTED[1])
URDU_LANGUAGE = (URDU_MARKERS, ROMAN_URDU)


# each language read in a message that holds one of its markers, the first that does; the
# European and other languages of `languages.txt` first: "una" is Spanish as often as pidgin
_LANGUAGES = (*LANGUAGES, SWAHILI_LANGUAGE, PIDGIN_LANGUAGE, URDU_LANGUAGE)


def _first_marked() -> dict[str, int]:
    """Return each marker word with the place of the first language it marks."""
    marking: dict[str, int] = {}
    for place, (markers, _) in enumerate(_LANGUAGES):
        for marker in markers:
            marking.setdefault(marker, place)
    return marking


# a text's words are looked up once, not matched against every language's markers
_MARKING = _first_marked()


class ChatReading(NamedTuple):
    """A message's words with chat shorthand and a mixed-in language read."""

    words: list[str]
    # mixed with a language of `languages.txt`, whose tables read its filler: a word they
    # leave is that language's (Roman Urdu's filler is partly left to the typo reader)
    foreign: bool
    # mixed with any language a table reads, Roman Urdu's too: a word it leaves may be that
    # language's, and is read as a typo of the story's own words only ("dauran" is not Durban)
    mixed: bool


def plain_chat(words: list[str], kept: Mapping[str, list[Phrase]] | None = None) -> ChatReading:
    """Return `words` with chat shorthand read, and the words of the language a message mixes in.

    That language is the first of `languages.txt`'s, Swahili, pidgin or Roman Urdu whose
    markers the message holds. The words of a phrase of `kept` (a knowledge's names and
    synonyms, by their first word), said whole, are left as they are: "bola tinubu",
    "wazir-e-azam"; not "ponte" alone, the Italian bridge, of a story's "Ponte Morandi".
    """
    first = min((_MARKING[w] for w in words if w in _MARKING), default=None)
    foreign = first is not None and first < len(LANGUAGES)
    table = _LANGUAGES[first][1] if first is not None else {}
    if not table and SLANG.keys().isdisjoint(words) and not any(map(_G_DROPPED.match, words)):
        return ChatReading(words, foreign, first is not None)  # almost every text
    held = _held(words, kept) if kept and table else set()
    # a word may read as several ("ngapi": how many) or as none (filler)
    read = [p for i, w in enumerate(words) for p in (w if i in held else _read(w, table)).split()]
    return ChatReading(read, foreign, first is not None)


def read_words(words: Iterable[str]) -> frozenset[str]:
    """Return those of `words` that mark a language or that `plain_chat` may read otherwise.

    A text holding none of them reads as itself, with no language mixed in: a caller that
    knows its vocabulary skips `plain_chat` for a text of its words holding none (most texts
    of a build: `plain_chat` was ~8% of its time).
    """
    words = set(words)
    marked = words.intersection(_MARKING).union(words.intersection(SLANG))
    # looked for in C, word by word: a whole vocabulary is read at each build
    spaced = {"", *filter(_SPACE.search, words)}  # split apart, or dropped, when read
    dropped = {w for w in filter(_G_DROPPED.match, words) if _with_g(w) != w}
    return frozenset(marked | (spaced & words) | dropped)


_SPACE = re.compile(r"\s")
# a word that may be an -ing word typed without its g ("sayin", "workin"): five letters or
# more, ending in "in"
_G_DROPPED = re.compile(r"(?s).{3,}in\Z")


def _read(word: str, table: dict[str, str]) -> str:
    """Return `word` as a language's `table` or chat shorthand reads it (filler: "")."""
    if word in table:
        return table[word]
    return SLANG.get(word) or _with_g(word)


# how common "saying" must be for "sayin" to be read as it: a word in everyday use
_G_DROPPED_IN_USE = 3.5


@lru_cache(maxsize=4096)
def _with_g(word: str) -> str:
    """Return `word` with the g chat drops restored ("sayin": "saying"), else `word`.

    Only a word that is no English word itself, whose -ing form is in everyday use: "Putin"
    and "Dublin" stay, and so do "Benin" and the pidgin "pikin".
    """
    if _G_DROPPED.match(word) and not is_english(word) and zipf(word + "g") >= _G_DROPPED_IN_USE:
        return word + "g"
    return word


def _held(words: list[str], kept: Mapping[str, list[Phrase]]) -> set[int]:
    """Return the places of `words` inside a phrase of `kept`, said whole."""
    held: set[int] = set()
    for i, word in enumerate(words):
        for phrase in kept.get(word, ()):
            if tuple(words[i : i + len(phrase)]) == phrase:
                held.update(range(i, i + len(phrase)))
    return held
