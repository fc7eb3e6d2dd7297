"""Whether an answer says what a thing is called, for a question that asks for a name.

"What is the name of India's lander?" is not answered by "India landed near the south pole
in August": that answer names nothing the question does not. General English only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple

from bot.matching.analysis import ENTITY_PREFIX
from bot.matching.clauses import split_clauses
from bot.matching.lexicon import ABOUT_TEXT, PLACE_KINDS, SAY_WORDS
from bot.matching.nameasked import NAMED_KINDS
from bot.matching.nametext import placed_names, proper_names, set_apart
from bot.matching.needs import Need

_WORD = re.compile(r"\w+")
# words that ask for a name, or say where it was read ("the analyst quoted in the article")
_ASKING_WORDS = " ".join(
    sorted(
        {
            *"name names named full first last surname nickname quoted mentioned".split(),
            *"official formal proper real actual exact brand code legal".split(),
        }
        | SAY_WORDS
        | ABOUT_TEXT
    )
)
_NEAR = 4  # terms between a name and the thing it names: "the Eemstadion, Eemland FC's … stadium"


class AnswerNames:
    """The names each text's clauses hold, read when first asked for."""

    def __init__(
        self,
        texts: Sequence[str],
        terms: Callable[[str], tuple[str, ...]],
        countries: frozenset[str],
        country_words: frozenset[str],
        subjects: dict[int, str],
        implied: dict[str, frozenset[str]] | None = None,
        people: frozenset[str] = frozenset(),
        spelled: Mapping[str, frozenset[str]] | None = None,
        where: frozenset[str] = frozenset(),
        proper: Mapping[str, frozenset[str]] | None = None,
    ) -> None:
        """Keep how to read the texts' names.

        `countries`: the terms of the countries the story names; `country_words`: the terms
        of "country" and "nation", which make a country the name asked for; `subjects`: per
        fact-store entry, the term of the thing it is about; `implied`: per entity term, the
        words of its names ("Bongo District Hospital" speaks of a hospital; a person's, the
        heads of their titles: "museum director" is a director); `people`: the terms of the
        people the fact store names; `spelled`: per entity, the capitalised words of its
        names; `where`: the terms of the places and countries it names; `proper`: of
        `spelled`, the words of its proper names (ending in a capital: "WHO", not "Bosveld
        family").
        """
        self._texts = texts
        self._terms = terms
        self._countries = countries
        self._country_words = country_words
        self._subjects = subjects
        self._implied = implied or {}
        self._people = people
        self._spelled = spelled or {}
        self._where = where
        self._proper = proper or {}
        self._read: dict[int, list[_Clause]] = {}
        self._asking: frozenset[str] | None = None  # the terms that ask for a name
        self._places: frozenset[str] | None = None  # the terms of the kinds of place
        # the words of the names of things, and of people's titles (`_impersonal`)
        self._kinds: tuple[frozenset[str], frozenset[str]] | None = None
        self._titled: frozenset[str] | None = None  # the terms of the names' capitalised words

    def over(self, texts: Sequence[str]) -> AnswerNames:
        """Return a reader of the names in other `texts` (story sentences), read the same way."""
        return AnswerNames(
            texts,
            self._terms,
            self._countries,
            self._country_words,
            {},
            self._implied,
            self._people,
            self._spelled,
            self._where,
            self._proper,
        )

    def answer(
        self,
        number: int,
        asked: frozenset[Need],
        question: frozenset[str],
        thing: frozenset[str] = frozenset(),
        role: frozenset[str] = frozenset(),
    ) -> bool:
        """Return whether text `number` can answer a question asking `asked`, as to names.

        Only a question that asks for a name (`Need.NAME`) needs one it does not hold; one that
        asks for another than those it names (`Need.OTHER`) needs one besides them, the
        entry's own subject too ("who was chairman before Bosveld?" is not Bosveld's entry).
        Asked the name of a `thing` (its terms: "the school"), the name is one of that thing.
        Asked who has a `role` ("who is the spokesman?"), a clause saying it names them.
        """
        if Need.OTHER in asked:
            return self.gives(number, question, besides=True)
        if Need.NAME in asked:
            return self.gives(number, question, thing=thing)
        return not role or self._names_role(number, question, role)

    def _names_role(self, number: int, question: frozenset[str], role: frozenset[str]) -> bool:
        """Return whether text `number` names whoever has `role` where it says the role.

        "Who is the spokesman for the ministry?" is not answered by "Zielinski asked the
        ministry for help, and a spokesman for it said …"; a text that never says the role's
        word may call it otherwise ("who is the boss?": "the chief executive, Kessler"). A
        person's own entry says their roles of them ("Kessler founded it and is its chief"),
        whether or not the question names them by the role.
        """
        if self._subjects.get(number) in self._people:
            return True
        role = frozenset(t for t in role if not t.startswith(ENTITY_PREFIX))
        # "… died; two other workers were injured" says the role of others than the one named
        saying = [
            c
            for c in self._clauses_of(number)
            if not role.isdisjoint(c.words) and role.isdisjoint(c.apart)
        ]
        # someone the question means by the role ("the coalition spokesperson" is Said) is who
        # it asks for, though the question already holds them
        known = question - self._people
        return not saying or any(self._naming(c, role) - known for c in saying)

    def _clauses_of(self, number: int) -> list[_Clause]:
        """Return the clauses of text `number`, read once."""
        clauses = self._read.get(number)
        if clauses is None:
            clauses = self._read[number] = self._clauses(self._texts[number])
        return clauses

    def gives(
        self,
        number: int,
        question: frozenset[str],
        besides: bool = False,
        thing: frozenset[str] = frozenset(),
    ) -> bool:
        """Return whether text `number` names, in a clause about the question, what it lacks.

        A country is who acts, not what a thing is called ("the U.S. is targeting 2025" names
        no lander), unless the question asks for a country. An entry about one thing gives
        its full name even when the question names that thing ("ILRS's full name?"). Only
        clauses that share a word with the question count, then those whose names' words do;
        when none does, any clause may, unless the question says what is named by more than
        names ("the moon base"). Asked for another than those it names (`besides`), any clause
        may name the other, a country too ("who backs it besides Pakistan?": Russia). The name
        of a `thing` is one whose own words say it ("Bongo District Hospital") or said within a
        few words of it ("the Vikram lander"): "the name of the school where she teaches?" is
        not the supporters' group the clause names after "a primary school teacher". A thing
        the question names by a word of its name ("what is the ministry called?") is named by
        a clause writing a name of it ("the Ministry of National Defence").
        """
        clauses = self._clauses_of(number)
        entity = [t for t in thing if t.startswith(ENTITY_PREFIX)]
        if entity:  # and writes a name of it: not "the trustees" for "the trustee's name?"
            spelled = self._spelled
            return any(
                e in c.words and not c.written.isdisjoint(spelled.get(e, ()))
                for c in clauses
                for e in entity
            )
        if besides:
            others = [c.names - question for c in clauses]
            if question & self._people:  # "who was chairman before Bosveld?": not his club
                return any(self._person(name) for names in others for name in names)
            return any(others)
        subject = self._subjects.get(number, "")
        # an entry gives its own subject's name, unless asked another thing's: "the name of
        # the school where Willemsen teaches?" is not "Sanne Willemsen"
        own = not thing or subject in thing or self._implied.get(subject, frozenset()) & thing
        known = question - {subject} if own else question
        if not question & self._country_words:
            known |= self._countries
        sharing = [c for c in clauses if (c.words - c.names) & question]
        if not sharing:  # a clause may speak of it by a name: "at Bongo District Hospital"
            sharing = [c for c in clauses if c.about & question]
        if not sharing and self._describes(question):
            return False  # "what is the moon base called?": no clause speaks of a moon base
        chosen = sharing or clauses
        # the clauses saying the thing's word, if any does: "Zielinski asked the ministry for
        # help, and a spokesman for the ministry said …" names no spokesman
        holding = [c for c in chosen if any(_speaks_of(w, thing) for w in c.words)]
        return any(self._naming(c, thing) - known for c in holding or chosen)

    def _naming(self, clause: _Clause, thing: frozenset[str]) -> frozenset[str]:
        """Return the names in `clause` that may be the `thing`'s.

        All of them if no thing is asked, or the clause never says the thing's word (it may
        call it otherwise: "the new shot" is "the vaccine").
        """
        implied = self._implied
        # said by its word, or by a name whose words say it: "at Xinjiang University"
        at = [
            i
            for i, term in enumerate(clause.order)
            if _speaks_of(term, thing) or not implied.get(term, frozenset()).isdisjoint(thing)
        ]
        # where a thing is does not say what it is called, unless a place's name is asked, or
        # no thing is asked ("what's it called?" may ask a place's)
        placed = clause.placed if thing and not self._is_place(thing) else frozenset()
        if not at:
            return clause.names - placed
        order = clause.order
        own = self._own_names(clause, thing, at)
        if not thing.isdisjoint(clause.apart):  # "two other workers": not the one it names
            return own
        near = {t for i in at for t in order[max(i - _NEAR, 0) : i + _NEAR + 1]}
        # a name read whole as one of the story's ("Oh Jae-hyun") only right beside it, and
        # written as a name: "chairman Oh Jae-hyun", not the firm a few words before "the youth
        # academy", nor "a spokesman for the consortium"
        beside = {order[j] for i in at for j in (i - 1, i + 1) if 0 <= j < len(order)}
        # a person beside a thing is not its name: "Pryce said the museum will …" names no museum
        others = placed | self._people if self._impersonal(thing) else placed
        return (
            own
            | (clause.names & near) - others
            | frozenset(t for t in beside - thing - others if self._written(t, clause))
        )

    def _own_names(self, clause: _Clause, thing: frozenset[str], at: list[int]) -> frozenset[str]:
        """Return the names of `clause` that hold the `thing`'s word, said at places `at`.

        A story entity written by a proper name ("the Permanent Court of Arbitration" for
        "which court?", "the WHO" for "which organization?"; not "the Chinese lunar base
        program" for "the moon base's name?"), also a name saying where ("at Gdansk University
        of Technology").
        """
        implied, order = self._implied, clause.order
        written = frozenset(order[i] for i in at if self._written(order[i], clause, self._proper))
        return frozenset(
            name
            for name in clause.names | written
            if name in thing or implied.get(name, frozenset()) & thing
        ).union(*(where for where in clause.wheres if not where.isdisjoint(thing)))

    def names_kind(self, thing: frozenset[str]) -> bool:
        """Return whether the story's names write `thing`'s word capitalised: names of its kind.

        "Whitworth Hall Museum" and "Permanent Court of Arbitration" name a museum and a court,
        so "which museum?" asks a name; "which project?" of a story whose project is "the
        Chinese lunar base program" asks which one, and a description says.
        """
        if self._titled is None:
            words = {w for spelled in self._spelled.values() for w in spelled}
            self._titled = frozenset(t for w in sorted(words) for t in self._terms(w))
        return not thing.isdisjoint(self._titled)

    def _impersonal(self, thing: frozenset[str]) -> bool:
        """Return whether `thing` is a word of things' names and of no person's title.

        "Museum" is ("Whitworth Hall Museum"); "official" (no name holds it) and "director"
        (a person's title) are not.
        """
        if self._kinds is None:
            implied, people = self._implied, self._people
            roles = frozenset().union(*(implied.get(p, frozenset()) for p in people))
            things = frozenset().union(*(w for e, w in implied.items() if e not in people))
            # and the kinds of thing that go by a name of their own anywhere: "hotels"
            named = frozenset(t for word in NAMED_KINDS for t in self._terms(word))
            self._kinds = (things | named, roles)
        things, roles = self._kinds
        return not thing.isdisjoint(things) and thing.isdisjoint(roles)

    def _written(
        self, term: str, clause: _Clause, spelled: Mapping[str, frozenset[str]] | None = None
    ) -> bool:
        """Return whether `term` is a story entity `clause` writes a name of: capitalised.

        By any of its names (`spelled`, unless other names' words are given).
        """
        words = (self._spelled if spelled is None else spelled).get(term, ())
        return term.startswith(ENTITY_PREFIX) and not clause.written.isdisjoint(words)

    def _is_place(self, thing: frozenset[str]) -> bool:
        """Return whether `thing` is a kind of place: "what is the town called?"."""
        if self._places is None:
            self._places = frozenset(self._terms(" ".join(sorted(PLACE_KINDS))))
        return not thing.isdisjoint(self._places)

    def _person(self, name: str) -> bool:
        """Return whether a name may be a person's: one the fact store has as a person, or none."""
        return name in self._people or not name.startswith(ENTITY_PREFIX)

    def _describes(self, question: frozenset[str]) -> bool:
        """Return whether `question` says what is named by more than names: "the moon base"."""
        if self._asking is None:
            self._asking = frozenset(self._terms(_ASKING_WORDS))
        return any(not t.startswith(ENTITY_PREFIX) for t in question - self._asking)

    def _clauses(self, text: str) -> list[_Clause]:
        """Return each clause's terms, the terms of the names it holds, and what it is about."""
        read = []
        for part in split_clauses(text):
            found, openers = proper_names(part)
            story = [t for t in self._terms(" ".join(openers)) if t.startswith(ENTITY_PREFIX)]
            names = frozenset([*self._terms(" ".join(found)), *story])
            order = self._terms(part)
            words = frozenset(order)
            about = words.union(*(self._implied.get(t, frozenset()) for t in words))
            written = frozenset(w.casefold() for name in found for w in _WORD.findall(name))
            wheres = tuple(frozenset(self._terms(name)) for name in placed_names(part))
            # a story entity says where only if it is a place: "works at Kessler Holdings"
            placed = frozenset(
                name
                for name in names & frozenset().union(*wheres)
                if name in self._where or not name.startswith(ENTITY_PREFIX)
            )
            apart = _terms_of(self._terms, set_apart(part))
            read.append(_Clause(words, names, about, tuple(order), written, placed, apart, wheres))
        return read


_CLIPPED = 4  # letters a clipped word keeps at least: "tech" of "technician", "admin"
_CUT = 3  # letters it leaves out at least: "plan" is no clipped "plant", nor "bank" "banker"


def _speaks_of(term: str, thing: frozenset[str]) -> bool:
    """Return whether a clause's `term` says the `thing`, or a clipped word for it says it.

    "The lab tech's name?" asks of the "laboratory technician" a clause speaks of.
    """
    return term in thing or any(
        len(t) >= _CLIPPED and len(term) >= len(t) + _CUT and term.startswith(t) for t in thing
    )


def _terms_of(terms: Callable[[str], tuple[str, ...]], texts: list[str]) -> frozenset[str]:
    """Return the terms of each of `texts`, read apart: "Algeciras" and "Huelva" make no phrase."""
    return frozenset(t for text in texts for t in terms(text))


class _Clause(NamedTuple):
    words: frozenset[str]  # its terms
    names: frozenset[str]  # the terms of the names it holds
    about: frozenset[str]  # its terms and the words of the names of whom it names
    order: tuple[str, ...]  # its terms in order
    written: frozenset[str]  # the words of the names it holds, as written, in lower case
    placed: frozenset[str]  # the terms of its names that say where: "near Algeciras"
    apart: frozenset[str]  # the terms of what it says is another than whom it names
    # the terms of each name saying where: "at Gdansk University of Technology" also names a
    # university
    wheres: tuple[frozenset[str], ...]
