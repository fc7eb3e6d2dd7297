"""Everyday phrasal verbs read as the plain word a news story uses: "set up" as "founded".

`phrasal.txt` holds one expression a line, every form people type and the plain words:
"set up, sets up, setting up => founded". It was written from general English alone, by
someone who read no story and no question set of this project.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import cache
from importlib import resources

_Forms = dict[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]]


@cache
def general_phrasal() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Return each form of `phrasal.txt` (as words) with the plain words it is read as."""
    text = resources.files(__package__).joinpath("phrasal.txt").read_text("utf-8")
    return parse(text)


def parse(text: str) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Return form -> plain words from a phrasal file's `text`; comments are skipped."""
    plain: dict[tuple[str, ...], tuple[str, ...]] = {}
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#") and "=>" in line:
            forms, words = line.split("=>", 1)
            for form in forms.split(","):
                if len(form.split()) > 1:  # single words are the paraphrases' business
                    plain.setdefault(tuple(form.lower().split()), tuple(words.split()))
    return plain


class Phrasal:
    """Reads the phrasal verbs of a list of words as plain words, word by word."""

    def __init__(
        self,
        plain: dict[tuple[str, ...], tuple[str, ...]],
        kept: Iterable[str] = (),
        used: Callable[[str], bool] = lambda word: True,
    ) -> None:
        """Index the forms of `plain` by their first word, longest first.

        `kept`: the story's own names and synonym phrases ("touch down" for a landing): a form
        one of them holds is the story's word and is left as it is. `used`: whether the story
        uses a word; a form is read only as plain words the story uses, as a paraphrase is.
        """
        longest = max(map(len, plain), default=0)
        held = {run for text in kept for run in _runs(text.lower().split(), longest)}
        by_first: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
        for form, words in plain.items():
            if form not in held and all(map(used, words)):
                by_first.setdefault(form[0], []).append((form, words))
        self._forms: _Forms = {
            first: tuple(sorted(found, key=lambda f: len(f[0]), reverse=True))
            for first, found in by_first.items()
        }

    def read(self, words: list[str]) -> list[str]:
        """Return `words` with each phrasal form replaced by its plain words."""
        forms = self._forms
        if not forms.keys() & words:  # most texts have none
            return words
        read: list[str] = []
        i = 0
        while i < len(words):
            match = next(
                (f for f in forms.get(words[i], ()) if tuple(words[i : i + len(f[0])]) == f[0]),
                None,
            )
            if match is None:
                read.append(words[i])
                i += 1
            else:
                read.extend(match[1])
                i += len(match[0])
        return read


def _runs(words: list[str], longest: int) -> Iterator[tuple[str, ...]]:
    """Yield every run of two to `longest` words in `words`."""
    for start in range(len(words)):
        for end in range(start + 2, min(start + longest, len(words)) + 1):
            yield tuple(words[start:end])
