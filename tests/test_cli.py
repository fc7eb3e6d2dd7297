"""The `storybot` command line, run as a user runs it: a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import DATA

KEYS = {"question", "answered", "answer", "confidence", "source", "entry_id", "suggestions"}


def storybot(*args: str, stdin: bytes | None = None, env: dict[str, str] | None = None):
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, timeout=60, env=env
    )


def test_ask_prints_the_answer_and_its_source() -> None:
    result = storybot("ask", "where was the agreement signed?")
    out = result.stdout.decode()
    assert result.returncode == 0
    assert "Beijing" in out and "Source:" in out


def test_ask_json_prints_exactly_the_contract_fields() -> None:
    result = storybot("ask", "--json", "wen is artmis landing")
    record = json.loads(result.stdout)
    assert set(record) == KEYS
    assert record["answered"] is True and "December 2025" in record["answer"]


def test_ask_json_stdin_answers_every_line_in_order_even_odd_ones() -> None:
    lines = [
        "Who announced the collaboration?",
        "",
        "What is the gravity like on the moon?",
        "\u202e\u200b🚀 <b>hi</b> & @everyone",
        "bad \xff\xfe bytes",
    ]
    raw = "\n".join(lines[:4]).encode() + b"\n" + b"bad \xff\xfe bytes\n"
    result = storybot("ask", "--json", "-", stdin=raw)
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert result.returncode == 0
    assert len(records) == len(lines)
    assert [set(r) for r in records] == [KEYS] * len(lines)
    assert records[0]["answered"] and "China National Space Administration" in records[0]["answer"]
    assert records[2]["answered"] is False and records[2]["suggestions"]
    assert records[0]["question"] == lines[0]


def test_validate_accepts_the_shipped_knowledge() -> None:
    result = storybot("validate")
    assert result.returncode == 0, result.stderr.decode()
    assert b"valid" in result.stdout


def test_validate_rejects_a_broken_folder_with_file_line_and_field(knowledge_copy: Path) -> None:
    faq = knowledge_copy / "faq.yaml"
    faq.write_text(
        faq.read_text().replace("    answer: In Beijing", "    answer:\n    anser: In Beijing", 1)
    )
    result = storybot("validate", str(knowledge_copy))
    err = result.stderr.decode()
    assert result.returncode == 1
    assert (
        "faq.yaml:" in err
        and "entry 'signing-place': anser: unknown field 'anser' (did you mean 'answer'?)" in err
    )


def test_validate_warns_about_phrasings_the_matcher_confuses(knowledge_copy: Path) -> None:
    faq = knowledge_copy / "faq.yaml"
    faq.write_text(
        faq.read_text().replace(
            "      - Signing location?\n",
            "      - Signing location?\n      - So who did Pakistan sign the agreement with?\n",
            1,
        )
    )
    result = storybot("validate", str(knowledge_copy))
    assert result.returncode == 0
    assert "warning: faq.yaml:" in result.stderr.decode()
    assert "'signing-place'" in result.stderr.decode()


def test_eval_reports_both_rates_and_tags() -> None:
    result = storybot("eval", str(DATA / "questions.jsonl"), "--misses")
    out = result.stdout.decode()
    assert result.returncode == 0
    assert "in-scope accuracy" in out and "out-of-scope declined" in out
    assert "urdu-romanized" in out


def test_knowledge_folder_comes_from_the_environment(knowledge_copy: Path) -> None:
    import os

    faq = knowledge_copy / "faq.yaml"
    faq.write_text(
        faq.read_text().replace("In Beijing, where Kakar", "In Beijing (edited), where Kakar", 1)
    )
    env = {**os.environ, "STORYBOT_KNOWLEDGE_DIR": str(knowledge_copy)}
    result = storybot("ask", "where was the agreement signed?", env=env)
    assert "(edited)" in result.stdout.decode()


def test_chat_talks_in_the_terminal_and_picks_suggestions_by_number() -> None:
    result = storybot("chat", stdin=b"hi\nwho signed the deal?\nhow much did it cost?\n1\nquit\n")
    out = result.stdout.decode()
    assert result.returncode == 0
    assert "Li Qiang" in out and "source:" in out
    assert "[1]" in out and out.count("bot>") == 4
    assert "INFO" not in result.stderr.decode()  # no log lines in the middle of a chat


def test_validate_warns_when_two_synonym_groups_claim_one_word(knowledge_copy: Path) -> None:
    synonyms = knowledge_copy / "synonyms.yaml"
    # "landings" is a new spelling, but it stems to "land", which another group owns
    synonyms.write_text(
        synonyms.read_text().replace(
            "  - [peace, aman, amn]", "  - [peace, aman, amn, landings]", 1
        )
    )
    result = storybot("validate", str(knowledge_copy))
    assert result.returncode == 0
    assert (
        "warning: synonyms.yaml: 'landings' is read as 'land', in whose group it is once "
        "stemmed: it cannot also mean 'peace'" in result.stderr.decode()
    )


def test_validate_warns_when_two_synonym_groups_are_one_once_stemmed(
    knowledge_copy: Path,
) -> None:
    synonyms = knowledge_copy / "synonyms.yaml"  # the README's talk / talks
    synonyms.write_text(synonyms.read_text() + "  - [ramble, natter]\n  - [rambles, blather]\n")
    said = storybot("validate", str(knowledge_copy)).stderr.decode()
    assert "the groups of 'ramble' and 'rambles' are read as one group" in said


def test_gaps_commands_list_export_and_forget(tmp_path: Path) -> None:
    import os

    env = {**os.environ, "STORYBOT_DATA_DIR": str(tmp_path)}
    from bot.config import Settings
    from bot.gaps.store import SqliteGapStore
    from bot.matching.engine import Engine
    from bot.models import Query
    from bot.serving.service import StoryBot

    settings = Settings(_env_file=None, data_dir=tmp_path)
    bot = StoryBot(
        Engine.from_folder(settings.knowledge_dir), settings, SqliteGapStore(settings.gaps_path)
    )
    for n, question in enumerate(
        [
            "How much is Pakistan paying for the base?",
            "how much is pakistan paying for the base",
            "What is the gravity like on the moon?",
        ]
    ):
        bot.answer(Query(text=question, user_id=str(n)))
    bot.close()  # its writer thread stores what it has queued
    listed = storybot("gaps", env=env).stdout.decode().split("Unanswered")[1].splitlines()
    assert listed[1].lstrip().startswith("2x") and "nearest:" in listed[1]
    drafted = storybot("gaps", "--yaml", env=env).stdout.decode()
    assert (
        "question: How much is Pakistan paying for the base?" in drafted and "answer: ''" in drafted
    )
    forgot = storybot("gaps", "--forget", env=env).stdout.decode()
    assert "erased 3" in forgot
    assert storybot("gaps", env=env).stdout.decode().count("none logged") == 2


def test_ask_explain_shows_how_it_decided() -> None:
    result = storybot("ask", "--explain", "where was the agreement signed?")
    assert result.returncode == 0
    out = result.stdout.decode()
    assert "Beijing" in out
    assert "decision: answer" in out
    assert "signing-place" in out or "signing" in out


def test_the_semantic_layer_can_be_turned_off_by_its_setting() -> None:
    env = {**os.environ, "STORYBOT_ENCODER": "none"}
    result = storybot("ask", "--json", "where was the agreement signed?", env=env)
    assert result.returncode == 0
    assert json.loads(result.stdout)["answered"] is True
    bad = storybot("ask", "hello there", env={**os.environ, "STORYBOT_ENCODER": "nope"})
    assert bad.returncode == 2
    assert "unknown encoder 'nope'" in bad.stderr.decode()


def test_explain_refuses_a_stream_of_questions() -> None:
    result = storybot("ask", "--explain", "-", stdin=b"who signed the deal?\n")
    assert result.returncode == 2
    assert b"--explain takes one question" in result.stderr


def test_log_gaps_refuses_a_stream_of_questions_rather_than_log_nothing() -> None:
    result = storybot("ask", "--log-gaps", "-", stdin=b"what is the gravity like?\n")
    assert result.returncode == 2
    assert b"--log-gaps takes one question" in result.stderr


def test_a_terminal_that_takes_only_ascii_gets_the_answer_not_a_traceback() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    result = storybot("ask", "who signed the agreement?", env=env)
    assert result.returncode == 0 and b"Traceback" not in result.stderr
    assert b"Li Qiang" in result.stdout


def test_everyday_mistakes_get_one_clear_line() -> None:
    missing = storybot("eval", "nope.jsonl")
    assert missing.returncode == 2
    assert (
        missing.stderr.decode().strip()
        == "storybot eval: nope.jsonl: cannot read: No such file or directory"
    )
    env = {**os.environ, "STORYBOT_ANSWER_THRESHOLD": "abc"}
    threshold = storybot("ask", "hi", env=env)
    assert threshold.returncode == 2
    assert threshold.stderr.decode().startswith(
        "storybot: setting STORYBOT_ANSWER_THRESHOLD: got 'abc': input should be a valid number"
    )
    for result in (missing, threshold):
        assert b"Traceback" not in result.stderr


def test_a_broken_question_set_names_its_file_and_line(tmp_path: Path) -> None:
    questions = tmp_path / "set.jsonl"
    questions.write_text('{"id": "a", "question": "hi?", "scope": "out"}\n\nnot json\n')
    result = storybot("eval", str(questions))
    assert result.returncode == 2
    assert result.stderr.decode().startswith(f"storybot eval: {questions}:3: Invalid JSON")


def test_unquoted_words_are_one_question_and_bare_storybot_prints_help() -> None:
    result = storybot("ask", "where", "was", "the", "agreement", "signed?")
    assert "Beijing" in result.stdout.decode()
    bare = storybot()
    assert bare.returncode == 0 and "usage: storybot" in bare.stdout.decode()
    version = storybot("--version")
    assert version.returncode == 0 and version.stdout.decode().startswith("storybot ")


def test_config_shows_every_setting_in_effect_and_the_readme_documents_each(
    tmp_path: Path,
) -> None:
    env = {**os.environ, "STORYBOT_DATA_DIR": str(tmp_path)}
    lines = storybot("config", env=env).stdout.decode().splitlines()
    shown = dict(line.split("=", 1) for line in lines)
    assert shown["STORYBOT_GAPS_DB"] == str(tmp_path / "gaps.sqlite3")
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    undocumented = [name for name in shown if name not in readme]
    assert undocumented == []


def test_knowledge_option_answers_from_another_story_for_one_run() -> None:
    lagos = Path(__file__).parent / "data" / "stories" / "lagos-metro" / "knowledge"
    record = json.loads(storybot("ask", "--knowledge", str(lagos), "--json", "fare?").stdout)
    assert record["answered"] and "750 naira" in record["answer"]
    missing = storybot("ask", "--knowledge", "/no/such/folder", "fare?")
    assert missing.returncode == 1 and missing.stderr == b"/no/such/folder: no such folder\n"
    a_file = storybot("ask", "--knowledge", str(lagos / "faq.yaml"), "fare?")
    assert a_file.stderr.decode() == f"{lagos / 'faq.yaml'}: is a file, not a folder\n"


def test_gibberish_and_insults_get_what_the_bot_is_for() -> None:
    for text in ("asdkjh qwe zzz", "you are stupid"):
        record = json.loads(storybot("ask", "--json", text).stdout)
        assert record["answered"] is False
        assert record["answer"].startswith("The story doesn't mention that. It is about: ")


def test_ctrl_c_in_the_chat_leaves_quietly(engine) -> None:  # type: ignore[no-untyped-def]
    import io

    from adapters.console_adapter import run
    from bot.config import Settings
    from bot.serving.service import StoryBot

    class CtrlC(io.StringIO):
        def readline(self, size: int = -1) -> str:
            raise KeyboardInterrupt

    out = io.StringIO()
    assert run(StoryBot(engine, Settings(_env_file=None)), CtrlC(), out) == 0
    assert out.getvalue().endswith("you> \n")


def test_a_number_that_picks_no_suggestion_is_not_asked(engine) -> None:  # type: ignore[no-untyped-def]
    import io

    from adapters.console_adapter import NO_SUCH_NUMBER, run
    from bot.config import Settings
    from bot.serving.service import StoryBot

    bot = StoryBot(engine, Settings(_env_file=None))
    out = io.StringIO()
    assert run(bot, io.StringIO("1972\ngive me a recipe\n7\n2\n"), out) == 0
    replies = out.getvalue().split("bot> ")[1:]
    assert not replies[0].startswith(NO_SUCH_NUMBER)  # nothing listed: a number is a question
    assert "[3]" in replies[1] and "[4]" not in replies[1]
    assert replies[2].startswith(NO_SUCH_NUMBER)  # only three were listed
    assert "source:" in replies[3]  # the second one, answered


def test_validate_warns_about_an_answer_that_does_not_stand_alone(knowledge_copy: Path) -> None:
    faq = knowledge_copy / "faq.yaml"
    faq.write_text(
        faq.read_text().replace(
            "answer: Kakar was in China attending", "answer: He was in China attending", 1
        )
    )
    result = storybot("validate", str(knowledge_copy))
    assert result.returncode == 0
    assert "entry 'kakar-visit': answer: starts with 'He'" in result.stderr.decode()
    assert storybot("validate").stderr == b""  # the shipped knowledge has no such answer


def test_knowledge_mistakes_are_said_in_a_maintainers_words(knowledge_copy: Path) -> None:
    faq = knowledge_copy / "faq.yaml"
    original = faq.read_text()
    lines = original.split("\n")
    at = [n for n, line in enumerate(lines) if line.startswith("    question:")][1]
    lines[at] = '    question: "Who is leading the moon research station project?'
    cases = {
        "\n".join(lines): f"faq.yaml:{at + 1}: entry 'who-leads': YAML syntax error",  # the quote
        "# nothing yet\n": "faq.yaml:1: faq.yaml is empty",
        original.replace("    phrasings:", "    phrasing:", 1): (
            "phrasing: unknown field 'phrasing' (did you mean 'phrasings'?)"
        ),
        original.replace("    answer: In Beijing", "    answer: " + "x" * 400 + " In Beijing", 1): (
            "answer: 477 characters; at most 350"
        ),
    }
    for text, expected in cases.items():
        faq.write_text(text)
        err = storybot("validate", str(knowledge_copy)).stderr.decode()
        assert expected in err and "Traceback" not in err, err
        if "syntax" in expected:
            assert 'the line reads: question: "Who is leading' in err  # the offending line


def test_ctrl_c_while_reading_questions_from_stdin_stops_quietly_with_130() -> None:
    import signal

    asking = subprocess.Popen(
        [sys.executable, "-m", "bot", "ask", "--json", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert asking.stdin is not None and asking.stdout is not None
    asking.stdin.write(b"who signed the deal?\n")
    asking.stdin.flush()
    first = asking.stdout.readline()  # answered: it now waits for the next line
    asking.send_signal(signal.SIGINT)
    out, err = asking.communicate(timeout=30)
    assert json.loads(first)["answered"] is True and out == b""
    assert asking.returncode == 130
    assert b"Traceback" not in err and b"KeyboardInterrupt" not in err


def test_eval_refuses_a_question_file_with_no_questions(tmp_path: Path) -> None:
    for text in ("", "\n  \n"):
        questions = tmp_path / "set.jsonl"
        questions.write_text(text)
        result = storybot("eval", str(questions))
        assert result.returncode == 2
        assert result.stderr.decode() == f"storybot eval: {questions}: no questions in it\n"
        assert result.stdout == b""


def test_eval_names_an_unknown_field_rather_than_pass_the_question(tmp_path: Path) -> None:
    questions = tmp_path / "set.jsonl"  # "expected" for "expect_any" would check nothing
    questions.write_text('{"id": "a", "question": "where?", "scope": "in", "expected": ["X"]}\n')
    result = storybot("eval", str(questions))
    assert result.returncode == 2
    said = result.stderr.decode()
    assert f"{questions}:1: field 'expected': unknown field; the fields are id," in said


def test_eval_misses_show_a_correction_as_one_not_as_an_answer(tmp_path: Path) -> None:
    questions = tmp_path / "set.jsonl"
    line = '{"id": "c", "question": "When did Pakistan land on the moon?", "scope": "in"}\n'
    questions.write_text(line)
    out = storybot("eval", str(questions), "--misses").stdout.decode()
    assert "-> correction (" in out


def test_gaps_drafts_from_an_empty_log_say_so_and_forget_takes_no_other_option(
    tmp_path: Path,
) -> None:
    import os

    env = {**os.environ, "STORYBOT_DATA_DIR": str(tmp_path)}
    said = storybot("gaps", "--yaml", env=env).stdout.decode()
    assert said == f"nothing to draft: no question logged in {tmp_path / 'gaps.sqlite3'} yet\n"
    both = storybot("gaps", "--forget", "--yaml", env=env)
    assert both.returncode == 2 and b"not allowed with argument" in both.stderr


def test_ask_log_gaps_prints_the_answer_without_log_lines(tmp_path: Path) -> None:
    import os

    env = {**os.environ, "STORYBOT_DATA_DIR": str(tmp_path)}
    done = storybot("ask", "--log-gaps", "How far is the moon from Earth?", env=env)
    assert done.returncode == 0 and done.stderr == b""
