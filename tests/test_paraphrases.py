"""The general English paraphrases: read below a story's synonyms, single words, one group each."""

from __future__ import annotations

import pytest

from bot.matching.analyzer import Analyzer
from bot.matching.lexicon import STOPWORDS
from bot.matching.paraphrases import forms, general_groups, parse
from bot.matching.text import tokenize

QUESTION_WORDS = frozenset("how what why where when who whom whose which".split())


def test_a_file_is_read_as_groups_without_comments_blanks_or_lone_words() -> None:
    text = "# a comment\n\nKids | children |  youngsters\nlonely\n  # indented comment\n"
    assert parse(text) == (("kids", "children", "youngsters"),)


def test_a_word_the_story_never_uses_is_read_as_the_story_word_of_its_group() -> None:
    general = [("arrest", "nicked", "detained")]
    analyzer = Analyzer({}, [], ["Two fans were arrested."], general=general)
    assert analyzer.terms("who got nicked") == analyzer.terms("who got arrested")
    assert analyzer.terms("was he detained") == analyzer.terms("was he arrested")


def test_a_verb_that_doubles_its_last_letter_is_read_in_every_form() -> None:
    general = [("criticise", "slam")]
    analyzer = Analyzer({}, [], ["The opposition criticised the fares."], general=general)
    assert analyzer.terms("who slammed the fares") == analyzer.terms("who criticised the fares")


def test_the_story_words_keep_their_own_meaning() -> None:
    general = [("arrest", "nicked", "detained")]
    analyzer = Analyzer({}, [], ["Two were arrested and one detained."], general=general)
    assert analyzer.terms("arrested") != analyzer.terms("detained")  # the story tells them apart
    assert analyzer.terms("nicked") == analyzer.terms("arrested")  # the group's first it uses


def test_words_are_matched_as_written_not_by_stem() -> None:
    general = [("family", "relatives"), ("television", "telly")]
    analyzer = Analyzer({}, [], ["Her family tell me."], general=general)
    assert analyzer.terms("relatives") == analyzer.terms("family")
    assert analyzer.terms("related") == ("relat",)  # "relat" too, but another word
    assert analyzer.terms("the telly") == ("telli",)  # a group's word is no typo for "tell"


def test_a_word_gives_its_regular_inflections() -> None:
    assert forms("arrest") == {"arrest", "arrests", "arrested", "arresting"}
    assert forms("worry") == {"worry", "worries", "worried", "worrying"}
    assert forms("vaccinate") == {"vaccinate", "vaccinates", "vaccinated", "vaccinating"}
    # a last consonant that may double: both spellings, as only the real one ever comes
    assert {"slammed", "slamming"} <= forms("slam")
    assert {"visited", "visiting"} <= forms("visit")
    assert forms("fix") == {"fix", "fixes", "fixed", "fixing"}


def test_a_group_the_story_uses_no_word_of_changes_nothing() -> None:
    analyzer = Analyzer({}, [], ["The moon base."], general=[("arrest", "nicked")])
    assert analyzer.terms("nicked") == ("nick",)


def test_a_word_the_story_synonyms_claim_is_not_taken_by_a_general_group() -> None:
    story = [("landing", "touchdown")]
    general = [("arrival", "landing", "arrive")]
    analyzer = Analyzer({}, story, ["The landing."], general=general)
    assert analyzer.terms("touchdown") == analyzer.terms("landing")
    assert analyzer.terms("arrival") == ("arriv",)  # not the story's landing


def test_a_role_an_entity_is_called_by_is_read_for_its_group_s_other_words() -> None:
    # an alias written in lower case is a role, not a proper name: "gaffer" is the manager
    aliases = {"Rutger van Dalen": "dalen", "manager": "dalen", "Grant": "grant"}
    general = [("manager", "gaffer"), ("grant", "subsidy")]
    analyzer = Analyzer(aliases, [], ["The manager, Rutger van Dalen."], general=general)
    assert analyzer.terms("who is the gaffer") == analyzer.terms("who is the manager")
    assert analyzer.terms("the gaffer") == ("@dalen",)
    assert analyzer.terms("a subsidy") == ("subsidi",)  # a proper name keeps its own meaning
    # a group that holds the role only by stem is no group of it: "slam" is not "the critic"
    critic = Analyzer(
        {"Otieno": "otieno", "critic": "otieno"},
        [],
        ["The critic Otieno warned."],
        general=[("criticise", "slam")],
    )
    assert critic.terms("who slammed it") == ("slam",)


def test_a_casual_word_is_read_as_the_story_s_formal_one() -> None:
    story = ["Pakistan is fortunate to have China as a brother."]
    analyzer = Analyzer({}, [], story, general=general_groups())
    assert analyzer.terms("is pakistan lucky") == analyzer.terms("is pakistan fortunate")


@pytest.mark.parametrize(
    ("story", "asked", "said"),
    [
        ("The KNVB's Pieter Hoogland said it would look closely.", "who was quoted", "who said"),
        ("Its net debt is 14.5 million euros.", "how much does it owe", "how much debt"),
        (
            "Passengers can change to city buses.",
            "can you switch to buses",
            "can you change to buses",
        ),
        ("It pledged a further 40 million euros.", "how much extra", "how much further"),
        (
            "The fans' group opposes the sale.",
            "who is fighting the sale",
            "who is opposing the sale",
        ),
        (  # "Piraeus-based" is read as two words
            "Meltemi Sea Lines, a Piraeus-based operator, runs nine ships.",
            "where is meltemi headquartered",
            "where is meltemi based",
        ),
    ],
)
def test_words_for_what_a_report_says_are_read_as_its_own(
    story: str, asked: str, said: str
) -> None:
    analyzer = Analyzer({}, [], [story], general=general_groups())
    assert analyzer.terms(asked) == analyzer.terms(said)


def test_a_unit_is_read_spelled_out_or_short_in_either_spelling() -> None:
    story = ["A 27-kilometre line and a 700-megawatt plant."]
    analyzer = Analyzer({}, [], story, general=general_groups())
    assert analyzer.terms("how many km") == analyzer.terms("how many kilometres")
    assert analyzer.terms("kilometers") == analyzer.terms("kilometre")  # the US spelling
    assert analyzer.terms("how many mw") == analyzer.terms("how many megawatts")
    assert analyzer.terms("why 8 mins") == analyzer.terms("why 8 minutes")  # chat shorthand


def test_wats_is_what_not_a_typo_of_wants() -> None:
    analyzer = Analyzer({}, [], ["Castellan wants the club. The fee is 62 million euros."])
    assert analyzer.terms("wats the fee") == analyzer.terms("what is the fee")


def test_the_shipped_groups_are_single_words_in_one_group_each_and_ask_nothing() -> None:
    groups = general_groups()
    assert len(groups) > 200
    analyzer = Analyzer({}, [], ["x"])
    owner: dict[tuple[str, ...], int] = {}
    for number, group in enumerate(groups):
        for term in group:
            assert len(tokenize(term)) == 1, f"{term!r}: a phrase swallows a story's words"
            assert term not in QUESTION_WORDS | STOPWORDS, f"{term!r} says what is asked"
            key = tuple(analyzer._stems(term))
            assert owner.setdefault(key, number) == number, f"{term!r} is in two groups"
        stems = {tuple(analyzer._stems(term)) for term in group}
        assert len(stems) > 1, f"{group}: one stem, nothing to read as another"
