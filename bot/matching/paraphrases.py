"""General English that means the same in a question about any story, read from a data file.

`paraphrases.txt` holds one group a line, terms separated by " | ", the newspaper's word
first: "arrest | detain | nicked". It was written from general English alone, without reading
any story or question set. A question's word that the story never uses is read as a word of
its group that the story does use; the story's own words stay as they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from importlib import resources

from bot.matching.analysis import ENTITY_PREFIX

# a word ending in a consonant, a vowel and a consonant may double its last letter
_DOUBLING = re.compile(r"(?:^|[^aeiou])[aeiou][b-df-hj-np-tvz]$")


@cache
def general_groups() -> tuple[tuple[str, ...], ...]:
    """Return the groups of `paraphrases.txt`, in file order."""
    text = resources.files(__package__).joinpath("paraphrases.txt").read_text("utf-8")
    return parse(text)


def parse(text: str) -> tuple[tuple[str, ...], ...]:
    """Return the groups of a paraphrase file's `text`; comments and blank lines are skipped."""
    groups = []
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            terms = tuple(t.strip().lower() for t in line.split("|") if t.strip())
            if len(terms) > 1:
                groups.append(terms)
    return tuple(groups)


def forms(word: str) -> set[str]:
    """Return `word` with its regular inflections: "arrest" gives "arrests", "arrested".

    Matched as written, not by stem: a stem joins words a group does not mean ("relatives"
    and "related" are both "relat", "founded" and "found" both "found").
    """
    stem, consonant_y = word[:-1], word.endswith("y") and word[-2:-1] not in ("", *"aeiou")
    if word.endswith(("s", "x", "z", "ch", "sh")):
        plural = word + "es"
    else:
        plural = stem + "ies" if consonant_y else word + "s"
    past = word + "d" if word.endswith("e") else stem + "ied" if consonant_y else word + "ed"
    ing = stem + "ing" if word.endswith("e") and not word.endswith("ee") else word + "ing"
    found = {word, plural, past, ing}
    if _DOUBLING.search(word):  # "slam" is "slammed", "nab" "nabbing"; "visitted" never comes
        found |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return found


class GeneralWords:
    """The words of the general groups a story's question may use, each read as a story word."""

    def __init__(
        self,
        groups: Iterable[tuple[str, ...]],
        stem: Callable[[str], str],
        used: set[str],
        claimed: set[str],
    ) -> None:
        """Map each form of a group word the story never uses to the group's first it does.

        `used`: the stems of the story's words; `claimed`: those its synonyms and names claim.
        """
        self.read: dict[str, str] = {}
        groups = list(groups)
        self._groups, self._stem, self._used = groups, stem, used  # for `roles`
        self.words = {term for group in groups for term in group}  # real words, for the speller
        for group in groups:
            # the story's synonyms and names keep their own meaning: never a target either
            free = [(term, stem(term)) for term in group if stem(term) not in claimed]
            known = [own for _, own in free if own in used]
            for term, own in free if known else ():
                if own not in used:
                    self.read.update((form, known[0]) for form in forms(term))

    def roles(self, aliases: Mapping[str, str]) -> dict[str, str]:
        """Return each form of a word of a group holding a role, read as its entity's term.

        A role is an alias written as one lower-case word ("manager"), not a proper name; the
        group must hold it as written ("manager | gaffer"), not by stem ("criticise | slam" is
        no group of a "critic"). Words the story uses keep their own meaning.
        """
        read: dict[str, str] = {}
        for role, entity_id in aliases.items():
            if not role.islower() or " " in role or role not in self.words:
                continue
            for group in (g for g in self._groups if role in g):
                for term in group:
                    if term != role and self._stem(term) not in self._used:
                        read.update((form, ENTITY_PREFIX + entity_id) for form in forms(term))
        return read
