"""General English that means the same in a question about any story, read from a data file.

`paraphrases.txt` holds one group a line, terms separated by " | ", the newspaper's word
first: "arrest | detain | nicked". It was written from general English alone, without reading
any story or question set. The analyzer reads a question's word that the story never uses as
a word of its group that the story does use; the story's own words stay as they are.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


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
