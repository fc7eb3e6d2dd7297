"""The core stays platform-neutral and light to import."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.models import Answer, AnswerKind, ChatKind, Platform, Query

BOT = Path(__file__).parent.parent / "bot"
FORBIDDEN = ("telegram", "discord", "adapters")


def _imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


@pytest.mark.parametrize("path", sorted(BOT.rglob("*.py")), ids=lambda p: p.name)
def test_core_module_imports_no_platform_or_adapter(path: Path) -> None:
    bad = [n for n in _imports(path) if n.split(".")[0] in FORBIDDEN]
    assert bad == []


def test_ask_does_not_load_platform_libraries() -> None:
    code = (
        "import sys; from bot.cli import main; main(['ask', 'who is kakar']); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('telegram', 'discord', 'adapters')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_query_and_answer_are_frozen() -> None:
    query = Query(text="hi")
    answer = Answer(text="x", kind=AnswerKind.DECLINE)
    with pytest.raises(ValidationError):
        query.text = "other"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        answer.answered = True  # type: ignore[misc]


def test_answer_confidence_is_bounded() -> None:
    with pytest.raises(ValidationError):
        Answer(text="x", kind=AnswerKind.ANSWER, confidence=1.5)


ADAPTERS = Path(__file__).parent.parent / "adapters"
DOOR = {
    "bot.serving.service",
    "bot.models",
    "bot.config",
}  # what a front end may import from the core


@pytest.mark.parametrize("path", sorted(ADAPTERS.glob("*.py")), ids=lambda p: p.name)
def test_adapters_use_only_the_service_and_the_boundary_types(path: Path) -> None:
    core = {n for n in _imports(path) if n.split(".")[0] == "bot"}
    assert core <= DOOR


def test_answered_follows_from_the_kind_and_cannot_be_set_apart() -> None:
    assert Answer(text="x", kind=AnswerKind.ANSWER).answered
    assert not Answer(text="x", kind=AnswerKind.DECLINE).answered
    with pytest.raises(ValidationError):
        Answer(answered=True, text="x", kind=AnswerKind.DECLINE)  # type: ignore[call-arg]
    assert Answer(text="x", kind=AnswerKind.CLARIFY).model_dump()["answered"] is False


def test_chat_kind_and_platform_are_enums() -> None:
    assert Query(text="x", chat_kind="group").chat_kind is ChatKind.GROUP
    with pytest.raises(ValidationError):
        Query(text="x", chat_kind="secret-room")
    with pytest.raises(ValidationError):
        Query(text="x", platform="Tele gram\nFAKE LOG LINE")
    with pytest.raises(ValidationError):
        Query(text="x", platform="telegarm")  # a typo is not a platform


def test_the_platforms_are_the_registered_front_ends() -> None:
    from bot.serving.frontends import installed

    # one pyproject line registers a front end and makes its name a platform: no core edit
    assert {p.value for p in Platform} == {f.name for f in installed()} | {"console"}
    assert Query(text="x", platform="discord").platform is Platform("discord")


@pytest.mark.parametrize("path", sorted(BOT.rglob("*.py")), ids=lambda p: p.name)
def test_the_core_has_no_platform_field_or_name(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    names |= {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
    names |= {n.arg for n in ast.walk(tree) if isinstance(n, ast.arg)}
    assert not {n for n in names if "telegram" in n.lower() or "discord" in n.lower()}


def test_front_ends_plug_in_with_their_own_settings() -> None:
    from bot.config import Settings
    from bot.serving.frontends import installed

    assert not [f for f in Settings.model_fields if f.startswith(("telegram", "discord"))]
    frontends = {f.name: f for f in installed()}
    assert set(frontends) >= {"telegram", "discord"}
    for name, frontend in frontends.items():
        settings = frontend.settings()
        assert settings.model_config["env_prefix"] == f"STORYBOT_{name.upper()}_"
        assert frontend.ready(settings) == f"STORYBOT_{name.upper()}_TOKEN is not set"
