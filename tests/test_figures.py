"""A figure a question states must be one the answer says: "Apollo 11" is not the last landing."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.matching.answerability import offers
from bot.matching.asking import needs
from bot.matching.clauses import Clauses
from bot.matching.demands import what_is_counted
from bot.matching.engine import Engine
from bot.matching.figures import figures_said
from bot.matching.lexicon import QType
from bot.matching.needs import Need
from bot.matching.text import tokenize
from bot.models import Query
from tests.turnkit import story_engine

FOOTBALL = Path(__file__).parent / "data" / "stories" / "football-takeover" / "knowledge"


@pytest.mark.parametrize(
    ("question", "said"),
    [
        (("apollo", "11", "land"), False),
        (("land", "1972"), True),
        (("cup", "87"), True),  # "in 87" is said by 1987
        (("delay", "2026"), False),
        (("1", "dose", "cost"), True),  # one digit: a count of what is asked, said in words
    ],
)
def test_a_stated_figure_of_two_digits_or_more_must_be_said(
    question: tuple[str, ...], said: bool
) -> None:
    assert figures_said(question, frozenset({"last", "land", "1972", "1987", "cup"})) is said


def test_a_question_about_another_figure_is_not_answered_by_a_nearby_one(ask) -> None:
    assert not ask("when did apollo 11 land on the moon").answered  # the story: 1972, the last
    assert not ask("did india land on 23 august?").answered  # the story says August only
    assert not ask("was artemis 3 delayed to 2026").answered  # not quoted from "… 2025 …"
    assert ask("when was the last moon landing, 1972?").answered


def test_a_year_in_two_digits_is_the_story_year() -> None:
    plain = Engine.from_folder(FOOTBALL, encoder="none")
    answer = plain.answer(Query(text="what cup did eemland win in 87"))
    assert answer.answered and "1987" in answer.text


def test_how_many_needs_a_count_and_a_year_is_none() -> None:
    assert Need.COUNT in needs(QType.COUNT, ("how", "many", "landings"))
    assert Need.COUNT not in offers("In 1972, during the U.S. Apollo program.")
    assert Need.COUNT in offers("About 2,000 supporters protested in 2023.")
    assert Need.COUNT not in offers("on Oct. 26, 2025")  # a day and a year: no count


def test_a_count_is_not_answered_with_a_year(ask) -> None:
    assert not ask("how many times did humans land during apollo").answered


def test_a_time_of_day_is_no_count_and_a_figure_reads_the_same_with_or_without_commas() -> None:
    assert Need.COUNT not in offers("It opened at 9 a.m. in 2020.")
    assert tokenize("2,300 fans") == tokenize("2300 fans") == ["2300", "fans"]
    assert tokenize("1, 2, 3") == ["1", "2", "3"]  # a list, not a figure


def test_an_age_or_a_day_before_and_is_no_count() -> None:
    assert Need.COUNT not in offers("Pawel Zielinski, 52, is the mayor of Torun.")
    assert Need.COUNT not in offers("Aisha Bello, a 34-year-old nurse, said so.")
    assert Need.COUNT not in offers("a tender by October 31 and a reopening in spring")
    assert Need.COUNT in offers("Zielinski, 52, said 300 people came.")


def test_a_stretch_of_time_counts_no_thing_and_how_many_hours_asks_no_thing() -> None:
    clauses = Clauses(
        ["He called four months optimistic and doubts cars are back by spring."],
        lambda text: tuple(tokenize(text)),
    )
    assert not clauses.counts(0, frozenset({"cars"}), {})
    engine = Engine.from_folder(FOOTBALL, encoder="none")
    for asked in ("how many hours is the match", "how many months is the review"):
        assert not what_is_counted(engine.analyzer.analyze(asked))  # any stretch of time will do
    assert Clauses(["It carries 42,000 cars a day."], lambda t: tuple(tokenize(t))).counts(
        0, frozenset({"cars"}), {}
    )
    # how often counts no thing either: "a five-yearly inspection" is no count of engineers
    often = Clauses(["Engineers did a five-yearly inspection."], lambda t: tuple(tokenize(t)))
    assert not often.counts(0, frozenset({"engineers"}), {})


def test_how_many_cars_is_not_kept_from_a_count_of_vehicles_by_an_age_or_a_duration() -> None:
    bridge = story_engine("bridge-closure")
    best = bridge.decide(Query(text="how many cars go over the bridge daily")).best
    # "Zielinski, 52" and "four months" counted cars, so only they could answer how many
    assert best is not None and best.entry.id == "daily-traffic" and best.evidence.kind == 1.0


def test_a_count_asked_of_one_place_is_not_answered_by_another_places() -> None:
    clauses = Clauses(
        [
            "In Seville, firefighters rescued 48 people trapped in lifts, and police directed "
            "traffic at 300 junctions in Seville and Cordoba."
        ],
        lambda text: tuple(tokenize(text)),
    )
    asked, places = frozenset({Need.NUMBER, Need.COUNT}), frozenset({"seville", "cordoba"})
    question = frozenset({"people", "lifts", "cordoba"})
    # the 300 junctions are Cordoba's too, but the question asks of people in lifts
    assert clauses.another_place(0, asked, question, frozenset({"cordoba"}), places)
    assert not clauses.another_place(0, asked, question, frozenset({"seville"}), places)
    assert not clauses.another_place(0, asked, question, frozenset(), places)  # no place asked


def test_a_count_of_what_an_answer_names_but_does_not_count_is_not_answered_by_it() -> None:
    clauses = Clauses(
        ["It adds 14 trains a day, and a shuttle bus runs every 10 minutes."],
        lambda text: tuple(tokenize(text)),
    )
    assert clauses.uncounted(0, frozenset({"bus"}), {})
    assert not clauses.uncounted(0, frozenset({"trains"}), {})
    assert not clauses.uncounted(0, frozenset({"ferries"}), {})  # says nothing of ferries
    bridge = story_engine("bridge-closure")
    assert not bridge.answer(Query(text="how many buses are running the shuttle")).answered


@pytest.mark.parametrize(
    ("text", "counted", "counts"),
    [
        ("In Seville, firefighters rescued 48 people trapped in lifts.", "lifts", False),
        ("In Seville, firefighters rescued 48 people trapped in lifts.", "people", True),
        ("The museum will return 42 carved and metal objects.", "objects", True),
        ("It installed 300 solar-powered fridges.", "fridges", True),
        ("All three of its dry docks stood idle.", "docks", True),
        ("The ferry had a crew of 64.", "crew", True),  # the word before "of" and a figure
        ("In 2022 the museum offered a loan.", "museum", False),  # a year counts nothing
        ("They called a 48-hour strike.", "strike", False),  # it counts hours
        ("The death toll rose to nine.", "toll", True),  # of no word: any of its words
        ("The death toll rose to nine, one official said.", "toll", True),  # "one": no count
        ("Twenty-five workers walked out.", "workers", True),  # a number, not a unit
        ("It bought 40 new red buses.", "buses", True),  # "red" is no verb
        ("\u201c48 people trapped in lifts,\u201d he said.", "lifts", False),  # curly quotes
    ],
)
def test_a_figure_counts_the_words_after_it(text: str, counted: str, counts: bool) -> None:
    clauses = Clauses([text], lambda words: tuple(tokenize(words)))
    assert clauses.counts(0, frozenset({counted}), {}) is counts


def test_a_count_the_answer_says_only_of_another_thing_is_not_answered() -> None:
    bridge = story_engine("bridge-closure")
    # "a cable near the southern pylon had lost 18 percent": no pylons counted
    assert not bridge.answer(Query(text="how many pylons does the bridge have")).answered
    corroded = bridge.answer(Query(text="how many cables were corroded"))
    assert corroded.answered and "three" in corroded.text
    # what it counts is counted ("600 supporters"): the question's other words ("turned up
    # outside") need no count of their own
    football = story_engine("football-takeover")
    crowd = football.answer(Query(text="how many supporters turned up outside the ground"))
    assert crowd.answered and "600" in crowd.text


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("The objects were removed in 1894 by a naval officer.", True),
        ("The club has played there since 1874.", True),
        ("About 1850 workers were laid off.", False),  # a count, not a year
    ],
)
def test_an_older_year_is_a_year_after_a_word_that_dates_it(text: str, year: bool) -> None:
    found = offers(text)
    assert (Need.YEAR in found) is year
    assert (Need.COUNT in found) is not year


def test_names_in_a_row_count_and_how_many_years_is_any_figure_of_them() -> None:
    assert Need.COUNT in offers("Seamen struck at Piraeus, Rafina and Lavrio.")
    assert Need.COUNT not in offers("Seamen struck at Piraeus and Rafina.")  # two: a pair
    years = needs(QType.COUNT, ("how", "many", "years", "old", "is", "the", "club"))
    assert Need.NUMBER in years and Need.COUNT not in years  # "a 117-year-old club"
    assert Need.COUNT in needs(QType.COUNT, ("how", "many", "ports"))
