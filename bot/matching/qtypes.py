"""What kind of value a question asks for, read from its question words."""

from __future__ import annotations

from collections.abc import Sequence

from bot.matching.lexicon import (
    ABOUT_TEXT,
    DETERMINERS,
    FILLER_OPENERS,
    QTYPE_CUES,
    QTYPE_HINTS,
    SAY_WORDS,
    YESNO_OPENERS,
    QType,
)


def detect_qtype(words: list[str]) -> QType:
    """Return what a tokenised question asks for, from its question words."""
    return read_asking(words)[0]


def read_asking(words: list[str]) -> tuple[QType, list[str]]:
    """Return what a tokenised question asks for, and its words without a tag that asks it.

    "India landed in July, right?" asks "India landed in July?" as a yes/no question, and
    "did the line open in July, right?" asks "did the line open in July?".
    """
    opened = words
    while opened and opened[0] in FILLER_OPENERS:
        opened = opened[1:]
    if not opened:
        return QType.NONE, words
    found = _first_cue(opened)
    if found is not None:
        return _quoting(QTYPE_CUES[found][1], opened), words
    asked = opened[0] in YESNO_OPENERS
    # "kakar ne kya kaha?" asks what he said, as "what did … say?"
    hint = None if asked else next((w for w in opened if w in QTYPE_HINTS), None)
    if hint is not None:
        return _quoting(QTYPE_HINTS[hint], opened), words
    tag = _tag_length(opened, asked)
    if asked or tag:
        return QType.YESNO, words[: len(words) - tag]
    return QType.NONE, words


# the last words of a statement asked as a question: "India landed in July, right?" ("yes",
# "ya" and "eh" are as often the statement's own: "pakistan said yes", "good bot eh")
_TAGS = frozenset("right correct true innit yeah yea no na naa abi".split())
# after a yes/no question's verb, only these: "did kenya vote no?" asks of the vote
_ASKED_TAGS = frozenset("right correct yeah innit".split())
_DOER = frozenset("it that this them him her me us you".split())  # "did they do it right?"
_OR = frozenset("or ya".split())  # "…, or not?", "… ya nahi?"
_NOT = frozenset("not no nah nahi what".split())
_TAGGED_PRONOUNS = frozenset("it he she they we you".split())  # not "are there?"
# "didn't it", read "did it" by then, or as typed
_NEGATED = "isn't aren't wasn't weren't don't doesn't didn't hasn't haven't can't won't ain't"
_TAG_VERBS = (YESNO_OPENERS - {"kya"}) | frozenset(_NEGATED.split())


def _tag_length(words: Sequence[str], asked: bool) -> int:
    """Return how many last words of `words` are a tag asking a statement, or 0.

    "…, right?", "…, didn't it?", "… hai na?" and "…, or not?" ask whether the statement
    holds. `asked`: the words open with a yes/no question's verb already.
    """
    if len(words) < 3:  # "right?", "no?" alone: no statement
        return 0
    last, before = words[-1], words[-2]
    if before in _OR:  # "yes or no?" is no tag
        return 2 if last in _NOT and words[-3] != "yes" else 0
    if last in (_ASKED_TAGS if asked else _TAGS):
        if asked and before in _DOER:
            return 0
        return 2 if (before, last) == ("hai", "na") else 1
    return 2 if last in _TAGGED_PRONOUNS and before in _TAG_VERBS else 0


def _quoting(qtype: QType, words: list[str]) -> QType:
    """Return QUOTE for a "what" question that asks what someone said; else `qtype`."""
    if qtype == QType.WHAT and _says(words) and ABOUT_TEXT.isdisjoint(words):
        return QType.QUOTE
    return qtype


_NAMING = frozenset("called named".split())
# the words that ask for a name, and those that ask what it is: "what is the lander's name?"
# ("named" tells who named it, or is a name)
NAME_WORDS = frozenset("name naam".split())
ASKING_NAME = frozenset("what whats which".split())
# what follows a name's "called": "what's the group called that …?", "called when …?"
_RELATIVES = frozenset("that thats which who whos where when".split())


def _says(words: list[str]) -> bool:
    """Return whether `words` use a say-word as a verb: not as a noun after a determiner.

    Nor as a name's "called": "what is the ground called?" asks its name; nor as the asker's
    "tell me": "can you tell me what post Rekdal holds?" asks the post.
    """
    if SAY_WORDS.isdisjoint(words):  # most questions: no word to look behind
        return False
    return any(
        word in SAY_WORDS
        and (i == 0 or words[i - 1] not in DETERMINERS)
        and not names_by(words, i)
        and words[i + 1 : i + 2] not in (["me"], ["us"])
        for i, word in enumerate(words)
    )


def names_by(words: Sequence[str], at: int) -> bool:
    """Return whether the word at `at` is how a name is asked: "called" or "named" last.

    Or before what the thing does: "what's the fan group called that's against the deal?"
    """
    return words[at] in _NAMING and (at == len(words) - 1 or words[at + 1] in _RELATIVES)


def _first_cue(words: list[str]) -> int | None:
    """Return the rank of the cue at the first question word, or None.

    The first question word wins ("what ... when ...?" asks what); at one position the longer
    cue, listed earlier, wins ("how many" over "how").
    """
    for i, word in enumerate(words):
        cues = _CUES_BY_WORD.get(word)
        if cues is None:  # most words: no list to make
            continue
        # one lookup per cue length, not one comparison per cue ("what" starts 18 of 3 lengths);
        # near the end a slice falls short, and then equals a shorter cue found anyway. A loop,
        # not lists of the heads and ranks: half the cost (0.5 us a question)
        best = None
        for n in cues.lengths:
            rank = cues.get(tuple(words[i : i + n]))
            if rank is not None and (best is None or rank < best):
                best = rank
        if best is not None:
            return best
    return None


class _Cues(dict[tuple[str, ...], int]):
    """The cues that start with one word, each with its best rank, and their lengths."""

    lengths: tuple[int, ...] = ()


_CUES_BY_WORD: dict[str, _Cues] = {}
for _rank, (_cue, _) in enumerate(QTYPE_CUES):
    _starting = _CUES_BY_WORD.setdefault(_cue[0], _Cues())
    _starting.setdefault(_cue, _rank)  # the first listed, the lowest rank, wins
    _starting.lengths = tuple(sorted({*_starting.lengths, len(_cue)}))
