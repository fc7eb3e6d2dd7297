"""Any content of any knowledge file is a `file:line:` problem, never a crash or a hang."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.cli import main
from bot.config import Settings
from bot.errors import KnowledgeError
from bot.knowledge.loading import load_knowledge
from bot.matching.engine import Engine
from bot.models import Query
from bot.serving.service import StoryBot

PROBLEM = re.compile(r"^(faq|facts|synonyms)\.yaml:\d+: \S")
FIRST_ANSWER = "    answer: >-\n"

BOMB = (
    "a: &a [x, x, x, x, x, x, x, x, x]\n"
    + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
    )
    + "entries: *i\n"
)

# (file, old text, new text): replace `old` (or the whole file when `old` is None)
HOSTILE = {
    "impossible date": (
        "faq.yaml",
        FIRST_ANSWER,
        "    answer: 2023-02-30\n    x: >-\n",
    ),
    "complex key": ("faq.yaml", FIRST_ANSWER, "    ? [a, b]\n    : x\n" + FIRST_ANSWER),
    "recursive alias": ("faq.yaml", "    phrasings:\n", "    phrasings: &a [*a]\n    x:\n"),
    "alias bomb": ("faq.yaml", None, BOMB),
    "binary junk": ("faq.yaml", None, "\x00\x01\x02 entries: \ufffe\x7f\x1b[31m"),
    "python tag": (
        "faq.yaml",
        FIRST_ANSWER,
        "    answer: !!python/object/apply:os.system [ls]\n    x: >-\n",
    ),
    "bad base64": ("faq.yaml", FIRST_ANSWER, "    answer: !!binary '%%%'\n    x: >-\n"),
    "bad int tag": ("faq.yaml", FIRST_ANSWER, "    answer: !!int abc\n    x: >-\n"),
    "bad timestamp tag": (
        "faq.yaml",
        FIRST_ANSWER,
        "    answer: !!timestamp 2023-13-45 arrived\n    x: >-\n",
    ),
    "deep nesting": ("faq.yaml", None, "entries: " + "[" * 3000 + "]" * 3000),
    "undefined alias": ("faq.yaml", FIRST_ANSWER, "    answer: *nowhere\n    x: >-\n"),
    "a name with no words": ("facts.yaml", "aliases: [Premier Li,", "aliases: ['?!', Premier Li,"),
    "a synonym with no words": ("synonyms.yaml", "  - [moon, lunar,", "  - ['--', moon, lunar,"),
    "a scalar file": ("synonyms.yaml", None, "just words"),
    "not utf-8": ("facts.yaml", None, "title: \udcff\udcfe"),  # written as raw bytes
    "a key twice": ("faq.yaml", FIRST_ANSWER, "    answer: a first one, lost\n" + FIRST_ANSWER),
    "a fact's key twice": (
        "facts.yaml",
        "    type: person\n",
        "    type: place\n    type: person\n",
    ),
}


def _write(folder: Path, name: str, old: str | None, new: str) -> None:
    path = folder / name
    if old is None:
        path.write_bytes(new.encode("utf-8", "surrogatepass"))
        return
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("case", list(HOSTILE))
def test_validate_names_file_and_line_for_hostile_content(
    case: str,
    knowledge_copy: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _write(knowledge_copy, *HOSTILE[case])
    monkeypatch.setenv("STORYBOT_ENCODER", "none")
    start = time.perf_counter()
    status = main(["validate", str(knowledge_copy)])
    took = time.perf_counter() - start
    err = capsys.readouterr().err
    assert status == 1, err
    assert err.strip() and all(PROBLEM.match(line) for line in err.strip().splitlines()), err
    assert took < 2, f"validate took {took:.1f}s"


# pieces of YAML that have broken loaders: spliced anywhere into a real file
EVIL = st.sampled_from(
    [
        "&a [*a]",
        "*a",
        "? [a, b]\n: x",
        "2023-02-30",
        "!!binary x",
        "!!python/name:os",
        "&x",
        "{",
        "- ",
        "\t",
        ": ",
        "\x00",
        "!!timestamp 2023-13-45",
        "!!float x",
        "~",
        ".nan",
        "[[[",
        "<<: *a",
        "? ",
    ]
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=st.sampled_from(["faq.yaml", "facts.yaml", "synonyms.yaml"]),
    at=st.floats(0, 1),
    piece=st.one_of(EVIL, st.text(max_size=20)),
)
def test_any_splice_into_a_knowledge_file_loads_or_names_file_and_line(
    knowledge_copy: Path, name: str, at: float, piece: str
) -> None:
    path = knowledge_copy / name
    original = path.read_text(encoding="utf-8")
    cut = int(at * len(original))
    path.write_text(
        original[:cut] + piece + original[cut:], encoding="utf-8", errors="surrogatepass"
    )
    try:
        Engine(load_knowledge(knowledge_copy))
    except KnowledgeError as exc:
        assert exc.problems and all(PROBLEM.match(p) for p in exc.problems), exc.problems
    finally:
        path.write_text(original, encoding="utf-8")


def test_a_key_that_starts_unseen_is_named_escaped(knowledge_copy: Path) -> None:
    # a no-break space before the opening comment makes that line a key: the message shows it
    path = knowledge_copy / "faq.yaml"
    path.write_text("\xa0" + path.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(KnowledgeError) as raised:
        load_knowledge(knowledge_copy)
    [problem] = raised.value.problems
    assert PROBLEM.match(problem) and problem.startswith("faq.yaml:1: '\\xa0# The curated")


@pytest.mark.parametrize(
    "case", ["impossible date", "complex key", "recursive alias", "alias bomb", "a key twice"]
)
def test_a_hostile_edit_is_rejected_on_reload_with_file_and_line(
    case: str,
    knowledge_copy: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setenv("STORYBOT_KNOWLEDGE_DIR", str(knowledge_copy))
    monkeypatch.setenv("STORYBOT_ENCODER", "none")
    config = Settings(_env_file=None)
    bot = StoryBot(Engine.from_settings(config), config)
    _write(knowledge_copy, *HOSTILE[case])
    assert not bot.reload()
    [record] = [r for r in caplog.records if "reload rejected" in r.getMessage()]
    assert PROBLEM.match(record.getMessage().splitlines()[1]) and not record.exc_info
    assert bot.answer(Query(text="where was the agreement signed?")).answered
