"""Typo correction against one knowledge's words, with a bound on the words compared per text.

A typo is compared with every knowledge word within two letters of its length. On a story's
knowledge (about a thousand words) that is a few hundred words; on a million entries of real
English it is 70,000, and 500 characters of fresh misspellings cost 50-170 ms. So a large
vocabulary is searched only among the words sharing a typo's first letter, and one text may
compare at most `COMPARED` words in all: a typo whose words would not fit is left as typed.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein

from bot.matching.english import is_english, is_listed, zipf

MIN_TYPO_LEN = 4
_MIN_SWAP_LEN = 5  # shorter words swap into other words too often: "lots", "lost"
MAX_TYPOS = 8  # corrections tried per text
COMPARED = 16384  # knowledge words compared per text, over all its corrections
_CUTOFF = 80.0
_TIES = 8  # closest words compared by their edits
_WIDE = 4096  # words of near length past which only those of the same first letter are read
# A real word may be a typo too ("was the wether bad", "the tanzanian minster"), when it is
# rare (under about 1.6 uses a million words), one edit from a word the story uses, and that
# word is at least thirty times as common. "started" is no typo of "stated", nor "tried" of
# "tired".
_RARE = 3.2  # Zipf frequency
_COMMONER = 1.5  # Zipf: log10 of how many times as common


class Speller:
    """Corrects words that are not in a vocabulary to the closest word that is."""

    def __init__(
        self,
        words: frozenset[str],
        own: Callable[[str], bool] | None = None,
        inflected: Callable[[str], bool] | None = None,
        filler: frozenset[str] = frozenset(),
    ) -> None:
        """Correct towards `words`; a real word only towards one `own` holds (the story's).

        `inflected`: whether a word is a form of one the story uses ("dosing" of "dose"),
        which is no typo. `filler`: the words chat is made of ("thank", "what"), as likely
        meant as the story's own.
        """
        self.words = words
        self._own = own or words.__contains__
        self._filler = filler
        self._inflected = inflected or _never
        self._by_length: dict[int, list[str]] = {}
        self._by_letter: dict[tuple[int, str], list[str]] = {}  # (length, first letter)
        for word in sorted(words):
            self._by_length.setdefault(len(word), []).append(word)
            self._by_letter.setdefault((len(word), word[:1]), []).append(word)
        self._pools: dict[int, list[str]] = {}  # by length: the words near it
        self._by_skeleton: dict[str, str] | None = None
        if len(words) > _WIDE:  # built now: on first use it held one answer 0.2-0.5 s at 100k
            self._skeletons()

    def maybe_typo(self, word: str) -> bool:
        """Return whether `word` is one a correction is tried for."""
        return (
            word not in self.words
            and len(word) >= MIN_TYPO_LEN - (1 if skeleton(word) == word else 0)
            and word.isalpha()
            and (not is_english(word) or zipf(word) < _RARE)
        )

    def cost(self, word: str) -> int:
        """Return how many knowledge words correcting `word` compares it with."""
        return len(self.pool(word))

    def correct(self, word: str) -> str:
        """Return the knowledge word `word` was meant to be, or `word` when none is close."""
        if not self.maybe_typo(word):
            return word
        meant = self._closest(word)
        if meant is None or (is_english(word) and not self._misspelt(word, meant)):
            return word
        return meant

    def _misspelt(self, word: str, meant: str) -> bool:
        """Return whether the real word `word` is a typo of the story's word `meant`.

        One edit away and far commoner: "wether" of "weather", not "defied" of "died" (two
        edits), "inaction" of "action" (a prefix), "wither" of "either" (no story word), nor
        "dosing" of "doing" (a listed form of the story's "dose"; "subcontracters", listed
        nowhere, is the story's "subcontractors").
        """
        rarity = zipf(word)
        return (
            self._own(meant)
            and not (rarity and self._inflected(word))
            and _edits(word, meant) == 1
            and zipf(meant) >= rarity + _COMMONER
        )

    def _closest(self, word: str) -> str | None:
        """Return the knowledge word closest to the typo `word`, if one is close enough."""
        if skeleton(word) == word:  # "whr", "lnd", "agrmnt": texting without vowels
            spelled = self._skeletons().get(word)
            if spelled is not None:
                return spelled
        close = process.extract(
            word, self.pool(word), scorer=fuzz.ratio, score_cutoff=_CUTOFF, limit=_TIES
        )
        if close:
            # of the closest, the fewest edits: "protset" is "protest" (two letters swapped),
            # not "protect", and "thier" "their", not "other", though each pair ties on ratio;
            # of those, a word the story or chat uses: "resuce" is the story's "rescue", not
            # the general paraphrases' "reduce" ("thnk" stays "thank", not the story's "think")
            top = close[0][1]
            return min((c[0] for c in close if c[1] == top), key=partial(self._nearness, word))
        # two letters swapped cost a short word too much of its ratio: "gmae" is "game" (75)
        return self._one_swap(word)

    def _nearness(self, typed: str, word: str) -> tuple[int, bool]:
        """Return how far `word` is from the typo `typed`: its edits, then if no word used."""
        return _edits(typed, word), not (word in self._filler or self._own(word))

    def swapped(self, word: str, filler: frozenset[str]) -> str | None:
        """Return the one vocabulary word `word` spells with two neighbouring letters swapped.

        For a real word not in the vocabulary ("trail" for "trial"), which `correct` leaves
        alone. Never a `filler` word ("form" is not a typo of "from"), never a rarer word
        ("tried" is not a typo of "tired"), and never for a short word: among short words a
        swap is often another word ("lots", "lost"; "sing", "sign").
        """
        if len(word) < _MIN_SWAP_LEN or word in self.words or not word.isalpha():
            return None
        found = self._one_swap(word, filler)
        return found if found is not None and zipf(found) > zipf(word) else None

    def degree(self, word: str) -> str | None:
        """Return the vocabulary's form of an adjective `word` compares: "cheapest" -> "cheaper".

        A comparative or superlative the story never uses ("busiest", "cheaper") is no typo
        to correct into another word ("buses"), but the story's own form of it answers it.
        """
        if word in self.words or not word.isalpha() or len(word) < MIN_TYPO_LEN + 2:
            return None
        if is_listed(word):  # a word of its own: "banner" is not "ban", nor "interest" "inter"
            return None
        return next((form for form in _degrees(word) if form in self.words), None)

    def _one_swap(self, word: str, filler: frozenset[str] = frozenset()) -> str | None:
        """Return the one vocabulary word, not in `filler`, `word` spells with a swap."""
        found = {
            word[:i] + word[i + 1] + word[i] + word[i + 2 :]
            for i in range(len(word) - 1)
            if word[i] != word[i + 1]
        }
        found = (found - filler) & self.words  # a handful of spellings: never copy the words
        return found.pop() if len(found) == 1 else None

    def pool(self, word: str) -> list[str]:
        """Return the words `word` is compared with: those within two letters of its length.

        Past `_WIDE` words, only those that begin with its letter.
        """
        lengths = range(len(word) - 2, len(word) + 3)
        near = self._pools.get(len(word))
        if near is None:  # kept: a message's words have at most 500 lengths
            near = self._pools[len(word)] = [w for n in lengths for w in self._by_length.get(n, ())]
        if len(near) <= _WIDE:
            return near
        # not kept: a first letter may be any of 150,000, and five short lists join fast
        return [w for n in lengths for w in self._by_letter.get((n, word[:1]), ())]

    def _skeletons(self) -> dict[str, str]:
        """Return each vocabulary word by its vowel-less spelling, built on first use."""
        if self._by_skeleton is None:
            readings: dict[str, set[str]] = {}
            shortest: dict[str, int] = {}
            for word in self.words:
                if len(word) >= MIN_TYPO_LEN:
                    key = skeleton(word)
                    if len(word) < shortest.get(key, 99):
                        shortest[key], readings[key] = len(word), {word}
                    elif len(word) == shortest[key]:
                        readings[key].add(word)
            # the shortest reading wins ("whr" is where); two of one length ("hld": held or
            # hold) are a guess, and a guess is no correction
            self._by_skeleton = {k: next(iter(w)) for k, w in readings.items() if len(w) == 1}
        return self._by_skeleton


def _never(word: str) -> bool:
    return False


def _edits(typed: str, word: str) -> int:
    return DamerauLevenshtein.distance(typed, word)


_NO_VOWELS = str.maketrans("", "", "aeiou")  # removes them: 2.5 times as fast as `re.sub`


def skeleton(word: str) -> str:
    """Return `word` without the vowels after its first letter: "agreement" -> "agrmnt"."""
    return word[:1] + word[1:].translate(_NO_VOWELS)


def _degrees(word: str) -> list[str]:
    """Return the other degrees of the adjective `word` may be, the nearest first.

    A superlative's comparative before its plain form: "cheapest" gives "cheaper", then
    "cheap" (and "cheape"); "biggest" gives "bigger", "big"; "busiest" "busier", "busy". A
    comparative's plain form before its superlative: "cheaper" gives "cheap", "cheapest".
    """
    if word.endswith("iest"):
        return [word[:-4] + "ier", word[:-4] + "y"]
    if word.endswith("ier"):
        return [word[:-3] + "y", word[:-3] + "iest"]
    for end, other in (("est", "er"), ("er", "est")):
        if word.endswith(end):
            plain = word[: -len(end)]
            bases = [plain, plain + "e"]
            if len(plain) > 2 and plain[-1] == plain[-2]:  # "biggest": "big"
                bases.append(plain[:-1])
            return [plain + other, *bases] if end == "est" else [*bases, plain + other]
    return []
