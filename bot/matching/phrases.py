"""The knowledge's names and synonyms as phrases of stems, each read as one term."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from bot.matching.analysis import ENTITY_PREFIX

Stems = tuple[str, ...]


def phrase_table(
    aliases: dict[str, str], synonyms: Iterable[tuple[str, ...]], stems: Callable[[str], list[str]]
) -> tuple[dict[Stems, str], list[str]]:
    """Return each name's and synonym's stems with the term it reads as, and the conflicts.

    A synonym reads as its group's first word; a name as its entity ("@kakar"), over any
    synonym. A conflict is a word two groups claim once stemmed ("landings" in a group of
    "peace" is "land"'s), said in the maintainer's words for `storybot validate`.
    """
    phrases: dict[Stems, str] = {}
    owners: dict[Stems, str] = {}  # the first word of the group that has it
    claimed: dict[Stems, str] = {}  # the word of that group that has it
    conflicts: list[str] = []
    merged: set[tuple[str, str]] = set()  # groups said to be one: their other words follow
    for group in synonyms:
        canonical = "_".join(stems(group[0]))
        for term in group:
            key = tuple(stems(term))
            owner = owners.setdefault(key, group[0])
            claimant = claimed.setdefault(key, term)
            phrases.setdefault(key, canonical)
            if owner == group[0] or (owner, group[0]) in merged:
                continue
            if term == group[0] and key == tuple(stems(owner)):  # two first words are one
                merged.add((owner, group[0]))
                said = f"the groups of {owner!r} and {term!r} are read as one group"
                conflicts.append(f"{said}: their first words are one word once stemmed")
            elif term == group[0]:  # "land" after [peace, landings]: its group is lost
                said = f"{term!r} is read as {owner!r}: that group's {claimant!r} is {term!r}"
                conflicts.append(f"{said} once stemmed; move it to the group of {term!r}")
            else:
                said = f"{term!r} is read as {owner!r}, in whose group it is once stemmed"
                conflicts.append(f"{said}: it cannot also mean {group[0]!r}")
    for name, entity_id in aliases.items():  # entities win over synonyms
        phrases[tuple(stems(name))] = ENTITY_PREFIX + entity_id
    return phrases, conflicts
