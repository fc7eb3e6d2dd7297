"""What a question asks the name of: a thing ("what is the school called?") or a role.

"What's the name of the school where she teaches?" asks a school's name; "who is the
spokesman for the ministry?" asks who the spokesman is. General English only.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.matching.english import is_only_verb
from bot.matching.lexicon import DETERMINERS, PLACE_KINDS, STOPWORDS
from bot.matching.qtypes import ASKING_NAME, NAME_WORDS, names_by

# where the words for the thing a name is asked of end: "the name of the school *where* …"
_THING_ENDS = frozenset(
    "where that which who whose whom when in at on of for from with by near is was are were "
    "does did do has had will would called named and or but if so they he she we you it i".split()
)
_NAMING = NAME_WORDS | {"names"}
_OWNERS = frozenset("his her their its my your our full real first last official".split())
_POINTING = frozenset("it they this that he she is was be".split())  # "what's it called?"
_LEADING = DETERMINERS | _POINTING | {"are", "were"}  # before the thing: "what *is the* …"


def named_thing(words: Sequence[str]) -> str | None:
    """Return the word for the thing a question asks the name of, as typed, or None.

    "What's the name of the school where she teaches?" asks a school's name; "what is the
    smaller museum in Kilwa called?" a museum's. Not "what's it called?", which says no more
    than the rest.
    """
    words = tuple(words)
    for at in range(len(words)):
        if words[at] not in _NAMING:
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
_PREPOSITIONS = frozenset(
    "to for of in at on from with by near behind about over under after before between "
    "against among into".split()
)
# where a role's words end: "the spokesman *for* …", "the energy minister, *how* old?"
_ROLE_ENDS = _THING_ENDS | _PREPOSITIONS | DETERMINERS | frozenset("how what when why".split())
_NO_ROLE = frozenset("first last next only same other one".split())  # "the first to land"


_WHICH_AT = 4  # "which" this near the start asks; further on it is a relative ("the firm which …")
# what may come before a "which" that asks: "ok so which …", "in which …"; after a noun it is
# a relative ("the firm which builds ships")
_LEADS_IN = _PREPOSITIONS | frozenset("ok okay so and but wait then exactly".split())
# the verbs after what "which …?" asks of: "which clubs *have* foreign owners?"
_HAVING = frozenset("have has had got get gets do does did".split())


def which_listed(words: Sequence[str]) -> str | None:
    """Return the plural "which …?" or "who were the …?" asks to be named, as typed, or None.

    "Which hotels did the mayor open?" asks the hotels' names, "who were the nine trustees
    that voted yes?" theirs: an answer that only counts them ("two hotels") does not say.
    """
    words = tuple(words)
    at = _which_at(words)
    if at is None and words[:3] in {("who", "were", "the"), ("who", "are", "the")}:
        at = 2
    if at is None:
        return None
    span: list[str] = []
    for word in words[at + 1 : at + 7]:
        if word in _HAVING or (span and is_only_verb(word)):
            break  # "which clubs *have* foreign owners?"
        if word not in ("are", "were", "the"):
            span.append(word)
    head = _head(span)
    if head is None or not head.endswith("s") or head.endswith("ss") or is_only_verb(head):
        return None  # one thing, or no thing: "which country?", "which is it?"
    return head


# what "which …?" asks of that no name answers, or that is asked otherwise: a kind of value
# ("which month?", "which edition?"), a part, a way, a kind, or a place ("which city?": any
# place named answers, `Need.PLACE`); a plural is `which_listed`'s
_NOT_NAMED = PLACE_KINDS | frozenset(
    """
    date year years month months day days weekday week weeks time hour hours season edition
    number round phase stage step part bit side end half way option type kind sort one ones
    nation
    """.split()
)
_PLURALS = frozenset("people children men women police staff folks".split())


# the things that go by a name of their own wherever they are asked of: "which airline flies
# them?" is not answered by "on a chartered cargo flight", though the story names no airline
NAMED_KINDS = frozenset(
    """
    airline airlines company firm bank insurer carrier newspaper paper broadcaster channel
    party club team university college hotel charity consultancy contractor shipyard
    """.split()
)


def which_named(words: Sequence[str]) -> str | None:
    """Return the one thing "which …?" asks of, as typed, or None: "which shipyard?".

    Its name is asked where the story names things of its kind (`Demands`): "which shipyard
    are they towing it to?" is not answered by "to a shipyard in Perama". Not "which month?",
    "which kind of jab?", "which country first …?" or the plural "which hotels …?".
    """
    words = tuple(words)
    at = _which_at(words)
    if at is None:
        return None
    span: list[str] = []
    for word in words[at + 1 : at + 5]:
        if not span and word in _NOT_NAMED:
            return None  # "which *kind* of vaccine?", "which *one* is older?"
        if word in STOPWORDS or word in _HAVING or (span and _ending(word)):
            if span:  # "which shipyard *in* Perama", "which nation *was* first?"
                break
            continue  # "which *other* firm?"
        if _plural(word):
            return None  # several: "which countries back it?", "which supporters group?"
        span.append(word)
    if not span or span[-1] in _NOT_NAMED or is_only_verb(span[-1]):
        return None
    return span[-1]


def _which_at(words: tuple[str, ...]) -> int | None:
    """Return where an asking "which" is, past "of" ("which of the clubs"), or None."""
    at = next(
        (
            i
            for i, w in enumerate(words[:_WHICH_AT])
            if w == "which" and (not i or words[i - 1] in _LEADS_IN)
        ),
        None,
    )
    if at is not None and words[at + 1 : at + 2] == ("of",):
        at += 1  # "which of the clubs …?"
    return at


def _ending(word: str) -> bool:
    """Return whether `word` ends what "which …" asks of: "which country *first* reached …?"."""
    return word in _NO_ROLE or is_only_verb(word)


def _plural(word: str) -> bool:
    """Return whether `word` is a plural noun: "hotels", "children"; not "class" or "bus"."""
    return word in _PLURALS or (len(word) > 3 and word.endswith("s") and not word.endswith("ss"))


def role_asked(words: Sequence[str]) -> str | None:
    """Return the word for the role "who is the …?" asks who has, as typed, or None.

    "Who is the spokesman for the ministry?" asks who the spokesman is; "who's the energy
    minister, how old?" who the minister is; "who is the analyst quoted …?" the analyst. Not
    "who was the first to land?" (no role), "who is the vaccine for?" or "who is the inquiry
    led by?" (asked of the thing, not who it is).
    """
    words = tuple(words)
    if "who" not in words:
        return None
    rest = words[words.index("who") + 1 :]
    rest = rest[1:] if rest[:1] and rest[0] in _BEING else rest
    if rest[:1] != ("the",):
        return None
    span: list[str] = []
    for word in rest[1:4]:  # the role's few words: "the first officer", "the union chairman"
        if word in _ROLE_ENDS or word.endswith(("ed", "ing")):
            break
        span.append(word)
    after = rest[1 + len(span) :]
    by = after[:1] and after[0].endswith("ed") and after[1:2] == ("by",)
    if not span or by or after in {(word,) for word in _PREPOSITIONS} or span[-1] in _NO_ROLE:
        return None
    return span[-1]


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
