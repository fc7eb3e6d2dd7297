"""The package installs anywhere: a built wheel, in a fresh environment, outside the checkout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the wheel and install it, without its dependencies, into a fresh virtualenv."""
    work = tmp_path_factory.mktemp("wheel")
    build = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q"]
    subprocess.run([*build, "-w", str(work), str(ROOT)], check=True, capture_output=True)
    [wheel] = work.glob("storybot-*.whl")
    env_dir = work / "env"
    # the dependencies come from this interpreter's site-packages; storybot only from the wheel
    venv.create(env_dir, system_site_packages=True, with_pip=True)
    python = env_dir / "bin" / "python"
    install = [str(python), "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel)]
    # a checkout on PYTHONPATH holds the build's storybot.egg-info: pip would take it for an
    # installed storybot and install nothing
    clean = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    subprocess.run(install, check=True, capture_output=True, env=clean)
    return env_dir / "bin" / "storybot"


def test_the_installed_bot_answers_from_its_shipped_knowledge(
    installed: Path, tmp_path: Path
) -> None:
    result = subprocess.run(
        [str(installed), "ask", "--json", "where was the agreement signed?"],
        cwd=tmp_path,
        capture_output=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    record = json.loads(result.stdout)
    assert record["answered"] and "Beijing" in record["answer"]


def test_the_installed_bot_validates_its_shipped_knowledge(installed: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [str(installed), "validate"],
        cwd=tmp_path,
        capture_output=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    out = result.stdout.decode()
    assert "site-packages" in out and "default_knowledge" in out and "valid" in out
