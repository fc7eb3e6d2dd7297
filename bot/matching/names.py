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
from bot.matching.cues import CUE_WORDS
from bot.matching.english import is_english
from bot.matching.lexicon import ABOUT_TEXT, DETERMINERS, SAY_WORDS
from bot.matching.needs import MONTH_NAMES, WEEKDAY_NAMES, Need
from bot.matching.qtypes import ASKING_NAME, NAME_WORDS, names_by

_CAPITALISED = re.compile(r"\b[^\W\d_][\w'/.\u2019-]*\w|\b[^\W\d_]\b")
_NOT_NAMES = frozenset((MONTH_NAMES + " " + WEEKDAY_NAMES).split()) | {"i"}
_WORD = re.compile(r"\w+")
_OPENING = re.compile(r"(?:^|[.!?:]\s*|[\"\u201c\u2018]\s*)$")  # where a sentence starts
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
_TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|St|U\.S|U\.K)\.\s*$")
# a name after these says where a thing is, not what it is called: "the plant *near*
# Algeciras", "a nurse who lives *in* Podgorz and works at the regional hospital"
_PLACING = re.compile(
    r"\b(?:in|near|at|outside|around|across|off|into|inside|within|between|behind|beside|"
    r"towards)\s+(?:the\s+)?(?=[^\W\d_])",
    re.IGNORECASE,
)
_NAME_RUN = re.compile(r"[\w'\u2019.-]+")
_JOINING = frozenset("of es de del la le el al van von da do dos".split())  # "Dar es Salaam"


def proper_names(text: str) -> tuple[list[str], list[str]]:
    """Return the proper names in `text`, and the capitalised words that open a sentence.

    A capitalised word is a name inside a sentence ("Eemstadion", "ILRS", "R21/Matrix-M",
    "Peak Group", "Ørsted"); at a sentence's start it is one if it is no English word
    ("Eemstadion holds …"), and may be one if it is ("India landed …", but "The club …"):
    the caller knows which names its story uses. A sentence in capitals names nothing by
    its capitals; months and weekdays are dates.
    """
    if not any(c.islower() for c in text):
        return [], []
    names: list[str] = []
    openers: list[str] = []
    for match in _CAPITALISED.finditer(text):
        word = match.group()
        if not word[0].isupper() or _plain(word).lower() in _NOT_NAMES:
            continue
        telling = (word.isupper() and len(word) > 1) or any(c.isdigit() for c in word)
        if not telling and "-" in word:  # "China-led": China; "Miami-based": Miami
            word = "-".join(part for part in word.split("-") if part[:1].isupper())
        before = text[max(0, match.start() - 12) : match.start()]
        opening = bool(_OPENING.search(before)) and not _TITLED.search(before)
        if telling or not opening or not is_english(_plain(word).lower()):
            names.append(word)
        else:
            openers.append(word)
    return names, openers


def placed_names(text: str) -> list[str]:
    """Return the names in `text` that say where a thing is: "near Algeciras", "in Kilwa"."""
    placed = []
    for match in _PLACING.finditer(text):
        run: list[tuple[str, int]] = []
        for word in _NAME_RUN.finditer(text, match.end()):
            gap = text[(run and run[-1][1]) or match.end() : word.start()]
            if gap.strip() or not (word.group()[0].isupper() or (run and word.group() in _JOINING)):
                break
            run.append((word.group(), word.end()))
        placed.append(" ".join(w for w, _ in run))
    return [p for p in placed if p]


# what a clause says is not whom it names: "killing welder Choi and injuring *two other
# workers*", "Captain Vlachakis, *the first officer* and the helmsman are charged"
_OTHERS = re.compile(r"\b(?:other|another)((?:\s+[\w'-]+){1,3})", re.IGNORECASE)
_LISTED = re.compile(r",\s+(?:the|a|an)((?:\s+[\w'-]+){1,3}?)\s+(?:and|or)\s+(?:the|a|an)\b")


def _apart(text: str) -> list[str]:
    """Return the words of what `text` sets apart from the names beside it."""
    return [m.group(1) for pattern in (_OTHERS, _LISTED) for m in pattern.finditer(text)]


def _plain(word: str) -> str:
    """Return `word` without a possessive ending: "Monday's" is Monday."""
    return re.sub(r"['\u2019]s$", "", word)


# where the words for the thing a name is asked of end: "the name of the school *where* …"
_THING_ENDS = frozenset(
    "where that which who whose whom when in at on of for from with by near is was are were "
    "does did do has had will would called named and or but if so they he she we you it i".split()
)
_OWNERS = frozenset("his her their its my your our full real first last official".split())
_POINTING = frozenset("it they this that he she is was be".split())  # "what's it called?"
_LEADING = DETERMINERS | _POINTING | {"are", "were"}  # before the thing: "what *is the* …"
# the kinds of place a name may be asked of: "what is the island called?"
_PLACE_WORDS = " ".join(
    sorted(CUE_WORDS[Need.PLACE] | frozenset("island port country capital state".split()))
)
_NEAR = 4  # terms between a name and the thing it names: "the Eemstadion, Eemland FC's … stadium"


def named_thing(words: Sequence[str]) -> str | None:
    """Return the word for the thing a question asks the name of, as typed, or None.

    "What's the name of the school where she teaches?" asks a school's name; "what is the
    smaller museum in Kilwa called?" a museum's. Not "what's it called?", which says no more
    than the rest.
    """
    for at in range(len(words)):
        if words[at] not in NAME_WORDS | {"names"}:
            continue
        if words[at + 1 : at + 2] == ("of",):
            return _head(words[at + 2 : at + 8])
        before = words[at - 1] if at else ""
        if before.isalpha() and before not in _LEADING | _OWNERS:  # "the first officer's name"
            return before
    for at in range(1, len(words)):
        if names_by(words, at) and words[at - 1] not in _POINTING | DETERMINERS:
            asking = [i for i in range(max(at - 6, 0), at) if words[i] in ASKING_NAME]
            return _head(words[asking[-1] + 1 : at]) if asking else None
    return None


_BEING = frozenset("is was are were".split())
_ASKING = frozenset("how what when where why which".split())


def role_asked(words: Sequence[str]) -> str | None:
    """Return the word for the role "who is the …?" asks who has, as typed, or None.

    "Who is the spokesman for the ministry?" asks who the spokesman is; "who's the energy
    minister, how old?" who the minister is; "who is the analyst quoted …?" the analyst.
    """
    if "who" not in words:
        return None
    rest = words[words.index("who") + 1 :]
    rest = rest[1:] if rest[:1] and rest[0] in _BEING else rest
    if rest[:1] != ("the",):
        return None
    span = []
    for word in rest[1:4]:  # the role's few words: "the first officer", "the union chairman"
        if word in _THING_ENDS or word in _ASKING or word.endswith(("ed", "ing")):
            break
        span.append(word)
    return span[-1] if span else None


def _head(words: Sequence[str]) -> str | None:
    """Return the last word of the noun phrase `words` begin with: "the fan group fighting …"."""
    span: list[str] = []
    for at, word in enumerate(words):
        if not span and word in _LEADING:
            continue  # "what *is the* lander called?"
        if word in _THING_ENDS or (
            span and (word in DETERMINERS or _acting(word, words[at + 1 : at + 2]))
        ):
            break  # "the fan group *fighting* the takeover", "the museum *in* Kilwa", "the
            # ministry *the* mayor asked"
        span.append(word)
    return span[-1] if span else None


def _acting(word: str, after: Sequence[str]) -> bool:
    """Return whether `word` is a verb on what follows: "fighting *the*", not "the two injured"."""
    return word.endswith(("ing", "ed")) and bool(after) and after[0] in DETERMINERS | _THING_ENDS


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
    ) -> None:
        """Keep how to read the texts' names.

        `countries`: the terms of the countries the story names; `country_words`: the terms
        of "country" and "nation", which make a country the name asked for; `subjects`: per
        fact-store entry, the term of the thing it is about; `implied`: per entity term, the
        words of its names ("Bongo District Hospital" speaks of a hospital); `people`: the
        terms of the people the fact store names.
        """
        self._texts = texts
        self._terms = terms
        self._countries = countries
        self._country_words = country_words
        self._subjects = subjects
        self._implied = implied or {}
        self._people = people
        self._spelled = spelled or {}
        self._read: dict[int, list[_Clause]] = {}
        self._asking: frozenset[str] | None = None  # the terms that ask for a name
        self._places: frozenset[str] | None = None  # the terms of the kinds of place

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
        person's own entry says their roles of them ("Kessler founded it and is its chief").
        """
        if self._subjects.get(number) in self._people - question:
            return True
        role = frozenset(t for t in role if not t.startswith(ENTITY_PREFIX))
        saying = [c for c in self._clauses_of(number) if not role.isdisjoint(c.words)]
        return not saying or any(self._naming(c, role) - question for c in saying)

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
        holding = [c for c in chosen if not thing.isdisjoint(c.words)]
        return any(self._naming(c, thing) - known for c in holding or chosen)

    def _naming(self, clause: _Clause, thing: frozenset[str]) -> frozenset[str]:
        """Return the names in `clause` that may be the `thing`'s.

        All of them if no thing is asked, or the clause never says the thing's word (it may
        call it otherwise: "the new shot" is "the vaccine").
        """
        at = [i for i, term in enumerate(clause.order) if term in thing]
        # where a thing is does not say what it is called, unless a place's name is asked
        placed = frozenset() if self._is_place(thing) else clause.placed
        if not at:
            return clause.names - placed
        own = frozenset(
            name
            for name in clause.names
            if name in thing or self._implied.get(name, frozenset()) & thing
        )
        if not thing.isdisjoint(clause.apart):  # "two other workers": not the one it names
            return own
        order = clause.order
        near = {t for i in at for t in order[max(i - _NEAR, 0) : i + _NEAR + 1]}
        # a name read whole as one of the story's ("Oh Jae-hyun") only right beside it, and
        # written as a name: "chairman Oh Jae-hyun", not the firm a few words before "the youth
        # academy", nor "a spokesman for the consortium"
        beside = {order[j] for i in at for j in (i - 1, i + 1) if 0 <= j < len(order)}
        return (
            own
            | (clause.names & near) - placed
            | frozenset(
                t
                for t in beside - thing - placed
                if t.startswith(ENTITY_PREFIX)
                and not clause.written.isdisjoint(self._spelled.get(t, ()))
            )
        )

    def _is_place(self, thing: frozenset[str]) -> bool:
        """Return whether `thing` is a kind of place: "what is the town called?"."""
        if self._places is None:
            self._places = frozenset(self._terms(_PLACE_WORDS))
        return not thing or not thing.isdisjoint(self._places)

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
            placed = names.intersection(self._terms(" ".join(placed_names(part))))
            apart = frozenset(self._terms(" ".join(_apart(part))))
            read.append(_Clause(words, names, about, tuple(order), written, placed, apart))
        return read


class _Clause(NamedTuple):
    words: frozenset[str]  # its terms
    names: frozenset[str]  # the terms of the names it holds
    about: frozenset[str]  # its terms and the words of the names of whom it names
    order: tuple[str, ...]  # its terms in order
    written: frozenset[str]  # the words of the names it holds, as written, in lower case
    placed: frozenset[str]  # the terms of its names that say where: "near Algeciras"
    apart: frozenset[str]  # the terms of what it says is another than whom it names
