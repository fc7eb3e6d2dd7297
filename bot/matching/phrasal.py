"""Everyday phrasal verbs read as the plain word a news story uses: "set up" as "founded".

`phrasal.txt` holds one expression a line, every form people type and the plain words:
"set up, sets up, setting up => founded". It was written from general English alone, by
someone who read no story and no question set of this project.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import cache
from importlib import resources
from itertools import pairwise

from bot.matching.text import tokenize

# each form with its readings, the first a story uses wins: "run the show" is "controlled",
# or "runs" where the story says that
Plain = dict[tuple[str, ...], tuple[tuple[str, ...], ...]]


@cache
def general_phrasal() -> Plain:
    """Return each form of `phrasal.txt` (as words) with the plain words it is read as."""
    text = resources.files(__package__).joinpath("phrasal.txt").read_text("utf-8")
    return parse(text)


def parse(text: str) -> Plain:
    """Return form -> its readings from a phrasal file's `text`; comments are skipped.

    Forms are split into words as a question is ("lion's share" is "lion share"); readings
    are separated by " | "; a line without plain words, or a form of one word, is no reading.
    """
    plain: Plain = {}
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#") and "=>" in line:
            forms, words = line.split("=>", 1)
            readings = tuple(r for r in (tuple(tokenize(w)) for w in words.split("|")) if r)
            for form in forms.split(","):
                said = tuple(tokenize(form.replace("\u2019", "'")))
                if readings and len(said) > 1:  # single words are the paraphrases' business
                    plain.setdefault(said, readings)
    return plain


class Phrasal:
    """Reads the phrasal verbs of a list of words as plain words, word by word."""

    def __init__(
        self,
        plain: Plain,
        kept: Iterable[str] = (),
        used: Callable[[str], bool] = lambda word: True,
        stem: Callable[[str], str] = lambda word: word,
    ) -> None:
        """Index the forms of `plain` by their first two words, longest first.

        As with the paraphrases, the story's own words keep their meaning: `kept`, its names
        and synonym phrases, hold forms that are left as they are in any inflection
        ("touched down" when "touch down" is a synonym), and words of theirs are no plain
        word either; a form is read only as plain words the story uses in some inflection
        (`used`), so "set up" is "founded" only in a story that says "founded" or "found",
        and "fall apart" is "collapsed" where it says "collapse". `stem` reads a word as the
        analyzer does.
        """
        longest = max(map(len, plain), default=0)
        spoken = [tuple(map(stem, tokenize(text))) for text in kept]
        held = {run for words in spoken for run in _runs(words, longest)}
        claimed = {word for words in spoken for word in words}
        self._forms: dict[tuple[str, str], list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
        for form, readings in sorted(plain.items(), key=lambda f: len(f[0]), reverse=True):
            if tuple(map(stem, form)) in held:
                continue
            for words in readings:
                if all(map(used, words)) and claimed.isdisjoint(map(stem, words)):
                    self._forms.setdefault((form[0], form[1]), []).append((form, words))
                    break
        self.openers = frozenset(first for first, _ in self._forms)  # each form's first word

    def read(self, words: list[str]) -> list[str]:
        """Return `words` with each phrasal form replaced by its plain words."""
        forms = self._forms
        # the words first, then the pairs, each looked up in one call: a generator's step per
        # pair cost more than the lookup, and most texts hold no form's first word
        if self.openers.isdisjoint(words) or forms.keys().isdisjoint(pairwise(words)):
            return words  # almost every text: no two words that start a form
        read: list[str] = []
        i = 0
        while i < len(words):
            found = forms.get((words[i], words[i + 1])) if i + 1 < len(words) else None
            match = next((f for f in found or () if tuple(words[i : i + len(f[0])]) == f[0]), None)
            if match is None:
                read.append(words[i])
                i += 1
            else:
                read.extend(match[1])
                i += len(match[0])
        return read


def _runs(words: tuple[str, ...], longest: int) -> Iterator[tuple[str, ...]]:
    """Yield every run of two to `longest` words in `words`."""
    for start in range(len(words)):
        for end in range(start + 2, min(start + longest, len(words)) + 1):
            yield words[start:end]
