"""The engine's answers, declines, small talk and multi-part questions."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot import replies
from bot.knowledge.loading import default_folder
from bot.matching.engine import Engine
from bot.matching.messages import asides
from bot.matching.views import asks_a_view
from bot.models import AnswerKind, Query
from tests.knowledgekit import edit
from tests.turnkit import story_engine

ANSWERED = [
    ("Who signed the moon agreement with Pakistan?", "signing"),
    ("where was the deal inked", "signing-place"),
    ("who signd the deal", "signing"),  # "signd" is no English word: a typo, corrected
    ("whr ws the agrmnt signd", "signing-place"),  # texting without vowels
    ("which venue hosted the signing?", "signing-place"),  # "venue": a place is asked
    ("@StoryBot wen is artmis landing", "artemis-date"),
    ("India chand par kab utra?", "india-when"),
    ("south pole pe India kab pahunchi?", "india-when"),  # a Roman Urdu verb
    ("Li Qiang kaun hai? uska kya post hai", "li-qiang"),  # "uska" is "his", not a typo
    ("who is the chinese premier", "li-qiang"),
    ("what is the CNSA", "cnsa"),
    ("what does CNSA stand for", "cnsa"),  # a fact-store entry begins with the full name
    ("Kakar's first name?", "kakar"),  # "first name" asks for a name, not for a first
    ("kakar speech city?", "speech-where"),
    ("/ask how many countries support the moon base", "supporters"),
    ("why are scientists interested in the lunar south pole", "why-south-pole"),  # a why entry
    ("why was kakar in china", "kakar-visit"),  # no "because": a "why" phrasing
    ("Who is the president of China?", "xi-jinping"),  # the alias is "China's president"
]


@pytest.mark.parametrize(("question", "entry_id"), ANSWERED)
def test_answers_with_the_right_entry_and_its_source(ask, question: str, entry_id: str) -> None:
    answer = ask(question)
    assert answer.answered and answer.kind == AnswerKind.ANSWER
    assert answer.entry_id == entry_id
    assert answer.source and 0.5 <= answer.confidence <= 1.0


DECLINED = [
    "What is the gravity like on the moon?",
    "How much is Pakistan paying for the base?",
    "Who is Pakistan's president?",
    "what's the weather like in urumqi",
    "give me a recipe for biryani",
    "Why did Pakistan join?",  # the story says that it joined, not why
    "What is the capital of Venezuela?",
    "What is the capital of Pakistan?",  # the story names Pakistan, not its capital
    "When was the first moon landing?",  # India was first at the south pole: not this
]


def test_a_question_about_what_happened_is_not_answered_with_a_plan(ask) -> None:
    answer = ask("When did the US land on the moon?")
    assert answer.entry_id == "last-moon-landing"  # Apollo did, in 1972; Artemis only aims to


@pytest.mark.parametrize("question", DECLINED)
def test_declines_what_the_story_does_not_say_with_suggestions(ask, question: str) -> None:
    answer = ask(question)
    assert not answer.answered
    assert answer.kind in (AnswerKind.DECLINE, AnswerKind.CLARIFY)
    assert "doesn't say" in answer.text or "Did you mean" in answer.text
    assert 1 <= len(answer.suggestions) <= 3
    assert answer.source is None and answer.entry_id is None


@pytest.mark.parametrize(
    "text",
    ["hi", "Assalam o alaikum", "thanks!", "thanks mate", "cheers", "what can you do?", "bye"],
)
def test_small_talk_gets_a_friendly_reply_that_is_not_an_answer(ask, text: str) -> None:
    answer = ask(text)
    assert answer.kind == AnswerKind.SMALLTALK and not answer.answered
    assert answer.text


@pytest.mark.parametrize(
    "text",
    ["are u a real person or a bot lol", "@StoryBot r u a bot?", "are you human", "is this a bot"],
)
def test_asked_what_it_is_it_says_it_is_a_bot_and_answers_no_fact(ask, text: str) -> None:
    answer = ask(text)
    assert answer.kind == AnswerKind.SMALLTALK and not answer.answered
    assert "bot" in answer.text


@pytest.mark.parametrize(
    ("text", "view"),
    [
        ("would u feel safe flying there honestly?", True),
        ("tbh shouldn't they just pay and get it over with?", True),
        ("should pakistan have joined?", True),
        ("do you think it will work?", True),
        ("will china actually build the station?", True),  # doubts what is planned
        ("are the bosses gonna end up in jail?", True),
        ("should the fares be lower or higher? what u think", True),
        ("do you agree with the minister that it was worth it?", True),
        ("would you consider 25 years a prudent term?", True),
        ("you think say kenya suppose join?", True),  # Pidgin
        ("tumhe kya lagta hai ye time pe khatam hoga?", True),  # Roman Urdu
        ("aap ke khayal mein kya pakistan ko ye karna chahiye tha?", True),
        ("le tunnel, tu en penses quoi ?", True),
        ("unhein maafi maangni chahiye? aap kya kehte hain", True),
        ("be honest, is the club just greedy?", True),
        ("in your judgment, was the deal fair to the fans?", True),
        ("what u think, are the workers right?", True),
        ("what do you think the fare is?", False),  # a fact, put politely
        ("what should passengers do?", False),  # what someone is to do: a fact
        ("who should pay?", False),
        ("when will the plant actually start producing electricity?", False),  # the plan
        ("when will nasa land?", False),
        # facts asked in words that often ask views: the story may tell them
        ("should the vaccine be kept cold?", False),
        ("do you reckon each dose costs $3.90?", False),
        ("will my child ever need a booster dose?", False),
    ],
)
def test_a_question_asking_a_view_or_a_forecast_is_told_apart(text: str, view: bool) -> None:
    assert asks_a_view(text) is view


def test_a_view_asked_is_no_answer_but_what_bears_on_it(ask) -> None:
    answer = ask("should pakistan have joined?")
    assert answer.kind == AnswerKind.CORRECTION and not answer.answered
    assert answer.text.startswith("The story can't settle that") and "Pakistan" in answer.text
    assert "It says: Yes." not in answer.text and "It says: No." not in answer.text


def test_a_story_sentence_quoted_for_a_view_asked_is_only_what_bears_on_it() -> None:
    assert replies.quoted("It sails.").kind == AnswerKind.ANSWER
    hedged = replies.quoted("It sails.", view=True)
    assert hedged.kind == AnswerKind.CORRECTION and hedged.text.startswith(replies.NO_VIEW)


def test_ok_is_an_acknowledgement_not_thanks(ask) -> None:
    assert "welcome" in ask("thank you").text
    for ack in ("ok", "great bot", "cool storybot"):
        assert "welcome" not in ask(ack).text and ask(ack).kind == AnswerKind.SMALLTALK


@pytest.mark.parametrize("text", ["", "   ", "@StoryBot", "\u200b\u200b", "???"])
def test_empty_questions_get_a_prompt(ask, text: str) -> None:
    answer = ask(text)
    assert not answer.answered
    assert answer.kind in (AnswerKind.EMPTY, AnswerKind.DECLINE)


def test_two_questions_in_one_message_get_both_answers(ask) -> None:
    answer = ask("where was it signed and where did kakar give his speech?")
    assert answer.answered
    assert "Beijing" in answer.text and "Xinjiang University" in answer.text
    assert answer.entry_id == "signing-place+speech-where"


@pytest.mark.parametrize(
    ("story", "question"),
    [
        ("lagos-metro", "For my homework: who opened the line?"),
        ("lagos-metro", "Quick one for my essay: how many stations?"),
        (
            "bridge-closure",
            "Ik ben zelf verpleegkundige 😅 how long before her 7 o'clock start does the nurse "
            "from Podgorz leave home now?",
        ),
        ("lagos-metro", "the trains are electric ya? not diesel"),  # words after the question
    ],
)
def test_a_question_after_an_opening_of_no_story_word_is_answered(
    story: str, question: str
) -> None:
    answer = story_engine(story).answer(Query(text=question))
    assert answer.answered


def test_the_words_around_a_question_are_told_apart_from_it() -> None:
    assert asides("Donghae stock: traded in which city?") == [
        ("Donghae stock", "traded in which city?")
    ]
    assert asides("Battery tender: which year?") == []  # too short to ask alone
    assert asides("left at 10:20, right?") == []  # a time is no opening
    assert asides("Kalimera! The analyst, which firm is he with?") == [
        ("Kalimera", "The analyst, which firm is he with?")
    ]
    assert asides("who is the ceo? I want to write it down") == [
        ("I want to write it down", "who is the ceo?")
    ]
    # words after a question that may state its claim stay: a figure, a name
    assert asides("ceo age?? lowkey thought he was like 60") == []
    assert asides("they're from Bergen aren't they? Proper seafaring town, Bergen.") == []


def test_a_question_asking_a_view_keeps_the_words_after_it() -> None:
    question = (
        "honestly as a finance student, is 2x revenue a good multiple for a football club? "
        "ur opinion"
    )
    assert not story_engine("football-takeover").answer(Query(text=question)).answered


def test_a_message_of_many_questions_says_which_were_not_answered(ask) -> None:
    first = "where was it signed? where did kakar give his speech? who leads the project? "
    answer = ask(first + "when did india land? who is kakar? where will the station be?")
    assert answer.entry_id == "signing-place+speech-where+who-leads+india-when"
    assert answer.text.endswith("please ask the other 2 on their own.)")
    assert "own" not in ask(first + "when did india land?").text


def test_a_clause_that_is_not_a_question_does_not_split_the_question(ask) -> None:
    answer = ask("Not counting Pakistan, how many countries back the base?")
    assert answer.entry_id == "supporters"


def test_suggestions_relate_to_the_question(ask) -> None:
    answer = ask("How many astronauts has India sent to the moon so far?")
    assert not answer.answered
    assert any("India" in s.question for s in answer.suggestions)


def test_a_pressed_suggestion_answers_its_entry(engine) -> None:
    answer = engine.answer_entry("signing-place")
    assert answer.answered and "Beijing" in answer.text and answer.entry_id == "signing-place"
    gone = engine.answer_entry("no-such-entry")
    assert not gone.answered and gone.suggestions


def test_topics_group_the_faq(engine) -> None:
    topics = engine.topics()
    assert "The agreement" in [t.name for t in topics]
    assert sum(len(t.questions) for t in topics) == len(engine.knowledge.faq)


def test_suggest_ranks_partial_input(engine) -> None:
    entries = engine.suggest("artemis", limit=25)
    assert 1 <= len(entries) <= 25
    assert entries[0].id in {"artemis", "artemis-program", "artemis-date"}


def test_the_source_is_the_whole_story_sentence(ask) -> None:
    answer = ask("When did India land on the moon?")
    assert answer.source is not None
    assert answer.source.startswith("India recently made history")
    assert answer.source.endswith("in August.")
    last = ask("when did humans last set foot on the moon?")
    assert (
        last.source
        == "The last time humans set foot on the moon was during the U.S. Apollo program in 1972."
    )


def test_parts_asking_one_entry_are_as_sure_as_the_surest_part() -> None:
    lagos = Engine.from_folder(
        Path(__file__).parent / "data" / "stories" / "lagos-metro" / "knowledge", encoder="none"
    )
    parts = ["what is the monthly pass discount", "how much is a single fare for the whole line"]
    decided = lagos.decide(Query(text=" and ".join(parts) + "?"))
    alone = [lagos.decide(Query(text=p + "?")).best for p in parts]
    surest = max(c.probability for c in alone if c is not None)
    assert decided.answer.entry_id == "fare"
    assert decided.best is not None and decided.best.probability == pytest.approx(surest)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("In which capital did the agreement get signed?", "Beijing"),  # a capital is a place
        ("What was Kakar doing in China in the first place?", "Belt and Road"),  # an idiom
    ],
)
def test_words_that_only_frame_the_question_do_not_count_against_an_answer(
    ask, question: str, expected: str
) -> None:
    answer = ask(question)
    assert answer.answered and expected in answer.text


def test_a_capital_is_a_city_the_gazetteer_knows_not_any_place() -> None:
    plain = Engine.from_folder(default_folder(), encoder="none")  # no meaning to lean on
    signed = plain.answer(Query(text="In which capital did the agreement get signed?"))
    assert signed.answered and "Beijing" in signed.text
    moon = plain.answer(Query(text="What is the capital of China's moon station?"))
    assert not moon.answered  # "at the moon's south pole" is a place, and no capital


def test_where_asks_a_place_but_where_does_x_rank_asks_a_rank(ask) -> None:
    place = ask("Where did India land?")
    assert place.answered and "south pole" in place.text
    rank = ask("Where does India rank among moon landers?")
    assert rank.answered and "fourth" in rank.text


def test_whether_something_is_done_yet_needs_an_answer_that_says(ask) -> None:
    where = ask("Is the moon station already built?")  # the entry says where, not whether
    assert not where.answered
    landed = ask("Has India already landed on the moon?")
    assert landed.answered and "India" in landed.text


def test_a_part_the_entry_hardly_answers_does_not_borrow_the_surest_part() -> None:
    lagos = Engine.from_folder(
        Path(__file__).parent / "data" / "stories" / "lagos-metro" / "knowledge", encoder="none"
    )
    parts = ["what is the monthly pass discount", "when will the fare rise"]  # the 2nd: no
    decided = lagos.decide(Query(text=" and ".join(parts) + "?"))
    surest = lagos.decide(Query(text=parts[0] + "?")).best
    assert decided.best is not None and surest is not None
    assert decided.best.probability < surest.probability


def test_a_why_question_is_not_answered_yes_or_no(ask) -> None:
    answer = ask("Why is the south pole hidden from Earth?")
    assert not answer.text.startswith(("No.", "Yes."))


def test_an_answer_opening_yes_says_it_only_to_a_yes_no_question(tmp_path: Path) -> None:
    folder = tmp_path / "knowledge"
    shutil.copytree(Path(__file__).parent / "data/stories/bridge-closure/knowledge", folder)
    edit(
        folder,
        "faq.yaml",
        "      A Torun Chamber of Commerce",
        "      Yes. A Torun Chamber of Commerce",
    )
    # the "Yes." a maintainer writes answers a question that asks whether
    edit(
        folder, "faq.yaml", "What happened to the bakery's sales?", "Are local businesses affected?"
    )
    bridge = Engine.from_folder(folder, encoder="none")
    how = bridge.answer(Query(text="how are local businesses affected by the closure?"))
    assert how.answered and how.text.startswith("A Torun Chamber of Commerce survey")
    whether = bridge.answer(Query(text="are local businesses affected by the closure?"))
    assert whether.answered and whether.text.startswith("Yes. A Torun")
    # each question of a message keeps or drops it for itself
    both = bridge.answer(
        Query(text="how are local businesses affected? and when was the bridge closed?")
    )
    assert both.answered and "\nYes." not in "\n" + both.text and "Torun Chamber" in both.text
    edit(folder, "faq.yaml", "Yes. A Torun Chamber", "Yes and no. A Torun Chamber")
    bridge = Engine.from_folder(folder, encoder="none")
    how = bridge.answer(Query(text="how are local businesses affected by the closure?"))
    assert how.text.startswith("Yes and no.")  # no "Yes." to drop


def test_a_question_of_pronouns_gets_a_guess_by_meaning_never_an_answer(malaria) -> None:
    folder = Path(__file__).parent / "data/stories/malaria-vaccine/knowledge"
    meaning = Engine.from_folder(folder, encoder="wordllama")
    guess = meaning.answer(Query(text="who makes it"))
    assert guess.kind is AnswerKind.CLARIFY and not guess.answered
    assert "Who makes the vaccine?" in guess.text
    # asked the same way: "who …?" guesses among the entries asked "who …?"
    assert all(s.question.startswith("Who") for s in guess.suggestions)
    # "he" with no one before it, and "what is it?", say no more than "it": no guess
    assert meaning.answer(Query(text="who is he")).kind is AnswerKind.EMPTY
    assert "Ask me a question" in meaning.answer(Query(text="what is it for")).text
    assert meaning.answer(Query(text="and where?")).kind is AnswerKind.EMPTY  # points at nothing
    assert meaning.answer(Query(text="who is it?")).kind is AnswerKind.EMPTY  # says no more
    # without the semantic layer there is nothing to guess by
    assert malaria.answer(Query(text="who makes it")).kind is AnswerKind.EMPTY


def test_again_asks_to_be_told_once_more_not_of_a_second_time(ask) -> None:
    # "again" is a reminder in chat: the story never uses it, and it weighed as a word it lacks
    answer = ask("lowkey when did india land on the moon again")
    assert answer.answered and "August" in answer.text


def test_chat_words_the_story_never_uses_are_not_asked_of_it(engine) -> None:
    reading = engine.analyzer.analyze("so they gotta sign it somehow or nah")
    assert {"nah", "gotta", "somehow"}.isdisjoint(reading.terms)
    # "finally" is not chat: it is read "final", which entries say ("not a final deal")
    assert engine.analyzer.analyze("finally").terms


def test_a_yes_answers_only_a_question_mostly_worded_as_its_entrys_whether_phrasing() -> None:
    kilwa = story_engine("kilwa-artefacts-return")  # "Yes. In 2022 the museum offered a loan …"
    asked = kilwa.answer(Query(text="did the museum offer to lend the objects instead?"))
    assert asked.answered and asked.text.startswith("Yes. In 2022")
    # matched by its phrasing "what was the loan offer?": a "Yes." would affirm the premise
    premise = kilwa.answer(Query(text="so it's just a long term loan right?"))
    assert premise.answered and premise.text.startswith("In 2022 the museum offered")
    short = kilwa.answer(Query(text="museum legally allowed to give them away?"))
    assert short.answered and short.text.startswith("Yes. As a registered charity")
    # shares only the museum with "Does the British Museum Act apply to this museum?"
    other = kilwa.answer(Query(text="the british museum is giving back stuff too now right?"))
    assert not other.text.startswith("Yes")


def test_a_rambling_messages_question_after_but_is_read_on_its_own() -> None:
    trust = story_engine("ransomware-hospital")
    said = (
        "my sister is due any day now and her husband is asking if they need to drive to "
        "another city, sorry if this is dumb but is the maternity ward there still open??"
    )
    answer = trust.answer(Query(text=said))
    assert answer.answered and "maternity ward" in answer.text


def test_a_follow_up_asking_a_value_gets_no_yes() -> None:
    kilwa = story_engine("kilwa-artefacts-return")  # "Yes. It stays on display … free entry"
    first = kilwa.decide(Query(text="can people see the collection before it leaves?"))
    assert first.answer.text.startswith("Yes. It stays on display")
    turn = kilwa.turn_of(first.answer, first.question, first.analysis)
    then = kilwa.decide(Query(text="how many visitors?"), turn)
    assert then.answer.answered and then.answer.text.startswith("It stays on display")


def test_a_part_naming_no_one_is_about_the_person_the_message_names() -> None:
    football = story_engine("football-takeover")
    # "how old" alone is the club's age; the message asks the coach's
    answer = football.answer(Query(text="van dalen the coach, how old"))
    assert answer.answered and answer.entry_id == "coach" and "52" in answer.text
    willemsen = football.answer(Query(text="sanne willemsen from the fans group, how old"))
    assert willemsen.answered and "34" in willemsen.text
