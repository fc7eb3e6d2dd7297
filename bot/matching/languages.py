"""Other languages' words mixed into an English question, read from `languages.txt`.

These are facts about how people write, not about one story: "oye, cuántos muertos por el
calor?" asks how many died of the heat.
"""

from __future__ import annotations

from pathlib import Path

from bot.matching.text import tokenize

_FILE = Path(__file__).with_name("languages.txt")

Language = tuple[frozenset[str], dict[str, str]]  # its markers, and its words' English


def parse(text: str) -> tuple[Language, ...]:
    """Return each language of `text` (the format of `languages.txt`): markers and words.

    Every word is read as the tokenizer leaves it ("cuándo" as "cuando"); a table's word that
    only its accents kept apart from another reading is dropped ("cómo" is "como", which the
    table leaves out: it is "like" as often as "how").
    """
    languages: list[tuple[set[str], dict[str, str]]] = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            languages.append((set(), {}))
            continue
        english, _, words = line.partition(":")
        markers, table = languages[-1]
        if english.strip() == "markers":  # "cómo" tells Spanish, though it reads as "como"
            markers.update(w for word in words.split() for w in tokenize(word))
            continue
        for word in _folded(words.split()):
            table[word] = english.strip()
    return tuple((frozenset(markers), table) for markers, table in languages)


def _folded(words: list[str]) -> list[str]:
    """Return `words` as the tokenizer reads them, without those folded onto an unlisted form."""
    kept = []
    for word in words:
        read = tokenize(word)
        if len(read) == 1 and (read[0] == word or read[0] in words):
            kept.append(read[0])
    return kept


LANGUAGES = parse(_FILE.read_text(encoding="utf-8"))
