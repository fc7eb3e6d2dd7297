"""Turn a question into canonical, weighted-ready terms and a question type."""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache, partial
from itertools import pairwise
from typing import TypeVar

import Stemmer

from bot.matching.acronyms import Acronyms
from bot.matching.alternatives import either_or
from bot.matching.analysis import Analysis, Phrasing
from bot.matching.chat import ROMAN_URDU, SLANG, Phrase, plain_chat, read_words
from bot.matching.english import IRREGULAR, is_english
from bot.matching.gazetteer import place_words, world_places
from bot.matching.idioms import IDIOM_WORDS, plain_words
from bot.matching.lexicon import (
    ABOUT_TEXT,
    CHATTER,
    GO_WORDS,
    MOTION_WORDS,
    SAY_WORDS,
    STOPWORDS,
    QType,
)
from bot.matching.motion import drop_idle_go
from bot.matching.paraphrases import GeneralWords
from bot.matching.phrasal import Phrasal, Plain
from bot.matching.phrases import phrase_table
from bot.matching.qtypes import read_asking
from bot.matching.text import in_other_script, tokenize
from bot.matching.typos import COMPARED, MAX_TYPOS, Speller

# the world's countries and capitals of one word are real words: "peru" is no typo for "per"
# (not the parts of longer names: "la", "san", "abu")
_PLACE_WORDS = frozenset(place for place in world_places() if len(place_words(place)) == 1)

_MAX_PHRASE = 6
_T = TypeVar("_T")
# stems of words people typed: the knowledge's few thousand words stay hot, while a flood of
# new words (junk, 4-byte letters) evicts only itself instead of holding memory for good
STEM_CACHE_SIZE = 8192


# a pronoun a phrasal verb may hold between its verb and particle: "hand *them* back"; of
# the verbs that do so with an object, by stem ("did they back it up?" is no "backed up")
_OBJECTS = frozenset("it them him her this that these those us me you".split())
_PARTICLES = frozenset("back over up down off out away in on around".split())
_SEPARABLE = frozenset(
    """
    hand give take send bring pay turn shut close call set put sell buy hold pull roll carry
    lay wipe rule sort cut point fill pick sign write lock knock tear build
    """.split()
)


class Analyzer:
    """Normalise text against one knowledge vocabulary: aliases, synonyms, typos, stems."""

    def __init__(
        self,
        aliases: dict[str, str],
        synonyms: Iterable[tuple[str, ...]],
        corpus: Iterable[str],
        general: Iterable[tuple[str, ...]] = (),
        phrasal: Plain | None = None,
        acronyms: Acronyms | None = None,
    ) -> None:
        """Build phrase tables from `aliases` (name -> entity id) and synonym groups.

        `corpus` is every text of the knowledge (or every word of it: a rebuild passes the
        words it kept count of); its words are what typos are corrected to. `general`: groups
        of general English that mean the same in any story (bot/matching/paraphrases.txt);
        `phrasal`: everyday phrasal verbs and their plain words (bot/matching/phrasal.txt);
        `acronyms`: the knowledge's names in capitals that spell English words ("WHO").
        """
        self._acronyms = acronyms
        # Snowball's English stemmer in C (PyStemmer): the pure-Python one gave the same
        # stems 60 times slower, half the build at 100,000 entries; its own cache is off, as
        # `_stem` keeps a bounded one
        self._stemmer = Stemmer.Stemmer("english", 0)
        self._stem = self._cached(Analyzer._stem_uncached, STEM_CACHE_SIZE)
        self._stop_words = STOPWORDS | CHATTER
        self._stop = {self._stem(w) for w in self._stop_words}
        used: set[str] = set()
        for text in corpus:
            # a word passed alone is kept as passed, not as a copy: a build's counts hold it;
            # one of lower-case ASCII letters is its own only token, and is not tokenized
            if text.isascii() and text.isalpha() and text.islower():
                used.add(text)
                continue
            words = tokenize(text)
            used.update((text,) if words == [text] else words)
        # names and synonyms by their stems; the words two synonym groups claim once stemmed
        self.phrases, self.conflicts = phrase_table(aliases, synonyms, self._stems)
        # "who got nicked?": a word the story never uses, read as its general group's word
        # that the story does use
        claimed = {part for key in self.phrases for part in key}
        stems = {self._stem(word) for word in used}
        general_words = GeneralWords(general, self._stem, stems, claimed)
        # and a word of the group of an alias written as one lower-case word, a role
        # ("manager"), as its entity: "who's the gaffer?"
        self._general = general_words.read | general_words.roles(aliases)
        # longest phrase starting with each stem
        self._starts: dict[str, int] = {}
        # the first two stems of each longer phrase, and the phrases of one stem: a phrase may
        # begin only at one of these ("the" starts a few phrases, and the word after it is
        # seldom one of theirs)
        self._heads: set[tuple[str, str]] = set()
        # ... and the term of each phrase of one stem
        self._single_terms = {key[0]: term for key, term in self.phrases.items() if len(key) == 1}
        self._term = self._cached(Analyzer._term_uncached, STEM_CACHE_SIZE)
        for key in self.phrases:
            self._starts[key[0]] = min(max(self._starts.get(key[0], 1), len(key)), _MAX_PHRASE)
            if len(key) > 1:
                self._heads.add((key[0], key[1]))
        names = [*aliases, *(term for group in synonyms for term in group)]
        # a name said whole is never read as another language's words ("Bola Tinubu"), nor a
        # synonym of that language ("wazir-e-azam"); an English synonym may be ("talk", which
        # pidgin says for "said")
        self._named: dict[str, list[Phrase]] = {}
        for text in names:
            said = tuple(tokenize(text))
            if said and (text in aliases or not all(map(is_english, said))):
                self._named.setdefault(said[0], []).append(said)
        self._used = used.__contains__  # the knowledge's own words

        def inflected(word: str) -> bool:
            """Return whether `word` is a form of one the knowledge uses: "collapsed"."""
            return self._stem(word) in stems

        # "how many fans turned up?" reads as "attended" where the story says "attend" in any
        # inflection ("the talks fell apart" as "collapsed" where it says "collapse"); the
        # story's own phrases stay its own
        self._phrasal = Phrasal(phrasal or {}, names, inflected, self._stem)
        self.words = frozenset(
            used
            | {w for text in names for w in tokenize(text)}
            | STOPWORDS
            | CHATTER
            | set(SLANG.values())
            | set(ROMAN_URDU.values())
            | general_words.words  # "telly" is no typo for "tell"
            | _PLACE_WORDS
        )
        self._speller = Speller(self.words, self._used, inflected, self._stop_words)
        # the few words of the vocabulary that chat reads otherwise or that mark a language
        self._chat_read = read_words(self.words)
        # … and those an idiom needs or a phrasal verb opens: every step reads the others as
        # typed (kept apart from the vocabulary: a set of all the others would double it)
        self._read_words = self._chat_read | (self.words & (IDIOM_WORDS | self._phrasal.openers))
        self._correct = self._cached(Analyzer._correct_uncached, 65536)
        # many entries share a source passage: analyse each passage once
        self._cached_terms = self._cached(Analyzer._terms_uncached, 4096)
        # the engine, a follow-up, a correction and a decline may each need the same reading
        # of one message: it is worked out once
        self._reading = self._cached(Analyzer._analyze, 1024)

    def analyze(self, text: str) -> Analysis:
        """Return the canonical terms and the question type of cleaned `text` (cached)."""
        return self._reading(text)

    def phrasing(self, text: str) -> Phrasing:
        """Return the terms, surfaces and question type of an entry's phrasing (uncached).

        Read once, as the entry is indexed: without the words and either-or sides that only
        a question needs, and that cost a tenth of a build.
        """
        _, qtype, pairs, _ = self._read(text)
        terms, surfaces = zip(*pairs, strict=True) if pairs else ((), ())
        return Phrasing(terms, qtype, surfaces)

    def _analyze(self, text: str) -> Analysis:
        words, qtype, pairs, foreign = self._read(text)
        return Analysis(
            tuple(t for t, _ in pairs),
            qtype,
            tuple(s for _, s in pairs),
            tuple(words),
            either_or(words, pairs),
            foreign,
        )

    def _read(self, text: str) -> tuple[list[str], QType, list[tuple[str, str]], frozenset[str]]:
        """Return the words of `text`, its question type and its (term, surface) pairs.

        And the words of another language mixed in that no table reads (`_plain`).
        """
        words, foreign = self._plain(text)
        qtype, words = read_asking(words)  # "X, right?" asks "X?": the tag says no more
        if not ABOUT_TEXT.isdisjoint(words):  # "what does the story say about X" asks about X
            words = [w for w in words if w not in SAY_WORDS]
        kept = words
        if qtype == QType.WHERE:  # "where did the ride go?" asks where the ride went
            kept = [w for w in words if w not in MOTION_WORDS]
        if kept and self._named_with_the(kept):
            kept = ["the", *kept]  # "stadium capacity?" asks of "the stadium": chat drops "the"
        return words, qtype, self._terms(kept), foreign

    def terms(self, text: str) -> tuple[str, ...]:
        """Return the canonical terms of `text` (an answer, say) without its question type."""
        return tuple(t for t, _ in self._cached_terms(text))

    def surfaces(self, text: str) -> tuple[tuple[str, str], ...]:
        """Return each canonical term of `text` with the words it was read from (uncached).

        Read once, as an entry's answer is indexed: through the cache, a build's answers only
        pushed each other out, and the last 4,096 stayed behind.
        """
        return self._terms_uncached(text)

    @contextmanager
    def reading_knowledge(self) -> Iterator[None]:
        """Run a block that reads the knowledge's own texts, each word's stem and term kept.

        A build's tens of thousands of words evict each other from the bounded caches; for
        the block they are kept in tables, dropped at its end.
        """
        stem, term = self._stem, self._term
        self._stem, self._term = _Kept(stem).__getitem__, _Kept(term).__getitem__
        try:
            yield
        finally:
            self._stem, self._term = stem, term

    def _cached(self, method: Callable[..., _T], size: int) -> Callable[..., _T]:
        """Return `method` bound to this analyzer through a bounded cache.

        Bound weakly: a cache holding the analyzer would be a cycle, and an engine in a cycle
        is freed only by a full garbage collection, which stalls answers at scale.
        """
        return lru_cache(maxsize=size)(partial(method, weakref.proxy(self)))

    def _terms_uncached(self, text: str) -> tuple[tuple[str, str], ...]:
        return tuple(self._terms(self._plain(text)[0]))

    def _plain(self, text: str) -> tuple[list[str], frozenset[str]]:
        """Return the words of `text`: chat shorthand, typos, idioms and phrasal verbs read.

        And, in a message mixing in another language, the words of it that no table reads:
        neither the knowledge's nor English ("empaquetar", "wameitwa"), which say what is
        asked in words no entry could hold.
        """
        if self._acronyms is not None:  # "the WHO" before "who" is read in lower case
            text = self._acronyms.spell(text)
        words = tokenize(text)
        mixed = False  # with a language a table reads
        known = self.words.issuperset(words)
        if not known or not self._read_words.isdisjoint(words):  # most texts: read as typed
            # the vocabulary's words alone, as most of the rest, hold no chat to read nor typo
            if not known or not self._chat_read.isdisjoint(words):
                read = plain_chat(words, self._named)
                # typos before idioms and phrasal verbs: "how mny" asks how many
                words = self._corrected(read.words, read.foreign, read.mixed)
                mixed = read.mixed
            words = self._phrasal.read(plain_words(words))
        if not text.isascii():  # "مرحبا who is Kakar?": a greeting in other letters is no word
            words = [w for w in words if w in self.words or not in_other_script(w)]
        # looked for only in a text mixing in a language; most texts (plain phrasings) skip it
        foreign = frozenset(filter(self._foreign, words)) if mixed else frozenset()
        if not GO_WORDS.isdisjoint(words):
            words = drop_idle_go(words, self._phrase_term)
        return words, foreign

    def _foreign(self, word: str) -> bool:
        """Return whether `word`, in a message mixing in a language, is a word of that one."""
        return word not in self.words and not is_english(word) and not any(map(str.isdigit, word))

    def _named_with_the(self, words: list[str]) -> bool:
        """Return whether `words` open with a name said after "the": "stadium capacity?".

        Only when the phrase with "the" spans as many of the words as any phrase they begin
        alone ("union boss" is not read as "the union" and "boss"), and never for a plural.
        """
        first = self._stem(words[0])  # the others' stems only if "the" and it may begin one
        if ("the", first) not in self._heads or self._plural(words[0], first):
            return False  # "welders on strike?" asks of welders, not of "the welder"
        stems = [first, *map(self._stem, words[1 : _MAX_PHRASE - 1])]
        alone = self._phrase_at(stems, words, 0) if stems[0] in self._starts else None
        with_the = self._phrase_at(["the", *stems], ["the", *words], 0)
        return with_the is not None and with_the[1] - 1 >= (alone[1] if alone else 0)

    def _plural(self, word: str, stem: str) -> bool:
        """Return whether `word` is a plural of the word stemmed `stem`: "nurses", not "bus"."""
        return word.endswith("s") and not word.endswith("ss") and self._stem(word[:-1]) == stem

    def _phrase_term(self, words: list[str], at: int) -> str | None:
        """Return the term of the knowledge phrase (a name or synonym) at word `at`, if any."""
        stems = [self._stem(w) for w in words[at : at + _MAX_PHRASE]]
        found = self._phrase_at(stems, words[at:], 0) if stems[0] in self._starts else None
        return found[0] if found else None

    def _corrected(self, words: list[str], foreign: bool = False, mixed: bool = False) -> list[str]:
        """Correct typos: at most `MAX_TYPOS` per text, comparing at most `COMPARED` words.

        500 characters of gibberish must not cost a vocabulary scan for every word. In a
        message partly in a language whose table reads its filler (`foreign`), a word the
        table leaves is a word of that language, no typo of an English filler word: Dutch
        "schuld" (debt) is not "should", "weer" (again) not "were". In one partly in any
        language a table reads (`mixed`, Roman Urdu too) it is a typo of the story's own
        words or of filler only: "dauran" (during) is not "Durban", nor "milega" (will get)
        "mega", but "rahega" is "raha".
        """
        if self._speller.words.issuperset(words):  # no word to correct: a knowledge's own text
            return words
        budget, compared = MAX_TYPOS, COMPARED
        out = []
        for word in words:
            if budget and self._speller.maybe_typo(word):
                budget -= 1
                cost = self._speller.cost(word)  # counted cached or not: same text, same reading
                if cost <= compared:
                    compared -= cost
                    corrected = self._correct(word)
                    filler = corrected in self._stop_words
                    if not (foreign and filler) and (not mixed or filler or self._used(corrected)):
                        word = corrected
            elif budget and (swapped := self._speller.swapped(word, self._stop_words)):
                budget -= 1  # "trail" for "trial": a real word with two letters swapped
                word = swapped
            elif budget and (degree := self._speller.degree(word)):
                budget -= 1  # "cheapest" for the story's "cheaper"
                word = degree
            out.append(word)
        return out

    def _terms(self, words: list[str]) -> list[tuple[str, str]]:
        stems = list(map(self._stem, words))
        if not _OBJECTS.isdisjoint(words):
            words, stems = self._joined(words, stems)
        heads, term_of = self._heads, self._term
        # most texts hold no phrase of two words or more (300 of a build's 45,000 texts at
        # 10,035 entries): each word is read alone, in one pass
        if heads.isdisjoint(pairwise(stems)):
            read = zip(words, map(term_of, words), strict=True)
            return [(term, word) for word, term in read if term is not None]
        pairs = []
        i, end = 0, len(stems)
        while i < end:
            # a longer phrase starts only at its first two stems: no search elsewhere
            if (i + 1 < end and (stems[i], stems[i + 1]) in heads) and (
                found := self._phrase_at(stems, words, i)
            ):
                term, size = found
                pairs.append((term, " ".join(words[i : i + size])))
                i += size
                continue
            if (alone := term_of(words[i])) is not None:
                pairs.append((alone, words[i]))
            i += 1
        return pairs

    def _term_uncached(self, word: str) -> str | None:
        """Return the term of `word` where no phrase of two words or more covers it; None: filler.

        What `_phrase_at` finds for a phrase of one word, else its general group's word, else
        its stem.
        """
        stem = self._stem(word)
        single = self._single_terms.get(stem)
        if single is not None and word not in self._stop_words:
            return single
        if word in self._general:
            return self._general[word]
        return None if stem in self._stop else stem

    def _joined(self, words: list[str], stems: list[str]) -> tuple[list[str], list[str]]:
        """Return `words` and `stems` with a phrase's verb and particle joined over a pronoun.

        "Which museum is handing them back?" reads the synonyms' "hand back" ("return") as
        "handing back them" would.
        """
        words, stems = list(words), list(stems)
        for at in range(1, len(words) - 1):
            if (
                words[at] in _OBJECTS
                and words[at + 1] in _PARTICLES
                and stems[at - 1] in _SEPARABLE
                and (stems[at - 1], stems[at + 1]) in self._heads
            ):
                words[at], words[at + 1] = words[at + 1], words[at]
                stems[at], stems[at + 1] = stems[at + 1], stems[at]
        return words, stems

    def _phrase_at(self, stems: list[str], words: list[str], i: int) -> tuple[str, int] | None:
        """Return the term of the longest phrase starting at word `i` and its length, if any."""
        phrases = self.phrases
        longest = min(self._starts[stems[i]], len(stems) - i)
        if longest > 1 and (stems[i], stems[i + 1]) not in self._heads:
            longest = 1  # no longer phrase goes on with the next word
        for size in range(longest, 0, -1):
            term = phrases.get(tuple(stems[i : i + size]))
            # a lone filler word ("according", "us") is filler even if a synonym spells it
            if term is not None and not (size == 1 and words[i] in self._stop_words):
                return term, size
        return None

    def stems(self, text: str) -> list[str]:
        """Return the stem of each word of `text`, as names and synonyms are matched."""
        return self._stems(text)

    def _stems(self, text: str) -> list[str]:
        return [self._stem(w) for w in tokenize(text)]

    def _stem_uncached(self, word: str) -> str:
        return self._stemmer.stemWord(IRREGULAR.get(word, word)) if word.isalpha() else word

    def _correct_uncached(self, word: str) -> str:
        return self._speller.correct(word)


class _Kept(dict[str, _T]):
    """Values by word (stems, terms), each worked out by `read` when first asked for."""

    def __init__(self, read: Callable[[str], _T]) -> None:
        """Start empty."""
        super().__init__()
        self._read = read

    def __missing__(self, word: str) -> _T:
        self[word] = value = self._read(word)
        return value
