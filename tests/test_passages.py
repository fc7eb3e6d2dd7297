"""When no entry answers but one story sentence clearly does, the bot quotes the story."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import replies
from bot.matching.engine import Engine
from bot.models import AnswerKind, Query
from tests.turnkit import answers_with, story_engine

STORIES = Path(__file__).parent / "data" / "stories"
LAGOS = STORIES / "lagos-metro" / "knowledge"
FOOTBALL = STORIES / "football-takeover" / "knowledge"


@pytest.fixture(scope="module")
def lagos() -> Engine:
    return Engine.from_folder(LAGOS)


@pytest.mark.parametrize(
    ("question", "quoted"),
    [
        ("name a few stops between the two ends pls", "Mile 12, Ketu, Ojota and Maryland"),
        (
            "how many hours a day does the average Ikorodu corridor commuter lose on the road",
            "more than four hours a day",
        ),
    ],
)
def test_a_fact_no_entry_holds_is_quoted_from_the_story(
    lagos: Engine, question: str, quoted: str
) -> None:
    decision = lagos.decide(Query(text=question))
    answer = decision.answer
    assert answer.answered and answer.kind is AnswerKind.ANSWER and answer.entry_id is None
    assert answer.text.startswith("The story says: \u201c") and quoted in answer.text
    assert "one story sentence holds the question" in decision.reason


@pytest.mark.parametrize(
    "question",
    [
        "has bangladesh joined the china lunar project too",  # a country the story never names
        "how does a soft landing on the moon actually work",  # how it works: no fact to quote
        "Who was president of the US during Apollo?",  # asks for someone the sentence lacks
        "whats the name of the indian spacecraft that landed on the south pole",
    ],
)
def test_a_tempting_question_is_not_answered_with_a_sentence(engine: Engine, question: str) -> None:
    answer = engine.answer(Query(text=question))
    assert not answer.answered and not answer.text.startswith("The story says")


def test_a_what_or_which_question_is_not_answered_with_a_sentence_that_names_its_topic(
    lagos: Engine,
) -> None:
    # on the blind trials such quotes were wrong 4 times in 4 ("which young players might they
    # have to sell?" quoted "… sell two or three of its best young players"): a how-many
    # question is still answered by the sentence that counts it
    which = lagos.analyzer.analyze("which utility pipes had to be moved along the route")
    assert lagos.passages.quote(which, lagos.tools) is None
    dated = lagos.analyzer.analyze("what happened in March 2019?")  # the event a sentence dates
    assert "Construction began in March 2019" in (lagos.passages.quote(dated, lagos.tools) or "")
    hours = "how many hours a day does the average Ikorodu corridor commuter lose on the road"
    assert lagos.passages.quote(lagos.analyzer.analyze(hours), lagos.tools) is not None


@pytest.mark.parametrize(
    ("sentence", "shown"),
    [
        ("Let\u2019s go,\u201d he said.", "\u201c\u2018Let\u2019s go,\u2019 he said.\u201d"),
        ("He said \u201cgo\u201d at once.", "\u201cHe said \u2018go\u2019 at once.\u201d"),
        ("He said: \u201cgo now.", "\u201cHe said: \u2018go now.\u2019\u201d"),
        ("No quotation here.", "\u201cNo quotation here.\u201d"),
    ],
)
def test_a_quoted_sentence_keeps_its_quotation_marks_balanced(sentence: str, shown: str) -> None:
    assert replies.quoted(sentence).text == "The story says: " + shown


def test_a_count_is_not_quoted_from_a_sentence_whose_number_belongs_elsewhere() -> None:
    from bot.matching.passages import Passages

    story = (
        "The fans will march from the station to the stadium before the home game on Sunday, "
        "Oct. 26, and will stay out of the stands for the first eight minutes.\n"
        "About 2,000 supporters protested outside the ground on Monday night."
    )
    engine = Engine.from_folder(FOOTBALL, encoder="none")  # its words weigh as in this story
    analyzer = engine.analyzer
    passages = Passages(analyzer, story)
    assert len(passages.sentences) == 2  # "Oct." ends no sentence
    march = analyzer.analyze("how many fans will march to the stadium before the game?")
    assert passages.quote(march, engine.tools) is None  # 26 is a day, eight minutes
    protest = analyzer.analyze("how many supporters protested outside the ground?")
    assert passages.quote(protest, engine.tools) == passages.sentences[1]


@pytest.mark.parametrize(
    ("story", "sentences"),
    [
        ("Met on Thursday, Oct. 23, in Zeist. Then left.", 2),
        ("Dr. Ali and Mr. Khan spoke. The U.S. agreed.", 2),
        ("A heading Oct.\nA new line.", 2),  # a line always ends a sentence
        ("John F. Kennedy spoke. Then he left.", 2),
        ("He lives on Baker St. The police came.", 2),  # "St." may end a sentence
        # no sentence begins in lower case: "p.m." ended none here
        ("Demand peaked at 2:40 p.m. on Tuesday. It fell.", 2),
        ("It closed at 9 p.m. The mayor spoke.", 2),
        ("A heading at 5 p.m.\nlower case on a new line.", 2),
    ],
)
def test_a_short_form_full_stop_ends_no_sentence(story: str, sentences: int) -> None:
    from bot.knowledge.sentences import story_sentences

    assert len(story_sentences(story)) == sentences


def test_a_time_of_day_is_read_in_the_clause_that_dates_it() -> None:
    # "ordered at 9 p.m. on Tuesday, October 7": the date is the closure's, in one clause
    bridge = story_engine("bridge-closure")
    answer = bridge.answer(Query(text="what was the date the bridge got closed"))
    assert answer.answered and "October 7" in answer.text


@pytest.mark.parametrize(
    ("story", "question"),
    [
        ("football-takeover", "net debt in dollars?"),  # the accounts are in euros
        ("malaria-vaccine", "how many people die of malaria in peru each year"),  # Africa's
        ("lagos-metro", "how many of the 1200 permanent jobs are train drivers"),  # a part
    ],
)
def test_a_sentence_is_quoted_only_if_it_holds_what_an_entry_s_answer_must(
    story: str, question: str
) -> None:
    engine = Engine.from_folder(STORIES / story / "knowledge", encoder="none")
    decided = engine.decide(Query(text=question))
    assert not decided.answer.answered, decided.answer.text


def test_a_sentence_counts_close_words_by_wordnet_without_the_encoder_too(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bot.matching.coverage import QuestionTerms

    engine = Engine.from_folder(LAGOS, encoder="none")
    asked: list[bool] = []
    cover = QuestionTerms.cover

    def recorded(self: QuestionTerms, terms: frozenset[str], soft: bool):  # type: ignore[no-untyped-def]
        asked.append(soft)
        return cover(self, terms, soft)

    monkeypatch.setattr(QuestionTerms, "cover", recorded)
    # "cost" has WordNet's "expense" and "charge": a sentence is read as an entry is, softly
    engine.passages.quote(engine.analyzer.analyze("how much did the line cost?"), engine.tools)
    assert asked == [True]
    asked.clear()
    engine.passages.quote(engine.analyzer.analyze("when did ikorodu open?"), engine.tools)
    assert asked == [False]  # no word of it has other words: nothing to count softly


def test_a_sentence_naming_someone_by_a_name_that_says_another_names_both() -> None:
    football = story_engine("football-takeover")
    assert "@eemland-fc" in football.tools.within["@rutger-van-dalen"]  # "Eemland coach"
    # "van Dalen said …" in a sentence naming him only as the Eemland coach
    asked = "wat does van dalen say his job is now the club's being sold"
    answer = football.answer(Query(text=asked))
    assert answer.answered and "My job is the same as it was last week" in answer.text


@pytest.mark.parametrize(
    ("story", "question", "quoted"),
    [
        (
            "football-takeover",
            "Which gentleman said 'we will take the time we need', and in what capacity?",
            "said Pieter Hoogland, the KNVB's director of professional football",
        ),
        # an apostrophe inside a word opens no quotation
        ("ransomware-hospital", "what's the 'most basic defence of all' lol", "most basic"),
        # guillemets quote too, and the sentence is quoted whatever the rest asks of it
        ("football-takeover", "Ça veut dire quoi, « Eemland Blijft Eemland » ?", "Eemland Stays"),
        # a quotation its sentence only opens is quoted with the sentence that closes it
        ("heatwave-grid", "what did Villalba answer to the 'freak event' line?", "Villalba said"),
    ],
)
def test_a_phrase_quoted_from_the_story_is_answered_with_its_sentence(
    story: str, question: str, quoted: str
) -> None:
    assert answers_with(story, question, quoted)


def test_a_quoted_phrase_in_several_sentences_or_none_points_at_none(lagos: Engine) -> None:
    assert lagos.passages.holding("what does 'Orange Line' mean?") is None  # in many sentences
    assert lagos.passages.holding("what does 'purple monorail' mean?") is None  # in none
    assert lagos.passages.holding("was it 'a model for every big city'?") is not None
