"""General English in questions: filler, word forms, typos, kinds of value, places, names."""

from __future__ import annotations

import random
import re._parser as re_parser
import shutil
from pathlib import Path
from typing import Any

import pytest

from bot.matching import idioms
from bot.matching.answerability import offers
from bot.matching.asking import needs
from bot.matching.engine import Engine
from bot.matching.idioms import plain_words
from bot.matching.lexicon import QType
from bot.matching.messages import hearsay_names, undoubted
from bot.matching.nameforms import demonym_aliases
from bot.matching.naming import describing_words
from bot.matching.needs import Need
from bot.matching.qtypes import detect_qtype, read_asking
from bot.matching.typos import Speller
from bot.models import AnswerKind, Query
from tests.conftest import DATA
from tests.turnkit import story_engine

STORIES = DATA / "stories"


def test_a_demonym_name_reads_both_english_ways() -> None:
    countries = {
        "china": ["China", "Chinese"],
        "pakistan": ["Pakistan", "Pakistani", "Islamabad"],
        "north-korea": ["North Korea", "Korean"],
        "south-korea": ["South Korea", "Korean"],
    }
    names = {
        "Chinese premier": "li",
        "Chinese": "china",
        "Islamabad High Court": "court",  # a capital, not a demonym
        "Korean envoy": "envoy",  # two countries' demonym: whose?
    }
    found = demonym_aliases(names, countries, taken={"premier of china"})
    assert found["China's premier"] == "li"
    assert "premier of China" not in found  # the maintainer's own already
    assert set(found.values()) == {"li"}


def test_the_prime_minister_of_china_is_not_pakistans(engine: Engine) -> None:
    answer = engine.answer(Query(text="Who is the Prime Minister of China?"))
    assert answer.answered and "Li Qiang" in answer.text and "Kakar is" not in answer.text


@pytest.mark.parametrize(
    ("chatted", "plain"),
    [
        ("who build dis train line sef", "who build the train line"),
        ("abeg wetin dem sign", "please what did they sign"),
        ("did the governor himself sign it", "did the governor sign it"),
        ("una don hear say dem sign am abi", "you have heard say they sign it"),  # don: has
        ("who be the nurse wey dey talk", "who be the nurse that is say"),  # talk: said
        ("why did they even bother signing", "why did they sign"),
        ("when is it meant to be signed", "when is it to be signed"),
        ("who is prof kakar", "who is kakar"),
        ("what did mr xi say", "what did xi say"),
        ("how many countries joined altogether", "how many countries joined"),
        # as "anything" and "anyone" are: a word for whatever the question is about
        ("when will everything be signed", "when will it be signed"),
        ("did anybody sign", "did anyone sign"),
        # chat's short forms of time and other news words
        ("what did kakar say in the last hr", "what did kakar say in the last hour"),
        ("which dept signed it nxt wk", "which department signed it next week"),
        # "at all", "all this", "it all" stress and name nothing
        ("what did kakar say about all this", "what did kakar say about this"),
        ("did china sign it at all", "did china sign it"),
        ("was china at all times the leader", "was china at all times the leader"),  # literal
        ("what did xi say about it all", "what did xi say about it"),
    ],
)
def test_chat_filler_and_reflexives_are_not_read_as_terms(
    engine: Engine, chatted: str, plain: str
) -> None:
    assert engine.analyzer.analyze(chatted).terms == engine.analyzer.analyze(plain).terms


@pytest.mark.parametrize(
    "question", ["who's the nurse they interviewed", "where did the governor give his speech?"]
)
def test_words_that_ask_what_someone_said_are_held_by_a_quote(question: str) -> None:
    # with the semantic layer, as shipped: these two are answered only because the entries'
    # quotes hold the "interview" and the "speech"
    lagos = Engine.from_folder(DATA / "stories" / "lagos-metro" / "knowledge")
    decision = lagos.decide(Query(text=question))
    assert decision.answer.answered and decision.best is not None
    assert decision.best.evidence.missing < 0.3


def test_a_stand_in_is_a_caretaker(ask) -> None:  # type: ignore[no-untyped-def]
    answer = ask("is pakistan's pm an elected one or just a stand-in?")
    assert answer.answered and "caretaker" in answer.text


def test_money_asked_for_is_held_by_an_amount(lagos: Engine) -> None:
    decision = lagos.decide(Query(text="How much cash did Abuja chip in?"))
    assert decision.answer.entry_id == "federal-government" and decision.answer.answered


def test_a_place_noun_asked_for_is_held_by_a_place(malaria: Engine) -> None:
    decision = malaria.decide(Query(text="bongo is in which region of ghana"))
    assert decision.answer.answered and "Upper East" in decision.answer.text


def test_a_real_word_with_two_letters_swapped_is_read_as_the_story_word(malaria: Engine) -> None:
    trial = malaria.analyzer.analyze("the trial").terms
    assert malaria.analyzer.analyze("the trail").terms == trial
    assert malaria.analyzer.analyze("what form").terms == ("form",)  # not "from", a filler
    assert malaria.analyzer.analyze("lots").terms == ("lot",)  # short: not "lost"


def test_a_rare_real_word_near_a_far_commoner_story_word_is_a_typo() -> None:
    speller = Speller(frozenset({"weather", "minister", "tired", "lawyer"}))
    assert speller.correct("wether") == "weather"  # 2.8 against 4.9
    assert speller.correct("minster") == "minister"
    assert speller.correct("lawer") == "lawyer"  # not a word at all
    assert speller.correct("tried") == "tried"  # common: no typo of "tired"
    assert speller.swapped("tried", frozenset()) is None
    # rare, but "tether" is not thirty times as common
    assert Speller(frozenset({"tether"})).correct("wether") == "wether"


@pytest.mark.parametrize(
    ("word", "story"),
    [
        ("defied", "died"),  # two edits
        ("inaction", "action"),  # a prefix: two edits
        ("halved", "have"),
        ("wither", "either"),  # one edit, but no story word: filler the speller also knows
        ("dosing", "doing"),  # one edit, but a form of the story's "dose"
    ],
)
def test_a_rare_real_word_is_no_typo_of_a_word_two_edits_away_or_of_no_story_word(
    word: str, story: str
) -> None:
    speller = Speller(
        frozenset({story, "either", "dose"}),
        own=frozenset({story, "dose"} - {"either"}).__contains__,
        inflected=lambda w: w.startswith("dos"),
    )
    assert speller.correct(word) == word


def test_a_rare_real_word_is_read_as_the_story_word_it_misspells(malaria: Engine) -> None:
    decision = malaria.decide(Query(text="who is ghana's health minster"))
    assert decision.answer.answered and "Asante-Darko" in decision.answer.text


def test_of_words_as_close_by_ratio_the_typo_is_read_as_the_one_fewest_edits_away() -> None:
    assert Speller(frozenset({"protect", "protest"})).correct("protset") == "protest"
    assert Speller(frozenset({"other", "their"})).correct("thier") == "their"


def test_of_words_as_close_the_typo_is_read_as_the_one_the_story_uses() -> None:
    # "reduce" is a word of the general paraphrases, "rescue" the story's own: one edit each
    speller = Speller(frozenset({"reduce", "rescue"}), own=frozenset({"rescue"}).__contains__)
    assert speller.correct("resuce") == "rescue"
    # a word of chat is as likely meant as the story's: "thnk you" thanks, as it did before
    chat = Speller(
        frozenset({"thank", "think"}),
        own=frozenset({"think"}).__contains__,
        filler=frozenset({"thank"}),
    )
    assert chat.correct("thnk") == "thank"


def test_a_short_typo_with_two_letters_swapped_is_read_as_the_story_word() -> None:
    speller = Speller(frozenset({"game", "home", "gate", "trial"}))
    assert speller.correct("gmae") == "game"  # a ratio of 75: too far for the fuzzy match
    assert speller.correct("hmoe") == "home"
    assert speller.correct("gmxe") == "gmxe"  # two letters wrong, not swapped: left alone


def test_a_place_the_entry_does_not_name_is_not_answered_with_another(lagos: Engine) -> None:
    other = lagos.decide(Query(text="how long will the ride from Oshodi to Marina take"))
    assert not other.answer.answered
    assert other.best is not None and other.best.evidence.elsewhere == 1.0
    same = lagos.decide(Query(text="how long is the ride from Ikorodu to Oshodi now"))
    assert same.answer.answered and same.best is not None and same.best.evidence.elsewhere == 0
    # the title's Lagos is the story's setting: it holds the Agboyi swamps the entry names
    within = lagos.decide(Query(text="what were the hardest parts to build in Lagos"))
    assert within.answer.answered and within.answer.entry_id == "hardest-section"


def test_a_side_project_the_entry_never_names_is_elsewhere(lagos: Engine) -> None:
    # an entry naming no programme is about the story's own line, not its phase two
    other = lagos.decide(Query(text="when did phase two construction start"))
    assert not other.answer.answered
    assert other.best is not None and other.best.evidence.elsewhere == 1.0
    same = lagos.answer(Query(text="When will phase two be finished?"))
    assert same.answered and "December 2027" in same.text


def test_a_country_asked_as_where_the_entry_never_names_is_elsewhere(malaria: Engine) -> None:
    kenya = malaria.answer(Query(text="How many people die of malaria in Kenya each year?"))
    assert not kenya.answered  # the story gives Africa's toll, not Kenya's
    africa = malaria.answer(Query(text="how many die of malaria in africa each year"))
    assert africa.answered and africa.entry_id == "malaria-deaths"
    # an entry naming no wider place answers for the country: one price holds everywhere
    ghana = malaria.answer(Query(text="What does the vaccine cost in Ghana?"))
    assert ghana.answered and ghana.entry_id == "cost-per-dose"
    # a country's people counted are counted in it; a continent is no other's
    assert not malaria.answer(Query(text="how many kenyans die from malaria yearly")).answered
    assert not malaria.answer(Query(text="how many people die of malaria in asia")).answered


def test_a_country_the_entry_never_names_but_another_is_another_party(engine: Engine) -> None:
    other = engine.answer(Query(text="when was the last chinese moon landing"))
    assert not other.answered and "about China" in other.text  # 1972 was the US's
    assert engine.answer(Query(text="when was the last moon landing")).answered
    # the entry names Kakar, whose name "the Pakistani PM" says Pakistan
    met = engine.decide(Query(text="who did pakistan's pm meet at the great hall of the people?"))
    assert met.answer.entry_id == "xi-meeting"
    assert met.best is not None and met.best.evidence.elsewhere == 0.0


def test_someone_s_words_on_another_topic_do_not_answer_what_they_said_of_one(
    lagos: Engine,
) -> None:
    # the governor spoke of lost hours; the fare was defended by the rail authority's head
    assert not lagos.answer(Query(text="what did the governor say about the fare")).answered
    fare = lagos.answer(Query(text="what did garba say about the fares"))
    assert not fare.answered and "Adeniran" in fare.text  # the one who did
    # the story's subject, a vague word for it, or no topic: his words answer
    for said in ("about the metro", "about the project", "at the launch"):
        answer = lagos.answer(Query(text=f"what did the governor say {said}"))
        assert answer.answered and "Bakare" in answer.text, said
    # a name few entries give is a topic too: the engineer spoke of the swamp, not covid
    covid = lagos.answer(Query(text="what did chinedu okafor say about covid"))
    assert not covid.answered and "Okafor" in covid.text


def test_a_region_s_figure_does_not_answer_for_a_country_in_it() -> None:
    # with the semantic layer the Africa entry came close (p 0.52 when "elsewhere" weighed -3)
    folder = DATA / "stories" / "malaria-vaccine" / "knowledge"
    malaria = Engine.from_folder(folder, encoder="wordllama")
    asked = malaria.answer(Query(text="how many people die of malaria in ghana each year"))
    assert not asked.answered
    africa = malaria.answer(Query(text="how many people die of malaria in africa each year"))
    assert africa.answered and "580,000" in africa.text
    # the country that has what is counted is where it is counted
    had = malaria.answer(Query(text="how many malaria deaths did ghana have last year"))
    assert not had.answered
    got = malaria.answer(Query(text="how many doses did ghana get"))
    assert got.answered and "1.1 million" in got.text


def test_an_amount_asked_in_a_currency_is_not_answered_in_another(lagos: Engine) -> None:
    assert not lagos.answer(Query(text="how much is the fare in us dollars")).answered
    naira = lagos.answer(Query(text="how much is the fare in naira"))
    assert naira.answered and "750 naira" in naira.text
    # "$1.8 billion" is an amount in dollars
    assert "1.8 billion" in lagos.answer(Query(text="how much did the line cost in dollars")).text


def test_off_peak_is_not_answered_by_peak_times(lagos: Engine) -> None:
    assert not lagos.answer(Query(text="how often do the trains run off-peak?")).answered
    peak = lagos.answer(Query(text="how often do the trains run at peak times?"))
    assert peak.answered and peak.entry_id == "frequency"


def test_a_programme_the_entry_does_not_name_is_another_thing(lagos: Engine) -> None:
    # the builder entry names the Orange Line, another programme
    assert not lagos.answer(Query(text="who's building phase two - same chinese firm?")).answered
    asked = lagos.answer(Query(text="where will phase two go?"))
    assert asked.answered and asked.entry_id == "phase-two-extension"


def test_a_named_thing_is_another_thing_as_a_programme_is(tmp_path: Path) -> None:
    # a maintainer types the Orange Line and its phase two as things (a ship, a vehicle, a
    # building, a product): an entry naming one is not about the other
    folder = tmp_path / "lagos"
    shutil.copytree(STORIES / "lagos-metro" / "knowledge", folder)
    facts = (folder / "facts.yaml").read_text(encoding="utf-8")
    (folder / "facts.yaml").write_text(facts.replace("type: programme", "type: thing"), "utf-8")
    lagos = Engine.from_folder(folder)
    assert not lagos.answer(Query(text="who's building phase two - same chinese firm?")).answered
    asked = lagos.answer(Query(text="where will phase two go?"))
    assert asked.answered and asked.entry_id == "phase-two-extension"


@pytest.mark.parametrize(
    ("past", "present"),
    [("who built it", "who builds it"), ("who paid", "who pays"), ("when it began", "begins")],
)
def test_irregular_past_forms_read_as_their_verb(engine: Engine, past: str, present: str) -> None:
    assert engine.analyzer.analyze(past).terms == engine.analyzer.analyze(present).terms


def test_a_past_form_that_is_another_word_too_is_left_alone(engine: Engine) -> None:
    assert engine.analyzer.analyze("who left").terms != engine.analyzer.analyze("who leaves").terms


def test_an_entry_naming_someone_speaks_of_what_their_names_say(lagos: Engine) -> None:
    # "the train line" is the Orange Line metro, which the builder entry names
    decision = lagos.decide(Query(text="who built the train line?"))
    assert decision.answer.entry_id == "builder"
    assert decision.best is not None and decision.best.evidence.covered == 1.0
    assert "metro" in lagos.tools.implied["@orange-line"]


def test_a_reading_keeps_only_the_wanted_terms_with_their_words(lagos: Engine) -> None:
    reading = lagos.analyzer.analyze("how deep were the piles my aunt keeps asking about")
    kept = reading.keeping(lagos.index.knows)
    assert "aunt" in reading.terms and "aunt" not in kept.terms
    assert len(kept.surfaces) == len(kept.terms) and "piles" in kept.surfaces
    assert kept.qtype == reading.qtype and kept.words == reading.words


@pytest.mark.parametrize(
    ("message", "entry"),
    [
        # the chatter (aunt, surveyor, bugging, dinner; roll, queueing, bores) is words the
        # story never uses
        (
            "my aunt is a retired surveyor who keeps bugging everyone at dinner about the swamp "
            "section: how deep were the foundation piles driven, and where was that",
            "hardest-section",
        ),
        ("how often does a train roll up at rush hour honestly, queueing bores me", "frequency"),
    ],
)
def test_a_long_message_is_read_by_the_words_the_story_knows(
    lagos: Engine, message: str, entry: str
) -> None:
    decision = lagos.decide(Query(text=message))
    assert decision.answer.answered and decision.answer.entry_id == entry


def test_a_long_message_mostly_about_something_else_is_still_declined(lagos: Engine) -> None:
    decision = lagos.decide(
        Query(
            text="ok totally unrelated but my phone keeps freezing every morning since the new "
            "update and my landlord says the router is fine, any idea how to fix that"
        )
    )
    assert not decision.answer.answered


def test_the_one_word_a_short_question_has_that_the_story_lacks_is_what_it_asks(
    engine: Engine,
) -> None:
    # without "think" the rest is Pakistan joining the station, which the story answers
    decision = engine.decide(
        Query(text="what does nasa think about pakistan joining the chinese moon station")
    )
    assert not decision.answer.answered


@pytest.mark.parametrize(
    "question",
    ["who was the first man to set foot on the moon?", "who was the last astronaut on the moon?"],
)
def test_who_asked_of_a_person_is_not_answered_without_one(engine: Engine, question: str) -> None:
    # the entries say which country landed first and when people last went: no one is named
    assert not engine.answer(Query(text=question)).answered


@pytest.mark.parametrize(
    "question",
    [
        "which country wants to put astronauts on the moon by 2040?",  # asks for a country
        "who was the person that signed the agreement",  # the entry names him
    ],
)
def test_a_person_word_does_not_hide_what_the_story_answers(engine: Engine, question: str) -> None:
    assert engine.answer(Query(text=question)).answered


@pytest.mark.parametrize(
    ("question", "qtype"),
    [
        ("india landed in july right", QType.YESNO),
        ("so india landed in july didn't it", QType.YESNO),
        ("the fare is 750 naira or not", QType.YESNO),
        ("pakistan ne sign kiya hai na", QType.YESNO),
        ("when did india land right", QType.WHEN),  # a question word asks what it asks
        ("kakar ne xinjiang mein kya kaha na", QType.QUOTE),  # and so does "kya"
        ("apollo year right", QType.WHEN),
        ("turn left or right", QType.NONE),  # an alternative, no tag
        ("yes or no", QType.NONE),
        ("my parents are there", QType.NONE),  # "are there" asks nothing of a statement
    ],
)
def test_a_tag_asks_a_statement_as_a_yes_no_question(question: str, qtype: QType) -> None:
    assert detect_qtype(question.split()) == qtype


def test_roman_urdu_for_how_much_asks_an_amount() -> None:
    # "kitne mein bika?": for how much was it sold; "kitne log": how many people
    assert detect_qtype("club kitne mein sold".split()) == QType.AMOUNT
    assert detect_qtype("kitne log zakhmi".split()) == QType.COUNT


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        ("so india landed in july right", "so india landed in july"),
        ("india landed in july didn't it", "india landed in july"),
        ("the fare is 750 naira or not", "the fare is 750 naira"),
        ("pakistan ne sign kiya hai na", "pakistan ne sign kiya"),
        # after a yes/no question's verb too, but never its doing's object nor its answer
        ("is the fare 1000 naira right", "is the fare 1000 naira"),
        ("did the line open in july right", "did the line open in july"),
        ("did they do it right", "did they do it right"),
        ("did kenya vote no", "did kenya vote no"),
        # the statement's own last word: no tag
        ("pakistan said yes", "pakistan said yes"),
        ("good bot eh", "good bot eh"),
        ("yes or no", "yes or no"),
    ],
)
def test_a_tag_is_no_word_of_what_is_asked(question: str, kept: str) -> None:
    assert read_asking(question.split())[1] == kept.split()


@pytest.mark.parametrize(
    ("question", "qtype"),
    [
        ("what did the whole thing cost the state", QType.WHAT),  # a noun after "the"
        ("what was the claim about the fares", QType.WHAT),
        ("what did the governor state about the fares", QType.QUOTE),  # a verb
        ("what did they claim", QType.QUOTE),
        # "called" asks a name, last or before what the thing does
        ("what is the fan group called that is against the deal", QType.WHAT),
        ("what did kessler call the club", QType.QUOTE),
        # the asker's "tell me" asks what follows, not anyone's words
        ("could you please tell me what post rekdal holds", QType.WHAT),
        ("kindly tell us what the museum has", QType.WHAT),
        ("what did they tell the nurses", QType.QUOTE),
    ],
)
def test_a_say_word_after_a_determiner_is_a_noun(question: str, qtype: QType) -> None:
    assert detect_qtype(question.split()) == qtype


@pytest.mark.parametrize(
    ("said", "plain"),
    [
        ("who launched it on the kenyan side", "who launched it for kenyan"),
        ("who came from the federal side", "who came for federal"),
        ("what is on the far side of the moon", "what is on the far side of the moon"),
        ("over how many years is it paid back", "over how many years is it repay"),
        ("when will they pay the loan back", "when will they repay the loan"),
        # what was paid for something: no repaying
        ("how much did they pay for them back then", "how much did they pay for them back then"),
        (
            "what did they pay for the land back in 1921",
            "what did they pay for the land back in 1921",
        ),
        ("will they pay it back then", "will they repay it then"),
        ("why did it go so far over budget", "why did it go over budget"),
        ("why is it so far behind schedule", "why is it delayed"),
        ("is it far ahead of schedule", "is it ahead of schedule"),
        ("it is by far over budget", "it is by far over budget"),
        ("how far is the dam from the capital", "how far is the dam from the capital"),
        ("could the artemis timeline slip", "could the artemis timeline delay"),
        ("has the date slipped", "has the date delayed"),
        ("who made the money slide", "who made the money slide"),  # a noun
        ("how many doses were shipped in", "how many doses were delivered"),
        ("why did the costs balloon", "why did the costs rose"),
        ("what does she do for a living", "what does she job"),
        ("did the police lock anybody up", "did the police arrest anybody"),
        ("when will the sale actually go through", "when will the sale actually completed"),
        ("before the deal goes through", "before the deal completed"),
        ("did they lock him up", "did they arrest him"),
        ("do trains run off peak", "do trains run offpeak"),
        ("how often do trains run outside rush hour", "how often do trains run offpeak"),
        ("trains outside of the peak hours", "trains offpeak"),
        ("what did he do for work before", "what did he job before"),
        ("how far over budget did it go", "how much over budget did it go"),
        ("how far above its estimate was the cost", "how much above its estimate was the cost"),
        ("how come it went so over budget", "why it went so over budget"),
        ("how many can the ground hold", "how many capacity of the ground"),
        ("how many passengers can one train carry", "how many capacity of one train"),
        ("how many people fit in the stadium", "how many capacity of the stadium"),
        ("how many passengers will the line carry", "how many passengers will the line carry"),
        ("how many people does the stadium hold", "how many capacity of the stadium"),
        ("how many seats does the party hold", "how many seats does the party hold"),
        ("how many meetings can he hold", "how many meetings can he hold"),
        ("how many did the ferry carry", "how many did the ferry carry"),  # on one day
        ("how many does the line carry a day", "how many does the line carry a day"),
        ("how much money did the club bring in", "how much money did the club revenue"),
        ("who is footing most of the bill", "who is paid"),
        ("please summarise what kakar said", "please what kakar said"),
        ("i heard ghana only got 700k doses true", "is ghana only got 700k doses"),
        ("i heard that the fare is 500 naira right", "is the fare is 500 naira"),
        ("i heard the news", "i heard the news"),
        ("i heard pakistan joined true", "i heard pakistan joined true"),  # no figure to check
        ("i heard that right", "i heard that right"),
        ("how many people live in lagos", "how many people in lagos"),
        ("is the price gonna drop", "is the price gonna fall"),
        ("will the price come down later", "will the price fall later"),
        ("why did the naira drop so much", "why did the naira drop so much"),  # no price
        ("where do the people live", "where do the people live"),
        ("did they bring in the army", "did they bring in the army"),
        ("how much will the deal bring in", "how much will the deal bring in"),
        ("how much did they bring in from the sale", "how much did they bring in from the sale"),
        ("whats the deal with phase two", "what about phase two"),
        ("what is the deal", "what is the deal"),  # the deal itself
        ("did i hear right that it opened in 2020", "is it opened in 2020"),
        # a statement with "right?" after it is read as a yes/no question (qtypes.untagged)
        (
            "the line was supposed to open in 2020 right",
            "the line was supposed to open in 2020 right",
        ),
        ("who is right", "who is right"),
        ("is it the right one", "is it the right one"),
        ("how old is the top engineer", "how old is the chief engineer"),
        ("what does nik mean", "what is nik"),
        ("why is storage such a problem", "what concern storage"),
        ("why storage a headache", "what concern storage"),  # "why's", as read
        ("what does the knvb stand for", "what is the knvb"),
        ("kctu full form", "what is kctu"),  # South Asian English: what it stands for
        ("welder kitne saal ka tha", "welder how old"),  # Roman Urdu: how many years of
        ("kitne saal mein bharega", "kitne saal mein bharega"),  # in how many years: no age
        ("cnsa ka full form kya hai", "what is cnsa kya hai"),
        ("full form of lmra", "what is lmra"),
        ("what is pno short for", "what is pno"),
        ("knvb this letters is short for what", "what is knvb"),  # pidgin, as read
        ("is the fare short for anything", "is the fare short for anything"),  # no name asked
        ("fill in the form", "fill in the form"),  # a form, no full form
        ("who voted no", "who voted against"),
        ("how many trustees voted yes", "how many trustees voted for"),
        ("does kalmora buy that study", "does kalmora accept that study"),
        (
            "how much did the federal government put in",
            "how much did the federal government contributed",
        ),
        ("what is arts council england putting in", "what is arts council england contributed"),
        ("what arts council england putting in", "what arts council england contributed"),
        ("do they buy the company's story", "do they accept the company's story"),
    ],
)
def test_idioms_read_as_the_plain_words_for_them(said: str, plain: str) -> None:
    assert plain_words(said.split()) == plain.split()


@pytest.mark.parametrize(
    "said",
    [
        "how many ships in the fleet",
        "did the product ship to customers",
        "he slipped on the ice",
        "who is on the financial side",
        "were they on the winning side",
        "is it on the far side of the moon",
        "who brought the balloon",
        "what did they do for the fans",
        "they locked up the stadium",
        "is the stadium locked up",
        "the protest outside the stadium",
        "the players were locked up in the dressing room",
        "which stations does it go through",
        "what did the club do for money",
        "is it a debt spiral",
        "the line goes through the swamp",
        "it has to go through parliament",
        "is it the right line",  # "right" as in the one meant
        "who is right about the fare",
        "how far is the moon",
        "how far over the swamp does the bridge run",
        "what is the top speed",
        "who was the top scorer",
        "are they at the top of the table",
        "who is the top guy at the club",
        "who is the club's top executive",
        "what does it mean for the fans",
        "why did the fare become an issue",
        "is there no vote",
        "did they buy the ship",  # bought, not believed
        "did they put in a bid",  # money only when asked last: "how much … put in?"
        "what extra shifts did the nurses put in",  # a thing after "what": that thing put in
        "what bid did castellan put in",
        "what safety features are they putting in",
        "did the hospital buy the data back",
        "how much did they put in the bank",
        "how much did the study cost to buy",
    ],
)
def test_ordinary_english_is_not_read_as_an_idiom(said: str) -> None:
    assert plain_words(said.split()) == said.split()


def _every_idiom_tried(words: list[str]) -> list[str]:
    """Return `words` with every idiom replaced, no text skipped by the key-word check."""
    text = " ".join(words)
    for pattern, plain in idioms._COMPILED:
        text = pattern.sub(plain, text)
    return text.split()


def _matching(parsed: Any, rng: random.Random) -> str:
    """Return a random text that the parsed regular expression `parsed` may match."""
    out = []
    for op, arg in parsed:
        name = str(op)
        if name == "LITERAL":
            out.append(chr(arg))
        elif name == "IN":  # \\d, \\w, or a class of letters
            digits = "CATEGORY_DIGIT" in str(arg)
            out.append(rng.choice("0123456789" if digits else "abcxyz"))
        elif name == "BRANCH":
            out.append(_matching(rng.choice(arg[1]), rng))
        elif name == "SUBPATTERN":
            out.append(_matching(arg[-1], rng))
        elif name in ("MAX_REPEAT", "MIN_REPEAT"):
            low, high, item = arg
            times = rng.randint(low, min(high, low + 2))
            out.extend(_matching(item, rng) for _ in range(times))
    return "".join(out)  # boundaries and lookaheads add nothing; a miss is tested all the same


def test_the_key_word_check_skips_no_text_an_idiom_changes() -> None:
    rng = random.Random(13)  # noqa: S311 - made-up texts, no secret
    fillers = "the a it them kenyan could will deal to up out".split()
    for pattern, _ in idioms._IDIOMS:
        parsed = re_parser.parse(pattern)
        changed = 0
        for _ in range(60):
            said = _matching(parsed, rng).split()
            words = (
                rng.choices(fillers, k=rng.randint(0, 2))
                + said
                + rng.choices(fillers, k=rng.randint(0, 2))
            )
            expected = _every_idiom_tried(words)
            assert plain_words(words) == expected, words
            changed += expected != words
        assert changed, pattern  # the texts made do hold the idiom


@pytest.mark.parametrize(
    ("said", "plain"),
    [
        ("when was that again", "when was that"),  # remind me: no repeat is asked about
        ("who was he again", "who was he"),
        ("when will they go to the moon again", "when will they go to the moon again"),
    ],
)
def test_again_that_asks_to_be_reminded_is_not_a_word_to_match(said: str, plain: str) -> None:
    assert plain_words(said.split()) == plain.split()


def test_a_reminder_with_nothing_to_lean_on_is_not_answered(engine: Engine) -> None:
    assert not engine.answer(Query(text="when was that again?")).answered


@pytest.mark.parametrize("said", ["what did this say about the loan", "what did each say"])
def test_a_say_word_after_a_pronoun_still_asks_for_words(said: str) -> None:
    assert detect_qtype(said.split()) == QType.QUOTE


def test_repaid_is_the_past_of_repay(lagos: Engine) -> None:
    repaid = lagos.analyzer.analyze("when is the loan repaid").terms
    assert set(repaid) == set(lagos.analyzer.analyze("when do they repay the loan").terms)


def test_an_edition_asked_for_is_held_by_a_number(engine: Engine) -> None:
    # "the Third Belt and Road Forum": the ordinal says which edition
    answer = engine.answer(Query(text="Which edition of the Belt and Road Forum was it?"))
    assert answer.answered and "Third" in answer.text


@pytest.mark.parametrize(
    ("question", "said"),
    [("phase 2 going where", "Marina"), ("the inaugural ride went from where to where?", "Oshodi")],
)
def test_a_verb_of_going_in_a_where_question_only_asks_where(
    lagos: Engine, question: str, said: str
) -> None:
    assert "go" not in lagos.analyzer.analyze("where is phase 2 going").terms
    assert "go" in lagos.analyzer.analyze("when is phase 2 going ahead").terms
    answer = lagos.answer(Query(text=question))
    assert answer.answered and said in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "is the CEO going to face the fans",
        "what is the money going to be spent on",
        "when's kenya going nationwide with it",
        "how much would go on fares",
    ],
)
def test_a_go_that_goes_nowhere_is_not_a_word_to_match(lagos: Engine, question: str) -> None:
    assert "go" not in lagos.analyzer.analyze(question).terms


@pytest.mark.parametrize(
    "question",
    [
        "will astronauts go to the moon",
        "is the line going to oshodi",  # a name follows
        "did the fares go up",
        "when is phase 2 going ahead",
        "does the line go via ikeja",
        "how much does a ticket go for",  # a price
    ],
)
def test_a_go_that_goes_somewhere_is_kept(lagos: Engine, question: str) -> None:
    assert "go" in lagos.analyzer.analyze(question).terms


def test_a_go_of_the_knowledges_own_phrases_is_read_as_them(lagos: Engine) -> None:
    # lagos-metro's synonyms read "go-slow" as traffic
    assert "traffic" in lagos.analyzer.analyze("how long do people spend in go-slow").terms
    answer = lagos.answer(Query(text="why was the line built, the go-slow?"))
    assert answer.answered and "traffic" in answer.text


def test_only_going_to_before_a_verb_says_will(malaria: Engine) -> None:
    assert "went" in malaria.analyzer.analyze("how many doses went to each country").terms
    assert "go" not in malaria.analyzer.analyze("did the deal go through").terms


def test_a_part_that_points_back_is_read_with_the_sure_part_before_it(malaria: Engine) -> None:
    decision = malaria.decide(
        Query(text="wait so who's the guy from gavi and what's his role there?")
    )
    assert decision.answer.answered and "managing director" in decision.answer.text
    sure = malaria.decide(Query(text="wait so who's the guy from gavi"))
    assert sure.best is not None
    turn = malaria.turn_of(sure.answer, "wait so who's the guy from gavi")
    assert turn is not None and malaria.dialogue.within("what's his role there", turn)
    assert not malaria.dialogue.within("what happens next", turn)  # no pronoun: a new question


def test_a_word_only_an_entitys_lower_case_names_use_names_it() -> None:
    names = {
        "@bakare": ["Governor Olatunde Bakare", "the governor", "Lagos governor"],
        "@garba": ["Ibrahim Garba", "the minister"],
        "@south-africa": ["South Africa"],  # capitalised: part of a proper name
        "@okafor": ["the chief engineer"],
        "@lmra": ["the chief executive"],  # two own "chief": it names neither
    }
    found = describing_words(names, lambda text: tuple(text.split()))
    assert found["governor"] == "@bakare" and found["minister"] == "@garba"
    assert found["executive"] == "@lmra"
    assert "south" not in found and "South" not in found  # no lower-case name says it
    assert "chief" not in found  # two entities' names use it


def test_a_describing_word_the_knowledge_only_uses_in_a_name_asks_for_that_entity(
    lagos: Engine, malaria: Engine
) -> None:
    # every "governor" of the lagos knowledge is in "Governor Bakare", every "maker" of the
    # malaria one in "the maker" (Kavach Biologics)
    governor = lagos.answer(Query(text="Which governor is in this story?"))
    assert governor.answered and "Bakare" in governor.text
    maker = malaria.answer(Query(text="how many doses can the maker churn out per year"))
    assert maker.answered and "40 million" in maker.text


def test_how_old_is_a_title_asks_the_age_of_the_one_person_it_describes() -> None:
    football = Engine.from_folder(DATA / "stories" / "football-takeover" / "knowledge")
    # "chairman" is in other entries too, but only Henk Bosveld's names use it
    chairman = football.answer(Query(text="how old is the chairmen"))
    assert chairman.answered and "67" in chairman.text


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("over what time period was it measured", QType.DURATION),
        ("what time frame does the trial cover", QType.DURATION),
        ("what time does it open", QType.WHEN),
    ],
)
def test_a_time_period_asks_how_long_not_a_time_of_day(question: str, kind: QType) -> None:
    words = question.split()
    assert detect_qtype(words) == kind
    assert (Need.TIME in needs(kind, tuple(words))) == (kind == QType.WHEN)


@pytest.mark.parametrize(
    "question",
    ["what caused the delay", "what led to the protest", "how come it slipped", "what prompted it"],
)
def test_a_cause_asked_without_why_asks_for_a_reason(question: str) -> None:
    words = question.split()
    assert Need.REASON in needs(detect_qtype(words), tuple(words))
    assert detect_qtype("what led the project".split()) == QType.WHAT  # "led" alone is no cause
    assert detect_qtype("what cause are the fans fighting for".split()) == QType.WHAT  # a noun


def test_a_sentence_without_a_cause_does_not_answer_what_caused_it() -> None:
    football = Engine.from_folder(DATA / "stories" / "football-takeover" / "knowledge")
    # the story says only that the club survived "a bankruptcy scare in 2003"
    assert not football.answer(Query(text="What caused the bankruptcy scare in 2003?")).answered
    assert football.answer(Query(text="Was there a bankruptcy scare in 2003?")).answered


@pytest.mark.parametrize(
    "planned",
    ["Phase two is due to be completed in 2027.", "Uganda is due to begin its rollout in May."],
)
def test_an_answer_due_to_happen_gives_no_reason(planned: str) -> None:
    offered = offers(planned)
    assert Need.REASON not in offered and Need.PAST not in offered  # a plan: nothing happened
    assert Need.REASON in offers("The line was delayed due to flooding.")


def test_a_stretch_of_time_asked_for_is_answered(malaria: Engine) -> None:
    answer = malaria.answer(
        Query(text="the 71% — that's measured over what time period after the 3rd dose?")
    )
    assert answer.answered and "71%" in answer.text


def test_a_person_asked_for_by_what_their_description_says_is_answered() -> None:
    football = Engine.from_folder(DATA / "stories" / "football-takeover" / "knowledge")
    # the fact store's Daniel Kessler "founded Castellan Peak Group ... and is its chief
    # executive": no phrasing of his names the chief of Castellan, his description does
    answer = football.answer(Query(text="who is the chief of Castellan Peak Group"))
    assert answer.answered and answer.entry_id == "daniel-kessler"
    assert not football.answer(Query(text="who is the chief of the supermarket chain")).answered
    # a job word alone is covered by anyone with a title: no person is asked for by it
    for question in ("who is the boss", "who is the head of the knvb"):
        assert not football.answer(Query(text=question)).answered


def test_a_name_only_a_doubted_claim_says_is_not_what_a_long_message_asks_about(
    engine: Engine,
) -> None:
    def terms(clause: str) -> tuple[str, ...]:
        return engine.analyzer.analyze(clause).terms

    said = "my uncle swears it was Xi Jinping at the signing, but who was it actually"
    assert hearsay_names(said, terms) == {"@xi-jinping"}
    assert not hearsay_names("my uncle swears Xi signed it, but did Xi sign it", terms)
    short = "Kakar says China is a friend?"  # asks what Kakar says: read as it is
    assert undoubted(short, engine.analyzer.analyze(short), terms).terms == terms(short)
    message = (
        "honestly my whole family has been arguing all evening, my brother swears it was Xi"
        " Jinping who sat with our prime minister for the moon agreement, but the article"
        " named a different chinese leader i think, who was it then?"
    )
    best = engine.decide(Query(text=message)).best
    assert best is not None and best.entry.id == "signing"  # Li Qiang signed, not Xi


def test_day_to_day_asks_for_no_day(lagos: Engine) -> None:
    reading = lagos.analyzer.analyze("who actually runs the orange line day to day?")
    assert "day" not in reading.terms and "daili" in reading.terms
    answer = lagos.answer(Query(text="who actually runs the orange line day to day?"))
    assert not answer.answered or "July" not in answer.text  # not the opening day


@pytest.fixture(scope="module")
def football() -> Engine:
    """The football-takeover story's engine, semantic layer on."""
    return Engine.from_folder(DATA / "stories" / "football-takeover" / "knowledge")


@pytest.mark.parametrize(
    "question",
    ["Who was chairman before Henk Bosveld?", "who was chairman after bosveld"],
)
def test_who_came_before_or_after_someone_is_not_that_person(
    football: Engine, question: str
) -> None:
    # the entries about Bosveld's future name only him: the one asked for is someone else
    assert not football.answer(Query(text=question)).answered


@pytest.mark.parametrize(
    "question", ["Who will replace Bosveld?", "who succeeded Bosveld", "who came after Bosveld"]
)
def test_who_replaced_or_followed_someone_asks_for_another(football: Engine, question: str) -> None:
    assert Need.OTHER in football.analyzer.analyze(question).asks


def test_a_country_or_capital_the_story_never_names_is_elsewhere(
    lagos: Engine, malaria: Engine, engine: Engine
) -> None:
    ghana = lagos.decide(Query(text="what is the minimum wage in ghana"))
    assert not ghana.answer.answered  # Lagos's 70,000 naira is Nigeria's
    assert ghana.best is not None and ghana.best.evidence.elsewhere == 1.0
    assert lagos.answer(Query(text="what is the minimum wage")).answered
    assert not engine.answer(
        Query(text="Has Iran joined the Chinese moon base project too?")
    ).answered
    # a place read in part is none: "city" alone of Kuwait City names nowhere
    knust = malaria.answer(Query(text="which city is KNUST in"))
    assert knust.answered and "Kumasi" in knust.text


def test_a_large_city_the_story_never_names_is_elsewhere_unless_offered(engine: Engine) -> None:
    bridge = Engine.from_folder(STORIES / "bridge-closure" / "knowledge")
    krakow = bridge.decide(Query(text="why did krakow shut its vistula bridge"))
    assert not krakow.answer.answered  # Torun's bridge, not Krakow's
    assert krakow.best is not None and krakow.best.evidence.elsewhere == 1.0
    # offered as one of two, the other is the story's: where it was is asked
    offered = engine.answer(Query(text="Beijing or Shanghai - where was the agreement inked?"))
    assert offered.answered and "Beijing" in offered.text


def test_a_statement_checked_with_right_is_a_yes_no_question(lagos: Engine) -> None:
    checked = lagos.answer(Query(text="The line was supposed to open in 2020, right?"))
    # the story gives another year, and says so, not "the story doesn't say"
    assert checked.kind == AnswerKind.CORRECTION and "doesn't give 2020" in checked.text


def test_a_phrasing_asking_for_others_does_not_answer_who_did(engine: Engine) -> None:
    # "Who else has joined China's moon base?" is a phrasing of the supporters' entry
    joined = engine.answer(Query(text="which country just signed up for china's moon base thing?"))
    assert (
        joined.answered and joined.entry_id != "supporters" and "Pakistan has joined" in joined.text
    )
    others = engine.answer(Query(text="who else has joined china's moon base?"))
    assert others.answered and others.entry_id == "supporters"


def test_a_chatty_message_is_read_with_the_figures_it_states() -> None:
    # its words the story never uses are chatter, but a season no entry gives is no chatter
    football = Engine.from_folder(STORIES / "football-takeover" / "knowledge", encoder="none")
    asked = "what was eemland's net debt the year before, in {}"
    assert football.answer(Query(text=asked.format("2024-25"))).answered
    assert not football.answer(Query(text=asked.format("2023-24"))).answered


def test_the_asker_s_own_figures_are_chatter(engine: Engine) -> None:
    quiz = "we have a quiz at 9 am with 20 questions and one is which country first reached"
    answer = engine.answer(Query(text=quiz + " the south pole of the moon"))
    assert answer.answered and "India" in answer.text


def test_a_comparative_or_superlative_is_read_as_the_story_s_own_degree(
    lagos: Engine, malaria: Engine
) -> None:
    # not a typo to correct into another word: "busiest" was read as "buses"
    assert "buse" not in lagos.analyzer.analyze("the busiest point").terms
    # the story's own form of it answers it: the FAQ asks "will the vaccine get cheaper?"
    cheaper = malaria.analyzer.analyze("cheaper").terms
    assert malaria.analyzer.analyze("cheapest").terms == cheaper
    # a word of its own that ends like one is left alone: "banner" is no "ban"
    assert Speller(frozenset({"ban", "hotter"})).degree("banner") is None
    assert Speller(frozenset({"ban", "hotter"})).degree("hottest") == "hotter"


def test_a_sum_asked_of_one_thing_is_not_answered_by_another_s_in_that_currency(
    lagos: Engine,
) -> None:
    # "A flat fare of 750 naira per trip. Monthly passes with a 20 percent discount …"
    assert not lagos.answer(Query(text="how much will the monthly pass cost in naira")).answered
    ticket = lagos.answer(Query(text="how much is a ticket in naira"))
    assert ticket.answered and "750" in ticket.text


def test_a_count_asked_of_one_place_is_not_answered_by_a_list_s_total(malaria: Engine) -> None:
    # "The phase 3 trial involved 9,400 children in Ghana, Kenya, Mali and Tanzania."
    kenyan = malaria.answer(Query(text="how many kenyan children were in the trial specifically"))
    assert not kenyan.answered
    # however closely the question words an entry's phrasing (and means it: the encoder
    # on), the answer is the whole list's
    meant = story_engine("malaria-vaccine")
    for said in (
        "how many kids in kenya were in the trial",
        "how many Kenyan children were in the trial?",
    ):
        assert not meant.answer(Query(text=said)).answered
    assert malaria.answer(Query(text="how many children were in the trial")).answered
    whole = "how many children in ghana, kenya, mali and tanzania took part in the trial?"
    assert malaria.answer(Query(text=whole)).answered  # the list itself is asked of
    # ", according to WHO estimates, and children under five account for …" is no list
    under_five = "i read 580,000 die every year, how many of those deaths are children under five"
    assert malaria.answer(Query(text=under_five)).answered


def test_a_name_said_after_the_is_read_without_it_at_a_messages_start() -> None:
    football = story_engine("football-takeover")  # the Eemstadion's alias: "the stadium"
    capacity = football.answer(Query(text="stadium capacity?"))
    assert capacity.answered and "18,450" in capacity.text
    # a plural is no one named: "welders on strike?" asks of welders, not of "the welder"
    shipyard = story_engine("shipyard-strike")
    assert shipyard.analyzer.analyze("welders on strike?").terms == ("welder", "strike")
    # a longer name without "the" stays itself: "union boss" is Oh, not "the union"
    assert story_engine("shipyard-strike").analyzer.analyze("union boss?").terms == (
        "@oh-jae-hyun",
    )
