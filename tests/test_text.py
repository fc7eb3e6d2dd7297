"""Cleaning, tokenising and analysing questions."""

from __future__ import annotations

import pytest

from bot.matching import languages
from bot.matching.analyzer import Analyzer
from bot.matching.engine import Engine
from bot.matching.lexicon import QType
from bot.matching.needs import Need
from bot.matching.text import clean, in_other_script, tokenize
from bot.models import Query
from tests.turnkit import answers_with, story_engine


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("@StoryBot who is Kakar?", "who is Kakar?"),
        ("/ask@story_bot when did india land", "when did india land"),
        ("<@123456> hi <@&987> @everyone @here", "hi"),
        # a mention after other words starts the question: a sentence break
        ("proud moment lol 🚀 @StoryBot did they meet?", "proud moment lol 🚀. did they meet?"),
        ("hey @StoryBot, how many trains?", "hey. how many trains?"),
        (
            "my customers ask me: <@123> which minister? @StoryBot",
            "my customers ask me. which minister?",
        ),
        ("Let\u0e42s go\u0e22now", "Let's go now"),
        ("agree\u00adment \u202eright-to-left\u202c", "agreement right-to-left"),
        ("who signed the agree\u200bment\u2060?", "who signed the agreement?"),  # pasted
        (
            "check www.geo.tv/latest/xi-meets-kakar where was it signed?",
            "where was it signed?",
        ),
        ("https://x.com/news/india-lands who signed it?", "who signed it?"),
        ("see: t.me/storynews/12 who signed?", "who signed?"),
        ("what does geo.tv/about say", "what does say"),
        ("tab\tand\x00null\nline", "tab and null line"),
        ("<b>where</b> was the <i>agreement</i> signed?", "where was the agreement signed?"),
        ('<a href="x">who</a> is kakar', "who is kakar"),
        ("is 3 < 4 and 5 > 4?", "is 3 < 4 and 5 > 4?"),  # not markup: left alone
        ("who\x07 signed\x1b[31m the deal\x1b[0m?", "who signed the deal?"),  # terminal codes
        ("\x1b]0;title\x07where?", "where?"),
        ("\x1b]who signed the deal?", "who signed the deal?"),  # unterminated: only the code
        ("<script>alert(1)</script> who signed?", "who signed?"),  # code is not words
        ("<style>p {color: red}</style>where?", "where?"),
        ("who signed [the deal](http://example.com/x)?", "who signed the deal?"),  # link text
        ("is a [note] (aside) kept?", "is a [note] (aside) kept?"),  # not a link: left alone
    ],
)
def test_clean_strips_mentions_commands_and_invisible_marks(raw: str, cleaned: str) -> None:
    assert clean(raw, 500) == cleaned


def test_clean_cuts_to_the_limit() -> None:
    assert len(clean("word " * 10_000, 500)) <= 500


def test_a_long_message_keeps_its_question_at_either_end(engine: Engine) -> None:
    chatter = "my cousin and I were talking about the news all week long and " * 12
    for message in (
        chatter + "anyway, where was the agreement signed?",
        "Where was the agreement signed? " + chatter,
    ):
        text = clean(message, 500)
        assert len(text) <= 500 and "where was the agreement signed" in text.casefold()
    answer = engine.answer(Query(text=chatter + "anyway, where was the agreement signed?"))
    assert answer.answered and answer.entry_id == "signing-place"


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Pakistan's PM", ["pakistan", "pm"]),
        ("Ürümqi", ["urumqi"]),
        ("the US and us", ["the", "usa", "and", "us"]),
        ("3rd BRF 2025!", ["3rd", "brf", "2025"]),
        ("the group, membership-wise?", ["the", "group", "membership"]),  # about membership
        ("otherwise wise", ["otherwise", "wise"]),
        ("Capacity-Wise?", ["capacity"]),
        # a currency sign is a word after its figure and scale, as typed out
        ("is each dose $5?", ["is", "each", "dose", "5", "dollars"]),
        ("€62 million ($72m)", ["62", "million", "euros", "72", "million", "dollars"]),
        # a scale in a letter or two is spelled out as a story writes it
        (
            "the 40m investment, 1.8bn, 700k doses",
            ["the", "40", "million", "investment", "1", "8", "billion", "700000", "doses"],
        ),
        ("is the journey 42m now", ["is", "the", "journey", "42m", "now"]),  # no money: minutes
        ("US$300 million", ["300", "million", "dollars"]),  # no country
        ("HK$5 or A$300", ["5", "dollars", "or", "300", "dollars"]),  # the figure kept apart
        ("plus$5", ["plus", "5"]),  # a sign glued to a word is no amount
        # a contraction is its first word: not "well", "shell", "hell", "wed" or "shed"
        ("we'll, she'll, he'll", ["we", "she", "he"]),
        ("we'd or she'd", ["we", "or", "she"]),
        ("it'll, they're, you've, I'm", ["it", "they", "you", "i"]),
        ("O'Brien's", ["obrien", "s"]),  # a name's apostrophe is no contraction
    ],
)
def test_tokenize(text: str, tokens: list[str]) -> None:
    assert tokenize(text) == tokens


@pytest.mark.parametrize(
    ("question", "qtype"),
    [
        ("When did India land?", QType.WHEN),
        ("what year was apollo", QType.WHEN),
        ("Where did Kakar speak?", QType.WHERE),
        ("which city hosted the speech", QType.WHERE),
        ("Who signed?", QType.WHO),
        ("which countries back it", QType.WHO),
        ("how many countries landed", QType.COUNT),
        ("how much did it cost", QType.AMOUNT),
        ("how long does it take", QType.DURATION),
        ("why was kakar in china", QType.WHY),
        ("lol did india crash", QType.YESNO),
        ("What did Kakar say?", QType.QUOTE),
        ("what does the story say about india", QType.WHAT),
        ("India chand par kab utra?", QType.WHEN),
        ("Kakar kaun hai", QType.WHO),
        ("Kakar ne kya kaha?", QType.QUOTE),  # "what did Kakar say?"
        ("apollo year?", QType.WHEN),
    ],
)
def test_question_type(engine: Engine, question: str, qtype: QType) -> None:
    assert engine.analyzer.analyze(question).qtype == qtype


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("wen is artmis landing", "@artemis"),  # slang and a typo
        ("xinjiang univeristy", "@xinjiang-university"),
        ("the caretaker PM", "@kakar"),  # an alias phrase
        ("Anwaarul Haq Kakar", "@kakar"),
        ("lunar outpost", "research_station"),  # a synonym
        ("chand", "moon"),  # Roman Urdu
        ("soth pole", "south_pole"),
    ],
)
def test_question_terms_are_canonical(engine: Engine, question: str, term: str) -> None:
    assert term in engine.analyzer.analyze(question).terms


@pytest.mark.parametrize("contraction", ["hasn't", "havent", "weren't", "couldnt", "isn't"])
def test_a_negative_contraction_is_read_as_its_verb(engine: Engine, contraction: str) -> None:
    # "how much hasn't been paid?": its words are those of "how much has been paid?", not a
    # word the knowledge never uses
    verb = contraction.replace("n't", "").removesuffix("nt")
    said = engine.analyzer.analyze(f"when {contraction} the station built")
    assert said.terms == engine.analyzer.analyze(f"when {verb} the station built").terms


@pytest.mark.parametrize("word", ["started", "population", "long", "listed"])
def test_real_words_are_not_corrected_into_knowledge_words(engine: Engine, word: str) -> None:
    assert engine.analyzer.analyze(f"{word}").terms == (engine.analyzer.analyze(word).terms)
    assert not any(t.startswith("@") for t in engine.analyzer.analyze(word).terms)
    assert engine.analyzer._correct(word) == word


def test_the_stem_cache_is_a_bounded_lru_under_a_flood_of_new_words() -> None:
    import tracemalloc

    from bot.matching.analyzer import STEM_CACHE_SIZE, Analyzer

    analyzer = Analyzer({}, [], ["the moon base"])
    # words with a 4-byte letter: long, never typo-corrected, each one new to the cache
    flood = 4 * STEM_CACHE_SIZE
    tracemalloc.start()
    try:
        for n in range(flood):
            list(analyzer._terms([f"\U00020000{n}x" * 8, "moon"]))
        grown = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert grown < 6_000_000, f"the stem cache held {grown / 1e6:.0f} MB"
    assert analyzer._stem.cache_info().currsize <= STEM_CACHE_SIZE
    print(f"\n{flood} new words: stem cache {grown / 1e6:.1f} MB")


def test_a_french_or_italian_elision_is_read_as_its_word() -> None:
    assert tokenize("l'aéroport d'après qu'on dell'anno") == ["aeroport", "apres", "on", "anno"]
    assert tokenize("o'brien can't") == ["obrien", "cant"]  # no elided article: one word


def test_chat_shorthand_is_written_out(engine: Engine) -> None:
    read = engine.analyzer.analyze("how many sigs did they go thru, jus frm the fans").words
    assert {"signatures", "through", "just", "from"} <= set(read)
    assert "until" in engine.analyzer.analyze("how long til its all fixed").words
    # Scots and Singapore English: "whit's Tunde Lawal then?", "1.04 issit"
    scots = engine.analyzer.analyze("whit did they pay afore they let him oot").words
    assert {"what", "before", "out"} <= set(scots)
    assert "issit" not in engine.analyzer.analyze("the rate is 1.04 issit").words
    # "nite" is night, not "2nite" (tonight), the nearest spelling a typo would take
    assert "night" in engine.analyzer.analyze("was it signed on friday nite").words
    # "roughly" asks nothing of rough seas
    assert "rough" not in engine.analyzer.analyze("roughly how old is he").terms
    # chat's one-letter "the" is no word of its own: "who be d chief engineer"
    assert engine.analyzer.analyze("when was d deal signed").words[:3] == ("when", "was", "the")


def test_whit_s_someone_s_job_in_scots_is_answered() -> None:
    question = "Whit's Tunde Lawal then, an MP or somethin?"
    assert answers_with("lagos-metro", question, "Opposition lawmaker")


def test_an_ing_word_typed_without_its_g_is_read_whole(engine: Engine) -> None:
    read = engine.analyzer.analyze("wat was he sayin while they were workin").words
    assert {"saying", "working"} <= set(read)
    # a name, a country and an English word ending in "in" stay themselves
    kept = engine.analyzer.analyze("did putin go to benin or dublin again").words
    assert {"putin", "benin", "dublin", "again"} <= set(kept)


def test_a_quote_asked_of_with_a_dropped_g_is_quoted() -> None:
    answer = story_engine("malaria-vaccine").answer(
        Query(text="the ghana minister's mosquito bite line went hard, who was he sayin it to")
    )
    assert "health workers and families" in answer.text


def test_chat_s_one_letter_the_leaves_a_pidgin_question_to_its_words() -> None:
    assert answers_with("lagos-metro", "who be d chief engineer", "Chinedu Okafor")


def test_roman_urdu_words_are_read_only_in_a_roman_urdu_message(engine: Engine) -> None:
    assert "told" in engine.analyzer.analyze("kakar ne dosti par kya bataya").words
    # the story's synonyms hold "kaha" and "dosti": read as theirs, to the same terms
    assert {"say", "friendship"} <= set(
        engine.analyzer.analyze("kakar ne dosti par kya kaha").terms
    )
    english = engine.analyzer.analyze("how far is mile 12 from bola's house")
    assert {"mile", "bola"} <= set(english.words)  # English words and names stay themselves
    # "o" joins words as "and" does: "assalam o alaikum. kakar ne kahan speech di?"
    assert "o" not in engine.analyzer.analyze("Assalam o Alaikum. kakar ne kahan speech di").terms


def test_roman_urdu_news_words_are_read_in_their_forms_and_spellings(engine: Engine) -> None:
    read = engine.analyzer.analyze("pul kab band hua aur kitne log zakhmi huay?").words
    assert {"bridge", "closed", "people", "injured"} <= set(read)
    assert "open" in engine.analyzer.analyze("station dobara kab khulega?").words
    # the thirty-first session's: "maayein", "paara", "kitne bje"
    read = engine.analyzer.analyze("maayein kitne bje aayi aur paara kitna tha?")
    assert {"mothers", "temperature"} <= set(read.words) and read.qtype is QType.WHEN
    # the thirty-second session's: "ohda", "ek", "dono", and words that ask nothing
    read = engine.analyzer.analyze("zara bata dein, dono mulkon mein se ek ka ohda kya hai?")
    assert {"both", "one", "role"} <= set(read.words)
    assert not {"zara", "dein"} & set(read.terms)
    # the thirty-third session's: "beech" (between) and "baat cheet" (talks)
    read = engine.analyzer.analyze("talks aur deal ke beech kitne din? baat cheet kab hui?")
    assert {"between", "talks"} <= set(read.words)
    assert "everyone" not in engine.analyzer.analyze("did everyone get off the ship").terms
    read = engine.analyzer.analyze("agar survey kab chhapa aur kitne log mare, ab tak?")
    assert {"published", "died"} <= set(read.words) and not {"agar", "ab"} & set(read.terms)


def test_roman_urdu_words_are_read_in_the_forms_a_sentence_gives_them(engine: Engine) -> None:
    read = engine.analyzer.analyze("club kitne paison mein bik raha hai?").words
    assert {"money", "sell"} <= set(read)  # "paisa" after "mein", "bikna" before "raha"
    assert "people" in engine.analyzer.analyze("kitne logon ko chot lagi?").words
    # a made form that is an English word is not made: "ban" of "bana", "gay" of "gaya"
    assert {"ban", "gay"} <= set(engine.analyzer.analyze("ban kab gay hai").words)
    # a verb's root is its infinitive's ("rehna", live), not a past's ("reha", released);
    # a noun gives none ("bach" of "bacha", child)
    stays = engine.analyzer.analyze("kakar kahan reh raha hai").words
    assert "live" in stays and "released" not in stays
    assert "child" not in engine.analyzer.analyze("kitne log bach gaye").words


def test_an_age_asked_in_roman_urdu_is_asked_as_how_old_asks_it(engine: Engine) -> None:
    asked = engine.analyzer.analyze("kakar ki umar kitni hai?")
    assert asked.qtype is QType.AMOUNT and Need.AGE in asked.asks  # as "how old" is


@pytest.mark.parametrize(
    ("story", "question", "said"),
    [
        ("ransomware-hospital", "hackers ne kitne bitcoin maange hain", "45 bitcoin"),  # demanded
        (  # bharna: fill; maang raha: demanding
            "river-dam",
            "dravenia kitne saal mein reservoir bharna chahta hai aur kalmora kitne saal maang raha hai",
            "three years",
        ),
    ],
)
def test_roman_urdu_verbs_are_read_in_their_chat_forms(
    story: str, question: str, said: str
) -> None:
    assert answers_with(story, question, said)


def test_kitne_baje_asks_the_time_of_day_as_what_time_does() -> None:
    hospital = story_engine("ransomware-hospital")
    asked = hospital.analyzer.analyze("network ko internet se kitne baje kaata gaya")
    assert asked.qtype is QType.WHEN and Need.TIME in asked.asks
    answer = hospital.answer(Query(text="network ko internet se kitne baje kaata gaya"))
    assert answer.answered and "4:15 a.m." in answer.text


def test_an_unread_word_of_another_language_is_no_typo_of_an_english_filler_word() -> None:
    analyzer = Analyzer({}, [], ["The club's debt is large."])
    assert "schuld" in analyzer.analyze("hoeveel schuld heeft de club").words  # not "should"
    assert "should" in analyzer.analyze("how much schuld the club have").words  # English typo


def test_an_unread_roman_urdu_word_is_a_typo_of_the_storys_words_or_filler_only() -> None:
    lagos = story_engine("lagos-metro")
    read = lagos.analyzer.analyze("kya covid aur flooding ke dauran kaam ruk gaya tha").words
    assert "durban" not in read  # "dauran" (during) is no typo of a place the story never names
    # "milega" (will get) is not "mega"; "rahega" is filler's "raha" all the same
    assert "mega" not in lagos.analyzer.analyze("kitna paisa milega").words
    assert "rahega" not in lagos.analyzer.analyze("line kab tak band rahega").words
    # "kitni der" asks how long, "mutabiq" is "according to": filler
    asked = lagos.analyzer.analyze("governor ke mutabiq train kitni der leti hai")
    assert asked.qtype is QType.DURATION and asked.terms == ("@bakare", "train")


def test_a_word_of_a_name_or_synonym_is_not_read_as_roman_urdu() -> None:
    # "bola" is "said" in Roman Urdu, "wazir" "minister": a story's own names keep them
    names = {"Bola Tinubu": "tinubu", "wazir-e-azam": "pm"}
    analyzer = Analyzer(names, [], ["Bola Tinubu, the wazir-e-azam, spoke."])
    assert analyzer.analyze("bola tinubu ne kya kaha").terms[0] == "@tinubu"
    assert analyzer.analyze("wazir-e-azam kaun hai").terms == ("@pm",)
    assert "minister" in Analyzer({}, [], ["A text."]).analyze("wazir kaun hai").words
    # a word of a name said alone is read as the language's: the Italian bridge
    bridge = Analyzer({"Ponte Morandi": "morandi"}, [], ["The Ponte Morandi fell."])
    assert "bridge" in bridge.analyze("quando riapre il ponte?").words
    assert bridge.analyze("quando è caduto il ponte morandi?").terms[-1] == "@morandi"


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("kakar ka full naam?", "Anwaar-ul-Haq Kakar"),  # naam: name
        ("Kakar ka poora naam kya hai", "Anwaar-ul-Haq Kakar"),  # poora: full
        ("Kakar ka bayan kya tha?", "Kakar emphasized"),  # bayan: statement
        ("nasa kab wapis jayega chaand pe", "December 2025"),  # wapis: back
        ("south pole earth se nazar aata hai?", "hidden from Earth"),  # nazar: seen
    ],
)
def test_everyday_roman_urdu_words_are_read(engine: Engine, question: str, said: str) -> None:
    answer = engine.answer(Query(text=question))
    assert answer.answered and said in answer.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("Dr Halima Ndiaye ni nani?", "Regional Director"),  # ni nani: who is
        ("habari, hii chanjo brand name yake ni nini?", "Malvora"),  # chanjo: vaccine
        ("mtoto anahitaji shots ngapi jamani", "Four doses"),  # ngapi: how many
        ("Habari! Chanjo ilianza lini, what date exactly?", "2 March 2026"),  # lini: when
        # the thirtieth session's verbs: ilizinduliwa (was launched)
        ("Kampeni ya chanjo ilizinduliwa wapi huko Kenya?", "Siaya County"),
    ],
)
def test_swahili_mixed_into_a_question_is_read(malaria: Engine, question: str, said: str) -> None:
    answer = malaria.answer(Query(text=question))
    assert answer.answered and said in answer.text


def test_swahili_words_are_read_only_in_a_swahili_message(malaria: Engine) -> None:
    assert "ni" in malaria.analyzer.analyze("ni the vaccine free").words  # no marker: as typed
    assert "when" in malaria.analyzer.analyze("chanjo ilianza lini").words
    # a Swahili question word alone tells the language: "gani" (which), "mingapi" (how many)
    assert "which" in malaria.analyzer.analyze("dozi zilifika mwezi gani?").words


@pytest.mark.parametrize(
    ("story", "question", "said"),
    [
        ("heatwave-grid", "oye, cuántos muertos por el calor so far?", "nine deaths"),
        ("football-takeover", "hoeveel mensen fit in the stadion", "18,450"),
        ("ransomware-hospital", "hei, hvor mange ambulanser were sent to andre sykehus?", "63"),
        ("ferry-grounding", "re file, poso compensation do passengers get?", "250 euros"),
        # the thirtieth session's German and Greek: "an Bord", "epivates … sto ploio"
        ("ferry-grounding", "Wie viele Passagiere waren an Bord?", "387 passengers"),
        ("ferry-grounding", "posoi epivates itan sto ploio?", "387 passengers"),
        # the thirtieth session's Spanish and French verbs and news words: dijo, livrer
        ("kilwa-artefacts-return", "¿Quién es Halima Said y qué dijo del voto?", "spokesperson"),
        (
            "shipyard-strike",
            "Combien de navires le chantier prévoit-il de livrer cette année ?",
            "48 ships",
        ),
    ],
)
def test_a_few_words_of_a_european_language_are_read(story: str, question: str, said: str) -> None:
    assert answers_with(story, question, said)


@pytest.mark.parametrize(
    ("question", "said"),
    [  # the thirty-fourth session's Tagalog and Japanese (in Latin letters)
        ("Ilang istasyon po ang Orange Line?", "11 stations"),
        ("Kailan po binuksan ang Orange Line?", "July 14, 2025"),
        ("Ikura desu ka, kippu wa?", "750 naira"),
    ],
)
def test_a_few_words_of_tagalog_or_japanese_are_read(question: str, said: str) -> None:
    assert answers_with("lagos-metro", question, said)


@pytest.mark.parametrize(
    ("story", "question", "said"),
    [  # "cuesta" and "tren" are no English words of everyday use (Zipf under 2.5)
        ("malaria-vaccine", "¿Cuánto cuesta cada dosis de la vacuna?", "$3.90"),
        ("lagos-metro", "¿Cuántas estaciones tiene la línea?", "11 stations"),
    ],
)
def test_spanish_words_of_cost_and_lines_are_read(story: str, question: str, said: str) -> None:
    assert answers_with(story, question, said)


@pytest.mark.parametrize(
    ("story", "question", "said"),
    [  # "été", "ventilés", "bartan", "shamil": no table reads them, and they weigh half
        (
            "heatwave-grid",
            "Combien de patients en soins intensifs ont été ventilés à la main ?",
            "ventilate two intensive care patients",
        ),
        (
            "kilwa-artefacts-return",
            "collection mein brass aur copper ke kitne bartan shamil hain?",
            "11 brass and copper vessels",
        ),
    ],
)
def test_a_mixed_in_language_s_unread_words_weigh_less(
    story: str, question: str, said: str
) -> None:
    assert answers_with(story, question, said)


def test_only_a_mixed_in_language_s_unread_words_are_foreign(lagos: Engine) -> None:
    mixed = lagos.analyzer.analyze("¿cuánto cuesta el pasaje del tren?")
    assert "pasaje" in mixed.foreign and "tren" not in mixed.foreign  # "tren" is an English word
    # in an English question an unknown word is no other language's: it names what is asked
    assert not lagos.analyzer.analyze("how much is the pasaje on the train?").foreign


def test_a_languages_words_are_read_only_in_a_message_of_it(lagos: Engine) -> None:
    assert "when" in lagos.analyzer.analyze("cuando opens the line").words  # a marker
    # no marker: "de" and "el" stay as typed, and so does every word of an English question
    assert lagos.analyzer.analyze("de el station").words == ("de", "el", "station")
    # a word that is English too stays, even in a marked message: "die" is no Dutch "the"
    words = lagos.analyzer.analyze("hoeveel children die of malaria, wie met them").words
    assert {"die", "met"} <= set(words)


def test_the_language_file_reads_words_as_the_tokenizer_leaves_them() -> None:
    text = "[x]\nmarkers: cuándo cómo\nwhen: cuándo cuando\nhow: cómo\n: hola\n"
    ((markers, table),) = languages.parse(text)
    assert markers == {"cuando", "como"}
    assert table == {"cuando": "when", "hola": ""}  # "cómo" alone: "como" was left out


def test_the_question_after_a_mention_is_read_apart_from_the_chat_before_it() -> None:
    said = (
        "ngl a train doing 100kmh thru lagos traffic is kinda goated 🔥 @StoryBot how many "
        "trains do they actually have running"
    )
    assert answers_with("lagos-metro", said, "15 four-car")


def test_pidgin_words_are_read_only_in_a_pidgin_message(lagos: Engine) -> None:
    said = lagos.answer(Query(text="wetin governor talk for the opening ceremony"))
    assert said.answered and "Bakare" in said.text  # talk: said
    assert "talk" in lagos.analyzer.analyze("what did the talk cover").words  # English
    # "wia" (where) tells pidgin itself, and its everyday spellings are read
    assert lagos.analyzer.analyze("wia di train go end?").words[0] == "where"
    ended = story_engine("lagos-metro").answer(Query(text="wia di train go end?"))
    assert ended.answered and "Oshodi" in ended.text
    assert lagos.analyzer.analyze("yestaday monin").words == ("yesterday", "morning")
    # "di" (the) and "b" (be) ask nothing of a story in a pidgin message
    assert not {"di", "b"} & set(
        lagos.analyzer.analyze("wetin b di main reason dem build am").terms
    )


def test_typo_readings_do_not_depend_on_the_hash_seed() -> None:
    import os
    import subprocess
    import sys

    script = (
        "from bot.knowledge.loading import default_folder; from bot.matching.engine import Engine;"
        "e = Engine.from_folder(default_folder(), encoder='none');"
        "print(e.analyzer.analyze('whr ws the mtng hld wnt lst sd thr').words)"
    )
    seen = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(seen) == 1, seen


def test_a_link_or_a_soft_hyphen_pasted_with_a_question_leaves_its_answer_alone(
    engine: Engine,
) -> None:
    for message in (
        "check www.geo.tv/latest/xi-jinping-meets-kakar where was it signed?",
        "https://x.com/news/india-lands-chandrayaan-south-pole where was the agreement signed?",
        "where was the agree\u00adment signed?",
    ):
        answer = engine.answer(Query(text=message))
        assert answer.answered and answer.entry_id == "signing-place", message


@pytest.mark.parametrize(
    ("text", "other"),
    [
        ("پاکستان چاند پر کب جائے گا؟", True),  # Urdu
        ("Когда Пакистан полетит на Луну?", True),
        ("巴基斯坦什么时候去月球", True),
        ("où est la station? 🙂", False),  # accented Latin letters are Latin
        ("who is Kakar? مرحبا", False),  # mostly English with a word of another script
        ("🙂🙂🙂 ???", False),  # no letters at all
    ],
)
def test_a_text_mostly_in_another_script_is_told_apart(text: str, other: bool) -> None:
    assert in_other_script(text) is other


def test_a_question_in_another_script_is_told_which_letters_are_read(engine: Engine) -> None:
    answer = engine.answer(Query(text="پاکستان چاند پر کب جائے گا؟"))
    assert not answer.answered
    assert answer.text.startswith("I can only read questions written in English letters.")
    assert answer.suggestions  # and what it can answer, as buttons
    # a word in other letters is no word: "who is Kakar?" in Russian asks of Kakar, and a
    # greeting in Arabic letters before an English question is passed over
    for text in ("Кто такой Kakar?", "مرحبا who is Kakar?"):
        answer = engine.answer(Query(text=text))
        assert answer.answered and "Kakar" in answer.text


def test_the_question_among_a_messages_sentences_is_read_alone_too() -> None:
    # three sentences: its question is neither its last clause nor its gist alone
    message = (
        "hei alle 👋 this stuff is so scary honestly. why do these gangs even go after "
        "hospitals? what did the security expert say"
    )
    answer = story_engine("ransomware-hospital").answer(Query(text=message))
    assert answer.answered and "patient harm" in answer.text


def test_a_chatty_message_of_a_few_words_is_read_by_its_last_clause_too() -> None:
    # under eleven terms in all: no long message, but its question is its last clause alone
    message = "ok my uncle was ranting at dinner and my aunt said it is all fine, so when is "
    answer = story_engine("football-takeover").answer(
        Query(text=message + "kessler meeting the fans?")
    )
    assert answer.answered and "Thursday" in answer.text


@pytest.mark.parametrize(
    ("story", "message", "said"),
    [
        (
            "malaria-vaccine",
            "so i was reading about this last night and my aunt who lives up north was saying "
            "the queues at the hospital were crazy, like people were there super early with "
            "their babies on their backs and everything, what time did the mothers start "
            "lining up?",
            "before dawn",
        ),
        (
            "",
            "bro i was scrolling twitter and everyone's fighting about india vs pakistan space "
            "stuff, some guy said india already did a moon landing this year, i dont even know "
            "whats true anymore lol, anyway how many countries had landed on the moon before "
            "india did it",
            "three countries",
        ),
        (  # no comma: the question begins after "lol so"
            "",
            "ok so my uncle keeps forwarding whatsapp msgs saying pakistan is going to the "
            "moon now and half the family group believes it and the other half is laughing, "
            "and he also said china is doing all the work lol so what did pakistan actually "
            "agree to??",
            "research station",
        ),
    ],
)
def test_a_long_message_is_read_by_its_closing_question(
    engine: Engine, story: str, message: str, said: str
) -> None:
    asked = story_engine(story) if story else engine
    answer = asked.answer(Query(text=message))
    assert answer.answered and said in answer.text
