"""A value asked for must be new to the question, and a done thing asked of must have happened."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.matching.answerability import offers
from bot.matching.asking import needs
from bot.matching.demands import what_is_counted, what_is_timed
from bot.matching.engine import Engine
from bot.matching.lexicon import QType
from bot.matching.needs import Need
from bot.matching.offered import restated
from bot.matching.qtypes import detect_qtype
from bot.models import AnswerKind, Query
from tests.turnkit import answers_with, story_engine

STORIES = Path(__file__).parent / "data" / "stories"


@pytest.fixture(scope="module")
def football() -> Engine:
    return Engine.from_folder(STORIES / "football-takeover" / "knowledge")


@pytest.mark.parametrize(
    ("answer", "question", "told"),
    [
        ("Fans gathered on Monday evening.", "what time did they gather on monday evening", False),
        ("Fans gathered at 7 p.m. on Monday.", "what time did they gather on monday", True),
        ("Fans gathered at 7 p.m. on Monday.", "what time on monday evening", True),
        ("Fans gathered on Monday evening.", "when on monday did fans gather", True),
        ("It opens in 2025.", "when in 2025 does it open", False),
        ("It opens in March 2025.", "which month in 2025 does it open", True),
        ("It was signed on 15 March.", "what day in march was it signed", True),
        ("It cost $5 billion.", "how much did it cost in 2025", True),  # not a time asked
    ],
)
def test_a_value_the_question_states_itself_does_not_answer_it(
    answer: str, question: str, told: bool
) -> None:
    words = tuple(question.split())
    asked = needs(detect_qtype(words), words)
    assert restated(answer, asked, frozenset(words)) is not told


def test_an_occupation_is_a_job_an_answer_can_give() -> None:
    assert Need.ROLE in offers("Sanne Willemsen, 34, a primary school teacher, chairs the group.")
    assert Need.ROLE not in offers("Sanne Willemsen, 34, chairs it since she was nine.")
    # jobs beyond titles: "what's Okafor's job?" is answered by his description
    assert Need.ROLE in offers("Dr Samuel Okafor is the museum's provenance researcher.")
    assert Need.ROLE in offers("Jonas Pirrel, 63, is head of the Delta Farmers' Union.")
    assert Need.ROLE not in offers("He shook his head and left.")  # a head of nothing


@pytest.mark.parametrize(
    ("words", "past"),
    [
        ("when was the stadium built", True),
        ("when were the objects taken", True),
        ("when was it opened to the public", True),
        ("when was the stadium meant to open", False),  # a plan word
        ("when is the stadium built", False),
        ("when was that", False),
        ("when was phase two supposed to be finished", False),  # a plan
        ("when was it scheduled to open", False),
        ("when was it supposed to be built", False),  # "built" is what was planned
        ("when was it set to open", False),
    ],
)
def test_when_was_it_done_asks_for_something_that_happened(words: str, past: bool) -> None:
    assert (Need.PAST in needs(QType.WHEN, tuple(words.split()))) is past


@pytest.mark.parametrize(
    ("words", "often"),
    [
        ("how often do the trains run", True),
        ("how frequently are the backups taken", True),
        ("how long does the trip take", False),
        ("how many trains run", False),
    ],
)
def test_how_often_asks_for_a_frequency(words: str, often: bool) -> None:
    qtype = detect_qtype(words)
    assert (Need.FREQUENCY in needs(qtype, tuple(words.split()))) is often


def test_how_often_is_not_answered_by_when_it_last_happened() -> None:
    lagos = story_engine("lagos-metro")
    # "every five minutes at peak", an answer that holds how often
    assert lagos.answer(Query(text="how often do the trains come at rush hour")).answered
    # "Pomorskie Konstrukcje … carry out a scheduled five-yearly inspection", not "last
    # inspected in detail in May 2021"
    asked = story_engine("bridge-closure").decide(
        Query(text="how often was the bridge inspected in detail")
    )
    assert asked.best is not None and asked.best.entry.id == "inspectors"


@pytest.mark.parametrize(
    ("words", "dated"),
    [
        ("what was the revenue the season before 2024 25", True),
        ("how many fans came after 2019", True),
        ("what happened before the vote", False),
        ("who came after him", False),
        ("how effective was it after 12 months", False),  # no year
        ("what was the toll after 2019 20", True),
        ("what was the revenue prior to 2024", True),
        ("what does china want to become before 2030", False),  # a plan, by then
    ],
)
def test_before_or_after_a_year_asks_for_another_time(words: str, dated: bool) -> None:
    assert (Need.DATE in needs(QType.WHAT, tuple(words.split()))) is dated


def test_tempting_time_and_date_questions_are_declined(football: Engine) -> None:
    for question in (
        "what was eemland's revenue the season before 2024-25?",  # the story gives that one
        "what time did the protest kick off on monday evening",  # the story says "evening"
        "when was the eemstadion built?",  # the story gives only the planned expansion
    ):
        assert not football.answer(Query(text=question)).answered, question
    gathered = football.answer(Query(text="when did the fans protest outside the stadium?"))
    assert gathered.answered and "Monday" in gathered.text
    for question in (  # a value the question names as an alternative, or a more exact one
        "which day did the fans protest, monday or tuesday?",
        "at what time of day on monday did the supporters gather",
    ):
        assert football.answer(Query(text=question)).answered, question


@pytest.mark.parametrize(
    ("answer", "count"),
    [
        ("It made India the fourth country to land on the moon.", False),
        ("Kakar attended the 3rd Belt and Road Forum.", False),
        ("Four countries have landed on the moon.", True),
        ("A third of the doses arrived.", True),  # a share
    ],
)
def test_a_place_in_a_row_is_no_count(answer: str, count: bool) -> None:
    assert (Need.COUNT in offers(answer)) is count


@pytest.mark.parametrize(
    ("words", "count"),
    [
        ("which number forum was it", False),
        ("what number forum was this", False),
        ("what number of people came", True),
        ("how many astronauts has india sent", True),
    ],
)
def test_which_number_asks_a_place_in_a_row_not_how_many(words: str, count: bool) -> None:
    asked = needs(QType.COUNT, tuple(words.split()))
    assert Need.NUMBER in asked and (Need.COUNT in asked) is count


def test_how_many_is_not_answered_by_a_place_in_a_row(ask) -> None:
    assert not ask("How many astronauts has India sent to the moon?").answered
    assert ask("which numbr belt n road forum was this, 2nd or 3rd??").answered


@pytest.mark.parametrize(
    ("story", "question", "expected"),
    [
        ("main", "Where is the Great Hall of the People?", None),  # "at the Great Hall …"
        ("main", "Where is Beijing?", None),  # "In Beijing, where Kakar witnessed …"
        ("heatwave-grid", "Where is Seville?", None),
        # a fact-store entry describes its own place, whatever words it uses
        ("kilwa-artefacts-return", "Where is Kilwa Kivinje?", "kilwa-kivinje"),
        # more than a name: the answer's own place ("the clubhouse") may be one the narrow
        # pattern does not see
        ("football-takeover", "Where will Kessler meet the fans in Amersfoort?", "kessler-meeting"),
        ("heatwave-grid", "Where were people trapped in Seville?", "seville-disruption"),
        # a name that is no place: the meeting is "in the club's clubhouse in Amersfoort"
        ("football-takeover", "Where is the public meeting in Amersfoort?", "kessler-meeting"),
    ],
)
def test_where_is_a_name_is_not_answered_by_a_sentence_that_only_says_it(
    story: str, question: str, expected: str | None
) -> None:
    folder = Path("knowledge") if story == "main" else STORIES / story / "knowledge"
    answer = Engine.from_folder(Path(__file__).parent.parent / folder).answer(Query(text=question))
    assert (answer.entry_id if answer.answered else None) == expected


@pytest.mark.parametrize(
    ("question", "counted"),
    [
        ("how many long-term jobs did it create", {"long", "term", "job"}),
        ("how many nigerian engineers were trained", {"@nigeria", "engin"}),
        ("how many people live in lagos", set()),  # people: any count of them
        ("how many of the jobs are permanent", set()),  # a part: `part_of` reads it
        ("how much did it cost", set()),
    ],
)
def test_what_a_count_counts_is_read_up_to_its_verb(
    lagos: Engine, question: str, counted: set[str]
) -> None:
    reading = lagos.analyzer.analyze(question)
    assert what_is_counted(reading) == counted


def test_a_count_of_something_else_does_not_answer_how_many(football: Engine) -> None:
    # "about 600 supporters gathered outside the 18,450-capacity Eemstadion" counts
    # supporters; the stadium's own entry says its capacity
    fit = football.answer(Query(text="how many people fit in the stadium"))
    assert fit.answered and fit.entry_id == "eemstadion" and "18,450" in fit.text


@pytest.mark.parametrize(
    ("story", "question", "said"),
    [
        # what no entry counts is not held to the word: "40 million doses", "15 trains"
        ("malaria-vaccine", "how many vaccines can kavach make", "40 million"),
        ("lagos-metro", "how many vehicles are in the fleet", "15"),
        # the Members' Foundation's name says members
        ("football-takeover", "how many members does the foundation represent", "2,300"),
    ],
)
def test_a_count_of_a_thing_no_entry_counts_by_that_word_is_answered(
    story: str, question: str, said: str
) -> None:
    answer = Engine.from_folder(STORIES / story / "knowledge").answer(Query(text=question))
    assert answer.answered and said in answer.text


def test_what_a_vehicle_can_carry_is_its_capacity_not_its_daily_load(lagos: Engine) -> None:
    assert not lagos.answer(Query(text="how many passengers can one train carry")).answered
    for load in ("how many passengers does the line carry a day", "how many will it carry a day"):
        daily = lagos.answer(Query(text=load))
        assert daily.answered and "250,000" in daily.text


@pytest.mark.parametrize(
    ("question", "answered"),
    [
        ("how many of the jobs are permanent?", True),  # "1,200 permanent jobs"
        # a part of that count the story never gives
        ("how many of the permanent jobs went to women", False),
        ("how many of the workers were women?", False),
        ("of the 6500 workers how many were chinese", False),
    ],
)
def test_a_part_of_a_count_must_be_said_of_what_the_part_is(
    lagos: Engine, question: str, answered: bool
) -> None:
    assert lagos.answer(Query(text=question)).answered is answered


@pytest.mark.parametrize(
    ("answer", "money"),
    [
        ("It cost $1.8 billion.", True),
        ("Castellan is paying 62 million euros.", True),
        ("A flat fare of 750 naira per trip.", True),
        ("Each country pays 20 cents per dose.", True),
        ("The hardest section was a 3.2-kilometre viaduct.", False),
        ("Some 6,500 workers built it.", False),
    ],
)
def test_an_amount_of_money_is_read_by_its_currency(answer: str, money: bool) -> None:
    assert (Need.MONEY in offers(answer)) is money


def test_called_before_what_the_thing_does_asks_its_name() -> None:
    words = tuple("whats the fan group called thats against the deal".split())
    assert Need.NAME in needs(QType.WHAT, words)
    assert Need.NAME not in needs(QType.WHEN, tuple("when was the strike called".split()))


def test_how_much_did_it_cost_asks_for_money(lagos: Engine) -> None:
    assert Need.MONEY in needs(QType.AMOUNT, tuple("how much did the viaduct cost".split()))
    assert Need.MONEY not in needs(QType.AMOUNT, tuple("how much of the line is built".split()))
    # the viaduct's entry gives its length, not its price
    assert not lagos.answer(Query(text="how much did the agboyi viaduct cost")).answered
    assert lagos.answer(Query(text="how much did the line cost")).answered


def test_a_person_s_age_is_not_the_year_a_firm_was_founded() -> None:
    asked = needs(QType.AMOUNT, tuple("how old is castellan's boss".split()))
    assert {Need.AGE, Need.PERSON_AGE} <= asked
    assert Need.PERSON_AGE not in needs(QType.AMOUNT, tuple("how old is the club".split()))
    assert Need.PERSON_AGE not in offers("The firm was founded in 2012 by Daniel Kessler.")
    assert Need.PERSON_AGE in offers("Daniel Kessler, 48, founded the firm in 2012.")


def test_how_much_is_a_thing_bought_asks_for_money() -> None:
    # not answered by a count the same sentence gives ("14 extra trains a day")
    assert Need.MONEY in needs(QType.AMOUNT, tuple("how much is a train ticket".split()))
    assert Need.MONEY in needs(QType.AMOUNT, tuple("how much was the ransom".split()))
    assert Need.MONEY not in needs(QType.AMOUNT, tuple("how much off is the pass".split()))
    # what a thing sold for is a price; how much of it was sold, a share
    assert Need.MONEY in needs(QType.AMOUNT, tuple("how much was the club sold for".split()))
    assert Need.MONEY not in needs(QType.AMOUNT, tuple("how much of the club was sold".split()))
    old = needs(QType.AMOUNT, tuple("how old was she when she got a season ticket".split()))
    assert Need.AGE in old and Need.MONEY not in old  # an age, whatever the words around it


def test_how_much_in_a_currency_asks_for_money(lagos: Engine) -> None:
    assert Need.MONEY in needs(QType.AMOUNT, tuple("how much is the pass in naira".split()))
    # the fare's entry says passes come at a discount, and a trip's fare in another clause
    assert not lagos.answer(Query(text="how much is the monthly pass in naira")).answered
    assert lagos.answer(Query(text="how much is a ticket in naira")).answered


@pytest.mark.parametrize(
    ("words", "day"),
    [
        ("what date was the speech", True),
        ("what was the date of that friday speech", True),
        ("what is the day of the match", True),
        ("what was the time taken to build it", False),  # how long
        ("when was the speech", False),  # a month or a year will do
        ("was the date set", False),
    ],
)
def test_what_was_the_date_asks_for_a_day(words: str, day: bool) -> None:
    assert (Need.DAY in needs(detect_qtype(words), tuple(words.split()))) is day


def test_what_year_is_not_answered_by_a_month(engine: Engine) -> None:
    assert Need.YEAR in needs(QType.WHAT, tuple("what year did india land".split()))
    assert Need.YEAR in offers("India landed in 2023.") and Need.YEAR not in offers("In August.")
    # the story gives the month of India's landing, not its year
    assert not engine.answer(Query(text="what year did india land on the south pole")).answered
    assert engine.answer(Query(text="what year was the last moon landing")).answered  # 1972


def test_a_day_the_question_gives_is_no_date_of_it(engine: Engine) -> None:
    assert not engine.answer(Query(text="what was the date of that friday speech")).answered


@pytest.mark.parametrize(
    ("answer", "someone"),
    [
        ("India became the first country to land there.", True),  # a name begins it
        ("It was built by CCREC.", True),
        ("The governor opened it.", True),  # a title
        ("A state-owned company built it.", True),  # a body of people
        ("The contract was signed in 2018 and work began in March 2019.", False),
        ("About 6,500 in all.", False),
        ("About 6,500 workers.", True),  # people, unnamed
        ("The trust's IT staff cut it off.", True),  # capitals are a name, though filler
        ("I think so.", False),
    ],
)
def test_who_is_answered_by_a_name_a_title_or_a_body(answer: str, someone: bool) -> None:
    assert (Need.SOMEONE in offers(answer)) is someone


def test_who_was_it_is_not_answered_by_when_it_was(lagos: Engine) -> None:
    asked = "who was lagos governor when the contract was signed in 2018"
    assert not lagos.answer(Query(text=asked)).answered  # the contract's entry names no one
    assert lagos.answer(Query(text="who built the line")).answered


@pytest.mark.parametrize(
    ("answer", "size"),
    [
        ("The hardest section was a 3.2-kilometre viaduct.", Need.LENGTH),
        ("Piles go 40 metres deep.", Need.LENGTH),
        ("It must be kept between 2 and 8 degrees Celsius.", Need.TEMPERATURE),
        ("It is stored at -70°C.", Need.TEMPERATURE),
        ("The block weighed 40 tonnes.", Need.WEIGHT),
        ("Trains reach 100 km/h.", None),  # a speed: no length
        ("It cost $40m.", None),  # money, no unit of size
        ("About 28,000 seats.", None),
    ],
)
def test_a_size_is_read_by_its_unit(answer: str, size: Need | None) -> None:
    sizes = {Need.LENGTH, Need.TEMPERATURE, Need.WEIGHT}
    assert offers(answer) & sizes == ({size} if size else set())


@pytest.mark.parametrize(
    ("answer", "rate"),
    [
        ("A scheduled five-yearly inspection.", True),
        ("A shuttle bus runs every 10 minutes.", True),
        ("Polregio adds 14 extra trains a day.", True),
        ("It is checked annually.", True),
        ("It took four months.", False),  # a stretch of time, not how often
        ("Every cable was checked.", False),
    ],
)
def test_how_often_is_answered_by_a_rate(answer: str, rate: bool) -> None:
    assert (Need.FREQUENCY in offers(answer)) is rate


def test_how_often_and_a_temperature_typed_short_are_asked_of_what_says_them(
    malaria: Engine,
) -> None:
    bridge = Engine.from_folder(Path(__file__).parent / "data/stories/bridge-closure/knowledge")
    checked = bridge.answer(Query(text="how often is the bridge supposed to get checked"))
    assert checked.answered and "five-yearly" in checked.text
    kept = malaria.answer(Query(text="what temp does the vacine need to be kept at"))
    assert kept.answered and "8 degrees" in kept.text


def test_a_size_covers_only_the_words_of_its_own_dimension(lagos: Engine) -> None:
    # the trains' top speed is no temperature nor height: "how hot?" is not "how fast?"
    assert not lagos.answer(Query(text="how hot do the trains get")).answered
    assert not lagos.answer(Query(text="how high do the trains go")).answered


def test_a_unit_of_length_asked_is_covered_by_a_length(lagos: Engine) -> None:
    # the story writes "27-kilometre"; its synonyms read "km" in "km/h" as a word of their own
    line = lagos.answer(Query(text="how long is the line in km"))
    assert line.answered and "27" in line.text


def test_who_leads_is_covered_by_a_title(lagos: Engine) -> None:
    # "leads" asks for someone in charge, as "head" does: the authority's managing director
    led = lagos.answer(Query(text="who leads the rail authority"))
    assert led.answered and "Folake Adeniran" in led.text


def test_how_cold_is_covered_by_a_temperature(malaria: Engine) -> None:
    kept = malaria.answer(Query(text="how cold does the vaccine have to be kept"))
    assert kept.answered and "8 degrees" in kept.text


@pytest.mark.parametrize(
    ("story", "question", "answered"),
    [
        # a body of people answers "who?", and capitals are a name though read as filler
        ("ransomware-hospital", "who cut the hospital's network off from the internet", True),
        ("kilwa-artefacts-return", "who is paying to ship the objects back", True),
        # "what was the time taken?" asks how long, not a time of day
        ("lagos-metro", "what is the time it takes from ikorodu to oshodi", True),
        # "how much time?" asks no money; won is a currency
        ("lagos-metro", "how much time do commuters spend in traffic each day", True),
        ("shipyard-strike", "how much did baek promise to spend on safety", True),
        # a part named by a name the entry lacks: the stations in Ikorodu
        ("lagos-metro", "how many of the 11 stations are in ikorodu", False),
        # a topic beside a name: CCREC's man spoke of training, not fares
        ("lagos-metro", "what did wang say about ccrec's fares", False),
    ],
)
def test_questions_a_review_found_misread_are_read_rightly(
    story: str, question: str, answered: bool
) -> None:
    engine = Engine.from_folder(STORIES / story / "knowledge")
    assert engine.answer(Query(text=question)).answered is answered


@pytest.mark.parametrize(
    ("answer", "leads"),
    [
        ("Ingrid Solbakken, 57, is chief executive of the trust.", True),
        ("Sanne Willemsen chairs the supporters' group.", True),
        ("Kari Lund is head of threat intelligence at Fjellvakt.", True),
        ("Marte Haugland, 34, is an intensive care nurse.", False),  # a job, no one's boss
        ("Tor Eriksen is a retired ferry engineer.", False),
    ],
)
def test_a_boss_is_asked_of_a_title_that_leads(answer: str, leads: bool) -> None:
    found = offers(answer)
    assert (Need.LEAD in found) is leads
    assert leads or Need.ROLE in found  # a job all the same


def test_who_leads_a_group_is_asked_of_whom_its_description_says_chairs_it() -> None:
    football = Engine.from_folder(
        Path(__file__).parent / "data/stories/football-takeover/knowledge"
    )
    answer = football.answer(Query(text="who leads the supporters group"))
    # the group's own entry ("Sanne Willemsen chairs it") or hers, as the one who leads it
    assert answer.answered and "Sanne Willemsen" in answer.text and "chairs" in answer.text


def test_a_count_of_what_happened_is_at_most_a_guess_from_a_count_expected() -> None:
    lagos = story_engine("lagos-metro")
    # "officials expect 250,000 passengers a day": nobody has counted the first day's riders
    answer = lagos.answer(Query(text="how many people rode it on the first day"))
    assert not answer.answered and answer.kind is AnswerKind.CLARIFY
    expected = lagos.answer(Query(text="how many passengers a day are expected"))
    assert expected.answered and "250,000" in expected.text


@pytest.mark.parametrize(
    ("question", "timed"),
    [
        ("what time did the rally start", {"ralli"}),
        ("when will the first doses arrive", {"dose"}),  # "first" says which, not what
        ("when will all the repair work be wrapped up", {"repair"}),
        ("when was it signed", set()),  # a pronoun: whatever the entry is about
        ("when did lagos open it", set()),  # a name: entries are matched by it anyway
        ("when was the contract signed", {"contract"}),
        ("how much did it cost", set()),  # no time asked
        ("when can people ride it", set()),  # who may, not what is timed
        ("when will our contract be signed", {"contract"}),  # "our": a determiner
    ],
)
def test_what_a_time_is_asked_of_is_the_first_word_after_the_auxiliary(
    lagos: Engine, question: str, timed: set[str]
) -> None:
    assert what_is_timed(lagos.analyzer.analyze(question)) == timed


def test_a_time_of_something_else_does_not_answer_when() -> None:
    shipyard = story_engine("shipyard-strike")
    # the strike began at 8 a.m.; the story gives no time for the rally
    assert not shipyard.answer(Query(text="what time did the rally start")).answered
    began = shipyard.answer(Query(text="what time did the strike start"))
    assert began.answered and "8 a.m." in began.text


@pytest.mark.parametrize(
    ("answer", "dated"),
    [
        ("He would be surprised if cars are back before late spring.", True),
        ("The league should rule by Christmas.", True),
        ("The first units are due in early summer.", True),
        ("The ship is about 14% of its summer passenger capacity.", False),  # no date
        ("Replacing cables is hard work.", False),
    ],
)
def test_a_season_or_feast_after_a_dating_word_says_when(answer: str, dated: bool) -> None:
    assert (Need.DATE in offers(answer)) is dated


def test_when_is_answered_by_a_season() -> None:
    asked = "when does the expert reckon cars will be back on the bridge"
    assert answers_with("bridge-closure", asked, "late spring")


@pytest.mark.parametrize(
    ("words", "past"),
    [
        ("how many trucks are being sent elsewhere", False),  # the present passive
        ("how many people get sent home", False),
        ("how many people rode it", True),
        ("how many trucks were sent elsewhere", True),
    ],
)
def test_a_present_passive_does_not_ask_what_happened(words: str, past: bool) -> None:
    assert (Need.PAST in needs(QType.COUNT, tuple(words.split()))) is past


@pytest.mark.parametrize(
    ("answer", "happened"),
    [
        ("The cables will be examined over the next three weeks, the engineer said.", False),
        ("Kessler will meet the fans on Thursday, he told reporters.", False),
        ("The city announced it will reopen the bridge.", True),  # the announcing happened
        ("The bridge was closed; the mayor said it will reopen in spring.", True),
        ("The mayor said the bridge is safe.", True),  # no plan: what was said is done
    ],
)
def test_a_plan_reported_is_still_only_a_plan(answer: str, happened: bool) -> None:
    assert (Need.PAST in offers(answer)) is happened


def test_what_a_planned_event_showed_is_not_answered_by_the_plan(football: Engine) -> None:
    asked = "did the council approve the stadium expansion in the end?"
    assert not football.answer(Query(text=asked)).answered  # the council is "open to talks"
