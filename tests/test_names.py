"""A question that asks for a name is answered only by an answer that gives one."""

from __future__ import annotations

import pytest

from bot.knowledge.loading import default_folder
from bot.matching.asking import needs
from bot.matching.engine import Engine
from bot.matching.lexicon import QType
from bot.matching.nameasked import named_thing, role_asked, which_listed, which_named
from bot.matching.names import AnswerNames
from bot.matching.nametext import proper_names
from bot.matching.needs import Need
from bot.models import Query
from tests.turnkit import story_engine


@pytest.mark.parametrize(
    ("words", "asked"),
    [
        ("what is the name of the lander", True),
        ("moon base name", True),
        ("what is the home ground called", True),
        ("what was the lander named", True),
        ("name the countries that backed it", False),  # a list: whatever answers it names
        ("name three supporters", False),
        ("name one partner", False),
        ("name 2 partners", False),
        ("who named the station", False),
        ("what did the premier call it", False),
        ("when was the strike called", False),
        ("by when does it want to be a major name in space", False),  # someone well known
        ("is he a big name", False),
        ("what is a name of the base", True),
        ("is there an official name for the station", True),
        ("does it have a code name", True),
        ("what are the names of the two injured workers", True),  # theirs, not a list to give
        ("names of the partners", True),
        ("give me names", False),
    ],
)
def test_a_question_asks_for_a_name_when_it_says_so(words: str, asked: bool) -> None:
    assert (Need.NAME in needs(QType.WHAT, tuple(words.split()))) is asked


@pytest.mark.parametrize(
    ("words", "qtype", "asked"),
    [
        ("who was chairman before henk bosveld", QType.WHO, True),
        ("which countries landed on the moon before india", QType.WHO, True),
        ("who backs it besides pakistan", QType.WHO, True),
        ("apart from kenya where is it starting", QType.WHERE, True),
        ("what clubs other than eemland does it own", QType.WHAT, True),
        ("who was queueing before dawn", QType.WHO, False),  # "dawn" names no one
        ("what did india do before the landing", QType.WHAT, False),
        ("when did india land before pakistan joined", QType.WHEN, False),  # asks a date
        ("who ran it before the buyer", QType.WHO, True),
        ("what did the buyer do before the takeover", QType.WHAT, False),  # "the" is no name
        ("who was chairman before henk", QType.WHO, False),  # not the name as it was given
        ("who must approve it besides the knvb", QType.WHO, True),  # "the" before a name
        ("what was the ride like before the orange line", QType.WHAT, False),  # another time
        ("where did they play before eemland", QType.WHERE, False),
        ("which three countries landed before india", QType.WHAT, True),  # picks countries
    ],
)
def test_a_question_asks_for_another_than_the_name_it_gives(
    words: str, qtype: QType, asked: bool
) -> None:
    named = frozenset(
        {"henk bosveld", "india", "pakistan", "kenya", "eemland", "knvb", "the buyer"}
    )
    assert (Need.OTHER in needs(qtype, tuple(words.split()), named)) is asked


def test_an_answer_naming_only_the_one_asked_about_does_not_name_another(ask) -> None:
    assert not ask("which countries have landed on the moon before india").answered
    # another country, named anywhere in the answer, is the other asked for
    backers = ask("Who else supports the project apart from Pakistan?")
    assert backers.answered and backers.entry_id == "supporters"
    assert Need.OTHER not in needs(QType.WHO, ("who", "before"), frozenset({""}))
    others = ask("which countries support the station besides pakistan?")
    assert others.answered and "Russia" in others.text


def test_names_are_capitalised_words_inside_a_sentence_or_no_english_word() -> None:
    names, openers = proper_names(
        "Eemstadion holds 12,500. The club plays there in August. India landed; the "
        "China-led ILRS uses R21/Matrix-M from a Miami-based firm run by Daniel Kessler."
    )
    assert names == ["Eemstadion", "China", "ILRS", "R21/Matrix-M", "Miami", "Daniel", "Kessler"]
    assert openers == ["The", "India"]  # English words: names only if the story knows them


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The deal went to \u00d8rsted on Monday's vote.", ["\u00d8rsted"]),  # no weekday
        ("She met Mr. Rose and the U.S. Navy.", ["Mr", "Rose", "U.S", "Navy"]),
        ("THE LANDER IS CALLED HOPE.", []),  # a sentence in capitals names nothing by them
        ("", []),
    ],
)
def test_names_in_other_scripts_after_titles_and_not_in_shouting(
    text: str, names: list[str]
) -> None:
    assert proper_names(text)[0] == names


def _reader(
    answers: list[str],
    subjects: dict[int, str] | None = None,
    implied: dict[str, set[str]] | None = None,
) -> AnswerNames:
    def terms(text: str) -> tuple[str, ...]:
        known = {"india": "@india", "us": "@usa", "cnsa": "@cnsa"}
        return tuple(known.get(w.lower(), w.lower()) for w in text.split())

    countries = frozenset({"@india", "@usa"})
    meanings = {name: frozenset(words) for name, words in (implied or {}).items()}
    return AnswerNames(answers, terms, countries, frozenset({"country"}), subjects or {}, meanings)


def test_an_answer_gives_a_name_the_question_does_not_already_hold() -> None:
    reader = _reader(
        [
            "India landed near the south pole in August.",  # names nothing but India
            "India looks to 2040, the US to 2025.",  # a country is no lander's name
            "The Chandrayaan-3 lander touched down.",
            "India became the fourth country to land.",
        ]
    )
    lander = frozenset({"@india", "lander"})
    assert not reader.gives(0, lander)
    assert not reader.gives(1, lander)
    assert reader.gives(2, lander)
    assert reader.gives(3, frozenset({"fourth", "country"}))  # asks which country: India


def test_a_fact_store_entry_gives_its_own_full_name_when_asked_it() -> None:
    reader = _reader(["CNSA is China's space agency."], subjects={0: "@cnsa"})
    assert reader.gives(0, frozenset({"@cnsa", "full"}))  # "what is CNSA's full name?"


def test_a_name_is_given_only_by_a_clause_about_what_the_question_describes() -> None:
    reader = _reader(["Artemis is a program run by NASA", "Then Russia joined the base"])
    assert not reader.gives(0, frozenset({"base"}))  # "what is the base called?": not Artemis
    assert reader.gives(1, frozenset({"base"}))
    assert reader.gives(0, frozenset({"program"}))
    # named only by its names and where it was read, any clause may give what it is called
    assert reader.gives(0, frozenset({"@nasa", "quoted"}))
    # a clause may speak of the thing by a name's words: "at Bongo" when Bongo is a hospital
    hospital = _reader(["It began at Bongo"], implied={"bongo": {"hospital"}})
    assert hospital.gives(0, frozenset({"hospital"}))
    assert not _reader(["It began at Bongo"]).gives(0, frozenset({"hospital"}))
    assert reader.gives(0, frozenset({"@nasa", "official"}))  # "its official name?"


def test_a_name_asked_for_a_named_place_or_person_is_given_by_their_entry(malaria) -> None:
    for question, entry in [
        ("what's the name of the hospital", "first-doses-ghana"),
        ("what's the name of the Kenyan health secretary", "kamau"),
        ("what is the name of the university", "knust"),
    ]:
        assert malaria.answer(Query(text=question)).entry_id == entry


def test_a_name_the_story_never_gives_is_not_answered_with_a_nearby_fact(ask) -> None:
    for question in (
        "what was the indian lander named?",
        "indian moon lander name pls",
        "what is the name of the moon base",  # Artemis is NASA's program
    ):
        assert not ask(question).answered
    agency = ask("the chinese space agency, what's it called?")
    assert agency.answered and agency.entry_id == "cnsa"
    fourth = ask("what's the name of the country that landed fourth")
    assert fourth.answered and "India" in fourth.text
    partner = ask("name one partner of the lunar base project")
    assert partner.answered and "Russia" in partner.text


def test_a_story_sentence_that_gives_the_name_is_quoted(malaria) -> None:
    answer = malaria.answer(Query(text="what's the brand name?"))
    assert answer.answered and answer.text.startswith("The story says") and "brand" in answer.text


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        ("what the name of the school where willemsen teaches", "school"),
        ("what the name of the united states moon program and when will it land", "program"),
        ("what the name of the fan group fighting the takeover", "group"),
        ("what is the lander called", "lander"),
        ("what the smaller museum in kilwa called", "museum"),  # not the place it is in
        ("what are the names of the six tanzanian conservators", "conservators"),
        ("what are the names of the two injured", "injured"),
        ("what is the first officer name", "officer"),  # "the first officer's name?"
        ("what the name of the ministry the mayor asked for help", "ministry"),
        ("what the name of the power station near algeciras", "station"),  # not where it is
        ("what the name of the clinic chain they hit", "chain"),  # "they" begins what it did
        ("what his name", None),  # says no more than the rest
        ("what it called", None),  # says no more than the rest of the message
        ("chanjo hii ya malaria inaitwa nani", None),  # no "what" before it
    ],
)
def test_the_thing_a_name_is_asked_of(question: str, thing: str | None) -> None:
    assert named_thing(tuple(question.split())) == thing


def test_the_name_of_a_thing_is_one_said_next_to_it_or_holding_its_word() -> None:
    reader = _reader(
        ["Sanne , a primary school teacher and fan since she was nine , chairs the group Eemland"],
        subjects={0: "sanne"},
        implied={"eemland": {"eemland"}},
    )
    school = frozenset({"school", "sanne"})
    assert not reader.gives(0, school, thing=frozenset({"school"}))  # not her, not her group
    assert reader.gives(0, frozenset({"group"}), thing=frozenset({"group"}))
    # a clause calling the thing otherwise may name it: "the new shot" is "the vaccine"
    assert _reader(["The vaccine is called MV-2"]).gives(
        0, frozenset({"shot", "called"}), thing=frozenset({"shot"})
    )


def test_a_name_the_story_leaves_out_is_not_answered_with_another_name_nearby(malaria) -> None:
    for question in (
        "what's the name of the five-month-old girl",
        "whats the name of the baby girl who got the first shot",
    ):
        assert not malaria.answer(Query(text=question)).answered
    assert malaria.answer(Query(text="wats the new shot called")).answered


@pytest.mark.parametrize(
    ("story", "question", "said"),
    [
        ("bridge-closure", "what is the ministry called", "Ministry of National Defence"),
        (
            "bridge-closure",
            "what is the name of the ministry the mayor asked for help",
            "Ministry of National Defence",
        ),
        ("football-takeover", "what's the name of the family selling the club", "Bosveld family"),
    ],
)
def test_a_thing_named_by_a_word_of_its_name_is_named_by_its_full_name(
    story: str, question: str, said: str
) -> None:
    answer = story_engine(story).answer(Query(text=question))
    assert answer.answered and said in answer.text


def test_a_name_saying_where_a_thing_is_is_not_what_it_is_called() -> None:
    reader = _reader(["Two gas plant , one near Algeciras and one in Huelva , tripped"])
    plant = frozenset({"plant"})
    assert not reader.gives(0, plant, thing=plant)  # "the name of the gas plant?"
    town = frozenset({"town"})  # "the name of the town with the gas plant?": where it is
    assert reader.gives(0, town | plant, thing=town)
    assert _reader(["The Huelva plant tripped"]).gives(0, plant, thing=plant)


def test_a_thing_the_answer_sets_apart_from_the_names_beside_it_is_not_named_by_them() -> None:
    workers = frozenset({"workers"})
    others = _reader(["A block fell , killing welder Choi and injuring two other workers"])
    assert not others.gives(0, frozenset({"injured", "workers"}), thing=workers)
    welder = frozenset({"welder"})
    assert others.gives(0, welder, thing=welder)  # the one it names
    listed = _reader(["Captain Vlachakis , the first officer and the helmsman are charged"])
    officer = frozenset({"officer"})
    assert not listed.gives(0, frozenset({"first", "officer"}), thing=officer)
    captain = frozenset({"captain"})
    assert listed.gives(0, captain, thing=captain)


def test_a_clipped_word_for_the_thing_says_the_thing() -> None:
    # "the lab tech's name?": the technician is spoken of, and named by no name near it
    reader = _reader(
        [
            "Solbakken said the intrusion was detected at about 3:40 on Sunday when a night-shift"
            " laboratory technician was unable to log in"
        ]
    )
    tech = frozenset({"tech"})
    assert not reader.gives(0, frozenset({"tech", "log"}), thing=tech)
    named = _reader(["the laboratory technician Ola Berg was unable to log in"])
    assert named.gives(0, frozenset({"tech", "log"}), thing=tech)
    # a word that goes on by a letter or two is another word: "plan" is no clipped "plant"
    plant = _reader(["under the plan agreed years ago , Berg Hidro built the plant"])
    plan = frozenset({"plan"})
    assert not plant.gives(0, frozenset({"plan", "agreed"}), thing=plan)


def test_a_thing_another_clause_speaks_of_is_named_only_by_that_clause() -> None:
    reader = _reader(["Zielinski asked the ministry for help ; a spokesman for it said no"])
    spokesman = frozenset({"spokesman"})
    assert not reader.gives(0, frozenset({"spokesman", "ministry"}), thing=spokesman)


def test_a_name_the_story_does_not_give_is_not_answered_by_those_beside_it() -> None:
    bridge = story_engine("bridge-closure")
    for question in (
        "what's the name of ewa nowicka's bakery",  # she owns it: "bakery owner" is an owner
        "what is the name of the hospital the nurse works at",  # she lives in Podgorz
        "whats the name of the defence ministry spokesman",
    ):
        assert not bridge.answer(Query(text=question)).answered
    for question, who in (
        ("what is the baker called", "Nowicka"),
        ("whats the name of the nurse", "Grabowska"),
    ):
        answer = bridge.answer(Query(text=question))
        assert answer.answered and who in answer.text


def test_an_answer_naming_nothing_is_at_most_a_guess_for_a_name(malaria) -> None:
    # the cold-chain answer holds the words of the question, and no name
    answer = malaria.answer(Query(text="what's the name of the cold store"))
    assert not answer.answered


def test_a_story_entity_beside_the_thing_names_it_only_when_written_as_a_name() -> None:
    def terms(text: str) -> tuple[str, ...]:
        known = {"consortium": "@consortium", "castellan": "@castellan"}
        return tuple(known.get(w.lower(), w.lower()) for w in text.split())

    spelled = {"@consortium": frozenset({"financing"}), "@castellan": frozenset({"castellan"})}
    reader = AnswerNames(
        ["A consortium spokesman declined", "A Castellan spokesman declined"],
        terms,
        frozenset(),
        frozenset(),
        {},
        spelled=spelled,
    )
    spokesman = frozenset({"spokesman"})
    assert not reader.gives(0, spokesman, thing=spokesman)  # "the consortium" is no name
    assert reader.gives(1, spokesman, thing=spokesman)


@pytest.mark.parametrize(
    ("question", "role"),
    [
        ("who is the spokesman for the defence ministry", "spokesman"),
        ("ok so who was the first officer", "officer"),
        ("who the union chairman", "chairman"),  # "who's" read as "who"
        ("who is the analyst quoted about earnings", "analyst"),
        ("who is the energy minister how old", "minister"),
        ("who are the three engineers on the panel", "engineers"),
        ("who is kessler", None),  # a name, no role
        ("who built the line", None),
        ("who was at the wheel", None),
    ],
)
def test_the_role_who_is_the_asks_of(question: str, role: str | None) -> None:
    assert role_asked(tuple(question.split())) == role


def test_who_has_a_role_is_named_where_the_answer_says_the_role() -> None:
    spokesman = frozenset({"spokesman"})
    asked = frozenset({Need.SOMEONE})
    unnamed = _reader(["Zielinski asked the ministry for help ; a spokesman for it said no"])
    assert not unnamed.answer(0, asked, frozenset({"spokesman", "ministry"}), role=spokesman)
    named = _reader(["Karalis , coast guard spokesman , said no"])
    assert named.answer(0, asked, frozenset({"spokesman"}), role=spokesman)
    # an answer that never says the role may call it otherwise: "the boss" is its chief
    chief = _reader(["Kessler , the chief executive , said no"])
    assert chief.answer(0, asked, frozenset({"boss"}), role=frozenset({"boss"}))
    bridge = story_engine("bridge-closure")
    assert not bridge.answer(Query(text="who is the spokesman for the defence ministry")).answered
    engineer = bridge.answer(Query(text="who is the chief engineer"))
    assert engineer.answered and "Wrobel" in engineer.text


def test_a_role_said_only_of_others_is_said_otherwise_of_the_one_named() -> None:
    # "two other workers" says the dead welder was a worker too, not who the worker was
    worker = frozenset({"worker"})
    asked = frozenset({Need.SOMEONE})
    reader = _reader(["Choi , a welder , died at the scene ; two other workers were injured"])
    assert reader.answer(0, asked, frozenset({"worker", "kill"}), role=worker)
    strike = story_engine("shipyard-strike")
    answer = strike.answer(Query(text="who was the worker that got killed"))
    assert answer.answered and "Choi Yong-su" in answer.text


def test_a_role_held_by_the_one_the_question_means_is_answered_by_them() -> None:
    # "coalition spokesperson" is an alias of a person: the question already names her, and
    # her entry (or a clause naming her beside the role) is what it asks for
    reader = AnswerNames(
        ["Said , the coalition spokesperson , welcomed it"],
        lambda text: tuple("@said" if w == "Said" else w.lower() for w in text.split()),
        frozenset(),
        frozenset(),
        {},
        people=frozenset({"@said"}),
    )
    role = frozenset({"spokesperson"})
    asked = frozenset({Need.SOMEONE})
    assert reader.answer(0, asked, frozenset({"@said", "coalition", "spokesperson"}), role=role)


def test_first_or_last_is_no_role_and_a_thing_asked_of_is_no_role_holder(ask) -> None:
    for question in (
        "who was the first to land near the south pole",
        "who is the vaccine for",
        "who is the inquiry led by",
    ):
        assert role_asked(tuple(question.split())) is None
    first = ask("who was the first to land near the south pole")
    assert first.answered and "India" in first.text


def test_an_apposition_is_no_list_of_others() -> None:
    mayor = frozenset({"mayor"})
    apposed = _reader(["Zielinski , the mayor and a former engineer , said no"])
    assert apposed.gives(0, mayor, thing=mayor)
    listed = _reader(["Vlachakis , the first officer and the helmsman are charged"])
    officer = frozenset({"officer"})
    assert not listed.gives(0, frozenset({"first", "officer"}), thing=officer)


def test_the_last_item_of_a_list_is_set_apart_as_its_first() -> None:
    # "Captain Nikos Vlachakis, 57, the first officer and the helmsman were arrested"
    ferry = story_engine("ferry-grounding")
    assert not ferry.answer(Query(text="whats the helmsman's name")).answered
    captain = ferry.answer(Query(text="whats the captain's name"))
    assert captain.answered and "Vlachakis" in captain.text


@pytest.mark.parametrize(
    ("question", "listed"),
    [
        ("which hotels did the mayor open up", "hotels"),
        ("ok so which 8 counties in kenya are first", "counties"),
        ("which are the 7 eredivisie clubs with foreign owners", "clubs"),
        ("which other eredivisie clubs have foreign owners", "clubs"),  # not the owners
        ("which of the eredivisie clubs have foreign owners", "clubs"),
        ("who were the nine trustees that voted yes", "trustees"),
        ("which country joined", None),  # one: a country's name or none, as asked otherwise
        ("what did the firm which builds ships say", None),  # a relative "which"
    ],
)
def test_which_things_a_question_asks_the_names_of(question: str, listed: str | None) -> None:
    assert which_listed(question.split()) == listed


def test_an_answer_counting_the_things_asked_which_does_not_name_them() -> None:
    football = story_engine("football-takeover")
    # "seven of the 18 Eredivisie clubs have foreign owners" counts them and names none
    asked = football.answer(Query(text="which eredivisie clubs have foreign owners?"))
    assert not asked.answered
    bridge = story_engine("bridge-closure")
    # "two additional ambulance crews and one fire engine": a count that says which crews
    answer = bridge.answer(Query(text="which crews were stationed on the south bank?"))
    assert answer.answered and "ambulance crews" in answer.text


@pytest.mark.parametrize(
    ("clause", "only"),
    [
        ("Emergency services stationed two additional crews on the south bank", True),
        ("They added two more crews", True),  # "more" says how many, not which
        ("Emergency services stationed two ambulance crews on the south bank", False),
    ],
)
def test_a_count_says_which_things_only_with_a_word_of_its_own(clause: str, only: bool) -> None:
    from bot.matching.clauses import Clauses

    terms = story_engine("bridge-closure").analyzer.terms
    asked = frozenset(terms("which crews were stationed on the south bank?"))
    assert Clauses([clause], terms).counts_only(0, frozenset(terms("crews")), asked) is only


def test_an_answer_counting_the_things_asked_which_and_naming_them_answers(ask) -> None:  # type: ignore[no-untyped-def]
    # "the story names three countries …: Russia, Venezuela and South Africa"
    answer = ask("Which countries already support China's lunar project?")
    assert answer.answered and "Venezuela" in answer.text


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("which shipyard in perama are they towing it to", "shipyard"),
        ("ok so which bank did he work at", "bank"),
        ("which chinese official was there for the signing", "official"),
        ("which agency first announced it", "agency"),  # not "first"
        ("which nation was first to touch down", None),  # a place: any place named answers
        ("which was the first country to land", None),
        ("in which city did they sign", None),
        ("which month was it signed", None),  # a kind of value, not a name
        ("which kind of vaccine is it", None),  # a kind
        ("which one is older", None),
        ("which countries back it", None),  # several: `which_listed`
        ("which children get it first", None),
        ("what did the firm which builds ships say", None),  # a relative "which"
    ],
)
def test_the_one_thing_which_asks_of(question: str, named: str | None) -> None:
    assert which_named(question.split()) == named


def test_a_name_saying_where_is_what_it_is_called_when_it_holds_the_things_word() -> None:
    reader = _reader(["Kaczmarek is a professor at Gdansk University of Technology"])
    university = frozenset({"university"})
    assert reader.gives(0, university | {"expert"}, thing=university)


def test_which_asks_a_name_where_the_story_names_things_of_its_kind() -> None:
    bridge = story_engine("bridge-closure")
    # "Gdansk University of Technology", "Nicolaus Copernicus University": universities
    # have names here, and no university builds the pontoon
    assert not bridge.answer(Query(text="which university will build the pontoon")).answered
    answer = bridge.answer(Query(text="which university is the bridge expert from"))
    assert answer.answered and "Gdansk University of Technology" in answer.text
    # no project of the main story has a name: a description says which
    main = Engine.from_folder(default_folder())
    assert main.answer(Query(text="which project did Pakistan join?")).answered
    # an airline, a company or a law firm goes by a name wherever it is asked of, though the
    # story names none of its kind: "on a chartered cargo flight" names no airline
    kilwa = story_engine("kilwa-artefacts-return")
    assert not kilwa.answer(Query(text="which airline is flying the objects to tanzania?")).answered
    assert not bridge.answer(Query(text="which company did the 2021 inspection")).answered
    # "the WHO" is the World Health Organization, an acronym read as no word
    malaria = story_engine("malaria-vaccine")
    approved = malaria.answer(Query(text="which organization approved the vaccine?"))
    assert approved.answered and "WHO" in approved.text


def test_a_person_beside_a_thing_is_not_its_name() -> None:
    def terms(text: str) -> tuple[str, ...]:
        return tuple("@pryce" if w == "Pryce" else w.lower() for w in text.split())

    reader = AnswerNames(
        ["Pryce said the museum will review 214 other items", "Pryce , the museum director"],
        terms,
        frozenset(),
        frozenset(),
        {},
        {"@pryce": frozenset({"director"}), "@whitworth": frozenset({"museum"})},
        people=frozenset({"@pryce"}),
        spelled={"@pryce": frozenset({"pryce"})},
    )
    museum = frozenset({"museum"})
    assert not reader.gives(0, museum, thing=museum)  # "which museum?"
    director = frozenset({"director"})  # a person's title: a person names it
    assert reader.gives(1, director, thing=director)
    # hotels go by names of their own though the story names none: the mayor beside "two
    # hotels" names none ("Mayor Giorgos Mavrogenis opened a school gymnasium and two hotels")
    ferry = story_engine("ferry-grounding")
    assert not ferry.answer(
        Query(text="which two hotels on Sifnos took the passengers in?")
    ).answered
