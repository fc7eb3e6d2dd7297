"""Tell real English words from typos, so that typo correction leaves real words alone."""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import cache
from hashlib import blake2b
from pathlib import Path

import numpy as np
import numpy.typing as npt

_SUFFIXES = ("ing", "ed", "es", "s", "d", "er", "ers", "est", "ly")
# a final y turned i: "busiest", "happier", "carried", "cities" are "busy", "happy" ...
_Y_SUFFIXES = ("ies", "ied", "ier", "iest")

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


# the dictionary: the hashes of english-words' "gcide" list (lower case, letters only), sorted.
# As a set of its 114,000 words it held 11 MB for the life of every engine and took 30 ms to
# unpickle; as 64-bit hashes it is 0.9 MB read in a millisecond. Only a word whose hash is a
# listed word's would be taken for one: odds of about one in 10^14 for each word looked up.
# Remade with `python -m bot.matching.english`; a test checks it against the installed list.
_HASHES = Path(__file__).with_name("english.npy")
# the words whose only dictionary reading is a verb ("owe", "shown", "installed"; not "watch",
# a noun too, nor "injured", an adjective too), hashed the same way: the forms lemminflect's
# lemma table lists under VERB alone (lower case, letters only). Remade with the dictionary.
_VERB_HASHES = Path(__file__).with_name("verbs.npy")
# how common each word is: wordfreq's English Zipf frequency (log10 of uses per billion words)
# of every lower-case, letters-only word of at least 1.5 (about 170,000), in tenths. Each is
# kept as its word's hash with the last byte replaced by the tenths, sorted: one array to
# search, 1.4 MB, mapped (a lookup reads a few pages). A word not listed is rarer. Remade
# with the dictionary; its data is CC BY-SA 4.0 (the README's "Licences").
_FREQUENCIES = Path(__file__).with_name("frequencies.npy")
_FREQUENCY_FLOOR = 1.5
_IN_USE = 3.5  # Zipf: how common an inflection of a two-letter stem must be to be a word
_LAST_BYTE = 0xFF


class _HashedWords:
    """A word list held as the sorted hashes of its words, not the words themselves."""

    def __init__(self, hashes: npt.NDArray[np.uint64]) -> None:
        """Keep `hashes`, sorted (`word_hashes`), for a binary search."""
        self._hashes = hashes

    def __contains__(self, word: str) -> bool:
        """Return whether `word` is one of the words."""
        return hashed_at(self._hashes, word) is not None


def hashed_at(hashes: npt.NDArray[np.uint64], word: str) -> int | None:
    """Return where `word`'s hash is in the sorted `hashes` (`word_hashes`), or None."""
    wanted = np.uint64(word_hash(word))
    at = int(hashes.searchsorted(wanted))
    return at if at < len(hashes) and hashes[at] == wanted else None


def word_hash(word: str) -> int:
    """Return the 64-bit hash the dictionary keeps `word` as: the same in every process."""
    # "surrogatepass": a lone surrogate is hashed, not an error
    digest = blake2b(word.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little")


def word_hashes(words: Iterable[str]) -> npt.NDArray[np.uint64]:
    """Return the sorted hashes of `words`: what the dictionary file holds for its list."""
    return np.sort(np.fromiter(map(word_hash, words), dtype=np.uint64))


def listed_words() -> set[str]:
    """Return the word list the dictionary is made from (english-words: a test dependency)."""
    from english_words import get_english_words_set

    words: set[str] = get_english_words_set(["gcide"], lower=True, alpha=True)
    return words


def listed_frequencies() -> npt.NDArray[np.uint64]:
    """Return the frequency table the shipped file holds (wordfreq: a test dependency)."""
    from wordfreq import get_frequency_dict

    tenths = {
        word: round(math.log10(share * 1e9) * 10)
        for word, share in get_frequency_dict("en").items()
        if word.isascii() and word.isalpha() and word.islower()
    }
    kept = (word_hash(w) & ~_LAST_BYTE | z for w, z in tenths.items() if z >= _FREQUENCY_FLOOR * 10)
    return np.sort(np.fromiter(kept, dtype=np.uint64))


def listed_verbs() -> set[str]:
    """Return the words read only as verbs (lemminflect's lemma table: a test dependency)."""
    from lemminflect.core.Lemmatizer import Lemmatizer

    # the whole table is only reachable by its loader; a changed one fails the file's test
    table: dict[str, dict[str, tuple[str, ...]]] = Lemmatizer()._getLemmaDict()
    return {
        w
        for w, readings in table.items()
        if w.isalpha() and w.islower() and set(readings) == {"VERB"}
    }


@cache
def _dictionary() -> _HashedWords:
    # loaded on first use: most questions never need it
    return _HashedWords(np.load(_HASHES))


@cache
def _frequencies() -> npt.NDArray[np.uint64]:
    table: npt.NDArray[np.uint64] = np.load(_FREQUENCIES, mmap_mode="r")
    return table


def zipf(word: str) -> float:
    """Return how common `word` is: log10 of its uses per billion words, 0 for a rare word.

    "weather" 4.9, "wether" 2.8; "minister" 5.0, "minster" 3.0.
    """
    table = _frequencies()
    highest = word_hash(word) | _LAST_BYTE  # the word's hash with the largest last byte
    at = int(table.searchsorted(np.uint64(highest), side="right")) - 1
    if at < 0 or int(table[at]) | _LAST_BYTE != highest:
        return 0.0
    return (int(table[at]) & _LAST_BYTE) / 10


@cache
def _verbs() -> _HashedWords:
    return _HashedWords(np.load(_VERB_HASHES))


def is_only_verb(word: str) -> bool:
    """Return whether `word` can only be a verb: "owe", "shown", not "watch" or "injured"."""
    return word in _verbs()


def is_listed(word: str) -> bool:
    """Return whether `word` itself, not an inflection of it, is a dictionary word."""
    return word in _dictionary()


def is_english(word: str) -> bool:
    """Return whether `word`, or `word` less a common inflection, is a dictionary word."""
    words = _dictionary()
    if word in words:
        return True
    for suffix in _SUFFIXES:
        if not word.endswith(suffix) or len(word) - len(suffix) < 2:
            continue
        stem = word[: -len(suffix)]
        if suffix == "d" and not stem.endswith("e"):
            continue  # "used" is "use" + d; "signd" is not "sign" + d, but a typo
        if len(stem) == 2:
            # only a word in use, its e restored: "using" is "use"; "bying" and "uring" are
            # typos, "Ewing" a name (a stem and -ed is its e form and -d, read below)
            if suffix == "ing" and stem + "e" in words and zipf(word) >= _IN_USE:
                return True
            continue
        doubled = stem[-1:] == stem[-2:-1] and stem[:-1] in words  # "running": "run"
        if stem in words or stem + "e" in words or doubled:  # a stem of three letters or more
            return True
    stems = (word[: -len(end)] for end in _Y_SUFFIXES if word.endswith(end))
    return any(len(stem) > 1 and stem + "y" in words for stem in stems)


if __name__ == "__main__":  # remake the dictionary files from the installed word lists
    np.save(_HASHES, word_hashes(listed_words()))
    np.save(_VERB_HASHES, word_hashes(listed_verbs()))
    np.save(_FREQUENCIES, listed_frequencies())
