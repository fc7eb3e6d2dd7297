"""Settings from the environment and `.env`; secrets never shown."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from adapters.discord_settings import DiscordSettings
from adapters.telegram_settings import TelegramSettings
from bot.cli import main
from bot.config import Settings
from bot.serving.logs import configure_logging

TOKEN = "424242:settings-secret-token-value"


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STORYBOT_TELEGRAM_TOKEN", TOKEN)
    monkeypatch.setenv("STORYBOT_ANSWER_THRESHOLD", "0.7")
    monkeypatch.setenv("STORYBOT_DISCORD_SHARD_IDS", "2,3")
    assert Settings(_env_file=None).answer_threshold == 0.7
    telegram = TelegramSettings(_env_file=None)  # each front end reads its own
    assert telegram.token is not None and telegram.token.get_secret_value() == TOKEN
    assert DiscordSettings(_env_file=None).shard_ids == [2, 3]
    assert TOKEN in Settings(_env_file=None).secrets()  # yet the core masks it in its logs


def test_settings_come_from_a_dotenv_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for key in list(os.environ):
        if key.startswith("STORYBOT_"):
            monkeypatch.delenv(key)
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text(f"STORYBOT_DISCORD_TOKEN={TOKEN}\nSTORYBOT_TELEGRAM_TOKEN=\n")
    discord = DiscordSettings()
    assert discord.token is not None and discord.token.get_secret_value() == TOKEN
    assert TelegramSettings().token is None  # set but blank is unset
    assert Settings().secrets() == [TOKEN]


def test_secrets_are_not_in_repr_str_or_dump(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STORYBOT_TELEGRAM_TOKEN", TOKEN)
    monkeypatch.setenv("STORYBOT_TELEGRAM_WEBHOOK_SECRET", "webhook-secret-value")
    settings = TelegramSettings(_env_file=None)
    for text in (repr(settings), str(settings), settings.model_dump_json()):
        assert TOKEN not in text and "webhook-secret-value" not in text


def test_config_command_masks_secrets() -> None:
    env = {
        **os.environ,
        "STORYBOT_TELEGRAM_TOKEN": TOKEN,
        "STORYBOT_DISCORD_TOKEN": "discord-secret-abc",
    }
    out = subprocess.run(
        [sys.executable, "-m", "bot", "config"], capture_output=True, text=True, env=env, check=True
    ).stdout
    assert "STORYBOT_TELEGRAM_TOKEN=**********" in out
    assert TOKEN not in out and "discord-secret-abc" not in out
    assert "STORYBOT_KNOWLEDGE_DIR=" in out and "STORYBOT_RATE_USER_BURST=" in out


def test_log_lines_mask_secrets_even_in_tracebacks(capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging("DEBUG", [TOKEN])
    log = logging.getLogger("some.library")
    log.debug("calling https://api.telegram.org/bot%s/getMe", TOKEN)
    try:
        raise RuntimeError(f"bad url /bot{TOKEN}/x")
    except RuntimeError:
        log.exception("failed")
    err = capsys.readouterr().err
    assert TOKEN not in err and TOKEN.split(":")[1] not in err
    assert "/bot***/getMe" in err and "RuntimeError" in err
    logging.getLogger().handlers.clear()


def test_a_token_set_in_lower_case_is_still_masked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for key in list(os.environ):
        if key.startswith("STORYBOT_"):
            monkeypatch.delenv(key)
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text(f"storybot_telegram_token={TOKEN}\n")
    assert TelegramSettings().token is not None  # pydantic-settings reads it case-blind
    assert Settings().secrets() == [TOKEN]


def test_a_bad_front_end_setting_names_the_variable_everywhere() -> None:
    env = {
        **os.environ,
        "STORYBOT_TELEGRAM_WEBHOOK_PORT": "abc",
        "STORYBOT_DISCORD_SHARD_IDS": "a,b",
    }
    for command in ("config", "invite", "run"):
        done = subprocess.run(
            [sys.executable, "-m", "bot", command], capture_output=True, text=True, env=env
        )
        assert "Traceback" not in done.stderr, command
        assert done.returncode == 2, command
    config = subprocess.run(
        [sys.executable, "-m", "bot", "config"], capture_output=True, text=True, env=env
    ).stderr
    assert "setting STORYBOT_TELEGRAM_WEBHOOK_PORT: got 'abc'" in config
    assert "setting STORYBOT_DISCORD_SHARD_IDS: got 'a,b'" in config


@pytest.fixture
def clean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No STORYBOT_ variable set, a fresh working directory, the root logger put back after."""
    for key in list(os.environ):
        if key.upper().startswith("STORYBOT_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("STORYBOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield tmp_path
    root.handlers[:], root.level = handlers, level


def test_the_log_level_takes_any_case_and_an_unknown_one_is_a_settings_error(
    clean: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("STORYBOT_LOG_LEVEL", "LOUD")
    assert main(["config"]) == 2
    assert capsys.readouterr().err == (
        "storybot: setting STORYBOT_LOG_LEVEL: got 'LOUD': not a log level: "
        "use DEBUG, INFO, WARNING, ERROR or CRITICAL (any case)\n"
    )
    monkeypatch.setenv("STORYBOT_LOG_LEVEL", "warning")
    assert Settings().log_level == "WARNING"


@pytest.mark.parametrize(
    ("raw", "said"),
    [
        (  # Notepad's "Unicode"
            "STORYBOT_ENCODER=none\n".encode("utf-16"),
            "storybot: .env: not UTF-8 text: it is UTF-16 (as some Windows editors save it); "
            "save it as UTF-8",
        ),
        (
            f"STORYBOT_TELEGRAM_TOKEN={TOKEN}\nSTORYBOT_DATA_DIR=/srv/caf\xe9\n".encode("latin-1"),
            "storybot: .env: line 2 is not UTF-8 text (Latin-1 or another encoding?); "
            "save it as UTF-8",
        ),
        (  # Notepad's "UTF-8 with BOM": the first name would be read as "\ufeffSTORYBOT_…"
            "STORYBOT_ANSWER_THRESHOLD=0.9\n".encode("utf-8-sig"),
            "storybot: .env: starts with a byte-order mark, which hides its first setting; "
            "save it as UTF-8 without BOM",
        ),
    ],
    ids=["utf-16", "latin-1", "utf-8-bom"],
)
def test_a_dotenv_file_that_is_not_utf8_is_one_line_naming_it_for_every_command(
    clean: Path, raw: bytes, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (clean / ".env").write_bytes(raw)
    for command in (["config"], ["ask", "who signed?"], ["invite"]):
        assert main(command) == 2, command
        err = capsys.readouterr().err
        assert err == said + "\n", command
        assert TOKEN.split(":")[1] not in err


def test_a_clarify_threshold_above_the_answer_threshold_is_a_settings_error(
    clean: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("STORYBOT_ANSWER_THRESHOLD", "0.6")
    monkeypatch.setenv("STORYBOT_CLARIFY_THRESHOLD", "0.6")
    assert Settings().clarify_threshold == 0.6  # equal: no "did you mean" band, and valid
    monkeypatch.delenv("STORYBOT_ANSWER_THRESHOLD")
    monkeypatch.setenv("STORYBOT_CLARIFY_THRESHOLD", "0.9")
    assert main(["config"]) == 2
    assert capsys.readouterr().err == (
        "storybot: settings: STORYBOT_CLARIFY_THRESHOLD (0.9) is above "
        "STORYBOT_ANSWER_THRESHOLD (0.5): it must be at most the answer threshold "
        '(between the two the bot asks "did you mean …?")\n'
    )


def test_a_misspelt_setting_is_warned_about_with_the_closest_name_never_its_value(
    clean: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("STORYBOT_ANSWER_TRESHOLD", "0.6137")
    (clean / ".env").write_text(
        f"STORYBOT_TELEGRAM_TOKNE={TOKEN}\nSTORYBOT_DISCORD_GUILD_ID=42\n"
        "storybot_log_level=info\nstorybot_zzz_qqq=0.7331\nOTHER_TOOL=1\n"
    )
    assert main(["config"]) == 0  # a warning, not an error
    err = capsys.readouterr().err
    warned = sorted(line.split(": ", 1)[1] for line in err.splitlines() if "WARNING" in line)
    assert warned == [
        "unknown setting STORYBOT_ANSWER_TRESHOLD (in the environment) is ignored: "
        "did you mean STORYBOT_ANSWER_THRESHOLD?",
        "unknown setting STORYBOT_TELEGRAM_TOKNE (in .env) is ignored: "
        "did you mean STORYBOT_TELEGRAM_TOKEN?",
        "unknown setting storybot_zzz_qqq (in .env) is ignored: no setting is named like it",
    ]
    for value in (TOKEN, TOKEN.split(":")[1], "0.6137", "0.7331"):
        assert value not in err


def test_a_front_end_without_a_declared_settings_class_owns_its_whole_prefix(
    clean: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.serving import settings_cli

    class Slack:  # a front end whose `settings()` does not say which class it returns
        name = "slack"

        def settings(self):  # type: ignore[no-untyped-def]
            return Settings()

    monkeypatch.setattr(settings_cli, "installed", lambda: [Slack()])
    monkeypatch.setenv("STORYBOT_SLACK_ANY_NAME", "1")  # its names cannot be checked: no warning
    monkeypatch.setenv("STORYBOT_SLAKC_TOKEN", "1")
    assert settings_cli.misspelt() == [
        "unknown setting STORYBOT_SLAKC_TOKEN (in the environment) is ignored: "
        "no setting is named like it"
    ]
