"""`storybot validate` on the command line: the folder given as every command takes it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest


def storybot(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], capture_output=True, text=True, timeout=60
    )


def _broken(folder: Path) -> Path:
    faq = folder / "faq.yaml"
    faq.write_text(
        faq.read_text(encoding="utf-8").replace(
            "    answer: In Beijing", "    answr: In Beijing", 1
        )
    )
    return folder


@pytest.mark.parametrize("option", [[], ["--knowledge"]], ids=["positional", "knowledge-option"])
def test_validate_checks_the_folder_named_either_way(
    knowledge_copy: Path, option: list[str]
) -> None:
    result = storybot("validate", *option, str(_broken(knowledge_copy)))
    assert result.returncode == 1
    assert "entry 'signing-place': answr: unknown field 'answr'" in result.stderr


def test_validate_refuses_a_folder_named_both_ways(knowledge_copy: Path, tmp_path: Path) -> None:
    result = storybot("validate", str(knowledge_copy), "--knowledge", str(tmp_path))
    assert result.returncode == 2 and "not allowed with" in result.stderr


def _commands(usage: str) -> set[str]:
    found = re.search(r"\{([a-z,]+)\}", usage)
    assert found, usage
    return set(found.group(1).split(","))


@pytest.mark.parametrize("command", ["validate", "ask", "chat", "gaps", "config", "run"])
def test_an_unknown_option_is_told_with_a_usage_line_naming_every_command(command: str) -> None:
    every = _commands(storybot("--help").stdout)
    assert "invite" in every  # a front end's command, listed with the core's
    result = storybot(command, "--no-such-option", *(["hi"] if command == "ask" else []))
    assert result.returncode == 2
    assert "unrecognized arguments: --no-such-option" in result.stderr
    assert _commands(result.stderr) == every
