"""Follow-up questions read with the asker's last turn, and what the asker's memory keeps."""

from __future__ import annotations

import pytest

from bot.config import Settings
from bot.conversation.turns import Memory, Turn
from bot.matching.analysis import Analysis
from bot.matching.engine import Engine
from bot.matching.lexicon import QType
from bot.models import AnswerKind, Query
from bot.serving.service import StoryBot
from tests.turnkit import answers_with, story_engine
from tests.turnkit import chat as _chat
from tests.turnkit import story as story_of


@pytest.mark.parametrize(
    ("story", "questions", "expected"),
    [
        (
            "main",
            ["Who signed the agreement?", "and where?", "who is he?"],
            ["signing", "signing-place", "kakar"],
        ),
        ("main", ["Who is Li Qiang?", "what is his job?"], ["li-qiang", "li-qiang"]),
        ("main", ["who's li qiang", "what is his job?"], ["li-qiang", "li-qiang"]),
        # "it" is what the last turn was about, however sure "who runs [something]?" is alone
        (
            "main",
            ["What is Artemis?", "when will it land?", "who runs it?"],
            ["artemis", "artemis-date", "artemis-program"],
        ),
        # who said the words just quoted: the one who said them, told by his own entry
        (
            "malaria",
            ["What did the economist say about the rollout?", "who said that?"],
            ["otieno-quote", "otieno"],
        ),
        # "he" after "who did Kakar meet?" is the one the answer named
        (
            "main",
            ["Who did Kakar meet at the Great Hall?", "who is he?"],
            ["xi-meeting", "xi-jinping"],
        ),
        (
            "dam",
            [
                "How much did the dam cost?",
                "who paid for it?",
                "and how tall is it?",
                "where is it?",
            ],
            ["dam-cost", "financing", "dam-height", "dam-location"],
        ),
        (
            "lagos",
            ["What did the governor say?", "who is he?", "what about Garba?"],
            ["governor-quote", "bakare", "garba"],
        ),
        # "he" beside another person the message names is still the last turn's
        ("main", ["who is li qiang", "did he meet xi?"], ["li-qiang", AnswerKind.CORRECTION]),
        # but "he" after the name is that person: "what did Kakar say he would do?"
        (
            "main",
            ["who is li qiang", "what did Kakar say he would do?"],
            ["li-qiang", "friday-message"],
        ),
        (
            "football",
            ["who is kessler?", "what did Bosveld say he would do?"],
            ["daniel-kessler", "bosveld-why"],
        ),
        # "they" after a "who" question is the body its answer named
        (
            "malaria",
            [
                "who makes the vaccine",
                "where are they based",
                "how many doses can they make a year?",
            ],
            ["vaccine-maker", "kavach-biologics", "supply-concern"],
        ),
        # after a corrected premise, "they" and "he" are whom the asker asked of
        (
            "main",
            [
                "when did india land on the moon",
                "what about the US?",
                "when r they sending astronauts",
            ],
            ["india-when", AnswerKind.CORRECTION, "crewed-targets"],
        ),
        (
            "lagos",
            ["Did Okafor open the line?", "what did he say?"],
            [AnswerKind.CORRECTION, "hardest-section"],
        ),
    ],
)
def test_follow_ups_are_read_with_the_last_answer(
    request: pytest.FixtureRequest, story: str, questions: list[str], expected: list[str]
) -> None:
    engine = story_of(request, story)
    assert _chat(engine, questions) == expected


@pytest.mark.parametrize(
    ("story", "questions", "expected"),
    [
        # the loan's answer says how much and over how many years: alone, "over how many
        # years?" is the building's six years
        (
            "lagos",
            ["Who lent the money for the metro?", "how much?", "over how many years?"],
            ["financing", "financing", "financing"],
        ),
        ("lagos", ["How long is the Orange Line?", "how many stations?"], ["length", "length"]),
        (
            "main",
            ["Which country first reached the moon's south pole?", "when?"],
            ["india-first"] * 2,
        ),
        (
            "main",
            ["Which country first reached the moon's south pole?", "what kind of landing?"],
            ["india-first"] * 2,  # "with a soft landing"
        ),
    ],
)
def test_a_follow_up_the_last_answer_holds_is_answered_by_it_again(
    request: pytest.FixtureRequest, story: str, questions: list[str], expected: list[str]
) -> None:
    engine = story_of(request, story)
    assert _chat(engine, questions) == expected


@pytest.mark.parametrize(
    ("story", "questions", "expected"),
    [
        # a reason is asked of what the answer tells, which its own entry seldom says
        (
            "lagos",
            ["When did construction start?", "why did they do that?"],
            ["construction-start", "why-built"],
        ),
        # a person asked of, or a party named, asks anew
        ("football", ["Who is selling the stake?", "how old is he?"], ["seller", AnswerKind.EMPTY]),
        # "who runs it?" asks who does, not who is named in an answer that says "running"
        ("lagos", ["What did Lagos open?", "who runs it?"], ["what-opened", "who-runs"]),
        # a bare "how much?" asks an amount, which the vaccine's name "MV-2" is not
        (
            "malaria",
            ["What is the new malaria vaccine called?", "how much?"],
            ["vaccine-name", AnswerKind.DECLINE],
        ),
    ],
)
def test_a_follow_up_asking_what_the_last_answer_does_not_hold_asks_anew(
    request: pytest.FixtureRequest, story: str, questions: list[str], expected: list[str]
) -> None:
    engine = story_of(request, story)
    assert _chat(engine, questions) == expected


@pytest.mark.parametrize(
    ("questions", "expected"),
    [
        (
            ["When will NASA send astronauts to the moon?", "and india?"],
            ["artemis-date", "india-2040"],
        ),
        # the US plans are in another entry than China's: no "it says this about China"
        (
            ["When will China send astronauts to the moon?", "and the US?"],
            ["china-astronauts", "crewed-targets"],
        ),
    ],
)
def test_and_another_country_or_agency_asks_the_last_question_of_it(
    engine: Engine, questions: list[str], expected: list[str]
) -> None:
    assert _chat(engine, questions) == expected


@pytest.mark.parametrize(
    ("story", "questions", "expected"),
    [
        # "In 1972, during the U.S. Apollo program.": which program, which country
        (
            "main",
            ["When did humans last land on the moon?", "which program?", "which country?"],
            ["last-moon-landing", "apollo", "usa"],
        ),
        (
            "main",
            ["when did humans last land on the moon", "which program was that"],
            ["last-moon-landing", "apollo"],
        ),
        # Xi Jinping, named twice in the answer, is one person
        (
            "main",
            ["Who did Kakar meet at the Great Hall of the People?", "which person?"],
            ["xi-meeting", "xi-jinping"],
        ),
    ],
)
def test_which_thing_asks_for_the_one_of_that_kind_the_last_answer_names(
    request: pytest.FixtureRequest, story: str, questions: list[str], expected: list[str]
) -> None:
    engine = story_of(request, story)
    assert _chat(engine, questions) == expected


def test_which_thing_of_several_the_last_answer_names_is_not_picked(engine: Engine) -> None:
    # Russia, Venezuela and South Africa: which one is not for the bot to choose
    said = _chat(engine, ["Who supports China's moon base?", "which country?"])
    assert said[0] == "supporters"
    assert said[1] not in {"russia", "venezuela", "south-africa"}


@pytest.mark.parametrize(
    ("story", "question", "said"),
    [
        ("main", "who will reach the moon first, the US or China?", ["2025", "end of this decade"]),
    ],
)
def test_an_either_or_of_two_parties_is_told_what_the_story_says_of_each(
    request: pytest.FixtureRequest, story: str, question: str, said: list[str]
) -> None:
    engine = story_of(request, story)
    answer = engine.answer(Query(text=question))
    assert answer.answered and len(answer.text.splitlines()) == 2
    assert all(fact in answer.text for fact in said)


@pytest.mark.parametrize(
    "question",
    [
        # "who" asks which of the two, not for a person: the astronauts are what is sent
        "who's aiming to land astronauts sooner, china or the usa?",
        # one entry says both: "The U.S. is targeting 2025 and India is looking toward 2040"
        "who's gonna get astronauts up there sooner, the us or india?",
    ],
)
def test_an_either_or_of_who_does_something_sooner_is_answered(
    engine: Engine, question: str
) -> None:
    answer = engine.answer(Query(text=question))
    assert answer.answered and "2025" in answer.text


@pytest.mark.parametrize(
    "question",
    [
        # the story gives no plans of South Africa's or Venezuela's
        "Does South Africa or Venezuela plan to send astronauts to the moon?",
        # what Pakistan joined and what kind of landing India made compare nothing
        "who will reach the moon first, Pakistan or India?",
    ],
)
def test_an_either_or_not_answered_alike_of_each_side_gets_no_answer_of_each(
    engine: Engine, question: str
) -> None:
    assert "\n" not in engine.answer(Query(text=question)).text.split("\n\n")[0]


def test_and_another_party_the_last_answer_also_names_is_answered_by_it() -> None:
    malaria = story_engine("malaria-vaccine")
    # the entry gives Ghana's doses and Kenya's: the same answer, not Kenya's description
    said = _chat(malaria, ["How many doses were delivered to Ghana?", "and Kenya?"])
    assert said == ["doses-delivered", "doses-delivered"]


def test_a_follow_up_with_words_of_its_own_asks_anew_though_it_names_a_party(
    engine: Engine,
) -> None:
    said = _chat(engine, ["Who signed the agreement?", "and where did Kakar sign it?"])
    assert said == ["signing", "signing-place"]


@pytest.mark.parametrize(
    ("story", "questions", "wrong"),
    [
        # "it" is phase two: not the first phase's 27 km, which the message alone would get
        ("lagos", ["Tell me about phase two", "and how long is it?"], "length"),
        ("lagos", ["Tell me about phase two", "how long is it going to be?"], "length"),
        # "he" is Xi, whose words the story never gives: not Kakar's
        (
            "main",
            ["Who did Kakar meet at the Great Hall of the People?", "what did he say?"],
            "friday-message",
        ),
        (
            "main",
            ["Who did Kakar meet at the Great Hall of the People?", "what did he say to him?"],
            "friday-message",
        ),
        # "it" is Artemis: China's lead of the lunar station shares only "moon" with it
        (
            "main",
            ["When will Artemis return American astronauts to the moon?", "who leads it?"],
            "who-leads",
        ),
        # "they" alone points back too: not the contractor's director, whom no one asked of
        ("lagos", ["Who opened the line?", "what did they say?"], "contractor-quote"),
    ],
)
def test_a_pronoun_is_not_read_as_what_the_message_alone_is_about(
    request: pytest.FixtureRequest, story: str, questions: list[str], wrong: str
) -> None:
    engine = story_of(request, story)
    first, then = _chat(engine, questions)
    assert first != AnswerKind.DECLINE and then != wrong


@pytest.mark.parametrize(
    ("story", "questions", "expected"),
    [
        # "there" and "they" point at nothing: asked anew, as before
        ("lagos", ["Tell me about phase two", "Is there a monthly pass?"], "fare"),
        ("lagos", ["Tell me about phase two", "what did they say about the fare?"], "fare-defence"),
        # "what about China?" asks the last question of China, not which China is meant
        ("main", ["Who signed the agreement?", "what about China?"], "signing"),
    ],
)
def test_a_message_with_no_pointing_pronoun_is_read_as_before(
    request: pytest.FixtureRequest, story: str, questions: list[str], expected: str
) -> None:
    engine = story_of(request, story)
    assert _chat(engine, questions)[1] == expected


def test_he_is_read_by_the_name_of_the_person_the_last_answer_named() -> None:
    football = story_engine("football-takeover")
    # the reading's meaning is matched too: "how old is Rutger van Dalen", not "how old is he"
    said = _chat(football, ["who is the head coach?", "how old is he?"])
    assert said == ["rutger-van-dalen", "rutger-van-dalen"]


@pytest.mark.parametrize(
    ("story", "question"),
    [
        ("football", "how old is he?"),  # not "Eemland FC, founded in 1908"
        ("main", "where does he work?"),  # not Kakar's "let's work together"
    ],
)
def test_he_with_no_one_to_mean_is_asked_who(
    request: pytest.FixtureRequest, story: str, question: str
) -> None:
    engine = story_of(request, story)
    answer = engine.answer(Query(text=question))
    assert answer.kind is AnswerKind.EMPTY and answer.text.startswith("I'm not sure who you mean")


def test_it_after_a_turn_naming_no_thing_may_be_the_story_s_own_subject() -> None:
    lagos = story_engine("lagos-metro")
    said = _chat(lagos, ["What did Governor Bakare say at the opening?", "who runs it?"])
    assert said == ["governor-quote", "who-runs"]  # the line


def test_a_follow_up_the_story_does_not_answer_is_declined_not_misread(engine: Engine) -> None:
    said = _chat(engine, ["Where was the agreement signed?", "when was that?"])
    assert said == ["signing-place", AnswerKind.DECLINE]  # the story gives no date


def test_that_after_a_person_is_no_person(engine: Engine) -> None:
    # the README's example: "that" cannot be Kakar, so no date of his is given for it
    said = _chat(
        engine, ["Who signed the agreement?", "and where?", "who is he?", "when was that?"]
    )
    assert said == ["signing", "signing-place", "kakar", AnswerKind.DECLINE]


def test_without_a_last_turn_a_follow_up_is_a_new_question(engine: Engine) -> None:
    assert _chat(engine, ["and where?"]) == [AnswerKind.EMPTY]
    assert _chat(engine, ["who is he?"]) == [AnswerKind.EMPTY]


@pytest.mark.parametrize(
    ("story", "questions", "expected"),
    [
        (
            "main",
            ["Who is Li Qiang?", "Where on the moon will the station be?"],
            "station-location",
        ),
        # the last answer says where ("in Beijing"), but the question is another entry's own
        ("main", ["Who signed the agreement?", "Where was the agreement signed?"], "signing-place"),
        (
            "malaria",
            ["Where were the first doses given in Ghana?", "Where is the vaccine made?"],
            "vaccine-maker",
        ),
        # "this" is the story, not what the last answer was about
        (
            "lagos",
            ["How much did the Orange Line cost?", "What is this story about?"],
            "what-opened",
        ),
    ],
)
def test_a_full_question_after_a_turn_is_answered_on_its_own(
    request: pytest.FixtureRequest, story: str, questions: list[str], expected: str
) -> None:
    assert _chat(story_of(request, story), questions)[-1] == expected


def test_every_faq_question_after_a_turn_is_answered_as_on_its_own() -> None:
    lagos = story_engine("lagos-metro")
    # answers that hold a place and a time, which other entries are asked for
    firsts = ["What did commuters say about the first ride?", "How long is the trip now?"]
    asked = [t for entry in lagos.knowledge.faq for t in (entry.question, *entry.phrasings[:2])]
    for first in firsts:
        decided = lagos.decide(Query(text=first))
        turn = lagos.turn_of(decided.answer, first, decided.analysis)
        for text in asked:
            alone = lagos.decide(Query(text=text)).answer.entry_id
            assert lagos.decide(Query(text=text), turn).answer.entry_id == alone, (first, text)


def test_memory_forgets_after_its_time_and_stays_bounded() -> None:
    now = [0.0]
    memory = Memory(ttl=60, capacity=3, clock=lambda: now[0])
    turn = Turn(Analysis(("sign",), QType.WHO), "signing", ())
    for asker in "abcd":
        memory.remember(asker, turn)
    assert len(memory) == 3 and memory.recall("a") is None  # the oldest asker went first
    assert memory.recall("d") == turn
    now[0] = 61
    assert memory.recall("d") is None


def _service(monkeypatch: pytest.MonkeyPatch, engine: Engine, **env: str) -> StoryBot:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return StoryBot(engine, Settings(_env_file=None))


def test_the_service_keeps_a_corrected_premise_as_the_turn(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    bot = _service(monkeypatch, engine)
    said = [
        bot.answer(Query(text=text, platform="telegram", chat_id="g", user_id="a"))
        for text in ("when did india land?", "what about the US?", "when r they sending astronauts")
    ]
    assert said[1].kind is AnswerKind.CORRECTION
    assert said[2].entry_id == "crewed-targets"


def test_context_is_per_person_per_chat(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    bot = _service(monkeypatch, engine)
    alice = Query(text="Who signed the agreement?", platform="telegram", chat_id="g", user_id="a")
    bot.answer(alice)
    where = alice.model_copy(update={"text": "and where?"})
    assert bot.answer(where.model_copy(update={"user_id": "b"})).kind is AnswerKind.EMPTY
    assert bot.answer(where.model_copy(update={"chat_id": "other"})).kind is AnswerKind.EMPTY
    assert bot.answer(where).entry_id == "signing-place"


def test_a_pressed_suggestion_is_a_turn_too(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    bot = _service(monkeypatch, engine)
    bot.answer(Query(text=""), entry_id="li-qiang")
    assert bot.answer(Query(text="what is his job?")).entry_id == "li-qiang"


def test_context_expires(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    bot = _service(monkeypatch, engine, STORYBOT_FOLLOWUP_SECONDS="0")
    bot.answer(Query(text="Who signed the agreement?"))
    assert bot.answer(Query(text="and where?")).kind is AnswerKind.EMPTY


def test_the_console_chat_follows_up(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from adapters.console_adapter import run

    out = io.StringIO()
    run(_service(monkeypatch, engine), io.StringIO("Who signed the agreement?\nand where?\n"), out)
    assert "In Beijing" in out.getvalue().split("you> ")[2]


@pytest.mark.parametrize(
    ("questions", "expected"),
    [
        # says it follows on, and its premise is wrong: corrected, not answered about Pakistan
        (["When did India land on the moon?", "what about Pakistan?"], AnswerKind.CORRECTION),
        # sure on its own: it means what it says, whatever came before
        (
            ["When does China want to send astronauts to the moon?", "India landing date?"],
            "india-when",
        ),
        (
            [
                "When did India land on the moon's south pole?",
                "What kind of meeting was it with Xi?",
            ],
            "xi-meeting",
        ),
        # a bare "when?" the story does not answer is declined, not called off-topic
        (["Who did Kakar meet at the Great Hall of the People?", "when?"], AnswerKind.DECLINE),
    ],
)
def test_a_follow_up_never_overrides_what_a_message_says_on_its_own(
    engine: Engine, questions: list[str], expected: object
) -> None:
    decision_kind_or_entry = _chat(engine, questions)[-1]
    assert decision_kind_or_entry == expected
    if expected == AnswerKind.DECLINE:
        last = engine.decide(Query(text=questions[-1]), _turn_after(engine, questions[0]))
        assert last.answer.text.startswith("The story doesn't say")


def _turn_after(engine: Engine, question: str) -> Turn | None:
    decision = engine.decide(Query(text=question))
    return engine.turn_of(decision.answer, decision.question, decision.analysis)


def test_after_a_decline_he_no_longer_points_back(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    bot = _service(monkeypatch, engine)
    assert bot.answer(Query(text="Who is Kakar?")).answered
    bot.answer(Query(text="Who is Elon Musk?"))  # declined: the story never names him
    assert bot.memory.recall("console:local:local") is None
    assert bot.answer(Query(text="and where?")).kind is AnswerKind.EMPTY


def test_after_a_declined_follow_up_he_still_points_back(monkeypatch: pytest.MonkeyPatch) -> None:
    lagos = story_engine("lagos-metro")
    bot = _service(monkeypatch, lagos)
    assert bot.answer(Query(text="who opened the line")).entry_id == "who-opened"
    assert not bot.answer(Query(text="how old is he")).answered  # the story doesn't say
    assert bot.answer(Query(text="what did he say")).entry_id == "governor-quote"


def test_he_with_no_one_before_to_mean_asks_who_is_meant(engine: Engine) -> None:
    said = _chat(engine, ["when did india land?", "who is he?"])
    assert said == ["india-when", AnswerKind.EMPTY]
    assert "not sure who you mean" in engine.answer(Query(text="who is he?")).text
    assert "not sure" not in engine.answer(Query(text="What is it about?")).text


@pytest.mark.parametrize(
    ("question", "years"),
    [
        ("how many years between the last moon landing and nasa's planned return", "53 years"),
        ("How many years separate the last Apollo landing and India's astronaut target?", "68"),
    ],
)
def test_the_years_between_two_things_the_story_dates_are_worked_out(
    engine: Engine, question: str, years: str
) -> None:
    answer = engine.answer(Query(text=question))
    assert answer.answered and "1972" in answer.text and years in answer.text


@pytest.mark.parametrize(
    ("story", "question", "span"),
    [  # "on Tuesday, October 7" … "on Friday, October 10"
        (
            "bridge-closure",
            "how many days between the closure n the council emergency vote",
            "3 days",
        ),
        (  # "until midnight on Friday, March 14" … "on Thursday, March 20"
            "ransomware-hospital",
            "How many days after the ransom deadline does parliament hold its hearing?",
            "6 days",
        ),
    ],
)
def test_the_days_between_two_things_the_story_dates_are_worked_out(
    story: str, question: str, span: str
) -> None:
    assert answers_with(story, question, f"By the story's dates, that is {span} apart.")


@pytest.mark.parametrize(
    ("story", "question", "line"),
    [
        (  # "June 26, 2025" … "July 23": the year one side leaves out is the other's
            "shipyard-strike",
            "how many days from the accident to the solidarity rally",
            "By the story's dates, that is 27 days apart.",
        ),
        (
            "shipyard-strike",
            "accident aur solidarity rally ke beech kitne din?",
            "By the story's dates, that is 27 days apart.",
        ),
        (  # the first "and" is inside the first thing: "July 3" … "July 16"
            "shipyard-strike",
            "how many days between the police and labor inspectors searching the offices and "
            "the start of the strike",
            "By the story's dates, that is 13 days apart.",
        ),
        (  # "at 2:40 p.m." … "at 3:55 p.m.", both on Tuesday
            "heatwave-grid",
            "how long between the demand peak and the plants tripping?",
            "By the story's times, that is 1 hour and 15 minutes apart.",
        ),
        (  # "October 7" … "October 13": not a whole week
            "bridge-closure",
            "how many weeks between the closure and the extra trains starting",
            "By the story's dates, that is 6 days apart, under a week.",
        ),
        (  # "October 7" with no year is the October before "February 27, 2026"
            "bridge-closure",
            "Counting from the evening the bridge was shut to the date the mayor has set for "
            "letting cars back on, how many days is that?",
            "By the story's dates, that is 143 days apart.",
        ),
        (  # a side the reading is less sure of, though dated: "offices pe chhapa" (searched)
            "shipyard-strike",
            "accident ke kitne din baad donghae ke offices pe chhapa pada",
            "By the story's dates, that is 7 days apart.",
        ),
    ],
)
def test_a_span_asked_any_way_is_worked_out_in_the_unit_the_dates_give(
    story: str, question: str, line: str
) -> None:
    assert answers_with(story, question, line)


@pytest.mark.parametrize(
    ("story", "question", "line"),
    [  # "Dimitris Lazaridis, 54, …", "Nikos Vlachakis, 57, …"
        (
            "ferry-grounding",
            "Is the PNO's general secretary younger than Captain Vlachakis?",
            "Yes: by the story's ages, Nikos Vlachakis is 3 years older than Dimitris Lazaridis.",
        ),
        (
            "ransomware-hospital",
            "Is Aarseth older than Solbakken?",
            "No: by the story's ages, Ingrid Solbakken is 8 years older than Sunniva Aarseth.",
        ),
        (  # an either-or of two people's ages: each one's entry, then which is older
            "football-takeover",
            "Who is older, Kessler or Bosveld?",
            "By the story's ages, Henk Bosveld is 19 years older than Daniel Kessler.",
        ),
        (  # no yes/no asked: which one, and by how much
            "river-dam",
            "Who is older, Vasek or Selent?",
            "By the story's ages, Teodor Vasek is 11 years older than Amira Selent.",
        ),
    ],
)
def test_which_of_two_people_is_older_is_worked_out_from_their_ages(
    story: str, question: str, line: str
) -> None:
    assert answers_with(story, question, line)


@pytest.mark.parametrize(
    ("story", "question", "line"),
    [
        (  # a side said by what the person is: "the castellan boss" is its chief executive
            "football-takeover",
            "how much younger is the castellan boss than bosveld",
            "By the story's ages, Henk Bosveld is 19 years older than Daniel Kessler.",
        ),
        (  # the youngest of everyone the story gives an age for
            "shipyard-strike",
            "who is the youngest of the people named?",
            "Of the 4 people the story gives ages for, Choi Yong-su is the youngest, at 41",
        ),
        (  # one of the two ages not given: which is
            "shipyard-strike",
            "who is older, Choi Yong-jin or Oh Jae-hyun",
            "The story gives Oh Jae-hyun's age (52), but not Choi Yong-jin's.",
        ),
        (
            "heatwave-grid",
            "who is the oldest person in the story",
            "The story gives only one person's age: Carmen Ruiz Aguilar, 71.",
        ),
        (
            "shipyard-strike",
            "is the union chairman the oldest person in the story?",
            "No: of the 4 people the story gives ages for, Baek Sang-chul is the oldest, at 61",
        ),
    ],
)
def test_ages_are_compared_of_people_described_and_of_everyone(
    story: str, question: str, line: str
) -> None:
    assert answers_with(story, question, line)


def test_the_oldest_thing_is_no_person() -> None:
    answer = story_engine("ferry-grounding").answer(Query(text="what is the oldest ship there?"))
    assert "people the story gives ages for" not in answer.text


def test_who_is_older_needs_two_people_the_story_gives_ages_for() -> None:
    ferry = story_engine("ferry-grounding")
    # Karalis's age is not given: no ages compared, nor one person alone
    assert "story's ages" not in ferry.answer(Query(text="is karalis older than vlachakis")).text
    assert "story's ages" not in ferry.answer(Query(text="is vlachakis older now")).text


def test_which_of_two_dated_things_came_first_is_worked_out() -> None:
    football = story_engine("football-takeover")  # "Thursday, Oct. 23" … "Thursday, Nov. 20"
    question = "lowkey which comes first, kessler's fan meetup or the council stadium debate"
    answer = football.answer(Query(text=question))
    line = "By the story's dates, kessler's fan meetup came first (Oct. 23, against Nov. 20)."
    assert answer.answered and line in answer.text
    # a side the story does not date is read as asked
    undated = football.answer(Query(text="which came first, the club or the fans?"))
    assert "came first (" not in undated.text


@pytest.mark.parametrize(
    "question",
    [
        "which comes first on the calendar: kessler's fan meetup or the council stadium debate?",
        "kessler's fan meetup vs the council stadium debate: which one is first?",
        "the council stadium debate versus kessler's fan meetup. which happens first?",
    ],
)
def test_which_came_first_is_asked_in_other_orders(question: str) -> None:
    answer = story_engine("football-takeover").answer(Query(text=question))
    assert "kessler's fan meetup came first (Oct. 23, against Nov. 20)" in answer.text


@pytest.mark.parametrize(
    ("question", "line"),
    [
        (
            "Is Kessler's meeting with the fans before the Heerenveen game?",
            "Yes: by the story's dates, it was before (Oct. 23, against Oct. 26).",
        ),
        (
            "Is the Heerenveen game before Kessler's meeting with the fans?",
            "No: by the story's dates, it was after (Oct. 26, against Oct. 23).",
        ),
    ],
)
def test_whether_one_thing_came_before_another_is_answered_yes_or_no(
    question: str, line: str
) -> None:
    assert line in story_engine("football-takeover").answer(Query(text=question)).text


def test_a_year_is_not_set_against_a_day_of_a_month() -> None:
    # "emerged in mid-2023" against "midnight on Friday, March 14"
    ransomware = story_engine("ransomware-hospital")
    decision = ransomware.decide(
        Query(text="did nightjar leak the data after the friday deadline?")
    )
    assert "each side dated" not in decision.reason


@pytest.mark.parametrize(
    ("story", "question", "said"),
    [
        ("river-dam", "whats the 410000 number about", "410,000 smallholders"),
        # written with a comma after one digit, in the question and in the answer
        ("kilwa-artefacts-return", "wats the 2,300 number about", "2,300"),
        (  # two entries state it: the likelier for the question's words
            "bridge-closure",
            "wats the 62 mil zloty figure in the article",
            "annual maintenance budget is 62 million zlotys",
        ),
        (
            "ransomware-hospital",
            "whats the deal with the 27 and 17 numbers near the end?? is that good or bad lol",
            "27 ransomware incidents",
        ),
    ],
)
def test_a_figure_quoted_from_the_story_is_answered_by_what_states_it(
    story: str, question: str, said: str
) -> None:
    assert answers_with(story, question, said)


def test_a_figure_the_story_does_not_give_or_a_one_digit_one_asks_nothing_of_it() -> None:
    bridge = story_engine("bridge-closure")
    # "more than 3 km" is not what "the 3 weeks thing" is; 777 is no figure of the story
    assert "3 km" not in bridge.answer(Query(text="wats the deal w the 3 weeks thing")).text
    assert not bridge.answer(Query(text="what is the 777 figure about")).answered


def test_years_between_things_the_story_does_not_date_are_not_worked_out(engine: Engine) -> None:
    assert not engine.answer(Query(text="how many years between china and pakistan")).answered
