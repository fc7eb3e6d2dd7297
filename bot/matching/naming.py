"""Words that name an entity without its name: "which governor?", "how old is the chairman?"."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace

from bot.matching.analysis import ENTITY_PREFIX, Analysis
from bot.matching.index import Index
from bot.matching.leaders import leaders_asked
from bot.matching.lexicon import QType
from bot.matching.needs import NAMED, Need
from bot.matching.titles import Holder, titled


class Naming:
    """Reads a describing word of one entity's names as that entity."""

    def __init__(
        self,
        names: Mapping[str, Iterable[str]],
        terms: Callable[[str], tuple[str, ...]],
        holders: Mapping[tuple[str, ...], Holder] | None = None,
        leaders: Mapping[str, str] | None = None,
    ) -> None:
        """Find the terms that one entity's names alone use in lower case.

        `holders`: the people the fact store gives a title alone (`titles.title_holders`);
        `leaders`: the one person who leads each body (`leaders.lead_holders`).
        """
        self._named_by = describing_words(names, terms)
        self._holders = holders or {}
        self._leaders = leaders or {}

    def read(self, analysis: Analysis, index: Index) -> Analysis:
        """Return `analysis` with a word the knowledge only uses in one entity's names as it.

        "Which governor is in the story?": every "governor" the knowledge says is part of
        "Governor Bakare", so the bare word names him. "How old is the chairman?" asks the age
        of the one person "chairman" describes, even where other entries say "chairman" too.
        A title the fact store gives one person names that person as well, said plainly
        (`titles.titled`), and so does a body's one leader asked for in general words.
        """
        analysis = self._led(analysis)
        named_by = self._named_by
        named = [named_by.get(t, t) if not index.knows(t) else t for t in analysis.terms]
        # "when did the coach find out?" is about the story's one coach, though it names him not
        # (not when its name is asked, which the holder's answer would then hold already)
        holders = [] if analysis.asks & NAMED else self._titled(analysis, named)
        if holders and len(analysis.surfaces) == len(named):
            terms, surfaces = (*named, *holders), (*analysis.surfaces, *[""] * len(holders))
            return replace(analysis, terms=terms, surfaces=surfaces)
        described = {named_by[t] for t in named if t in named_by}
        if (
            len(described) == 1
            and len(analysis.surfaces) == len(named)
            and not any(t.startswith(ENTITY_PREFIX) for t in named)
            and Need.AGE in analysis.asks  # last: the dearest test
        ):
            named.append(described.pop())
            return replace(analysis, terms=tuple(named), surfaces=(*analysis.surfaces, ""))
        if named == list(analysis.terms):
            return analysis
        return replace(analysis, terms=tuple(named))

    def _led(self, analysis: Analysis) -> Analysis:
        """Return `analysis` naming the leader it asks for in the lead word's place.

        "Who runs Meltemi Sea Lines?" is "who is Koutsoyiannis of Meltemi Sea Lines?": the
        word said of him is no longer asked of an entry ("the union boss" is not meant).
        """
        people, word = leaders_asked(
            analysis.words, analysis.terms, self._leaders, analysis.qtype is QType.WHO
        )
        if not people or len(analysis.surfaces) != len(analysis.terms):
            return analysis
        pairs = zip(analysis.terms, analysis.surfaces, strict=True)
        terms = tuple(t for t, said in pairs if said != word)
        surfaces = tuple(said for said in analysis.surfaces if said != word)
        added = sorted(people - set(terms))
        return replace(analysis, terms=(*terms, *added), surfaces=(*surfaces, *[""] * len(added)))

    def _titled(self, analysis: Analysis, named: list[str]) -> list[str]:
        """Return the people the question names by title alone, whom `named` lacks."""
        found = titled(analysis.words, self._holders, list(analysis.names.values()))
        return sorted(found - set(named))


def describing_words(
    names: Mapping[str, Iterable[str]], terms: Callable[[str], tuple[str, ...]]
) -> dict[str, str]:
    """Return each term that one entity's names alone use in lower case, with that entity.

    `names`: each entity's term and its names; `terms` reads a text's terms. Each name's
    lower-case words are read in their order, one name at a time, so that a phrase stays
    whole ("prime minister") and no two names make one. A maintainer writes what describes
    someone in lower case ("the governor", "health economist") and a proper name
    capitalised: "South" or "Africa" alone names no one.
    """
    owners: dict[str, set[str]] = {}
    for entity, own in names.items():
        for name in own:
            words = [w for w in name.split() if w.isalpha() and w.islower()]
            found = terms(" ".join(words))
            if any(
                t.startswith(ENTITY_PREFIX) for t in found
            ):  # they are a name themselves: "the maker"
                found = tuple(t for word in words for t in terms(word))
            for term in found:
                if not term.startswith(ENTITY_PREFIX):
                    owners.setdefault(term, set()).add(entity)
    return {term: next(iter(found)) for term, found in owners.items() if len(found) == 1}
