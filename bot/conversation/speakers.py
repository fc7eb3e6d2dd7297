"""Who said a line the story quotes: "who said 'a man went to work and did not come home'?".

People copy a line from the story, in quotation marks or not, and ask who said it ("qui a dit
« Nobody told us … »", "that line about how in a storm this would be a very different story,
who said that?"). The story's quotations are read once, each with its speaker: the person
named in the words after it ('…," Benjumea said'), the person a pronoun there stands for
('…," she said' of the one named last before), or else one named in the words leading to it.
A question holding a run of a quotation's words, asking who and not naming the speaker
already, is answered with that speaker and the story's own words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from bot import replies
from bot.knowledge.schema import Entity, EntityType
from bot.knowledge.sentences import story_sentences
from bot.matching.analysis import ENTITY_PREFIX, Analysis
from bot.matching.decision import Decision
from bot.matching.lexicon import STOPWORDS, QType
from bot.models import Answer, AnswerKind

if TYPE_CHECKING:
    from bot.knowledge.loading import Knowledge
    from bot.matching.engine import Engine

# a quotation: from an opening mark to its closing one, or to the paragraph's end
_QUOTED = re.compile(r"[\"\u201c]([^\"\u201c\u201d]+)(?:[\"\u201d]|$)")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
_PRONOUN = re.compile(r"\b(?:he|she)\b", re.I)
# "who" as other languages and chat ask it, where the reading has no type for it
_WHO = re.compile(r"\b(?:who|whom|qui|qui[eé]n|wer|kis ?ne|kaun|nani|which (?:of|one))\b", re.I)
# what asks of words said, not a deed ("who signed off on the lift?" repeats a quotation too):
# a word of saying, or quotation marks around what is asked
_SAYING = re.compile(
    r"\b(?:said|say|says|saying|quot\w*|line|words?|call(?:ed|s)?|told|tells?|warn\w*|claim\w*"
    r"|remark\w*|comment\w*|dit|dich[oa]|dijo|kah[aie]|kehta|bol[aie]|gesagt|sagte|alisema|talk\w*)\b"
    r"|(?:^|\s)['\"\u00ab\u201c\u2018]|['\"\u00bb\u201d\u2019](?=\s|$|[?.!,])",
    re.I,
)
# "who" of a relative clause, naming the speaker to ask something else of them
_RELATIVE = re.compile(
    r"\b(?:guy|man|woman|lady|person|one|bloke|fella|gentleman|minister|official)\s+who\b", re.I
)
_RUN = 5  # words of a quotation a question must repeat, in runs: "in a storm, this would"
# what a question puts in quotation marks: "who said 'not one euro'?" (an apostrophe is none)
_MARKED = re.compile(
    r"[\"\u201c\u00ab]([^\"\u201c\u201d\u00ab\u00bb]+)[\"\u201d\u00bb]"
    r"|(?:^|(?<=\s))['\u2018]([^'\u2018\u2019]+)['\u2019](?=\s|$|[?.!,])"
)
_SHORTEST = 3  # a quotation of fewer words is a phrase ("like soup"), asked as any other
_CONTENT = 2  # of which at least this many must be more than "of the"
# who may say something: not a place, a ship or an event ("the Eemstadion" is where it was sung)
_SPEAKING = frozenset({EntityType.PERSON, EntityType.ORGANISATION, EntityType.COUNTRY})


@dataclass(frozen=True, slots=True)
class Quotation:
    """One quotation of the story: its words, who said it, and the story's text of it."""

    words: tuple[str, ...]
    speaker: Entity | None
    text: str  # the sentence or sentences holding it, with the words saying who said it


class Quotations:
    """Every quotation of one story, each with its speaker when the story names one."""

    def __init__(self, knowledge: Knowledge) -> None:
        """Read the quotations of `knowledge.story` and find their speakers in its entities."""
        speakers = _Speakers(knowledge.entities)  # their names compiled once for the story
        found: list[Quotation] = []
        told = ""  # the story up to the paragraph read: whom a pronoun may stand for
        for paragraph in knowledge.story.splitlines():  # blank lines between or not
            paragraph = " ".join(paragraph.split())
            found += _quotations(paragraph, told, speakers, found[-1] if found else None)
            told += paragraph + " "
        self.all = tuple(q for q in found if len(q.words) >= _SHORTEST)

    def said(self, text: str) -> Quotation | None:
        """Return the one quotation `text` repeats enough of to mean it, if one.

        The words the question puts in quotation marks, said whole ("who said 'not one
        euro'?"); else the most words it repeats in runs ("… how in a storm this would be a
        very different story"), with more than filler among them.
        """
        for marked in _MARKED.finditer(text):
            line = words(marked[1] or marked[2])
            found = [q for q in self.all if _within(line, q.words)]
            if found and len(set(line) - STOPWORDS) >= 1:
                return _one(found)
        asked = words(text)
        runs = [(shared, q) for q in self.all if _telling(shared := _shared(asked, q), q)]
        if not runs:
            return None
        longest = max(len(shared) for shared, _ in runs)
        return _one([q for shared, q in runs if len(shared) == longest])


def _one(found: list[Quotation]) -> Quotation | None:
    """Return the quotation meant of `found`: two lines alike, unless one person said both."""
    return found[0] if len({q.speaker for q in found}) == 1 else None


def _within(line: tuple[str, ...], quoted: tuple[str, ...]) -> bool:
    """Return whether the words `line` (two or more) stand together in `quoted`."""
    size = len(line)
    return size >= 2 and any(quoted[i : i + size] == line for i in range(len(quoted) - size + 1))


def said_by(engine: Engine, text: str, reading: Analysis) -> Decision | None:
    """Answer who said the line `text` quotes from the story, or None to read it as asked."""
    if reading.qtype is not QType.WHO and not _WHO.search(text):  # almost every question
        return None
    if not _SAYING.search(text) or _RELATIVE.search(text):
        return None  # "the guy who said '…', was he talking to students?" asks something else
    quotation = engine.quotations.said(text)
    if quotation is None:
        return None
    speaker = quotation.speaker
    if speaker is None:  # '…," said one passenger': the story's words say who
        return Decision(text, replies.quoted(quotation.text), "who said it: the story's words")
    if ENTITY_PREFIX + speaker.id in reading.terms:
        return None  # "what did Kessler mean by '…'?" names who said it: it asks something else
    answer = Answer(
        text=_who(speaker),
        kind=AnswerKind.ANSWER,
        source=quotation.text,
        confidence=round(engine.thresholds.answer, 3),
        entry_id=speaker.id,
    )
    return Decision(text, answer, "who said it: a quotation of the story")


def words(text: str) -> tuple[str, ...]:
    """Return the words of `text`, folded: lower case, without accents or punctuation."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    return tuple(re.findall(r"[a-z0-9]+", folded.encode("ascii", "ignore").decode()))


def _telling(shared: tuple[str, ...], quotation: Quotation) -> bool:
    """Return whether a question repeats enough of a quotation, and more than "of the".

    `_RUN` words, two of them more than filler; or the whole line, one more than filler.
    """
    content = len(set(shared) - STOPWORDS)
    if len(shared) == len(quotation.words):
        return content >= 1
    return len(shared) >= _RUN and content >= _CONTENT


def _shared(asked: tuple[str, ...], quotation: Quotation) -> tuple[str, ...]:
    """Return the words `asked` repeats of `quotation`, in runs of two or more, in order.

    A word left out or put in breaks no line: "I can promise them I will listen".
    """
    matcher = SequenceMatcher(None, asked, quotation.words, autojunk=False)
    blocks = matcher.get_matching_blocks()
    return tuple(w for b in blocks if b.size >= 2 for w in asked[b.a : b.a + b.size])


def _who(speaker: Entity) -> str:
    """Return who `speaker` is, from their description: "It was Carmen Ruiz Aguilar, a …"."""
    first = story_sentences(speaker.description)[0]
    said = re.match(
        rf"(?P<named>(?:\S+ )?{re.escape(speaker.name)}(?:, [^,]{{1,25}}| \([^)]*\))?),?"
        r" (?:is|was) (?P<rest>.+)",
        first,
    )
    # "X is the older brother of Y and told the rally …": "It was X, the older brother of Y and
    # told …" would not read
    if said is not None and " and " not in said["rest"]:
        return f"It was {said['named']}, {said['rest']}"
    return f"It was {speaker.name}. {first}"


Speaker = tuple[Entity, re.Pattern[str]]  # an entity, and the pattern of its names


class _Speakers:
    """Who may say something in a story, each with one pattern finding any of their names."""

    def __init__(self, entities: tuple[Entity, ...]) -> None:
        """Keep the people, bodies and countries of `entities`, their names compiled once."""
        self.all = [(e, _named(e)) for e in entities if e.type in _SPEAKING]
        self.people = [(e, named) for e, named in self.all if e.type is EntityType.PERSON]


def _named(entity: Entity) -> re.Pattern[str]:
    """Return the pattern of `entity`'s names, the longest first: "Choi Yong-jin", not "Choi"."""
    names = sorted(map(re.escape, entity.names), key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(names)})(?!\w)")


def _quotations(
    paragraph: str, told: str, speakers: _Speakers, last: Quotation | None
) -> list[Quotation]:
    """Return the quotations of one paragraph, each with its speaker.

    `told`: the story before it; `last`: the quotation before it, whose speaker goes on
    speaking in a quotation nobody is said to say ('"… ," he said. "Four months is …"').
    """
    found = []
    for quoted in _QUOTED.finditer(paragraph):
        ends = _SENTENCE_END.finditer(paragraph, 0, quoted.start())
        lead = paragraph[max((m.end() for m in ends), default=0) : quoted.start()]
        # the words saying who said it end its sentence, unless the quotation ends it first
        after = "" if quoted.group(1).rstrip()[-1:] in ".!?" else paragraph[quoted.end() :]
        stop = _SENTENCE_END.search(after)
        tail = after[: stop.end() if stop else len(after)].split('"')[0]
        before = told + paragraph[: quoted.start()]
        speaker = _speaker(before, lead, tail, speakers)
        if speaker is None and not lead.strip() and not tail.strip():
            named = _last(paragraph[: quoted.start()], speakers.people)
            speaker = named or (last.speaker if last else None)
        text = (lead + quoted.group(0) + tail).strip()
        found.append(Quotation(words(quoted.group(1)), speaker, text))
        last = found[-1]
    return found


def _speaker(before: str, lead: str, tail: str, speakers: _Speakers) -> Entity | None:
    """Return who said a quotation, from the words around it and the story before it."""
    people = speakers.people
    named = _first(tail, people) or _last(lead, people)  # '…," Benjumea said'; 'X said: "…'
    if named is not None:
        return named
    if _PRONOUN.search(tail) or _PRONOUN.search(lead):  # '…," she said': the one named last
        return _last(before, people)
    return _first(tail, speakers.all) or _last(lead, speakers.all)  # '…," Transred said'


def _first(text: str, speakers: list[Speaker]) -> Entity | None:
    """Return the entity `text` names first, if any ("Choi Yong-jin" before "Choi")."""
    named = [
        (m.start(), -len(m[0]), e.id, e) for e, names in speakers for m in names.finditer(text)
    ]
    return min(named, key=lambda m: m[:3])[3] if named else None


def _last(text: str, speakers: list[Speaker]) -> Entity | None:
    """Return the entity `text` names last, if any ("Choi Yong-jin" before "Choi")."""
    named = [(m.start(), len(m[0]), e.id, e) for e, names in speakers for m in names.finditer(text)]
    return max(named, key=lambda m: m[:3])[3] if named else None
